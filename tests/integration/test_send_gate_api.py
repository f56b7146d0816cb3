"""POST /consents/check through the consents Lambda handler, against the embedded DynamoDB."""

from __future__ import annotations

import json

import pytest

from optledger import runtime
from tests.support.functions import function
from tests.support.twilio import form, http_api_event, load_event

consents = function("consents")
webhooks = function("webhooks")


def check(context, **changes):
    event = load_event("api/consents_check.json")
    body = json.loads(event["body"])
    body.update(changes)
    event["body"] = json.dumps({k: v for k, v in body.items() if v is not None})
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


def text(context, words: str, sid: str, to: str = "+18885550100"):
    response = webhooks.lambda_handler(http_api_event(form(words, sid=sid, to=to)), context)
    assert response["statusCode"] == 200


def test_number_never_seen_is_no_consent_not_an_error(env, lambda_context):
    code, body = check(lambda_context)
    assert code == 200
    assert body == {
        "allowed": False,
        "reason": "no_consent",
        "tier": None,
        "event_id": None,
        "local_time": None,
        "next_allowed_at": None,
    }


def test_keyword_opt_in_allows_promotional_in_the_daytime_and_names_the_event(env, lambda_context):
    text(lambda_context, "START", "SM1")
    code, body = check(lambda_context, at="2026-11-28T18:00:00Z")  # 10:00 in San Francisco
    [event] = runtime.store().iter_events("acme", "+14155550123")
    assert code == 200
    assert (body["allowed"], body["reason"], body["tier"], body["event_id"]) == (
        True,
        "ok",
        "express_written",
        event["event_id"],
    )


def test_quiet_hours_deny_with_the_next_allowed_time(env, lambda_context):
    text(lambda_context, "START", "SM1")
    code, body = check(lambda_context, at="2026-11-28T06:00:00Z")  # 22:00 the evening before in California
    assert (code, body["allowed"], body["reason"]) == (200, False, "quiet_hours")
    assert body["next_allowed_at"] == "2026-11-28T16:00:00.000Z"  # 08:00 PST


def test_stop_denies_with_the_deciding_event(env, lambda_context):
    text(lambda_context, "START", "SM1")
    text(lambda_context, "STOP", "SM2")
    stop = list(runtime.store().iter_events("acme", "+14155550123"))[-1]
    code, body = check(lambda_context)
    assert code == 200
    assert (body["allowed"], body["reason"], body["event_id"]) == (False, "opted_out", stop["event_id"])


def test_conversational_reply_is_allowed_inside_the_conversation_only(env, lambda_context):
    text(lambda_context, "Do you have size 10?", "SM1")
    _, body = check(lambda_context, campaign="C7CHAT", purpose="conversational", at=None)
    assert (body["allowed"], body["tier"]) == (True, "implied")
    # The consumer's message is no opt-in: nothing but conversational replies
    _, body = check(lambda_context, campaign="C7CHAT", purpose="informational", at=None)
    assert (body["allowed"], body["reason"]) == (False, "no_consent")


def test_check_reads_one_item(env, lambda_context, monkeypatch):
    text(lambda_context, "START", "SM1")
    runtime.campaigns().directory()  # warm cache, as in a warm container
    calls = []
    client = runtime.store().dynamodb
    client.meta.events.register("before-call.dynamodb.*", lambda model, **_: calls.append(model.name))
    check(lambda_context)
    assert calls == ["GetItem"]


@pytest.mark.parametrize(
    ("changes", "status", "field"),
    [
        ({"purpose": "marketing"}, 422, "purpose"),
        ({"phone": "+1555"}, 422, "phone"),
        ({"campaign": "NOPE"}, 404, "campaign"),
        ({"at": "yesterday"}, 422, "at"),
        ({"phone": None}, 422, "phone"),
        ({"extra": 1}, 422, "extra"),
    ],
)
def test_bad_requests_name_the_field(env, lambda_context, changes, status, field):
    code, body = check(lambda_context, **changes)
    assert code == status
    assert field in body["fields"]


def test_check_needs_credentials(env, lambda_context):
    event = load_event("api/consents_check.json")
    del event["headers"]["authorization"]
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 401


def test_library_call_gives_the_same_answer_as_the_route(env, lambda_context):
    from datetime import UTC, datetime

    from optledger.sendgate import may_send

    text(lambda_context, "START", "SM1")
    result = may_send("(415) 555-0123", "C7DEALS", "promotional", at=datetime(2026, 11, 28, 18, tzinfo=UTC))
    assert result.to_dict() == check(lambda_context)[1]
