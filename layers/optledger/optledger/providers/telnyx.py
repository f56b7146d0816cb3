"""Telnyx Messaging inbound webhooks (API v2).

Signature: ``telnyx-signature-ed25519`` is the base64 Ed25519 signature, by Telnyx's key, of ``<telnyx-timestamp>|<raw
body>``; ``telnyx-timestamp`` is Unix seconds and must be within 300 s of the clock. ``TELNYX_PUBLIC_KEY`` is the public
key shown in the Mission Control portal (base64 of the 32 raw key bytes; a PEM public key is accepted too).

Only ``message.received`` events carry an inbound SMS; other events (``message.sent``, ``message.finalized``...) verify
but parse to no messages. ``occurred_at`` is ``payload.received_at`` (when Telnyx received the SMS), else the event's
``occurred_at``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookRequest
from optledger.providers._common import (
    b64decode,
    check_window,
    dig,
    epoch_seconds,
    json_object,
    provider_time,
    required_text,
)

WINDOW_SECONDS = 300


def load_public_key(configured: str) -> Any:
    """The Ed25519 public key from its base64 raw form or PEM; a key that cannot be read disables the provider."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    text = configured.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = load_pem_public_key(text.encode("ascii"))
            if not isinstance(key, Ed25519PublicKey):
                raise ValueError("not an Ed25519 key")
            return key
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, TypeError, binascii.Error, UnicodeEncodeError) as exc:
        raise ProviderDisabled("TELNYX_PUBLIC_KEY is not an Ed25519 public key") from exc


class TelnyxAdapter(ProviderAdapter):
    name = "telnyx"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        from cryptography.exceptions import InvalidSignature

        self.require_configured(secrets)
        key = load_public_key(secrets["TELNYX_PUBLIC_KEY"])
        timestamp_header = request.header("telnyx-timestamp")
        if not timestamp_header:
            raise SignatureError("telnyx-timestamp header is missing")
        signature = b64decode(request.header("telnyx-signature-ed25519"), what="telnyx-signature-ed25519 header")
        timestamp = epoch_seconds(timestamp_header, what="telnyx-timestamp")
        signed = timestamp_header.encode("utf-8", "surrogatepass") + b"|" + request.body
        try:
            key.verify(signature, signed)
        except InvalidSignature as exc:
            raise SignatureError("telnyx-signature-ed25519 does not match") from exc
        # Checked after the signature so that a forged timestamp is reported as a bad signature, not as stale.
        check_window(timestamp, now, window=WINDOW_SECONDS, what="telnyx-timestamp")

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        body = json_object(request.json(), provider=self.name)
        data = dig(body, "data")
        if not isinstance(data, dict):
            raise MalformedRequest("Telnyx body has no data object")
        if data.get("event_type") != "message.received":
            return []
        payload = json_object(data.get("payload"), provider=self.name)
        sender = required_text(dig(payload, "from", "phone_number"), provider=self.name, field="payload.from")
        recipient = required_text(_first_recipient(payload.get("to")), provider=self.name, field="payload.to")
        text = required_text(payload.get("text", ""), provider=self.name, field="payload.text", allow_empty=True)
        message_id = required_text(payload.get("id"), provider=self.name, field="payload.id")
        occurred_at = provider_time(payload.get("received_at"), provider=self.name, field="payload.received_at")
        if occurred_at is None:
            occurred_at = provider_time(data.get("occurred_at"), provider=self.name, field="data.occurred_at")
        return [InboundMessage(sender, recipient, text, self.name, message_id, occurred_at)]


def _first_recipient(to: Any) -> Any:
    """``payload.to`` is an array of ``{"phone_number": ...}`` objects, or (older payloads) a plain string."""
    if isinstance(to, str):
        return to
    first = dig(to, 0)
    if isinstance(first, str):
        return first
    return dig(first, "phone_number")


adapter = TelnyxAdapter()
