"""SNS (AWS End User Messaging two-way SMS): signature versions 1 and 2 over the canonical string, the certificate URL
check, the certificate cache, subscription confirmation and the inner message."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError, StorageUnavailable
from optledger.providers import PROVIDERS, WebhookRequest
from optledger.providers import sns as sns_module
from optledger.providers.sns import CERTIFICATES, canonical_string, check_certificate_url

from .build_samples import self_signed_certificate, sign_sns
from .conftest import load_sample, sample_request

SAMPLE = load_sample("sns")
ADAPTER = PROVIDERS["sns"]
CERT_URL = next(iter(SAMPLE["certificates"]))
TOPIC = "arn:aws:sns:us-east-1:111122223333:optledger-inbound-sms"
KEY, PEM = self_signed_certificate()
OUR_URL = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem"


@pytest.fixture(autouse=True)
def certificates() -> Iterator[None]:
    """Each test starts with the sample's certificate and ours cached, and leaves the cache as it found it."""
    saved = dict(CERTIFICATES)
    CERTIFICATES.clear()
    CERTIFICATES.update(SAMPLE["certificates"])
    CERTIFICATES[OUR_URL] = PEM
    yield
    CERTIFICATES.clear()
    CERTIFICATES.update(saved)


def notification(**changes: object) -> dict:
    inner = {
        "originationNumber": "+14155550123",
        "destinationNumber": "+18885550100",
        "messageKeyword": "KEYWORD_1",
        "messageBody": "Stop",
        "inboundMessageId": "9a1b2c3d-0000-4000-8000-000000000001",
    }
    message = {
        "Type": "Notification",
        "MessageId": "11111111-2222-3333-4444-555555555555",
        "TopicArn": TOPIC,
        "Message": json.dumps(inner),
        "Timestamp": "2026-11-28T10:00:00.000Z",
        "SignatureVersion": "2",
        "SigningCertURL": OUR_URL,
    }
    message.update(changes)
    return sign_sns(KEY, message)


def request_for(message: dict) -> WebhookRequest:
    return WebhookRequest("POST", "https://sms.example.com/webhooks/sns", {}, json.dumps(message).encode())


def test_recorded_sample_verifies_and_parses():
    request = sample_request(SAMPLE)
    ADAPTER.verify(request, {})
    [message] = ADAPTER.parse(request)
    assert (message.sender, message.recipient, message.text) == ("+14155550123", "+18885550100", "STOP")
    assert message.message_id == "cae173d2-66b9-564c-8309-21f858e9fb84"
    assert message.occurred_at == datetime(2026, 11, 28, 10, 0, 0, 789000, tzinfo=UTC)


@pytest.mark.parametrize("version", ["1", "2"])
def test_both_signature_versions_verify(version):
    ADAPTER.verify(request_for(notification(SignatureVersion=version)), {})


def test_subject_is_signed_when_present():
    message = notification(Subject="inbound")
    assert b"Subject\ninbound\n" in canonical_string(message)
    ADAPTER.verify(request_for(message), {})
    with pytest.raises(SignatureError):
        ADAPTER.verify(request_for({**message, "Subject": "changed"}), {})


def test_lambda_event_record_shape_verifies():
    # Given the "Sns" object of a Lambda SNS event: SigningCertUrl spelling, Subject null, unsigned attributes
    message = notification()
    record = {k: v for k, v in message.items() if k != "SigningCertURL"}
    record.update(
        SigningCertUrl=message["SigningCertURL"],
        Subject=None,
        MessageAttributes={},
        UnsubscribeUrl="https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe",
    )
    request = request_for(record)
    ADAPTER.verify(request, {})
    assert ADAPTER.parse(request)[0].text == "Stop"


def test_tampered_message_is_rejected():
    message = notification()
    forged = {**message, "Message": message["Message"].replace("Stop", "Start")}
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(request_for(forged), {})


def test_signature_by_another_key_is_rejected():
    # The same URL serving a different certificate than the one that signed: "wrong secret" for SNS.
    other_key, _ = self_signed_certificate()
    message = sign_sns(other_key, {k: v for k, v in notification().items() if k != "Signature"})
    with pytest.raises(SignatureError, match="does not match"):
        ADAPTER.verify(request_for(message), {})


@pytest.mark.parametrize(
    "field", ["Signature", "SignatureVersion", "SigningCertURL", "MessageId", "Timestamp", "TopicArn"]
)
def test_missing_fields_are_rejected(field):
    message = {k: v for k, v in notification().items() if k != field}
    with pytest.raises(SignatureError):
        ADAPTER.verify(request_for(message), {})


@pytest.mark.parametrize("version", ["3", 1, None, "SHA256"])
def test_unknown_signature_versions_are_rejected(version):
    with pytest.raises(SignatureError, match="SignatureVersion"):
        ADAPTER.verify(request_for({**notification(), "SignatureVersion": version}), {})


@pytest.mark.parametrize(
    "url",
    [
        "https://sns.evil.com/SimpleNotificationService-0123456789abcdef.pem",
        "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem",
        "https://sns.us-east-1.amazonaws.com/other/SimpleNotificationService-0123456789abcdef.pem",
        "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem.evil",
        "https://sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-0123456789abcdef.pem",
        "https://evil.com/sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem",
        "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-0123456789abcdef.pem",
        "https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem",
        "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem?x=1",
        "https://s3.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem",
        "https://sns.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem",
        "file:///etc/passwd",
        "",
    ],
)
def test_certificate_urls_off_sns_are_refused_before_any_fetch(url, monkeypatch):
    def fetch(url: str) -> str:
        raise AssertionError("must not fetch an unchecked URL")

    monkeypatch.setattr(sns_module, "fetch_certificate", fetch)
    CERTIFICATES[url] = PEM  # even a cached certificate does not make a bad URL acceptable
    with pytest.raises(SignatureError, match="SigningCertURL"):
        ADAPTER.verify(request_for(notification(SigningCertURL=url)), {})


