"""Plivo inbound SMS (the message URL of a Plivo application).

Signature V3 (``X-Plivo-Signature-V3`` with ``X-Plivo-Signature-V3-Nonce``): base64 HMAC-SHA256, keyed by the auth
token, of ``<base URL>.<nonce>``, where for a GET the base URL is scheme://host/path followed by ``?`` and the query
parameters sorted as ``name=value`` joined by ``&``, and for a POST it is that URL (query part, then ``.`` if both a
query and parameters exist, or ``?`` alone when there is no query) followed by every POST parameter as ``namevalue``,
names sorted.
A header may carry several signatures separated by commas (token rotation); any match is accepted.
``X-Plivo-Signature-Ma-V3`` is the same signature made with the main account's token (sent for subaccount
applications), so either header may match the configured token.

V2 fallback (``X-Plivo-Signature-V2`` / ``-Ma-V2`` with ``X-Plivo-Signature-V2-Nonce``): base64 HMAC-SHA256 of the URL
without its query string followed by the nonce. V2 is used only when no V3 header is present. It does not cover the
body, so a captured V2 header authenticates any body sent to the same URL; V3 should be preferred.

Plivo signatures carry no timestamp (the nonce is random), so there is no replay window: redeliveries are deduplicated
by ``MessageUUID`` in the ledger. Plivo sends no time of receipt with an inbound SMS, so ``occurred_at`` is None.

Replies are Plivo XML: ``<Response><Message src="<business number>" dst="<consumer>">text</Message></Response>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit
from xml.sax.saxutils import escape, quoteattr

from optledger.errors import MalformedRequest, SignatureError
from optledger.providers import InboundMessage, ProviderAdapter, WebhookReply, WebhookRequest, constant_time_equal
from optledger.providers._common import required_text

V3_HEADERS = ("x-plivo-signature-v3", "x-plivo-signature-ma-v3")
V2_HEADERS = ("x-plivo-signature-v2", "x-plivo-signature-ma-v2")


def _hmac_b64(token: str, payload: str) -> str:
    key, message = token.encode("utf-8", "surrogatepass"), payload.encode("utf-8", "surrogatepass")
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def _base_url(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), parse_qs(parts.query, keep_blank_values=True)


def _sorted_query(params: Mapping[str, list[str]]) -> str:
    return "&".join(f"{name}={value}" for name in sorted(params) for value in sorted(params[name]))


def _sorted_params(params: Mapping[str, list[str]]) -> str:
    return "".join(f"{name}{value}" for name in sorted(params) for value in sorted(params[name]))


def v3_signed_string(method: str, url: str, params: Mapping[str, list[str]], nonce: str) -> str:
    base, query = _base_url(url)
    query_string = _sorted_query(query)
    if method.upper() == "GET":
        # A GET's own parameters are its query string.
        signed = f"{base}?{query_string}" if query_string else base
    else:
        signed = base
        if query_string or params:
            signed += "?" + query_string
        if query_string and params:
            signed += "."
        signed += _sorted_params(params)
    return f"{signed}.{nonce}"


def compute_v3_signature(token: str, method: str, url: str, params: Mapping[str, list[str]], nonce: str) -> str:
    return _hmac_b64(token, v3_signed_string(method, url, params, nonce))


def compute_v2_signature(token: str, url: str, nonce: str) -> str:
    return _hmac_b64(token, _base_url(url)[0] + nonce)


def _matches(expected: str, header_value: str) -> bool:
    matched = False
    for candidate in header_value.split(","):
        matched |= constant_time_equal(expected, candidate.strip())
    return matched


class PlivoAdapter(ProviderAdapter):
    name = "plivo"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        token = secrets["PLIVO_AUTH_TOKEN"]
        v3_values = [value for value in (request.header(name) for name in V3_HEADERS) if value]
        if v3_values:
            nonce = request.header("x-plivo-signature-v3-nonce")
            if not nonce:
                raise SignatureError("X-Plivo-Signature-V3-Nonce header is missing")
            params = request.form() if request.method.upper() != "GET" else {}
            expected = compute_v3_signature(token, request.method, request.url, params, nonce)
            if not any(_matches(expected, value) for value in v3_values):
                raise SignatureError("X-Plivo-Signature-V3 does not match")
            return
        v2_values = [value for value in (request.header(name) for name in V2_HEADERS) if value]
        if not v2_values:
            raise SignatureError("X-Plivo-Signature-V3 header is missing")
        nonce = request.header("x-plivo-signature-v2-nonce")
        if not nonce:
            raise SignatureError("X-Plivo-Signature-V2-Nonce header is missing")
        expected = compute_v2_signature(token, request.url, nonce)
        if not any(_matches(expected, value) for value in v2_values):
            raise SignatureError("X-Plivo-Signature-V2 does not match")

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        if request.method.upper() == "GET":
            fields: Any = parse_qs(urlsplit(request.url).query, keep_blank_values=True)
        elif request.content_type == "application/json":
            fields = request.json()
        else:
            fields = request.form()
        if not isinstance(fields, dict):
            raise MalformedRequest("Plivo body must be an object of fields")

        def first(name: str, *, allow_empty: bool = False) -> str:
            value = fields.get(name)
            if isinstance(value, list):
                value = value[0] if value else None
            return required_text(value, provider=self.name, field=name, allow_empty=allow_empty)

        kind = fields.get("Type")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        if isinstance(kind, str) and kind.lower() not in ("sms", ""):
            return []  # MMS/WhatsApp inbound are not SMS consent events
        text = first("Text", allow_empty=True) if "Text" in fields else ""
        return [InboundMessage(first("From"), first("To"), text, self.name, first("MessageUUID"), None)]

    def reply(
        self, text: str | None, result: Mapping[str, Any], *, inbound: InboundMessage | None = None
    ) -> WebhookReply:
        """Plivo XML. A reply goes back to the consumer, from the number the consumer wrote to."""
        if not text or inbound is None:
            return WebhookReply(200, "application/xml", '<?xml version="1.0" encoding="UTF-8"?><Response/>')
        sender, recipient = inbound.sender, inbound.recipient
        message = f"<Message src={quoteattr(recipient)} dst={quoteattr(sender)}>{escape(text)}</Message>"
        body = f'<?xml version="1.0" encoding="UTF-8"?><Response>{message}</Response>'
        return WebhookReply(200, "application/xml", body)


adapter = PlivoAdapter()
