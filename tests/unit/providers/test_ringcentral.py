"""RingCentral: Validation-Token handshake echo, Verification-Token on every notification, SMS message-store events."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest

from .conftest import load_sample, sample_request, with_body, with_header, without_header

SAMPLE = load_sample("ringcentral")
ADAPTER = PROVIDERS["ringcentral"]
SECRETS = SAMPLE["secrets"]


def validation_request(token: str = "f7c2a8d1-validation") -> WebhookRequest:  # noqa: S107 - a test token
    return WebhookRequest("POST", SAMPLE["url"], {"Validation-Token": token}, b"")


def test_subscription_handshake_echoes_the_validation_token():
    # Given RingCentral creating the subscription
    reply = ADAPTER.handshake(validation_request(), SECRETS)
    # Then the reply is a 200 carrying the same Validation-Token header
    assert reply is not None
    assert reply.status == 200
    assert reply.headers == {"Validation-Token": "f7c2a8d1-validation"}


def test_notifications_are_not_handshakes():
    assert ADAPTER.handshake(sample_request(SAMPLE), SECRETS) is None


def test_handshake_for_an_unconfigured_provider_is_refused():
    with pytest.raises(ProviderDisabled):
        ADAPTER.handshake(validation_request(), {})


@pytest.mark.parametrize("token", ["", "x" * 600, "bad\ntoken"])
def test_handshake_with_a_strange_token_is_a_400(token):
    with pytest.raises(MalformedRequest):
        ADAPTER.handshake(validation_request(token), SECRETS)


def test_recorded_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, SECRETS)
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("+14155550123", "+18885550100", "Quit")
    assert message.message_id == "11949875004"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("token", ["wrong", "rc-verification-token-2026x", "RC-VERIFICATION-TOKEN-2026"])
def test_wrong_verification_token_is_rejected(token):
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(with_header(sample_request(SAMPLE), "Verification-Token", token), SECRETS)


def test_missing_verification_token_is_rejected():
    with pytest.raises(SignatureError, match="missing"):
        ADAPTER.verify(without_header(sample_request(SAMPLE), "Verification-Token"), SECRETS)


def test_unconfigured_provider_is_disabled():
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), {})


@pytest.mark.parametrize(("field", "value"), [("direction", "Outbound"), ("type", "Fax"), ("type", "VoiceMail")])
def test_outbound_and_non_sms_records_parse_to_nothing(field, value):
    notification = json.loads(SAMPLE["body"])
    notification["body"][field] = value
    assert ADAPTER.parse(with_body(sample_request(SAMPLE), json.dumps(notification).encode())) == []


def test_handshake_request_parses_to_nothing():
    assert ADAPTER.parse(validation_request()) == []


@pytest.mark.parametrize(
    "raw",
    [
        b"[]",
        b"{}",
        b'{"body": {"type": "SMS", "direction": "Inbound"}}',
        b'{"body": {"type": "SMS", "direction": "Inbound", "from": {"phoneNumber": "+1"}, "to": "x", "id": "1"}}',
    ],
)
def test_malformed_bodies_are_400s(raw):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(WebhookRequest("POST", SAMPLE["url"], {}, raw))
