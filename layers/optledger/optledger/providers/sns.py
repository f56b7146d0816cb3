"""AWS End User Messaging two-way SMS, delivered through Amazon SNS.

``request.body`` is the SNS message JSON: the body of an HTTPS delivery, or ``json.dumps(record["Sns"])`` of a Lambda
SNS event record (whose ``SigningCertUrl`` key is accepted for ``SigningCertURL``).

Verification: ``SignatureVersion`` 1 is SHA1withRSA and 2 is SHA256withRSA (PKCS#1 v1.5) over the canonical string of
the message: ``name\\nvalue\\n`` for Message, MessageId, Subject (only if present), Timestamp, TopicArn, Type
(notifications) or Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type (subscription and unsubscribe
confirmations). The
signing certificate URL must be ``https://sns.<region>.amazonaws.com/SimpleNotificationService-<id>.pem``; anything else
is refused before any network access. Certificates are fetched once per URL and cached in ``CERTIFICATES`` (URL -> PEM);
tests pre-fill it. If ``SNS_TOPIC_ARNS`` (comma-separated) is configured, messages from other topics are refused.

Handshake: a verified ``SubscriptionConfirmation`` is answered with a JSON reply carrying ``subscribe_url`` and
``topic_arn``; the caller confirms the subscription by an HTTPS GET of ``subscribe_url`` (or
``sns.confirm_subscription(TopicArn=topic_arn, Token=token)``). Nothing here makes that call. Confirming requires
``SNS_TOPIC_ARNS`` to list the topic, otherwise anyone's topic could subscribe the endpoint. Lambda subscriptions need
no confirmation.

The notification ``Message`` is the End User Messaging JSON: ``originationNumber`` (consumer), ``destinationNumber``
(business number), ``messageBody``, ``inboundMessageId``, ``messageKeyword``. ``occurred_at`` is the SNS ``Timestamp``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import SplitResult, urlsplit

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError, StorageUnavailable
from optledger.providers import InboundMessage, ProviderAdapter, WebhookReply, WebhookRequest
from optledger.providers._common import json_object, provider_time, required_text

CERTIFICATES: dict[str, str] = {}
"""Signing certificates already fetched, by URL (PEM text). Tests pre-fill it; nothing ever removes an entry."""

FETCH_TIMEOUT_SECONDS = 5
MAX_CERTIFICATE_BYTES = 16384
_HOST = re.compile(r"sns\.[a-z0-9-]+\.amazonaws\.com")
_PATH = re.compile(r"/SimpleNotificationService-[A-Za-z0-9]+\.pem")
_NOTIFICATION_FIELDS = ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
_CONFIRMATION_FIELDS = ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type")
_CONFIRMATION_TYPES = ("SubscriptionConfirmation", "UnsubscribeConfirmation")


def _sns_https_url(url: object, *, field: str, max_length: int) -> SplitResult:
    """``url`` split, if it is plain https on an ``sns.<region>.amazonaws.com`` host; else SignatureError."""
    if not isinstance(url, str) or len(url) > max_length:
        raise SignatureError(f"{field} is missing")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SignatureError(f"{field} is not a URL") from exc
    if (
        parts.scheme != "https"
        or parts.username is not None
        or port not in (None, 443)
        or not _HOST.fullmatch(parts.hostname or "")
        or parts.netloc.lower().split(":")[0] != parts.hostname
    ):
        raise SignatureError(f"{field} is not an Amazon SNS URL")
    return parts


def check_certificate_url(url: object) -> str:
    """The URL if it is an SNS signing certificate URL, else SignatureError (sns.evil.com, http, other paths...)."""
    parts = _sns_https_url(url, field="SigningCertURL", max_length=512)
    if not _PATH.fullmatch(parts.path) or parts.query or parts.fragment:
        raise SignatureError("SigningCertURL is not an Amazon SNS certificate URL")
    return str(url)


def fetch_certificate(url: str) -> str:
    """GET the PEM (the URL has been checked). A network failure is a 503 so SNS retries the delivery."""
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310 - URL checked
            data = response.read(MAX_CERTIFICATE_BYTES + 1)
    except OSError as exc:
        raise StorageUnavailable("could not fetch the SNS signing certificate") from exc
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise SignatureError("SNS signing certificate is too large")
    return data.decode("ascii", errors="replace")


def certificate_for(url: str) -> str:
    pem = CERTIFICATES.get(url)
    if pem is None:
        pem = fetch_certificate(url)
        CERTIFICATES[url] = pem
    return pem


def canonical_string(message: Mapping[str, Any]) -> bytes:
    kind = message.get("Type")
    names = _CONFIRMATION_FIELDS if kind in _CONFIRMATION_TYPES else _NOTIFICATION_FIELDS
    lines = []
    for name in names:
        value = message.get(name)
        if value is None:
            if name == "Subject":
                continue
            raise SignatureError(f"SNS field {name} is missing")
        if not isinstance(value, str):
            raise SignatureError(f"SNS field {name} is not text")
        lines.append(f"{name}\n{value}\n")
    return "".join(lines).encode("utf-8", "surrogatepass")


def _message(request: WebhookRequest) -> dict[str, Any]:
    message = json_object(request.json(), provider="sns")
    if "SigningCertURL" not in message and "SigningCertUrl" in message:
        message = {**message, "SigningCertURL": message["SigningCertUrl"]}
    return message


def _allowed_topics(secrets: Mapping[str, str]) -> set[str]:
    return {arn.strip() for arn in (secrets.get("SNS_TOPIC_ARNS") or "").split(",") if arn.strip()}


class SnsAdapter(ProviderAdapter):
    name = "sns"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        from cryptography import x509
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        message = _message(request)
        version = message.get("SignatureVersion")
        if version not in ("1", "2"):
            raise SignatureError("SNS SignatureVersion must be 1 or 2")
        url = check_certificate_url(message.get("SigningCertURL"))
        signature_text = message.get("Signature")
        if not isinstance(signature_text, str) or not signature_text:
            raise SignatureError("SNS Signature is missing")
        try:
            signature = base64.b64decode(signature_text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise SignatureError("SNS Signature is not base64") from exc
        signed = canonical_string(message)
        topics = _allowed_topics(secrets)
        if topics and message.get("TopicArn") not in topics:
            raise SignatureError("SNS topic is not allowed")
        try:
            certificate = x509.load_pem_x509_certificate(certificate_for(url).encode("ascii", errors="replace"))
            key = certificate.public_key()
        except ValueError as exc:
            raise SignatureError("SNS signing certificate cannot be read") from exc
        if not isinstance(key, rsa.RSAPublicKey):
            raise SignatureError("SNS signing certificate has no RSA key")
        algorithm = hashes.SHA1() if version == "1" else hashes.SHA256()  # noqa: S303 - SNS SignatureVersion 1
        try:
            key.verify(signature, signed, padding.PKCS1v15(), algorithm)
        except InvalidSignature as exc:
            raise SignatureError("SNS signature does not match") from exc

    def handshake(self, request: WebhookRequest, secrets: Mapping[str, str]) -> WebhookReply | None:
        try:
            message = _message(request)
        except MalformedRequest:
            return None
        kind = message.get("Type")
        if kind not in _CONFIRMATION_TYPES:
            return None
        if kind == "UnsubscribeConfirmation":
            self.verify(request, secrets)
            return WebhookReply(200, "application/json", '{"handshake":"sns_unsubscribe_confirmation"}')
        if not _allowed_topics(secrets):
            raise ProviderDisabled("SNS_TOPIC_ARNS must list the topic before a subscription can be confirmed")
        self.verify(request, secrets)
        subscribe_url = check_subscribe_url(message.get("SubscribeURL"))
        reply = {
            "handshake": "sns_subscription_confirmation",
            "subscribe_url": subscribe_url,
            "topic_arn": message.get("TopicArn"),
        }
        return WebhookReply(200, "application/json", json.dumps(reply, separators=(",", ":")))

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        message = _message(request)
        if message.get("Type") != "Notification":
            return []
        inner_text = message.get("Message")
        if not isinstance(inner_text, str):
            raise MalformedRequest("SNS Message is missing")
        try:
            inner = json.loads(inner_text)
        except (ValueError, RecursionError) as exc:
            raise MalformedRequest("SNS Message is not End User Messaging JSON") from exc
        inner = json_object(inner, provider=self.name)
        body = inner.get("messageBody", "")
        return [
            InboundMessage(
                required_text(inner.get("originationNumber"), provider=self.name, field="originationNumber"),
                required_text(inner.get("destinationNumber"), provider=self.name, field="destinationNumber"),
                required_text(body or "", provider=self.name, field="messageBody", allow_empty=True),
                self.name,
                required_text(inner.get("inboundMessageId"), provider=self.name, field="inboundMessageId"),
                provider_time(message.get("Timestamp"), provider=self.name, field="Timestamp"),
            )
        ]


def check_subscribe_url(url: object) -> str:
    """The SubscribeURL if it is an https URL on an SNS regional host, else SignatureError."""
    _sns_https_url(url, field="SubscribeURL", max_length=2048)
    return str(url)


adapter = SnsAdapter()
