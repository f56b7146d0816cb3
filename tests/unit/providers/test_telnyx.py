"""Telnyx: Ed25519 over ``timestamp|body`` with a 300 s window, checked on a recorded sample and generated keys."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest

from .conftest import load_sample, sample_now, sample_request, tampered, with_header, without_header

SAMPLE = load_sample("telnyx")
ADAPTER = PROVIDERS["telnyx"]


def signed(body: dict, key: Ed25519PrivateKey, timestamp: str = "1795860001") -> WebhookRequest:
    raw = json.dumps(body).encode()
    signature = base64.b64encode(key.sign(timestamp.encode() + b"|" + raw)).decode()
    headers = {"telnyx-signature-ed25519": signature, "telnyx-timestamp": timestamp, "content-type": "application/json"}
    return WebhookRequest("POST", "https://sms.example.com/webhooks/telnyx", headers, raw)


def public_b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def test_recorded_sample_verifies_and_parses():
    # Given the recorded message.received webhook and Telnyx's public key
    request = sample_request(SAMPLE)
    # When it is verified at the time it arrived and parsed
    ADAPTER.verify(request, SAMPLE["secrets"], now=sample_now(SAMPLE))
    [message] = ADAPTER.parse(request)
    # Then the consumer, the business number, the text and the time at Telnyx come out
    assert (message.sender, message.recipient, message.text) == ("+14155550123", "+18885550100", "STOP")
    assert message.message_id == "84cca175-9755-4859-b67f-4730d7f58aa3"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 503000, tzinfo=UTC)
    assert message.provider == "telnyx"


def test_tampered_body_is_rejected():
    request = tampered(sample_request(SAMPLE), b'"text":"STOP"', b'"text":"START"')
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, SAMPLE["secrets"], now=sample_now(SAMPLE))


def test_another_public_key_is_rejected():
    other = {"TELNYX_PUBLIC_KEY": public_b64(Ed25519PrivateKey.generate())}
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(sample_request(SAMPLE), other, now=sample_now(SAMPLE))


def test_changed_timestamp_header_breaks_the_signature():
    # Given an attacker who replays the request with a fresh timestamp to get past the window
    request = with_header(sample_request(SAMPLE), "telnyx-timestamp", "1795860600")
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(request, SAMPLE["secrets"], now=sample_now(SAMPLE, later=600))


@pytest.mark.parametrize("later", [301, 3600, -400])
def test_request_outside_the_300_second_window_is_rejected(later):
    with pytest.raises(SignatureError, match="s"):
        ADAPTER.verify(sample_request(SAMPLE), SAMPLE["secrets"], now=sample_now(SAMPLE, later=later))


def test_request_at_the_edge_of_the_window_is_accepted():
    ADAPTER.verify(sample_request(SAMPLE), SAMPLE["secrets"], now=sample_now(SAMPLE, later=297))


@pytest.mark.parametrize("header", ["telnyx-signature-ed25519", "telnyx-timestamp"])
def test_missing_header_is_rejected(header):
    with pytest.raises(SignatureError, match="missing"):
        ADAPTER.verify(without_header(sample_request(SAMPLE), header), SAMPLE["secrets"], now=sample_now(SAMPLE))


def test_garbage_signature_is_rejected():
    request = with_header(sample_request(SAMPLE), "telnyx-signature-ed25519", "not base64!")
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, SAMPLE["secrets"], now=sample_now(SAMPLE))


def test_unconfigured_provider_is_disabled():
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), {}, now=sample_now(SAMPLE))


def test_unreadable_configured_key_disables_the_provider():
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), {"TELNYX_PUBLIC_KEY": "c2hvcnQ="}, now=sample_now(SAMPLE))


def test_pem_public_key_is_accepted():
    key = Ed25519PrivateKey.generate()
    pem = key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    body = json.loads(SAMPLE["body"])
    ADAPTER.verify(signed(body, key), {"TELNYX_PUBLIC_KEY": pem}, now=sample_now(SAMPLE))


def test_to_given_as_a_string_and_time_falling_back_to_the_event():
    # Given an older payload shape: "to" a plain string and no received_at
    body = json.loads(SAMPLE["body"])
    body["data"]["payload"]["to"] = "+18885550100"
    del body["data"]["payload"]["received_at"]
    key = Ed25519PrivateKey.generate()
    request = signed(body, key)
    ADAPTER.verify(request, {"TELNYX_PUBLIC_KEY": public_b64(key)}, now=sample_now(SAMPLE))
    [message] = ADAPTER.parse(request)
    assert message.recipient == "+18885550100"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 588000, tzinfo=UTC)


@pytest.mark.parametrize("event_type", ["message.sent", "message.finalized"])
def test_status_events_carry_no_inbound_message(event_type):
    body = json.loads(SAMPLE["body"])
    body["data"]["event_type"] = event_type
    assert ADAPTER.parse(signed(body, Ed25519PrivateKey.generate())) == []


@pytest.mark.parametrize(
    "raw",
    [
        b"[]",
        b"{}",
        b'{"data": {"event_type": "message.received"}}',
        b'{"data": {"event_type": "message.received", "payload": {"from": {}, "to": [], "id": "x"}}}',
        b"\xff\xfe",
        b'{"data": "x"}',
    ],
)
def test_malformed_bodies_are_400s(raw):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(WebhookRequest("POST", "https://x/webhooks/telnyx", {}, raw))
