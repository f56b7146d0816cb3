"""Bandwidth Messaging API v2 inbound callbacks.

Authentication: HTTP Basic with the username and password configured on the Bandwidth application's callback
(``BANDWIDTH_USERNAME`` / ``BANDWIDTH_PASSWORD``), both compared in constant time. Bandwidth has no timestamped
signature, so there is no replay window: redeliveries are deduplicated by message id in the ledger.

The body is a JSON array of callbacks. Only ``message-received`` callbacks are inbound messages; delivery callbacks
(``message-delivered``, ``message-failed``, ``message-sending``) verify but parse to nothing. ``occurred_at`` is
``message.time`` (when Bandwidth received the message), else the callback ``time``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import datetime

from optledger.errors import MalformedRequest, SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookRequest, constant_time_equal
from optledger.providers._common import dig, provider_time, required_text


def basic_credentials(header: str | None) -> tuple[str, str]:
    if not header:
        raise SignatureError("Authorization header is missing")
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded:
        raise SignatureError("Authorization is not HTTP Basic")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, ValueError) as exc:
        raise SignatureError("Authorization Basic credentials are not valid base64") from exc
    username, separator, password = decoded.partition(":")
    if not separator:
        raise SignatureError("Authorization Basic credentials have no password")
    return username, password


class BandwidthAdapter(ProviderAdapter):
    name = "bandwidth"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        username, password = basic_credentials(request.header("authorization"))
        # Both comparisons always run: the time taken does not reveal which one failed.
        user_ok = constant_time_equal(username, secrets["BANDWIDTH_USERNAME"])
        password_ok = constant_time_equal(password, secrets["BANDWIDTH_PASSWORD"])
        if not (user_ok and password_ok):
            raise SignatureError("Bandwidth callback credentials do not match")

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        callbacks = request.json()
        if isinstance(callbacks, dict):
            callbacks = [callbacks]  # tolerate a single callback object
        if not isinstance(callbacks, list):
            raise MalformedRequest("Bandwidth body must be a JSON array of callbacks")
        messages = []
        for callback in callbacks:
            if not isinstance(callback, dict):
                raise MalformedRequest("Bandwidth callback must be a JSON object")
            if callback.get("type") != "message-received":
                continue
            message = callback.get("message")
            if not isinstance(message, dict):
                raise MalformedRequest("Bandwidth callback has no message", fields={"message": "missing"})
            sender = required_text(message.get("from"), provider=self.name, field="message.from")
            recipient_value = callback.get("to") or dig(message, "to", 0) or message.get("owner")
            recipient = required_text(recipient_value, provider=self.name, field="to")
            text = required_text(message.get("text", ""), provider=self.name, field="message.text", allow_empty=True)
            message_id = required_text(message.get("id"), provider=self.name, field="message.id")
            occurred_at = provider_time(message.get("time"), provider=self.name, field="message.time")
            if occurred_at is None:
                occurred_at = provider_time(callback.get("time"), provider=self.name, field="time")
            messages.append(InboundMessage(sender, recipient, text, self.name, message_id, occurred_at))
        return messages


adapter = BandwidthAdapter()
