"""PUT /campaigns/{id}, GET /campaigns/{id}, GET /campaigns: campaign configuration with the disclosure checker."""

from __future__ import annotations

import json
from typing import Any

from optledger.chain import sha256_hex
from tests.support.functions import function
from tests.support.optins import with_body
from tests.support.twilio import load_event

consents = function("consents")


def put(context: Any, **changes: Any) -> tuple[int, dict[str, Any]]:
    event = load_event("api/campaign_put.json")
    body = json.loads(event["body"])
    body.update(changes)
    response = consents.lambda_handler(with_body(event, json.dumps(body)), context)
    return response["statusCode"], json.loads(response["body"])


def get(context: Any, path: str, *, auth: str | None = "Bearer test-api-key") -> tuple[int, Any]:
    event = load_event("api/campaign_put.json")
    event.pop("body")
    event["requestContext"]["http"]["method"] = "GET"
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    if auth is None:
        del event["headers"]["authorization"]
    else:
        event["headers"]["authorization"] = auth
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


def sample() -> dict[str, Any]:
    return json.loads(load_event("api/campaign_put.json")["body"])


def test_put_creates_then_replaces_and_get_reads_it_back(env, lambda_context):
    code, created = put(lambda_context)
    assert code == 201
    sha = sha256_hex(sample()["disclosures"][0])
    assert created["disclosure_sha256"] == [sha]
    stored = env.s3.get_object(Bucket=env.bucket, Key=f"disclosures/{sha}.txt")["Body"].read().decode()
    assert stored == sample()["disclosures"][0]

    code, replaced = put(lambda_context, name="Acme News Daily", double_opt_in=True)
    assert code == 200 and replaced["double_opt_in"] is True

    code, read = get(lambda_context, "/campaigns/C7NEWS")
    assert code == 200 and read["name"] == "Acme News Daily"
    assert {k: v for k, v in read.items() if k != "disclosure_sha256"} == {
        "brand_name": "",
        **sample(),
        "name": "Acme News Daily",
        "double_opt_in": True,
    }
    code, listed = get(lambda_context, "/campaigns")
    assert code == 200 and [c["id"] for c in listed["campaigns"]] == ["C7ALERTS", "C7CHAT", "C7DEALS", "C7NEWS"]


def test_what_get_returns_can_be_put_back(env, lambda_context):
    _, read = get(lambda_context, "/campaigns/C7DEALS")
    event = load_event("api/campaign_put.json")
    event["rawPath"] = "/campaigns/C7DEALS"
    response = consents.lambda_handler(with_body(event, json.dumps(read)), lambda_context)
    assert response["statusCode"] == 200


def test_a_disclosure_missing_elements_is_422_naming_each_and_stores_nothing(env, lambda_context):
    before = env.items()
    bad = "Get news texts from Acme News. Reply STOP to cancel. Terms: https://acme.example/terms"

    code, body = put(lambda_context, disclosures=[sample()["disclosures"][0], bad])

    assert code == 422
    assert set(body["fields"]) == {
        "disclosures[1].frequency",
        "disclosures[1].rates",
        "disclosures[1].help",
        "disclosures[1].privacy",
    }
    assert env.items() == before
    assert env.s3.list_objects_v2(Bucket=env.bucket, Prefix="disclosures/")["KeyCount"] == 0


def test_promotional_campaigns_need_not_a_condition_of_purchase(env, lambda_context):
    code, body = put(lambda_context, purpose="promotional")
    assert code == 422 and set(body["fields"]) == {"disclosures[0].not_a_condition"}


def test_bad_campaign_fields_and_origins_are_422(env, lambda_context):
    code, body = put(lambda_context, colour="red", purpose="marketing")
    assert code == 422 and set(body["fields"]) == {"colour", "purpose"}
    code, body = put(lambda_context, allowed_origins=["https://news.acme.example/signup"])
    assert code == 422 and set(body["fields"]) == {"allowed_origins"}
    code, body = put(lambda_context, id="OTHER")
    assert code == 422 and "id" in body["fields"]


def test_a_sender_of_another_brand_is_409(env, lambda_context):
    code, body = put(lambda_context, brand="globex", senders=["+18885550100"])
    assert code == 409 and body["error"] == "conflict"


def test_moving_a_campaign_to_another_brand_is_409_and_writes_nothing(env, lambda_context):
    """The brand check comes before the disclosures are stored: a refused PUT leaves no new disclosure behind."""
    assert put(lambda_context)[0] == 201
    disclosure = sample()["disclosures"][0] + " Globex edition."
    before = env.s3.list_objects_v2(Bucket=env.bucket).get("KeyCount", 0)
    code, body = put(lambda_context, brand="globex", senders=["+18885550999"], disclosures=[disclosure])
    assert code == 409 and body["fields"] == {"brand": "is acme"}
    assert env.s3.list_objects_v2(Bucket=env.bucket).get("KeyCount", 0) == before
    assert get(lambda_context, "/campaigns/C7NEWS")[1]["brand"] == "acme"


def test_auth_malformed_and_unknown(env, lambda_context):
    assert get(lambda_context, "/campaigns", auth=None)[0] == 401
    assert get(lambda_context, "/campaigns/C7DEALS", auth="Bearer wrong")[0] == 403
    assert get(lambda_context, "/campaigns/NOPE")[0] == 404
    event = with_body(load_event("api/campaign_put.json"), "not json")
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 400
    event = load_event("api/campaign_put.json")
    del event["headers"]["authorization"]
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == 401
    assert get(lambda_context, "/campaigns/C7NEWS")[0] == 404  # nothing was stored
