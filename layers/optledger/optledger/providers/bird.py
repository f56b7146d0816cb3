"""Bird (formerly MessageBird) inbound SMS.

Two signing schemes, both keyed by the webhook's signing key (``BIRD_SIGNING_KEY``):

- Bird webhook subscriptions (current platform): ``messagebird-signature`` is the base64 HMAC-SHA256 of
  ``<messagebird-request-timestamp>\\n<full request URL>\\n<raw SHA-256 digest of the body>`` (Bird's "Verifying a
  webhook subscription" docs). The timestamp (Unix seconds) must be within 300 s of the clock. ``X-Bird-Signature`` /
  ``X-Bird-Timestamp`` are accepted as aliases of those two headers.
- MessageBird ``MessageBird-Signature-JWT``: an HS256/HS384/HS512 JWT with ``iss`` = ``MessageBird``, ``nbf`` and
  ``exp`` (checked against the clock with 1 s leeway), ``url_hash`` (hex SHA-256 of the full URL, query included) and,
  exactly when the body is not empty, ``payload_hash`` (hex SHA-256 of the body).

Payloads: Bird Channels ``sms.inbound`` events (``occurred_at`` = ``payload.createdAt``), MessageBird Conversations
``message.created`` events for received SMS (``message.createdDatetime``), and MessageBird's classic inbound SMS form or
query fields ``originator``, ``recipient``, ``body``, ``id``, ``createdDatetime``. Other events parse to no messages.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from optledger.digest import sha256_hex
from optledger.errors import MalformedRequest, SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookRequest, constant_time_equal
from optledger.providers._common import (
    FieldNames,
    b64decode,
    check_window,
    clock,
    dig,
    epoch_seconds,
    flat_message,
    provider_time,
    required_text,
)
from optledger.providers._jwt import verify_hs_jwt

WINDOW_SECONDS = 300
CLASSIC_FIELDS = FieldNames("originator", "recipient", "body", "id", "createdDatetime")  # the MessageBird SMS API
JWT_LEEWAY_SECONDS = 1
JWT_ALGORITHMS = ("HS256", "HS384", "HS512")


def compute_signature(signing_key: str, timestamp: str, url: str, body: bytes) -> bytes:
    payload = f"{timestamp}\n{url}\n".encode("utf-8", "surrogatepass") + hashlib.sha256(body).digest()
    return hmac.new(signing_key.encode("utf-8", "surrogatepass"), payload, hashlib.sha256).digest()


class BirdAdapter(ProviderAdapter):
    name = "bird"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        key = secrets["BIRD_SIGNING_KEY"]
        token = request.header("messagebird-signature-jwt")
        if token:
            self._verify_jwt(request, token, key, now)
            return
        signature_header = request.header("messagebird-signature") or request.header("x-bird-signature")
        timestamp = request.header("messagebird-request-timestamp") or request.header("x-bird-timestamp")
        if not signature_header or not timestamp:
            raise SignatureError("Bird signature and timestamp headers are missing")
        signature = b64decode(signature_header, what="messagebird-signature header")
        if not hmac.compare_digest(compute_signature(key, timestamp, request.url, request.body), signature):
            raise SignatureError("messagebird-signature does not match")
        check_window(epoch_seconds(timestamp, what="messagebird-request-timestamp"), now, window=WINDOW_SECONDS)

    def _verify_jwt(self, request: WebhookRequest, token: str, key: str, now: datetime | None) -> None:
        claims = verify_hs_jwt(token, key.encode("utf-8", "surrogatepass"), algorithms=JWT_ALGORITHMS)
        if claims.get("iss") != "MessageBird":
            raise SignatureError("MessageBird JWT issuer is wrong")
        moment = clock(now).timestamp()
        if moment + JWT_LEEWAY_SECONDS < epoch_seconds(claims.get("nbf"), what="JWT nbf"):
            raise SignatureError("MessageBird JWT is not valid yet (nbf)")
        if moment - JWT_LEEWAY_SECONDS >= epoch_seconds(claims.get("exp"), what="JWT exp"):
            raise SignatureError("MessageBird JWT has expired (exp)")
        url_hash = claims.get("url_hash")
        if not isinstance(url_hash, str) or not constant_time_equal(
            sha256_hex(request.url.encode("utf-8", "surrogatepass")), url_hash.lower()
        ):
            raise SignatureError("MessageBird JWT url_hash does not match the URL")
        payload_hash = claims.get("payload_hash")
        if request.body:
            if not isinstance(payload_hash, str) or not constant_time_equal(
                sha256_hex(request.body), payload_hash.lower()
            ):
                raise SignatureError("MessageBird JWT payload_hash does not match the body")
        elif payload_hash is not None:
            raise SignatureError("MessageBird JWT has a payload_hash but the body is empty")

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        if request.body.lstrip()[:1] in (b"{", b"[") or request.content_type == "application/json":
            body = request.json()
            if not isinstance(body, dict):
                raise MalformedRequest("Bird body must be a JSON object")
            if "service" in body or "event" in body:
                return self._parse_channels(body)
            if "message" in body and "type" in body:
                return self._parse_conversations(body)
            return [self._parse_classic(body)]
        if request.method.upper() == "GET" or not request.body.strip():
            fields: dict[str, Any] = {
                name: values[0] for name, values in parse_qs(urlsplit(request.url).query).items() if values
            }
        else:
            fields = {name: values[0] for name, values in request.form().items() if values}
        return [self._parse_classic(fields)]

    def _parse_channels(self, body: dict[str, Any]) -> list[InboundMessage]:
        if body.get("event") != "sms.inbound":
            return []
        payload = body.get("payload")
        if not isinstance(payload, dict):
            raise MalformedRequest("Bird sms.inbound event has no payload")
        recipient = dig(payload, "receiver", "connector", "identifierValue") or dig(
            payload, "receiver", "contacts", 0, "identifierValue"
        )
        text = dig(payload, "body", "text", "text")
        return [
            InboundMessage(
                required_text(dig(payload, "sender", "contact", "identifierValue"), provider=self.name, field="sender"),
                required_text(recipient, provider=self.name, field="receiver"),
                required_text(text if text is not None else "", provider=self.name, field="body", allow_empty=True),
                self.name,
                required_text(payload.get("id"), provider=self.name, field="id"),
                provider_time(payload.get("createdAt"), provider=self.name, field="createdAt"),
            )
        ]

    def _parse_conversations(self, body: dict[str, Any]) -> list[InboundMessage]:
        message = body.get("message")
        if body.get("type") != "message.created" or not isinstance(message, dict):
            return []
        if message.get("direction") != "received" or message.get("platform") != "sms":
            return []
        text = dig(message, "content", "text")
        return [
            InboundMessage(
                required_text(message.get("from") or dig(body, "contact", "msisdn"), provider=self.name, field="from"),
                required_text(message.get("to"), provider=self.name, field="to"),
                required_text(text if text is not None else "", provider=self.name, field="content", allow_empty=True),
                self.name,
                required_text(message.get("id"), provider=self.name, field="id"),
                provider_time(message.get("createdDatetime"), provider=self.name, field="createdDatetime"),
            )
        ]

    def _parse_classic(self, fields: dict[str, Any]) -> InboundMessage:
        return flat_message(self.name, fields, CLASSIC_FIELDS, text=fields.get("body", fields.get("message", "")))


adapter = BirdAdapter()
