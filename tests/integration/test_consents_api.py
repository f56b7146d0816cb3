from __future__ import annotations

import json

from tests.support.functions import function
from tests.support.twilio import load_event

consents = function("consents")
webhooks = function("webhooks")


def get(event, context):
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


def test_state_and_history_after_a_stop(env, lambda_context):
    webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)

    code, body = get(load_event("api/consents_get.json"), lambda_context)

    assert code == 200
    assert body["phone"] == "+14155550123" and body["brand"] == "acme"
    assert body["campaigns"]["C7DEALS"]["status"] == "opted_out"
    assert body["campaigns"]["C7ALERTS"]["status"] == "none"
    assert [e["type"] for e in body["events"]] == ["opt_out"]
    assert body["campaigns"]["C7DEALS"]["event_id"] == body["events"][0]["event_id"]


def test_phone_in_any_format_finds_the_same_record(env, lambda_context):
    webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    event = load_event("api/consents_get.json")
    event["rawPath"] = "/consents/(415)%20555-0123"
    assert get(event, lambda_context)[0] == 200


def test_missing_credentials_401_wrong_key_403(env, lambda_context):
    event = load_event("api/consents_get.json")
    del event["headers"]["authorization"]
    assert get(event, lambda_context)[0] == 401
    event["headers"]["authorization"] = "Bearer wrong"
    assert get(event, lambda_context)[0] == 403


def test_iam_caller_needs_no_api_key(env, lambda_context):
    webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    event = load_event("api/consents_get.json")
    del event["headers"]["authorization"]
    event["requestContext"]["authorizer"] = {"iam": {"userArn": "arn:aws:iam::123456789012:user/sender"}}
    assert get(event, lambda_context)[0] == 200


def test_unknown_number_404_invalid_number_422(env, lambda_context):
    assert get(load_event("api/consents_get.json"), lambda_context)[0] == 404
    event = load_event("api/consents_get.json")
    event["rawPath"] = "/consents/12345"
    code, body = get(event, lambda_context)
    assert code == 422 and body["error"] == "invalid_phone"


def test_health(env, lambda_context):
    response = webhooks.lambda_handler(load_event("api/health.json"), lambda_context)
    assert response["statusCode"] == 200 and json.loads(response["body"]) == {"status": "ok"}
