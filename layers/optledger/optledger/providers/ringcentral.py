"""RingCentral inbound SMS, by a WebHook subscription to the SMS message-store event.

The subscription filter is ``/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS``.

Handshake: when the subscription is created RingCentral POSTs (without a body) a ``Validation-Token`` header, which must
be echoed in the reply's ``Validation-Token`` header with status 200 within a few seconds; ``handshake`` returns that
reply. Notifications: the subscription's ``deliveryMode.verificationToken`` comes back in the ``Verification-Token``
header of every notification and must equal ``RINGCENTRAL_VERIFICATION_TOKEN`` (constant-time). RingCentral signs
nothing else and sends no timestamp to window, so redeliveries are deduplicated by message id in the ledger.

Only inbound SMS records parse to messages: ``body.from.phoneNumber`` (consumer), ``body.to[0].phoneNumber`` (business
number), ``body.subject`` (the text) and ``body.id``; ``occurred_at`` is ``body.creationTime``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from optledger.errors import MalformedRequest, SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookReply, WebhookRequest, constant_time_equal
from optledger.providers._common import dig, json_object, provider_time, required_text

MAX_VALIDATION_TOKEN_LENGTH = 512


class RingCentralAdapter(ProviderAdapter):
    name = "ringcentral"

    def handshake(self, request: WebhookRequest, secrets: Mapping[str, str]) -> WebhookReply | None:
        token = request.header("validation-token")
        if token is None:
            return None
        self.require_configured(secrets)  # an unconfigured provider must not complete a subscription
        token = token.strip()
        if not token or len(token) > MAX_VALIDATION_TOKEN_LENGTH or not token.isprintable():
            raise MalformedRequest("Validation-Token header is not a token")
        body = json.dumps({"handshake": "ringcentral_validation"}, separators=(",", ":"))
        return WebhookReply(200, "application/json", body, {"Validation-Token": token})

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        token = request.header("verification-token")
        if not token:
            raise SignatureError("Verification-Token header is missing")
        if not constant_time_equal(token.strip(), secrets["RINGCENTRAL_VERIFICATION_TOKEN"]):
            raise SignatureError("Verification-Token does not match")

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        if not request.body.strip():
            return []  # the validation handshake carries no body
        notification = json_object(request.json(), provider=self.name)
        body = notification.get("body")
        if not isinstance(body, dict):
            raise MalformedRequest("RingCentral notification has no body object")
        if body.get("type") != "SMS" or body.get("direction") != "Inbound":
            return []
        text = body.get("subject", "")
        return [
            InboundMessage(
                required_text(dig(body, "from", "phoneNumber"), provider=self.name, field="body.from.phoneNumber"),
                required_text(dig(body, "to", 0, "phoneNumber"), provider=self.name, field="body.to.phoneNumber"),
                required_text(text if text is not None else "", provider=self.name, field="subject", allow_empty=True),
                self.name,
                required_text(body.get("id"), provider=self.name, field="body.id"),
                provider_time(body.get("creationTime"), provider=self.name, field="body.creationTime"),
            )
        ]


adapter = RingCentralAdapter()
