"""Sinch: HMAC over ``body.nonce.timestamp`` (SDK test vector and a recorded sample), SMS API and Conversation API."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import PROVIDERS, WebhookRequest
from optledger.providers.sinch import compute_signature

from .conftest import load_sample, sample_now, sample_request, tampered, with_body, with_header, without_header

SAMPLE = load_sample("sinch")
ADAPTER = PROVIDERS["sinch"]
SECRETS = SAMPLE["secrets"]

# Sinch .NET SDK, Conversation WebhooksTests.ValidateRequest.
SDK_BODY = (
    '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4",'
    '"contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":'
    '"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com",'
    '"external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}'
)
SDK_HEADERS = {
    "x-sinch-webhook-signature-nonce": "01FJA8B4A7BM43YGWSG9GBV067",
    "x-sinch-webhook-signature-timestamp": "1634579353",
    "x-sinch-webhook-signature": "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=",
}


def test_sdk_test_vector_verifies():
    request = WebhookRequest("POST", "https://x/webhooks/sinch", SDK_HEADERS, SDK_BODY.encode())
    ADAPTER.verify(request, {"SINCH_WEBHOOK_SECRET": "foo_secret1234"}, now=datetime.fromtimestamp(1634579360, UTC))
    # A contact notification is not an inbound message.
    assert ADAPTER.parse(request) == []


def test_recorded_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE))
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("14155550123", "18885550100", "STOP")
    assert message.message_id == "01J9ZK3G5D8V1XG5N4C2T6Y7QW"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 123000, tzinfo=UTC)


def test_tampered_body_is_rejected():
    with pytest.raises(SignatureError):
        ADAPTER.verify(tampered(sample_request(SAMPLE), b'"STOP"', b'"START"'), SECRETS, now=sample_now(SAMPLE))


def test_wrong_secret_is_rejected():
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(sample_request(SAMPLE), {"SINCH_WEBHOOK_SECRET": "other"}, now=sample_now(SAMPLE))


@pytest.mark.parametrize("header", ["x-sinch-webhook-signature-nonce", "x-sinch-webhook-signature-timestamp"])
def test_changed_nonce_or_timestamp_breaks_the_signature(header):
    request = with_header(sample_request(SAMPLE), header, "1795860002")
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE))


@pytest.mark.parametrize("later", [301, -400])
def test_stale_or_future_timestamp_is_rejected(later):
    with pytest.raises(SignatureError):
        ADAPTER.verify(sample_request(SAMPLE), SECRETS, now=sample_now(SAMPLE, later=later))


@pytest.mark.parametrize("timestamp", ["²", "1795860000²", "١٧٩٥٨٦٠٠٠٠", "-1", "17958600.5"])
def test_a_timestamp_that_is_not_ascii_digits_is_a_signature_error(timestamp):
    # Superscripts and other scripts' digits pass str.isdigit() but not int(): refused as unsigned, never a 500.
    # Given a request signed over that timestamp (the signature is right; only the timestamp is wrong)
    request = with_header(sample_request(SAMPLE), "x-sinch-webhook-signature-timestamp", timestamp)
    nonce = request.header("x-sinch-webhook-signature-nonce") or ""
    signature = compute_signature(SECRETS["SINCH_WEBHOOK_SECRET"], request.body, nonce, timestamp)
    request = with_header(request, "x-sinch-webhook-signature", signature)
    with pytest.raises(SignatureError, match="Unix timestamp"):
        ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE))


@pytest.mark.parametrize(
    "header",
    ["x-sinch-webhook-signature", "x-sinch-webhook-signature-nonce", "x-sinch-webhook-signature-timestamp"],
)
def test_missing_header_is_rejected(header):
    with pytest.raises(SignatureError, match="required"):
        ADAPTER.verify(without_header(sample_request(SAMPLE), header), SECRETS, now=sample_now(SAMPLE))


def test_sha512_algorithm_header_is_honoured_and_unknown_ones_refused():
    request = sample_request(SAMPLE)
    nonce, timestamp = "n-512", "1795860001"
    signature = compute_signature(SECRETS["SINCH_WEBHOOK_SECRET"], request.body, nonce, timestamp, "HmacSHA512")
    for name, value in [
        ("x-sinch-webhook-signature", signature),
        ("x-sinch-webhook-signature-nonce", nonce),
        ("x-sinch-webhook-signature-algorithm", "HmacSHA512"),
    ]:
        request = with_header(request, name, value)
    ADAPTER.verify(request, SECRETS, now=sample_now(SAMPLE))
    with pytest.raises(SignatureError, match="not supported"):
        ADAPTER.verify(with_header(request, "x-sinch-webhook-signature-algorithm", "HmacMD5"), SECRETS)


def test_unconfigured_provider_is_disabled():
    with pytest.raises(ProviderDisabled):
        ADAPTER.verify(sample_request(SAMPLE), {}, now=sample_now(SAMPLE))


def test_conversation_api_inbound_sms_parses():
    body = {
        "app_id": "01EB37HMH1M6SV18ASNS3G135H",
        "accepted_time": "2026-11-28T10:00:00.400Z",
        "message": {
            "id": "01J9ZZ0AAAAAAAAAAAAAAAAAAA",
            "direction": "TO_APP",
            "sender_id": "18885550100",
            "channel_identity": {"channel": "SMS", "identity": "14155550123", "app_id": ""},
            "contact_message": {"text_message": {"text": "stop please"}},
            "accept_time": "2026-11-28T10:00:00.300Z",
            "contact_id": "01J9",
            "conversation_id": "01JA",
        },
    }
    [message] = ADAPTER.parse(with_body(sample_request(SAMPLE), json.dumps(body).encode()))
    assert (message.sender, message.recipient, message.text) == ("14155550123", "18885550100", "stop please")
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 300000, tzinfo=UTC)
    # The same message on another channel is not an SMS consent event.
    body["message"]["channel_identity"]["channel"] = "WHATSAPP"
    assert ADAPTER.parse(with_body(sample_request(SAMPLE), json.dumps(body).encode())) == []


def test_delivery_reports_parse_to_nothing():
    report = {"type": "recipient_delivery_report_sms", "batch_id": "01", "recipient": "14155550123", "code": 0}
    assert ADAPTER.parse(with_body(sample_request(SAMPLE), json.dumps(report).encode())) == []


@pytest.mark.parametrize(
    "raw",
    [
        b"[]",
        b"nope",
        b'{"type": "mo_text"}',
        b'{"type": "mo_text", "from": "1", "to": "2", "id": "x", "body": []}',
        b'{"message": {"contact_message": {}, "channel_identity": {"channel": "SMS"}}}',
    ],
)
def test_malformed_bodies_are_400s(raw):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(WebhookRequest("POST", "https://x/webhooks/sinch", {}, raw))
