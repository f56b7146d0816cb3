"""The opt-out promise at its edges, as a new user found them: typed years, moved campaigns, a bare YES, the
review hold, one view of consent and one answer per situation. Through the Lambda handlers against moto."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from optledger import runtime
from optledger.timeutil import format_ts
from tests.support import REPLY_TEXTS
from tests.support.functions import function
from tests.support.optins import DEMO
from tests.support.twilio import form, http_api_event, load_event
from tests.support.webhooks import http_event

PHONE = "+14155550123"
consents = function("consents")
webhooks = function("webhooks")
optins = function("optins")


def api(context, method: str, path: str, body: object = None) -> tuple[int, dict]:
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path.split("?")[0]
    event["rawQueryString"] = path.split("?")[1] if "?" in path else ""
    if event["rawQueryString"]:
        event["queryStringParameters"] = dict(p.split("=", 1) for p in event["rawQueryString"].split("&"))
    event["requestContext"]["http"]["method"] = method
    event["body"] = None if body is None else json.dumps(body)
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


def sms(context, words: str, sid: str, to: str = "+18885550100") -> dict:
    response = webhooks.lambda_handler(http_api_event(form(words, sid=sid, to=to)), context)
    assert response["statusCode"] == 200, response
    return response


def check(context, campaign: str = "C7DEALS", purpose: str = "promotional", **extra) -> dict:
    code, body = api(
        context, "POST", "/consents/check", {"phone": PHONE, "campaign": campaign, "purpose": purpose, **extra}
    )
    assert code == 200, body
    return body


def paper(context, kind: str, occurred_at: str, campaign: str = "C7DEALS") -> tuple[int, dict]:
    body = {
        "phone": PHONE,
        "campaign": campaign,
        "type": kind,
        "channel": "paper",
        "occurred_at": occurred_at,
        "document_sha256": "a" * 64,
    }
    if kind == "opt_in":
        body["disclosure"] = next(c for c in demo() if c["id"] == campaign)["disclosures"][0]
    return api(context, "POST", "/consents/events", body)


def demo() -> list[dict]:
    return DEMO


# --- time -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["0026-11-28T00:00:00Z", "0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2099-01-01T00:00:00Z"]
)
def test_an_opt_in_dated_outside_the_accepted_range_is_refused_and_the_stop_holds(env, lambda_context, typed):
    # Given a STOP now
    now = format_ts(datetime.now(UTC))
    assert paper(lambda_context, "opt_out", now)[0] == 201
    # When a business records an opt-in whose year is a typo (or before 2000, or far in the future)
    before = env.ledger_items()
    code, body = paper(lambda_context, "opt_in", typed)
    # Then it is a 422 naming occurred_at, nothing is written, and the number stays opted out
    assert (code, body["fields"]) == (422, {"occurred_at": "out of range"})
    assert env.ledger_items() == before
    assert check(lambda_context)["reason"] == "opted_out"


@pytest.mark.parametrize("at", ["9999-12-31T23:00:00-12:00", "0001-01-01T00:00:00+14:00", "2300-01-01T00:00:00Z"])
def test_extreme_times_on_the_send_gate_and_consent_events_are_422_not_500(env, lambda_context, at):
    code, body = api(
        lambda_context,
        "POST",
        "/consents/check",
        {"phone": PHONE, "campaign": "C7DEALS", "purpose": "promotional", "at": at},
    )
    assert (code, body["fields"]) == (422, {"at": "out of range"})
    code, body = paper(lambda_context, "opt_out", at)
    assert (code, body["fields"]) == (422, {"occurred_at": "out of range"})
    assert env.ledger_items() == []


def test_a_planned_send_within_a_year_is_judged_at_its_time(env, lambda_context):
    at = format_ts(datetime.now(UTC) + timedelta(days=300))
    assert check(lambda_context, at=at)["reason"] == "no_consent"


def test_a_provider_time_outside_the_range_is_replaced_by_the_receipt_time_and_kept(env, lambda_context, monkeypatch):
    from optledger.providers.sinch import compute_signature

    env_secret = "edge-sinch-secret"
    monkeypatch.setenv("OPTLEDGER_SINCH_WEBHOOK_SECRET", env_secret)
    raw = json.dumps(
        {
            "id": "01EDGE",
            "from": PHONE.lstrip("+"),
            "to": "18885550102",
            "body": "STOP",
            "type": "mo_text",
            "received_at": "0026-11-28T10:00:00Z",
        }
    )
    timestamp = str(int(datetime.now(UTC).timestamp()))
    headers = {
        "x-sinch-webhook-signature": compute_signature(env_secret, raw.encode(), "n1", timestamp),
        "x-sinch-webhook-signature-nonce": "n1",
        "x-sinch-webhook-signature-timestamp": timestamp,
    }
    url = "https://sms.example.com/webhooks/sinch"
    response = webhooks.lambda_handler(http_event("POST", url, headers, raw), lambda_context)
    assert response["statusCode"] == 200, response
    [event] = env.events("acme", PHONE)
    assert event["occurred_at"].startswith(str(datetime.now(UTC).year))
    assert event["evidence"]["provider_occurred_at"].startswith("0026-11-28T10:00:00")
    assert check(lambda_context)["reason"] == "opted_out"


# --- campaigns --------------------------------------------------------------------------------------------------------


def bob3(**changes) -> dict:
    return {
        "id": "BOB3",
        "brand": "bob",
        "name": "Bob Tips",
        "purpose": "promotional",
        "senders": ["+18885550177"],
        **REPLY_TEXTS,
        **changes,
    }


def test_a_campaign_never_moves_to_another_brand(env, lambda_context):
    assert api(lambda_context, "PUT", "/campaigns/BOB3", bob3())[0] == 201
    sms(lambda_context, "STOP", "SMbob1", to="+18885550177")
    # When someone tries to move it to acme
    code, body = api(lambda_context, "PUT", "/campaigns/BOB3", bob3(brand="acme"))
    # Then it is a 409 naming brand, and the campaign and its STOP stay where they were
    assert code == 409 and "brand" in body["fields"]
    assert api(lambda_context, "GET", "/campaigns/BOB3")[1]["brand"] == "bob"
    assert (
        api(
            lambda_context, "POST", "/consents/check", {"phone": PHONE, "campaign": "BOB3", "purpose": "conversational"}
        )[1]["reason"]
        == "opted_out"
    )


def test_the_store_refuses_a_brand_change_even_with_a_stale_cache(env, lambda_context):
    assert api(lambda_context, "PUT", "/campaigns/BOB3", bob3())[0] == 201
    from optledger.models import Campaign

    # Given a writer whose campaign cache has never seen BOB3
    runtime.campaigns()._directory = None
    stale = runtime.campaigns()
    stale.directory().by_id.pop("BOB3", None)
    stale._loaded_at = float("inf")
    with pytest.raises(Exception) as caught:
        stale.put(Campaign.from_dict(bob3(brand="acme")))
    assert getattr(caught.value, "status", None) == 409


@pytest.mark.parametrize("missing", ["help_text", "opt_out_text", "opt_in_text"])
def test_every_reply_text_is_required(env, lambda_context, missing):
    document = bob3()
    del document[missing]
    code, body = api(lambda_context, "PUT", "/campaigns/BOB3", document)
    assert code == 422 and missing in body["fields"]
    code, body = api(lambda_context, "PUT", "/campaigns/BOB3", {**document, missing: "   "})
    assert code == 422 and missing in body["fields"]


def test_a_disclosure_may_name_the_brand_as_consumers_know_it(env, lambda_context):
    disclosure = (
        "By checking this box, I agree to receive recurring marketing texts from Bars Outfitters at the number "
        "provided. Consent is not a condition of purchase. Msg frequency varies. Msg & data rates may apply. "
        "Reply STOP to cancel, HELP for help. Terms: https://bars.example/terms Privacy: https://bars.example/privacy"
    )
    campaign = {
        "id": "BARS1",
        "brand": "bo",
        "name": "Spring Deals",
        "purpose": "promotional",
        "senders": ["+18885550188"],
        "disclosures": [disclosure],
        **REPLY_TEXTS,
    }
    code, body = api(lambda_context, "PUT", "/campaigns/BARS1", campaign)
    assert code == 422, body  # neither the campaign name nor the brand id "bo" names the program
    code, body = api(lambda_context, "PUT", "/campaigns/BARS1", {**campaign, "brand_name": "Bars Outfitters"})
    assert code == 201, body
    assert body["brand_name"] == "Bars Outfitters"


# --- YES / Y ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["YES", "Y", "yes", "y."])
def test_a_bare_yes_with_nothing_pending_is_an_ordinary_message(env, lambda_context, word):
    # Given a sender shared by the conversational and a promotional campaign
    assert (
        api(
            lambda_context,
            "PUT",
            "/campaigns/C7DEALS",
            {**next(c for c in demo() if c["id"] == "C7DEALS"), "senders": ["+18885550100"]},
        )[0]
        == 200
    )
    sms(lambda_context, word, "SMyes1")
    [event] = env.events("acme", PHONE)
    assert (event["type"], event["tier"]) == ("message", "implied")
    assert check(lambda_context)["reason"] == "no_consent"
    assert check(lambda_context, campaign="C7CHAT", purpose="conversational")["allowed"] is True


def test_start_and_join_keywords_are_still_opt_ins(env, lambda_context):
    sms(lambda_context, "START", "SMs1", to="+18885550102")
    assert check(lambda_context)["allowed"] in (True, False)  # quiet hours may apply, consent is there
    assert check(lambda_context)["reason"] in ("ok", "quiet_hours")


# --- review hold ------------------------------------------------------------------------------------------------------


def test_an_unclear_reply_holds_marketing_until_decided(env, lambda_context):
    # Given an opted-in number that then replies something unclear
    sms(lambda_context, "START", "SMr1", to="+18885550101")
    sms(lambda_context, "not interested", "SMr2", to="+18885550101")
    # Then informational sends wait for a person, naming the reply
    held = check(lambda_context, campaign="C7ALERTS", purpose="informational")
    assert (held["allowed"], held["reason"]) == (False, "review_pending")
    # And GET /consents says the same, with the deadline on the queue item
    record = api(lambda_context, "GET", f"/consents/{PHONE}")[1]
    assert (record["campaigns"]["C7ALERTS"]["allowed"], record["campaigns"]["C7ALERTS"]["reason"]) == (
        False,
        "review_pending",
    )
    [item] = api(lambda_context, "GET", "/reviews")[1]["reviews"]
    assert item["event_id"] == held["event_id"]
    assert item["deadline"] > item["occurred_at"] and item["overdue"] is False
    # When a person decides it is not a revocation, without naming the brand
    code, body = api(
        lambda_context, "POST", f"/reviews/{held['event_id']}", {"decision": "not_revocation", "agent_id": "ann"}
    )
    assert code == 200, body
    # Then the hold is released
    assert check(lambda_context, campaign="C7ALERTS", purpose="informational")["allowed"] is True


def test_review_deadline_is_ten_business_days_and_late_from_halfway():
    from optledger.review_deadlines import deadlines, with_deadline

    # Friday 27 November 2026: ten business days later is Friday 11 December (no federal holiday between)
    assert deadlines("2026-11-27T15:00:00.000Z") == ("2026-12-11T23:59:59.999Z", "2026-12-04T23:59:59.999Z")
    item = {"occurred_at": "2026-11-27T15:00:00.000Z"}
    assert with_deadline(item, datetime(2026, 12, 4, 23, 0, tzinfo=UTC))["past_half_deadline"] is False
    assert with_deadline(item, datetime(2026, 12, 5, 0, 0, tzinfo=UTC))["past_half_deadline"] is True
    assert with_deadline(item, datetime(2026, 12, 12, 0, 0, tzinfo=UTC))["overdue"] is True


# --- one view, one answer ---------------------------------------------------------------------------------------------


def test_get_consents_answers_what_the_gate_answers(env, lambda_context):
    sms(lambda_context, "I'll stop by at 5", "SMv1")
    record = api(lambda_context, "GET", f"/consents/{PHONE}")[1]
    for campaign_id, view in record["campaigns"].items():
        purpose = next(c["purpose"] for c in demo() if c["id"] == campaign_id)
        gate = check(lambda_context, campaign=campaign_id, purpose=purpose)
        assert (view["allowed"], view["reason"]) == (gate["allowed"], gate["reason"]), campaign_id
    # Implied consent shows only where it allows something: the conversational campaign, not the others
    assert (record["campaigns"]["C7CHAT"]["status"], record["campaigns"]["C7CHAT"]["tier"]) == ("opted_in", "implied")
    assert (record["campaigns"]["C7DEALS"]["status"], record["campaigns"]["C7DEALS"]["tier"]) == ("none", None)


def test_an_invalid_number_gets_the_same_answer_on_every_route(env, lambda_context):
    answers = set()
    for method, path, body in [
        ("GET", "/consents/555", None),
        ("POST", "/consents/check", {"phone": "555", "campaign": "C7DEALS", "purpose": "promotional"}),
        ("POST", "/evidence", {"phone": "555"}),
        (
            "POST",
            "/consents/events",
            {
                "phone": "555",
                "campaign": "C7DEALS",
                "type": "opt_out",
                "channel": "api",
                "occurred_at": format_ts(datetime.now(UTC)),
            },
        ),
    ]:
        code, answer = api(lambda_context, method, path, body)
        answers.add((code, answer["error"], answer["message"], json.dumps(answer["fields"], sort_keys=True)))
    assert len(answers) == 1, answers
    assert next(iter(answers))[0] == 422


def test_history_in_several_brands_is_the_same_answer_on_get_and_evidence(env, lambda_context):
    assert api(lambda_context, "PUT", "/campaigns/BOB3", bob3())[0] == 201
    sms(lambda_context, "STOP", "SMb1", to="+18885550177")
    sms(lambda_context, "STOP", "SMa1")
    got = api(lambda_context, "GET", f"/consents/{PHONE}")
    evidence = api(lambda_context, "POST", "/evidence", {"phone": PHONE})
    assert got == evidence
    assert got[0] == 409 and got[1]["fields"] == {"brand": ["acme", "bob"]}
    assert api(lambda_context, "POST", "/evidence?brand=bob", {"phone": PHONE})[0] == 201


def test_a_redelivered_webhook_says_duplicate(env, lambda_context, monkeypatch):
    from optledger import inbound
    from tests.support.webhooks import load_sample, sample_event, sample_now

    sample = load_sample("telnyx")
    monkeypatch.setenv("OPTLEDGER_TELNYX_PUBLIC_KEY", sample["secrets"]["TELNYX_PUBLIC_KEY"])
    monkeypatch.setattr(inbound, "clock", lambda: sample_now(sample))
    first = json.loads(webhooks.lambda_handler(sample_event(sample), lambda_context)["body"])
    again = json.loads(webhooks.lambda_handler(sample_event(sample), lambda_context)["body"])
    assert "duplicate" not in first
    assert again == {**first, "duplicate": True}


def test_a_campaign_stored_before_reply_texts_were_required_still_answers_stop(env, lambda_context):
    # Given a campaign document stored by an earlier version, without reply texts
    legacy = {k: v for k, v in bob3().items() if k not in ("help_text", "opt_out_text", "opt_in_text")}
    runtime.store().put_campaign("BOB3", {**legacy, "help_text": "", "opt_out_text": "", "opt_in_text": ""})
    runtime.campaigns().invalidate()
    # When the consumer texts STOP to it
    response = sms(lambda_context, "STOP", "SMlegacy", to="+18885550177")
    # Then every route still loads the campaigns, and STOP gets a plain confirmation
    assert "Bob Tips: you are unsubscribed" in response["body"]
    assert api(lambda_context, "GET", "/campaigns/BOB3")[0] == 200
