"""Double opt-in: a web opt-in stays pending until the consumer replies YES/Y/START within 72 hours."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import parse_qsl

from optledger import optins, runtime
from optledger.timeutil import utcnow
from tests.support.functions import function
from tests.support.optins import form_optin
from tests.support.twilio import form, http_api_event, load_event

optin_fn = function("optins")
webhooks = function("webhooks")
consents = function("consents")
PHONE = "+14155550124"  # the number of the sample form opt-in (campaign C7DEALS, double opt-in)


def pending_now(context) -> dict:
    response = optin_fn.lambda_handler(form_optin(), context)
    assert response["statusCode"] == 201
    return json.loads(response["body"])


def pending_days_ago(days: int) -> dict:
    directory = runtime.campaigns().directory()
    fields = dict(parse_qsl(form_optin()["body"]))
    request = optins.validate(fields, directory.get("C7DEALS"))
    return optins.record_optin(
        request,
        channel="web_form",
        source_ip="203.0.113.9",
        user_agent="test",
        ledger=runtime.ledger(),
        store=runtime.store(),
        now=utcnow() - timedelta(days=days),
    )


def text(body: str, context, sid: str) -> dict:
    response = webhooks.lambda_handler(http_api_event(form(body, sid=sid, sender=PHONE)), context)
    assert response["statusCode"] == 200
    return response


def record(context) -> dict:
    event = load_event("api/consents_get.json")
    event["rawPath"] = f"/consents/{PHONE}"
    event["pathParameters"] = {"phone": PHONE}
    return json.loads(consents.lambda_handler(event, context)["body"])


def test_yes_within_72_hours_confirms_the_pending_opt_in(env, lambda_context):
    pending = pending_now(lambda_context)
    assert record(lambda_context)["campaigns"]["C7DEALS"]["status"] == "pending"

    reply = text("Yes!", lambda_context, "SM00000000000000000000000000000d01")

    state = record(lambda_context)
    confirmation = state["events"][-1]
    assert confirmation["type"] == "opt_in" and confirmation["campaigns"] == ["C7DEALS"]  # not C7CHAT on the number
    assert confirmation["evidence"]["confirms"] == pending["event_id"]
    assert confirmation["tier"] == "express_written"
    assert state["campaigns"]["C7DEALS"]["status"] == "opted_in"
    assert state["campaigns"]["C7DEALS"]["tier"] == "express_written"
    assert state["campaigns"]["C7CHAT"]["status"] == "none"  # the YES answered the request, it joined nothing else
    assert "Acme Deals: you are subscribed" in reply["body"]


def test_y_and_start_confirm_too(env, lambda_context):
    for word, sid in (("y", "SM00000000000000000000000000000d02"), ("START", "SM00000000000000000000000000000d03")):
        pending = pending_now(lambda_context)
        text(word, lambda_context, sid)
        last = record(lambda_context)["events"][-1]
        assert last["type"] == "opt_in" and last["evidence"]["confirms"] == pending["event_id"]


def test_a_confirmation_with_courtesy_words_or_emoji_confirms(env, lambda_context):
    # DESIGN section 1: a keyword followed only by courtesy words or emoji is that keyword.
    replies = (("Yes please", "d04"), ("y 👍", "d05"), ("YES thanks!", "d06"), ("start pls", "d07"))
    for reply, sid in replies:
        pending = pending_now(lambda_context)
        text(reply, lambda_context, f"SM00000000000000000000000000000{sid}")
        last = record(lambda_context)["events"][-1]
        assert last["type"] == "opt_in", reply
        assert last["evidence"]["confirms"] == pending["event_id"], reply


def test_a_sentence_with_yes_in_it_is_no_confirmation(env, lambda_context):
    pending_now(lambda_context)
    text("Yes, but what is this about?", lambda_context, "SM00000000000000000000000000000d08")
    state = record(lambda_context)
    assert state["events"][-1]["type"] == "message"
    assert state["campaigns"]["C7DEALS"]["status"] == "pending"


def test_an_expired_pending_shows_expired_and_a_late_yes_does_not_confirm_it(env, lambda_context):
    pending = pending_days_ago(4)

    view = record(lambda_context)["campaigns"]["C7DEALS"]
    assert view["status"] == "none" and view["pending_expired"] is True
    assert view["pending_event_id"] == pending["event_id"]

    reply = text("YES", lambda_context, "SM00000000000000000000000000000d04")

    state = record(lambda_context)
    late = state["events"][-1]
    assert late["type"] == "message" and late["tier"] == "implied"
    assert late["evidence"]["expired_pending"] == pending["event_id"] and "confirms" not in late["evidence"]
    # An ordinary text: a conversation for replies at most, never the promotional tier it asked for.
    deals = state["campaigns"]["C7DEALS"]
    assert (deals["status"], deals["tier"], deals["pending_expired"]) == ("none", None, True)
    assert (deals["allowed"], deals["reason"]) == (False, "no_consent")
    assert "expired" in reply["body"] and "not subscribed" in reply["body"]


def test_a_pending_just_inside_the_window_still_confirms(env, lambda_context):
    pending = pending_days_ago(2)
    text("YES", lambda_context, "SM00000000000000000000000000000d05")
    assert record(lambda_context)["events"][-1]["evidence"]["confirms"] == pending["event_id"]


def test_stop_after_a_pending_cancels_it_and_a_later_yes_is_an_ordinary_message(env, lambda_context):
    pending_now(lambda_context)
    text("STOP", lambda_context, "SM00000000000000000000000000000d06")
    assert record(lambda_context)["campaigns"]["C7DEALS"]["status"] == "opted_out"
    text("YES", lambda_context, "SM00000000000000000000000000000d07")
    # Nothing is pending any more: "YES" answers whatever was asked, it is no agreement to marketing.
    state = record(lambda_context)
    last = state["events"][-1]
    assert last["type"] == "message" and last["tier"] == "implied" and "confirms" not in last["evidence"]
    assert state["campaigns"]["C7DEALS"]["status"] == "opted_out"
