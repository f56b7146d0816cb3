"""Bandwidth: HTTP Basic credentials on message callbacks; only message-received callbacks are inbound SMS."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest

from .conftest import load_sample, sample_request, tampered, with_body, with_header, without_header

SAMPLE = load_sample("bandwidth")
ADAPTER = PROVIDERS["bandwidth"]


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_recorded_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, SAMPLE["secrets"])
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient) == ("+14155550123", "+18885550100")
    assert message.text == "Stop texting me please"
    assert message.message_id == "1661365814859loidf7mcwd4qacn7"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 101000, tzinfo=UTC)


def test_body_is_not_signed_so_only_credentials_decide():
    # Bandwidth has no body signature: a changed body with the right credentials passes verify (TLS protects it).
    request = tampered(sample_request(SAMPLE), b"Stop texting me please", b"Hello")
    ADAPTER.verify(request, SAMPLE["secrets"])


@pytest.mark.parametrize(
    "authorization",
    [
        basic("optledger", "wrong-password"),
        basic("someone", "s3cret-callback-password"),
        basic("optledger", "s3cret-callback-password-and-more"),
        "Bearer b3B0bGVkZ2VyOnMzY3JldA==",
        "Basic not-base64!",
        "Basic " + base64.b64encode(b"no-colon").decode(),
        "Basic",
    ],
)
def test_wrong_credentials_are_rejected(authorization):
    request = with_header(sample_request(SAMPLE), "Authorization", authorization)
    with pytest.raises(SignatureError):
        ADAPTER.verify(request, SAMPLE["secrets"])


def test_missing_authorization_is_rejected():
    with pytest.raises(SignatureError, match="missing"):
        ADAPTER.verify(without_header(sample_request(SAMPLE), "Authorization"), SAMPLE["secrets"])


@pytest.mark.parametrize("secrets", [{}, {"BANDWIDTH_USERNAME": "optledger"}, {"BANDWIDTH_PASSWORD": "x"}])
def test_unconfigured_provider_is_disabled(secrets):
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), secrets)


def test_delivery_callbacks_are_ignored_and_several_inbound_callbacks_all_parse():
    # Given one delivery receipt and two inbound messages in one callback batch
    inbound = json.loads(SAMPLE["body"])[0]
    second = json.loads(json.dumps(inbound))
    second["message"].update(id="second-id", text="START")
    delivered = {
        "type": "message-delivered",
        "time": "2026-11-28T10:00:00Z",
        "to": "+14155550123",
        "message": {"id": "out-1", "direction": "out", "from": "+18885550100", "text": "hi"},
    }
    request = with_body(sample_request(SAMPLE), json.dumps([delivered, inbound, second]).encode())
    # When parsed, then only the two inbound messages come out, in order
    assert [m.message_id for m in ADAPTER.parse(request)] == ["1661365814859loidf7mcwd4qacn7", "second-id"]


def test_only_delivery_callbacks_parse_to_nothing():
    body = [{"type": "message-failed", "message": {"id": "x"}}]
    assert ADAPTER.parse(with_body(sample_request(SAMPLE), json.dumps(body).encode())) == []


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b'"text"',
        b"[1]",
        b'[{"type": "message-received"}]',
        b'[{"type": "message-received", "message": {"from": "+1", "id": "x", "text": [5]}, "to": "+2"}]',
        b'[{"type": "message-received", "message": {"from": "+1", "id": "x", "time": "yesterday"}, "to": "+2"}]',
    ],
)
def test_malformed_bodies_are_400s(raw):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(WebhookRequest("POST", "https://x/webhooks/bandwidth", {}, raw))
