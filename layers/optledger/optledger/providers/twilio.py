"""Twilio Programmable Messaging inbound webhooks.

Signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed by the account auth token, over the full URL followed by every
POST parameter name and value, names sorted (values of a repeated name sorted too). For a JSON body Twilio adds
``bodySHA256`` (hex SHA-256 of the body) to the query string and signs the URL alone.
Twilio may or may not have included a port in the URL it signed, so the URL is tried without any port and with its
port (or the default :443/:80), as Twilio's own SDKs do.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit
from xml.sax.saxutils import escape

from optledger.digest import sha256_hex
from optledger.errors import MalformedRequest, SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookReply, WebhookRequest, constant_time_equal

_DEFAULT_PORTS = {"https": 443, "http": 80}


def compute_signature(auth_token: str, url: str, params: Mapping[str, list[str]]) -> str:
    payload = url + "".join(name + value for name in sorted(params) for value in sorted(set(params[name])))
    digest = hmac.new(auth_token.encode("utf-8"), payload.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def url_variants(url: str) -> list[str]:
    """The URL without any port, and with its port (the default one when it has none), as Twilio's SDKs try them:
    Twilio signs the URL as configured, and a proxy in front may have added or dropped a port on the way."""
    parts = urlsplit(url)
    default_port = _DEFAULT_PORTS.get(parts.scheme)
    if default_port is None or not parts.hostname:
        return [url]
    netloc = parts.netloc
    userinfo = netloc.rpartition("@")[0]
    hostport = netloc.rpartition("@")[2]
    host = hostport[: hostport.rindex(":")] if parts.port is not None else hostport  # keeps the host's own case
    prefix = f"{userinfo}@" if userinfo else ""
    without_port = urlunsplit(parts._replace(netloc=f"{prefix}{host}"))
    with_port = urlunsplit(parts._replace(netloc=f"{prefix}{host}:{parts.port or default_port}"))
    return [without_port, with_port]


class TwilioAdapter(ProviderAdapter):
    name = "twilio"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        signature = request.header("x-twilio-signature")
        if not signature:
            raise SignatureError("X-Twilio-Signature header is missing")
        token = secrets["TWILIO_AUTH_TOKEN"]
        query = parse_qs(urlsplit(request.url).query)
        if "bodySHA256" in query:
            # JSON-bodied webhooks: the body is bound by its hash in the signed URL.
            body_hash = sha256_hex(request.body)
            if not constant_time_equal(body_hash, query["bodySHA256"][0]):
                raise SignatureError("body does not match bodySHA256")
            params: Mapping[str, list[str]] = {}
        elif request.method.upper() == "POST":
            params = request.form()
        else:
            params = {}
        valid = False
        for candidate in url_variants(request.url):
            # Evaluate every variant: the time taken does not depend on which one matched.
            valid |= constant_time_equal(compute_signature(token, candidate, params), signature)
        if not valid:
            raise SignatureError("X-Twilio-Signature does not match")

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        fields = request.json() if request.content_type == "application/json" else request.form()
        if not isinstance(fields, dict):
            raise MalformedRequest("Twilio body must be an object of fields")

        def first(name: str) -> str:
            value: Any = fields.get(name)
            if isinstance(value, list):
                value = value[0] if value else None
            if not isinstance(value, str) or not value:
                raise MalformedRequest(f"Twilio field {name} is missing", fields={name: "missing"})
            return value

        body = fields.get("Body", "")
        text = body[0] if isinstance(body, list) and body else body
        if not isinstance(text, str):
            raise MalformedRequest("Twilio field Body must be text", fields={"Body": "invalid"})
        message_id = first("MessageSid") if "MessageSid" in fields else first("SmsSid")
        return [InboundMessage(first("From"), first("To"), text, self.name, message_id)]

    def reply(
        self, text: str | None, result: Mapping[str, Any], *, inbound: InboundMessage | None = None
    ) -> WebhookReply:
        if not text:
            body = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
        else:
            body = f'<?xml version="1.0" encoding="UTF-8"?><Response><Message>{escape(text)}</Message></Response>'
        return WebhookReply(200, "text/xml", body)


adapter = TwilioAdapter()
