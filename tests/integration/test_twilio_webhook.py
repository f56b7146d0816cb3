"""A Twilio text through the webhooks Lambda handler, against the embedded DynamoDB (moto)."""

from __future__ import annotations

import itertools
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from botocore.exceptions import ClientError

from optledger import runtime
from optledger.chain import GENESIS_HASH, verify_chain
from tests.support.functions import function
from tests.support.twilio import form, http_api_event, load_event

PHONE = "+14155550123"
webhooks = function("webhooks")


def call(event, context):
    return webhooks.lambda_handler(event, context)


def consents(env) -> dict:
    return runtime.store().get_head("acme", PHONE).state


def status(campaign: str) -> str:
    from optledger.consent import effective

    head = runtime.store().get_head("acme", PHONE)
    return effective(head.state if head else None, campaign)["status"]


def test_stop_is_recorded_and_confirmed_with_twiml(env, lambda_context):
    response = call(load_event("api/twilio_stop.json"), lambda_context)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == "text/xml"
    assert "<Message>Acme Support: you are unsubscribed" in response["body"]
    [event] = env.events("acme", PHONE)
    assert (event["type"], event["seq"], event["prev_hash"]) == ("opt_out", 1, GENESIS_HASH)
    assert event["campaigns"] == ["C7CHAT", "C7DEALS"]  # every campaign sending from +18885550100
    assert event["evidence"]["matched"] == "STOP" and event["evidence"]["detected_by"] == "keyword"
    assert event["source"] == {
        "provider": "twilio",
        "provider_message_id": "SM0a1b2c3d4e5f60718293a4b5c6d7e8f9",
        "to": "+18885550100",
    }
    assert status("C7CHAT") == status("C7DEALS") == "opted_out"
    assert status("C7ALERTS") == "none"  # another sender number: not in a sender-scope STOP


def test_start_help_and_message_each_do_their_part(env, lambda_context):
    started = call(load_event("api/twilio_start.json"), lambda_context)
    helped = call(load_event("api/twilio_help.json"), lambda_context)
    chatted = call(load_event("api/twilio_message.json"), lambda_context)

    assert "you are subscribed" in started["body"]
    assert "help at acme.example/help" in helped["body"]
    assert chatted["body"].endswith("<Response/>")
    kinds = [(e["type"], e["tier"]) for e in env.events("acme", PHONE)]
    assert kinds == [("opt_in", "express_written"), ("help", None), ("message", "implied")]
    from optledger.consent import effective

    state = runtime.store().get_head("acme", PHONE).state
    assert effective(state, "C7DEALS")["tier"] == "express_written"
    assert effective(state, "C7CHAT")["tier"] == "implied"


def test_second_stop_records_evidence_but_sends_no_second_confirmation(env, lambda_context):
    call(http_api_event(form("STOP", sid="SMa")), lambda_context)
    again = call(http_api_event(form("stop", sid="SMb")), lambda_context)

    assert again["body"].endswith("<Response/>")
    assert [e["type"] for e in env.events("acme", PHONE)] == ["opt_out", "opt_out"]


def test_brand_scope_stop_all(env, lambda_context):
    call(http_api_event(form("STOP ALL")), lambda_context)
    assert status("C7ALERTS") == "opted_out"


def test_bad_signature_is_403_and_writes_nothing(env, lambda_context):
    event = load_event("api/twilio_stop.json")
    event["body"] = event["body"].replace("STOP", "START")

    response = call(event, lambda_context)

    assert response["statusCode"] == 403
    assert json.loads(response["body"])["error"] == "invalid_signature"
    assert env.ledger_items() == []


def test_wrong_token_is_403(env, lambda_context, monkeypatch):
    monkeypatch.setenv("OPTLEDGER_TWILIO_AUTH_TOKEN", "another-token")
    assert call(load_event("api/twilio_stop.json"), lambda_context)["statusCode"] == 403
    assert env.ledger_items() == []


def test_unconfigured_provider_is_404_never_accepted_unsigned(env, lambda_context, monkeypatch):
    monkeypatch.delenv("OPTLEDGER_TWILIO_AUTH_TOKEN")
    response = call(load_event("api/twilio_stop.json"), lambda_context)
    assert response["statusCode"] == 404
    assert json.loads(response["body"])["error"] == "provider_disabled"
    assert env.ledger_items() == []


def test_unknown_provider_is_404(env, lambda_context):
    event = load_event("api/twilio_stop.json")
    event["rawPath"] = "/webhooks/nosuch"
    assert call(event, lambda_context)["statusCode"] == 404


def test_malformed_signed_body_is_400_and_writes_nothing(env, lambda_context):
    fields = form("STOP")
    del fields["From"]
    response = call(http_api_event(fields), lambda_context)
    assert response["statusCode"] == 400
    assert env.ledger_items() == []


def test_invalid_sender_number_is_422_and_not_echoed(env, lambda_context):
    response = call(http_api_event(form("STOP", sender="+1555000")), lambda_context)
    assert response["statusCode"] == 422
    assert "+1555000" not in response["body"]
    assert env.ledger_items() == []


def test_number_no_campaign_sends_from_is_404(env, lambda_context):
    response = call(http_api_event(form("STOP", to="+12125550199")), lambda_context)
    assert response["statusCode"] == 404
    assert env.ledger_items() == []