def test_sns_hosts_in_every_region_pass_the_url_check():
    for region in ("us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1"):
        url = f"https://sns.{region}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem"
        assert check_certificate_url(url) == url


def test_certificate_is_fetched_once_and_cached(monkeypatch):
    # Given a certificate URL not in the cache
    url = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-fedcba9876543210fedcba9876543210.pem"
    calls = []

    def urlopen(target: str, timeout: float) -> io.BytesIO:
        calls.append((target, timeout))
        return io.BytesIO(PEM.encode())

    monkeypatch.setattr("urllib.request.urlopen", urlopen)
    # When two messages signed under it are verified
    ADAPTER.verify(request_for(notification(SigningCertURL=url)), {})
    ADAPTER.verify(request_for(notification(SigningCertURL=url, MessageId="second")), {})
    # Then the certificate was fetched once, with a timeout, and is cached by URL
    assert calls == [(url, sns_module.FETCH_TIMEOUT_SECONDS)]
    assert CERTIFICATES[url] == PEM


def test_certificate_fetch_failure_is_retryable(monkeypatch):
    url = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-00000000000000000000000000000000.pem"

    def urlopen(target: str, timeout: float) -> io.BytesIO:
        raise OSError("network down")

    monkeypatch.setattr("urllib.request.urlopen", urlopen)
    with pytest.raises(StorageUnavailable):
        ADAPTER.verify(request_for(notification(SigningCertURL=url)), {})
    assert url not in CERTIFICATES


def test_unreadable_cached_certificate_is_a_signature_error():
    CERTIFICATES[OUR_URL] = "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n"
    with pytest.raises(SignatureError, match="certificate"):
        ADAPTER.verify(request_for(notification()), {})


def test_topic_allow_list_is_enforced_when_configured():
    request = request_for(notification())
    ADAPTER.verify(request, {"SNS_TOPIC_ARNS": f"arn:aws:sns:us-east-1:1:other, {TOPIC}"})
    with pytest.raises(SignatureError, match="topic"):
        ADAPTER.verify(request, {"SNS_TOPIC_ARNS": "arn:aws:sns:us-east-1:111122223333:other"})


# Subscription confirmation -----------------------------------------------------------------------------------------

SUBSCRIBE_URL = (
    "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=2336412f37fb687f5d51"
)


def confirmation(**changes: object) -> dict:
    message = {
        "Type": "SubscriptionConfirmation",
        "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
        "Token": "2336412f37fb687f5d51",
        "TopicArn": TOPIC,
        "Message": f"You have chosen to subscribe to the topic {TOPIC}.",
        "SubscribeURL": SUBSCRIBE_URL,
        "Timestamp": "2026-11-28T10:00:00.000Z",
        "SignatureVersion": "1",
        "SigningCertURL": OUR_URL,
    }
    message.update(changes)
    return sign_sns(KEY, message)


def test_verified_subscription_confirmation_is_answered_with_the_subscribe_url():
    reply = ADAPTER.handshake(request_for(confirmation()), {"SNS_TOPIC_ARNS": TOPIC})
    assert reply is not None and reply.status == 200
    assert json.loads(reply.body) == {
        "handshake": "sns_subscription_confirmation",
        "subscribe_url": SUBSCRIBE_URL,
        "topic_arn": TOPIC,
    }
    # A confirmation is not an inbound message.
    assert ADAPTER.parse(request_for(confirmation())) == []


def test_subscription_confirmation_without_an_allow_list_is_refused():
    with pytest.raises(ProviderDisabled):
        ADAPTER.handshake(request_for(confirmation()), {})


def test_forged_or_foreign_subscription_confirmations_are_refused():
    forged = {**confirmation(), "SubscribeURL": "https://evil.example/confirm"}
    with pytest.raises(SignatureError):
        ADAPTER.handshake(request_for(forged), {"SNS_TOPIC_ARNS": TOPIC})
    with pytest.raises(SignatureError, match="topic"):
        ADAPTER.handshake(request_for(confirmation()), {"SNS_TOPIC_ARNS": "arn:aws:sns:us-east-1:1:other"})
    evil_but_signed = confirmation(SubscribeURL="https://evil.example/?Action=ConfirmSubscription")
    with pytest.raises(SignatureError, match="SubscribeURL"):
        ADAPTER.handshake(request_for(evil_but_signed), {"SNS_TOPIC_ARNS": TOPIC})


def test_notifications_and_junk_are_not_handshakes():
    assert ADAPTER.handshake(request_for(notification()), {"SNS_TOPIC_ARNS": TOPIC}) is None
    assert ADAPTER.handshake(WebhookRequest("POST", "https://x", {}, b"not json"), {}) is None


@pytest.mark.parametrize(
    "inner",
    [
        "not json",
        "[]",
        json.dumps({"destinationNumber": "+1", "inboundMessageId": "x"}),
        json.dumps({"originationNumber": "+1", "destinationNumber": "+2"}),
    ],
)
def test_malformed_inner_messages_are_400s(inner):
    with pytest.raises(MalformedRequest):
        ADAPTER.parse(request_for(notification(Message=inner)))


def test_malformed_outer_body_is_a_400():
    for raw in (b"[]", b"\xff", b"{"):
        with pytest.raises(MalformedRequest):
            ADAPTER.parse(WebhookRequest("POST", "https://x", {}, raw))
