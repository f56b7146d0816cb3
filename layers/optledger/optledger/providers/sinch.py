"""Sinch inbound SMS: the SMS REST API (``mo_text`` callbacks) and the Conversation API (``message`` callbacks).

Signature (both APIs, when a webhook secret is set): ``x-sinch-webhook-signature`` is the base64 HMAC, keyed by
``SINCH_WEBHOOK_SECRET``, of ``<raw body>.<x-sinch-webhook-signature-nonce>.<x-sinch-webhook-signature-timestamp>``;
``x-sinch-webhook-signature-algorithm`` names the HMAC (``HmacSHA256`` when absent; ``HmacSHA384``/``HmacSHA512``
accepted). The timestamp (Unix seconds) must be within 300 s of the clock.

``occurred_at``: ``received_at`` (SMS API) or ``message.accept_time`` (Conversation API). Conversation API callbacks
name the business number only in ``message.sender_id`` (when Sinch provides it); otherwise ``recipient`` is empty and
the caller must route by the Conversation app.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from optledger.errors import SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookRequest, constant_time_equal
from optledger.providers._common import (
    FieldNames,
    check_window,
    dig,
    epoch_seconds,
    flat_message,
    json_object,
    provider_time,
    required_text,
)

WINDOW_SECONDS = 300
SMS_API_FIELDS = FieldNames("from", "to", "body", "id", "received_at")
ALGORITHMS = {"hmacsha256": hashlib.sha256, "hmacsha384": hashlib.sha384, "hmacsha512": hashlib.sha512}


def compute_signature(secret: str, body: bytes, nonce: str, timestamp: str, algorithm: str = "HmacSHA256") -> str:
    digest = ALGORITHMS[algorithm.lower()]
    signed = body + f".{nonce}.{timestamp}".encode("utf-8", "surrogatepass")
    return base64.b64encode(hmac.new(secret.encode("utf-8", "surrogatepass"), signed, digest).digest()).decode("ascii")


class SinchAdapter(ProviderAdapter):
    name = "sinch"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        signature = request.header("x-sinch-webhook-signature")
        nonce = request.header("x-sinch-webhook-signature-nonce")
        timestamp = request.header("x-sinch-webhook-signature-timestamp")
        if not signature or not nonce or not timestamp:
            raise SignatureError("x-sinch-webhook-signature, -nonce and -timestamp headers are required")
        algorithm = request.header("x-sinch-webhook-signature-algorithm") or "HmacSHA256"
        if algorithm.lower() not in ALGORITHMS:
            raise SignatureError("x-sinch-webhook-signature-algorithm is not supported")
        expected = compute_signature(secrets["SINCH_WEBHOOK_SECRET"], request.body, nonce, timestamp, algorithm)
        if not constant_time_equal(expected, signature.strip()):
            raise SignatureError("x-sinch-webhook-signature does not match")
        check_window(epoch_seconds(timestamp, what="x-sinch-webhook-signature-timestamp"), now, window=WINDOW_SECONDS)

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        body = json_object(request.json(), provider=self.name)
        if body.get("type") in ("mo_text", "mo_binary"):
            return [self._parse_sms_api(body)]
        message = body.get("message")
        if isinstance(message, dict) and isinstance(message.get("contact_message"), dict):
            return self._parse_conversation(body, message)
        return []  # delivery reports and other events carry no inbound message

    def _parse_sms_api(self, body: dict[str, Any]) -> InboundMessage:
        text = body.get("body", "") if body.get("type") == "mo_text" else ""  # mo_binary bodies are not text
        return flat_message(self.name, body, SMS_API_FIELDS, text=text)

    def _parse_conversation(self, body: dict[str, Any], message: dict[str, Any]) -> list[InboundMessage]:
        if str(dig(message, "channel_identity", "channel") or "").upper() != "SMS":
            return []
        if message.get("direction", "TO_APP") != "TO_APP":
            return []
        text = dig(message, "contact_message", "text_message", "text")
        occurred = message.get("accept_time") or body.get("accepted_time") or body.get("event_time")
        return [
            InboundMessage(
                required_text(dig(message, "channel_identity", "identity"), provider=self.name, field="identity"),
                required_text(message.get("sender_id", ""), provider=self.name, field="sender_id", allow_empty=True),
                required_text(text if text is not None else "", provider=self.name, field="text", allow_empty=True),
                self.name,
                required_text(message.get("id"), provider=self.name, field="message.id"),
                provider_time(occurred, provider=self.name, field="accept_time"),
            )
        ]


adapter = SinchAdapter()