@pytest.mark.parametrize("code", ["ProvisionedThroughputExceededException", "InternalServerError"])
def test_storage_failure_is_503_so_the_provider_retries_and_writes_nothing(env, lambda_context, monkeypatch, code):
    def failing(**_):
        raise ClientError({"Error": {"Code": code, "Message": "injected"}}, "TransactWriteItems")

    monkeypatch.setattr(runtime.store().dynamodb, "transact_write_items", failing)
    response = call(load_event("api/twilio_stop.json"), lambda_context)

    assert response["statusCode"] == 503
    assert json.loads(response["body"])["error"] == "storage_unavailable"
    assert env.ledger_items() == []


def test_redelivery_returns_the_same_answer_and_records_nothing_new(env, lambda_context):
    first = call(load_event("api/twilio_stop.json"), lambda_context)
    second = call(load_event("api/twilio_stop.json"), lambda_context)
    assert second["body"] == first["body"]
    assert len(env.events("acme", PHONE)) == 1


def test_same_message_sid_delivered_10_times_concurrently_records_one_event(env, lambda_context):
    event = http_api_event(form("STOP", sid="SMconcurrent"))
    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(lambda _: call(json.loads(json.dumps(event)), lambda_context), range(10)))

    assert {r["statusCode"] for r in responses} == {200}
    assert len({r["body"] for r in responses}) == 1
    assert "you are unsubscribed" in responses[0]["body"]
    assert len(env.events("acme", PHONE)) == 1


def test_20_concurrent_appends_to_one_number_form_one_unbroken_chain(env, lambda_context):
    events = [http_api_event(form("HELP" if i % 2 else "hello", sid=f"SM{i:032d}")) for i in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda e: call(e, lambda_context), events))

    assert {r["statusCode"] for r in responses} == {200}
    chain = env.events("acme", PHONE)
    assert [e["seq"] for e in chain] == list(range(1, 21))
    assert verify_chain(chain) is None
    assert all(later["prev_hash"] == earlier["hash"] for earlier, later in itertools.pairwise(chain))
    assert runtime.store().get_head("acme", PHONE).seq == 20


def test_unclear_reply_is_recorded_and_queued_for_review(env, lambda_context):
    reviews = function("consents")
    response = call(http_api_event(form("not interested", sid="SMreview")), lambda_context)

    assert response["statusCode"] == 200 and response["body"].endswith("<Response/>")
    [event] = env.events("acme", PHONE)
    assert event["type"] == "message" and event["evidence"]["detected_by"] == "review"
    listing = load_event("api/consents_get.json")
    listing["rawPath"], listing["pathParameters"] = "/reviews", None
    body = json.loads(reviews.lambda_handler(listing, lambda_context)["body"])
    assert [(r["event_id"], r["phone"]) for r in body["reviews"]] == [(event["event_id"], PHONE)]


@pytest.mark.parametrize(
    ("text", "action"),
    [("please stop texting me", "opt_out"), ("Stop. Thank you", "opt_out"), ("I'll stop by at 5", "message")],
)
def test_revocation_in_other_words_through_the_webhook(env, lambda_context, text, action):
    call(http_api_event(form(text, sid="SMphrase")), lambda_context)
    [event] = env.events("acme", PHONE)
    assert event["type"] == action


@pytest.mark.parametrize(
    ("text", "kind", "detected_by", "answer"),
    [
        # the brand's name (Acme) or a campaign's on the number (Acme Deals) only says which sender is meant
        ("STOP Acme", "opt_out", "keyword", "you are unsubscribed"),
        ("HELP - Acme Deals", "help", "keyword", "help at acme.example/help"),
        ("Acme, START please", "opt_in", "keyword", "you are subscribed"),
        # a code copied from a text beside a keyword, and a slip in one
        ("STOP 88855", "opt_out", "keyword", "you are unsubscribed"),
        ("hlep pls", "help", "keyword", "help at acme.example/help"),
        ("Edn", "opt_out", "keyword", "you are unsubscribed"),
        # a sign-off after a closing, words of address, a phone's footer on a line of its own (a stop word: phrase)
        ("Stop. Kind regards, Helen", "opt_out", "keyword", "you are unsubscribed"),
        ("HELP bro", "help", "keyword", "help at acme.example/help"),
        ("Cancelar\nEnviado desde mi Samsung Galaxy", "opt_out", "phrase", "you are unsubscribed"),
    ],
)
def test_a_keyword_beside_the_business_name_a_code_or_a_sign_off_is_the_keyword(
    env, lambda_context, text, kind, detected_by, answer
):
    response = call(http_api_event(form(text, sid="SMname")), lambda_context)

    assert answer in response["body"]
    [event] = env.events("acme", PHONE)
    assert event["type"] == kind and event["evidence"]["detected_by"] == detected_by


def test_a_sentence_naming_the_business_is_read_as_a_sentence(env, lambda_context):
    call(http_api_event(form("I'll stop by Acme tomorrow for my order", sid="SMby")), lambda_context)
    call(http_api_event(form("Can you unsubscribe me from Acme Deals", sid="SMoff")), lambda_context)

    by, off = env.events("acme", PHONE)
    assert (by["type"], by["evidence"].get("detected_by")) == ("message", None)
    assert off["type"] == "opt_out"


def test_a_long_text_is_cut_in_the_evidence_matched_phrase_included(env, lambda_context):
    text = "x " * 3000 + "stop"  # "x" is Spanish SMS for "por": the phrase matched runs the length of the text
    call(http_api_event(form(text, sid="SMlong")), lambda_context)

    [event] = env.events("acme", PHONE)
    assert event["type"] == "opt_out"
    assert len(event["evidence"]["text"]) == len(event["evidence"]["matched"]) == 1600
