"""Unclear replies: queued, listed, and decided by a person (POST /reviews/{event_id})."""

from __future__ import annotations

import json

import pytest

from optledger import consent, runtime
from tests.support.functions import function
from tests.support.twilio import form, http_api_event, load_event

PHONE = "+14155550123"
webhooks = function("webhooks")
consents = function("consents")


def request(method: str, path: str, body: dict | None, context) -> tuple[int, dict]:
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["requestContext"]["http"]["method"] = method
    event["body"] = json.dumps(body) if body is not None else None
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


def queued_reply(context, text: str = "not interested", sid: str = "SMreview1") -> dict:
    assert webhooks.lambda_handler(http_api_event(form(text, sid=sid)), context)["statusCode"] == 200
    [event] = [e for e in runtime.store().iter_events("acme", PHONE) if e["source"]["provider_message_id"] == sid]
    return event


def test_a_revocation_decision_opts_out_from_when_the_consumer_wrote(env, lambda_context):
    webhooks.lambda_handler(http_api_event(form("START", sid="SMstart")), lambda_context)
    reply = queued_reply(lambda_context)
    assert [r["event_id"] for r in request("GET", "/reviews", None, lambda_context)[1]["reviews"]] == [
        reply["event_id"]
    ]

    code, body = request(
        "POST",
        f"/reviews/{reply['event_id']}",
        {"decision": "revocation", "agent_id": "agent-7", "note": "called back"},
        lambda_context,
    )

    assert code == 200 and body["decision"] == "revocation"
    opt_out = list(runtime.store().iter_events("acme", PHONE))[-1]
    assert opt_out["event_id"] == body["opt_out_event_id"]
    assert (opt_out["type"], opt_out["occurred_at"]) == ("opt_out", reply["occurred_at"])
    assert opt_out["evidence"]["review_of"] == reply["event_id"] and opt_out["evidence"]["agent_id"] == "agent-7"
    head = runtime.store().get_head("acme", PHONE)
    assert consent.effective(head.state, "C7DEALS")["status"] == "opted_out"
    assert request("GET", "/reviews", None, lambda_context)[1]["reviews"] == []


def test_not_a_revocation_leaves_the_ledger_alone_and_clears_the_queue(env, lambda_context):
    reply = queued_reply(lambda_context)
    before = len(env.events("acme", PHONE))
    code, body = request(
        "POST", f"/reviews/{reply['event_id']}", {"decision": "not_revocation", "agent_id": "agent-7"}, lambda_context
    )
    assert code == 200 and "opt_out_event_id" not in body
    assert len(env.events("acme", PHONE)) == before
    assert request("GET", "/reviews", None, lambda_context)[1]["reviews"] == []


def test_the_first_decision_stands(env, lambda_context):
    reply = queued_reply(lambda_context)
    path = f"/reviews/{reply['event_id']}"
    assert request("POST", path, {"decision": "not_revocation", "agent_id": "a"}, lambda_context)[0] == 200
    code, body = request("POST", path, {"decision": "revocation", "agent_id": "b"}, lambda_context)
    assert code == 409 and body["fields"]["decision"] == "not_revocation"
    assert [e["type"] for e in env.events("acme", PHONE)] == ["message"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"decision": "maybe", "agent_id": "a"}, 422),
        ({"decision": "revocation"}, 422),
        ({"decision": "revocation", "agent_id": "a", "extra": 1}, 422),
        ({"decision": "revocation", "agent_id": "a" * 501}, 422),
    ],
)
def test_bad_decisions_are_refused_and_write_nothing(env, lambda_context, body, status):
    reply = queued_reply(lambda_context)
    before = env.items()
    assert request("POST", f"/reviews/{reply['event_id']}", body, lambda_context)[0] == status
    assert env.items() == before


def test_unknown_reply_is_404_and_credentials_are_required(env, lambda_context):
    assert (
        request("POST", "/reviews/01NOTQUEUED", {"decision": "revocation", "agent_id": "a"}, lambda_context)[0] == 404
    )
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/reviews/01X"
    del event["headers"]["authorization"]
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 401


@pytest.mark.parametrize(
    "cursor", ["garbage", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "01M8Y6KT517XDZ1G1BYSX0AV1", "01m8y6kt517xdz1g1bysx0av1f"]
)
def test_a_page_cursor_that_no_page_gave_is_refused(env, lambda_context, cursor):
    queued_reply(lambda_context)
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/reviews"
    event["requestContext"]["http"]["method"] = "GET"
    event["body"] = None
    event["rawQueryString"] = f"after={cursor}"
    event["queryStringParameters"] = {"after": cursor}
    response = consents.lambda_handler(event, lambda_context)
    assert response["statusCode"] == 422
    assert json.loads(response["body"])["fields"] == {"after": "invalid"}


def test_a_page_cursor_continues_after_its_reply(env, lambda_context):
    first = queued_reply(lambda_context, sid="SMreview1")
    second = queued_reply(lambda_context, sid="SMreview2")
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/reviews"
    event["requestContext"]["http"]["method"] = "GET"
    event["body"] = None
    event["rawQueryString"] = f"after={first['event_id']}"
    event["queryStringParameters"] = {"after": first["event_id"]}
    response = consents.lambda_handler(event, lambda_context)
    assert response["statusCode"] == 200
    assert [item["event_id"] for item in json.loads(response["body"])["reviews"]] == [second["event_id"]]
