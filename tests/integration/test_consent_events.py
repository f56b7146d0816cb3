"""POST /consents/events: consent and revocation from other channels, each with the evidence its channel needs."""

from __future__ import annotations

import json
from typing import Any

import pytest

from optledger.chain import sha256_hex
from tests.support.functions import function
from tests.support.optins import ALERTS_DISCLOSURE, DEALS_DISCLOSURE, with_body
from tests.support.twilio import load_event

consents = function("consents")
PHONE = "+14155550125"
SCAN = sha256_hex(b"%PDF-1.7 scanned paper form")


def post(context: Any, **changes: Any) -> tuple[int, dict[str, Any]]:
    event = load_event("api/consents_event.json")
    body = json.loads(event["body"])
    for name, value in changes.items():
        if value is None:
            body.pop(name, None)
        else:
            body[name] = value
    response = consents.lambda_handler(with_body(event, json.dumps(body)), context)
    return response["statusCode"], json.loads(response["body"])


def test_verbal_opt_in_records_agent_subject_and_the_words_read(env, lambda_context):
    code, body = post(lambda_context)

    assert code == 201 and body["type"] == "opt_in" and body["tier"] == "express"
    [event] = env.events("acme", PHONE)
    sample = json.loads(load_event("api/consents_event.json")["body"])
    assert event["event_id"] == body["event_id"] and event["channel"] == "verbal"
    assert event["occurred_at"] == "2026-11-27T15:30:00.000Z"
    assert event["evidence"]["agent_id"] == "agent-42" and event["evidence"]["subject"] == "John Smith"
    assert event["evidence"]["note"] == "inbound support call"
    sha = event["evidence"]["disclosure_sha256"]
    assert sha == sha256_hex(sample["disclosure"])
    assert (
        env.s3.get_object(Bucket=env.bucket, Key=f"disclosures/{sha}.txt")["Body"].read().decode()
        == (sample["disclosure"])
    )
    assert event["source"] == {"recorded_by": "api-key", "ip": "203.0.113.9"}


def test_verbal_consent_never_gives_express_written_consent(env, lambda_context):
    code, body = post(lambda_context, campaign="C7DEALS", disclosure=DEALS_DISCLOSURE)
    assert code == 201 and body["tier"] == "express"  # TCPA: promotional texts need a written agreement


@pytest.mark.parametrize(
    ("channel", "required"), [("verbal", "agent_id"), ("paper", "document_sha256"), ("email", "subject")]
)
def test_each_channel_requires_its_evidence(env, lambda_context, channel, required):
    evidence = {"agent_id": "agent-42", "document_sha256": SCAN, "subject": "john@example.com"}
    changes = {name: (None if name == required else value) for name, value in evidence.items()}

    code, body = post(lambda_context, channel=channel, **changes)

    assert code == 422 and body["fields"] == {required: f"required for channel {channel}"}
    assert code == 422 and env.ledger_items() == []
    assert post(lambda_context, channel=channel, **evidence)[0] == 201


def test_paper_opt_in_gives_express_written_consent_with_the_scan_hash(env, lambda_context):
    code, body = post(
        lambda_context,
        channel="paper",
        campaign="C7DEALS",
        disclosure=None,
        disclosure_sha256=sha256_hex(DEALS_DISCLOSURE),
        document_sha256=SCAN.upper(),
        agent_id=None,
    )
    assert code == 201 and body["tier"] == "express_written"
    [event] = env.events("acme", PHONE)
    assert event["evidence"]["document_sha256"] == SCAN
    assert event["evidence"]["disclosure_sha256"] == sha256_hex(DEALS_DISCLOSURE)


@pytest.mark.parametrize("channel", ["pos", "ivr", "api"])
def test_other_channels(env, lambda_context, channel):
    code, body = post(lambda_context, channel=channel, agent_id=None, disclosure=ALERTS_DISCLOSURE)
    assert code == 201 and body["tier"] == "express"
    assert env.events("acme", PHONE)[0]["channel"] == channel


def test_agent_recorded_revocation_needs_no_disclosure_and_can_cover_the_brand(env, lambda_context):
    assert post(lambda_context)[0] == 201
    code, body = post(
        lambda_context, type="opt_out", disclosure=None, scope="brand", occurred_at="2026-11-27T16:00:00-05:00"
    )
    assert code == 201 and body["tier"] is None
    events = env.events("acme", PHONE)
    assert events[-1]["type"] == "opt_out" and events[-1]["campaigns"] == ["C7ALERTS", "C7CHAT", "C7DEALS"]
    assert events[-1]["scope"] == "brand" and events[-1]["occurred_at"] == "2026-11-27T21:00:00.000Z"


def test_an_opt_in_needs_the_words_read_or_shown(env, lambda_context):
    code, body = post(lambda_context, disclosure=None)
    assert code == 422 and "disclosure" in body["fields"]
    code, body = post(lambda_context, disclosure=None, disclosure_sha256=sha256_hex(DEALS_DISCLOSURE))
    assert code == 422 and "disclosure_sha256" in body["fields"]
    assert env.ledger_items() == []


def test_every_invalid_field_is_named(env, lambda_context):
    code, body = post(
        lambda_context, phone="555", type="maybe", channel="fax", occurred_at="yesterday", colour="red", scope="all"
    )
    assert code == 422
    assert set(body["fields"]) >= {"phone", "type", "channel", "occurred_at", "colour", "scope"}
    assert "555" not in json.dumps(body)
    assert env.ledger_items() == []


def test_a_time_in_the_future_or_without_zone_is_refused(env, lambda_context):
    assert post(lambda_context, occurred_at="2099-01-01T00:00:00Z")[1]["fields"] == {"occurred_at": "out of range"}
    assert post(lambda_context, occurred_at="2026-11-27T15:30:00")[0] == 422


def test_unknown_campaign_404_malformed_400_auth_401_403(env, lambda_context):
    assert post(lambda_context, campaign="NOPE")[0] == 404
    event = with_body(load_event("api/consents_event.json"), "{oops")
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 400
    event = load_event("api/consents_event.json")
    del event["headers"]["authorization"]
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 401
    event["headers"]["authorization"] = "Bearer nope"
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 403
    event = with_body(load_event("api/consents_event.json"), json.dumps({"x": "y" * 17000}))
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 413
    assert env.ledger_items() == []


def test_iam_callers_are_recorded_by_arn(env, lambda_context):
    event = load_event("api/consents_event.json")
    del event["headers"]["authorization"]
    event["requestContext"]["authorizer"] = {"iam": {"userArn": "arn:aws:iam::123456789012:user/desk"}}
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 201
    assert env.events("acme", PHONE)[0]["source"]["recorded_by"] == "arn:aws:iam::123456789012:user/desk"
