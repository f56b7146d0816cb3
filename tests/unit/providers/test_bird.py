"""Bird/MessageBird: the MessageBird-Signature-JWT scheme (MessageBird SDK test vectors) and Bird's HMAC signature
(recorded sample), with the Channels, Conversations and classic inbound SMS payloads."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest
from optledger.providers.bird import compute_signature

from .conftest import load_sample, sample_now, sample_request, tampered, with_body, with_header, without_header

SAMPLE = load_sample("bird")
ADAPTER = PROVIDERS["bird"]
SECRETS = SAMPLE["secrets"]
VECTORS = json.loads((Path(__file__).parent / "data" / "messagebird_jwt_vectors.json").read_text())
VECTOR_NOW = datetime.fromisoformat(VECTORS["timestamp"])


def vector_request(case: dict) -> WebhookRequest:
    headers = {"MessageBird-Signature-JWT": case["token"]}
    return WebhookRequest(case["method"], case["url"], headers, case.get("payload", "").encode())


def vector_key(case: dict) -> dict[str, str]:
    return {"BIRD_SIGNING_KEY": case.get("secret", VECTORS["secret"]) or "any key"}


def test_every_case_of_the_sdk_is_here():
    # messagebird python-rest-api tests/test_request_validator: 44 cases, every method, valid and not.
    assert len(VECTORS["cases"]) == 44
    assert {c["method"] for c in VECTORS["cases"]} == {"GET", "POST", "PUT", "PATCH", "DELETE"}


@pytest.mark.parametrize("case", [c for c in VECTORS["cases"] if c["valid"]], ids=lambda c: c["name"])
def test_messagebird_jwt_vectors_that_must_verify(case):
    ADAPTER.verify(vector_request(case), vector_key(case), now=VECTOR_NOW)


@pytest.mark.parametrize("case", [c for c in VECTORS["cases"] if not c["valid"]], ids=lambda c: c["name"])
def test_messagebird_jwt_vectors_that_must_fail_for_their_reason(case):
    with pytest.raises(SignatureError, match=case["reason"]):
        ADAPTER.verify(vector_request(case), vector_key(case), now=VECTOR_NOW)


def test_messagebird_jwt_with_a_wrong_key_fails():
    case = VECTORS["cases"][0]
    with pytest.raises(SignatureError, match="signature"):
        ADAPTER.verify(vector_request(case), {"BIRD_SIGNING_KEY": "not-the-key"}, now=VECTOR_NOW)


def test_recorded_bird_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE))
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("+14155550123", "+18885550100", "stop")
    assert message.message_id == "6b0d7b5c-9a1e-4d4f-8f43-8c3a7e2b9d11"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 320000, tzinfo=UTC)


def test_x_bird_header_aliases_are_accepted():
    request = sample_request(SAMPLE)
    signature, timestamp = request.header("messagebird-signature"), request.header("messagebird-request-timestamp")
    request = without_header(without_header(request, "messagebird-signature"), "messagebird-request-timestamp")
    request = with_header(with_header(request, "X-Bird-Signature", signature), "X-Bird-Timestamp", timestamp)
    ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE))


def test_tampered_body_is_rejected():
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(tampered(sample_request(SAMPLE), b'"stop"', b'"start"'), SECRETS, now=sample_now(SAMPLE))


def test_other_url_is_rejected():
    request = sample_request(SAMPLE)
    moved = WebhookRequest(request.method, request.url + "?x=1", request.headers, request.body)
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(moved, SECRETS, now=sample_now(SAMPLE))


def test_wrong_key_is_rejected():
    with pytest.raises(SignatureError):
        ADAPTER.verify(sample_request(SAMPLE), {"BIRD_SIGNING_KEY": "other"}, now=sample_now(SAMPLE))


@pytest.mark.parametrize("later", [301, -310])
def test_stale_or_future_timestamp_is_rejected(later):
    with pytest.raises(SignatureError):
        ADAPTER.verify(sample_request(SAMPLE), SECRETS, now=sample_now(SAMPLE, later=later))


def test_changed_timestamp_breaks_the_signature():
    request = with_header(sample_request(SAMPLE), "messagebird-request-timestamp", "1795860500")
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE, later=500))


@pytest.mark.parametrize("header", ["messagebird-signature", "messagebird-request-timestamp"])
def test_missing_headers_are_rejected(header):
    with pytest.raises(SignatureError, match="missing"):
        ADAPTER.verify(without_header(sample_request(SAMPLE), header), SECRETS, now=sample_now(SAMPLE))


def test_unconfigured_provider_is_disabled():
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), {}, now=sample_now(SAMPLE))


def test_other_channel_events_parse_to_nothing():
    event = json.loads(SAMPLE["body"])
    event["event"] = "sms.outbound"
    assert ADAPTER.parse(with_body(sample_request(SAMPLE), json.dumps(event).encode())) == []


def test_classic_messagebird_inbound_sms_by_get_verifies_with_a_signed_jwt_url():
    # Given MessageBird's classic inbound SMS forward (GET with query fields), signed by a fresh JWT
    import hashlib

    from optledger.providers._jwt import sign_hs_jwt

    query = {
        "id": "e8077d803532c0b5937c639b60216938",
        "recipient": "18885550100",
        "originator": "14155550123",
        "body": "STOP",
        "createdDatetime": "2026-11-28T10:00:00+00:00",
    }
    url = "https://sms.example.com/webhooks/bird?" + urlencode(query)
    now = int(datetime(2026, 11, 28, 10, 0, 1, tzinfo=UTC).timestamp())
    claims = {
        "iss": "MessageBird",
        "nbf": now,
        "exp": now + 60,
        "jti": "j",
        "url_hash": hashlib.sha256(url.encode()).hexdigest(),
    }
    request = WebhookRequest("GET", url, {"MessageBird-Signature-JWT": sign_hs_jwt(claims, b"k")})
    ADAPTER.verify(request, {"BIRD_SIGNING_KEY": "k"}, now=datetime.fromtimestamp(now, UTC))
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text, message.message_id) == (
        "14155550123",
        "18885550100",
        "STOP",
        "e8077d803532c0b5937c639b60216938",
    )
    # When the JWT claims another issuer, it is refused.
    claims["iss"] = "Someone"
    request = WebhookRequest("GET", url, {"MessageBird-Signature-JWT": sign_hs_jwt(claims, b"k")})
    with pytest.raises(SignatureError, match="issuer"):
        ADAPTER.verify(request, {"BIRD_SIGNING_KEY": "k"}, now=datetime.fromtimestamp(now, UTC))


def test_conversations_message_created_parses_received_sms_only():
    event = {
        "type": "message.created",
        "contact": {"msisdn": 14155550123},
        "message": {
            "id": "m-1",
            "platform": "sms",
            "direction": "received",
            "from": "14155550123",
            "to": "18885550100",
            "content": {"text": "Unsubscribe"},
            "createdDatetime": "2026-11-28T10:00:00Z",
        },
    }
    request = WebhookRequest("POST", SAMPLE["url"], {"Content-Type": "application/json"}, json.dumps(event).encode())
    [message] = ADAPTER.parse(request)
    assert (message.text, message.occurred_at) == ("Unsubscribe", datetime(2026, 11, 28, 10, tzinfo=UTC))
    event["message"]["direction"] = "sent"
    assert ADAPTER.parse(with_body(request, json.dumps(event).encode())) == []


def test_bird_signature_construction():
    # timestamp \n url \n raw sha256(body), HMAC-SHA256 with the signing key, as Bird's docs describe.
    import hashlib
    import hmac

    body = b'{"a":1}'
    expected = hmac.new(b"key", b"1700000000\nhttps://h/p\n" + hashlib.sha256(body).digest(), hashlib.sha256).digest()
    assert compute_signature("key", "1700000000", "https://h/p", body) == expected
    assert base64.b64encode(expected)  # what the messagebird-signature header carries


@pytest.mark.parametrize(
    "raw",
    [
        b"[]",
        b"{}",
        b'{"event": "sms.inbound"}',
        b'{"event": "sms.inbound", "payload": {"sender": {}}}',
        b'{"originator": "1", "recipient": "2"}',
        b"originator=1&recipient=2&body=x",
    ],
)
def test_malformed_bodies_are_400s(raw):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(WebhookRequest("POST", SAMPLE["url"], {}, raw))
