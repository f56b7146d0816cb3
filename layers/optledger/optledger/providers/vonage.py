"""Vonage inbound SMS: the SMS API (signed webhooks with ``sig``) and the Messages API (JWT).

SMS API: every parameter except ``sig`` is sorted by name and joined as ``&name=value`` (``&`` and ``=`` inside values
become ``_``). ``md5hash`` is the hex MD5 of that string followed by the signature secret; ``md5``, ``sha1``, ``sha256``
and ``sha512`` are the hex HMAC of the string keyed by the secret (Vonage sends those in upper case; the comparison
ignores case). ``VONAGE_SIGNATURE_METHOD`` selects the method as set in the Vonage dashboard (default ``md5hash``,
the SDKs' default). Parameters arrive as a GET query string, a POST form or a POST JSON object, depending on the
number's webhook setting. The signed ``timestamp`` parameter (Unix seconds) must be within 300 s of the clock.

Messages API: ``Authorization: Bearer <JWT>``, HS256 signed with the same signature secret (the dashboard method does
not apply: SHA-256 is always used), whose ``payload_hash`` claim is the hex SHA-256 of the raw body and whose ``iat``
must be within 300 s of the clock.

Long SMS API messages arrive as separate parts (``concat=true`` with ``concat-ref``, ``concat-total``, ``concat-part``).
``parse`` returns each part as a ``VonageInboundMessage`` whose ``concat`` holds the part info; the caller keeps parts
(keyed by ``concat_key``) until ``reassemble`` returns the whole message. Messages API inbound SMS arrive whole.

``occurred_at``: SMS API ``message-timestamp`` (UTC, ``YYYY-MM-DD HH:MM:SS``); Messages API ``timestamp``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from optledger.digest import sha256_hex
from optledger.errors import MalformedRequest, ProviderDisabled, SignatureError
from optledger.providers import InboundMessage, PartStore, ProviderAdapter, WebhookRequest, constant_time_equal
from optledger.providers._common import check_window, dig, epoch_seconds, provider_time, required_text
from optledger.providers._jwt import verify_hs_jwt
from optledger.timeutil import format_ts, parse_ts

WINDOW_SECONDS = 300
DEFAULT_METHOD = "md5hash"
HMAC_METHODS = {"md5": hashlib.md5, "sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}
METHODS = ("md5hash", *HMAC_METHODS)


@dataclass(frozen=True)
class ConcatPart:
    """One part of a long SMS: ``ref`` is the sender's reference shared by all parts, ``part`` is 1-based."""

    ref: str
    total: int
    part: int


@dataclass(frozen=True)
class VonageInboundMessage(InboundMessage):
    concat: ConcatPart | None = None


def signature_method(secrets: Mapping[str, str]) -> str:
    method = (secrets.get("VONAGE_SIGNATURE_METHOD") or DEFAULT_METHOD).strip().lower()
    if method not in METHODS:
        raise ProviderDisabled(f"VONAGE_SIGNATURE_METHOD must be one of {', '.join(METHODS)}")
    return method


def _signed_value(value: Any) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = ""
    elif isinstance(value, int | float):
        text = str(value)
    else:
        text = json.dumps(value, separators=(",", ":"))
    return text.replace("&", "_").replace("=", "_")


def compute_signature(params: Mapping[str, Any], secret: str, method: str = DEFAULT_METHOD) -> str:
    """The lower-case hex ``sig`` of ``params`` (``sig`` itself is ignored)."""
    payload = "".join(f"&{name}={_signed_value(params[name])}" for name in sorted(params) if name != "sig")
    if method == "md5hash":
        return hashlib.md5((payload + secret).encode("utf-8", "surrogatepass")).hexdigest()  # noqa: S324 - Vonage's published scheme
    if method not in HMAC_METHODS:
        raise ProviderDisabled(f"unknown Vonage signature method {method}")
    key, message = secret.encode("utf-8", "surrogatepass"), payload.encode("utf-8", "surrogatepass")
    return hmac.new(key, message, HMAC_METHODS[method]).hexdigest()


def request_fields(request: WebhookRequest) -> dict[str, Any]:
    """The SMS API parameters: query string for GET (or an empty POST), else the JSON object or form body."""
    if request.method.upper() == "GET" or not request.body.strip():
        try:
            pairs = parse_qsl(urlsplit(request.url).query, keep_blank_values=True)
        except ValueError as exc:
            raise MalformedRequest("query string is not valid") from exc
        return _first_values(pairs)
    if request.content_type == "application/json" or request.body.lstrip()[:1] == b"{":
        value = request.json()
        if not isinstance(value, dict):
            raise MalformedRequest("Vonage body must be a JSON object")
        return value
    return {name: values[0] for name, values in request.form().items()}


def _first_values(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields


def _bearer(request: WebhookRequest) -> str | None:
    header = request.header("authorization")
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


class VonageAdapter(ProviderAdapter):
    name = "vonage"

    def verify(self, request: WebhookRequest, secrets: Mapping[str, str], now: datetime | None = None) -> None:
        self.require_configured(secrets)
        secret = secrets["VONAGE_SIGNATURE_SECRET"]
        token = _bearer(request)
        if token is not None:
            self._verify_jwt(request, token, secret, now)
            return
        method = signature_method(secrets)
        fields = request_fields(request)
        signature = fields.get("sig")
        if not isinstance(signature, str) or not signature:
            raise SignatureError("Vonage sig parameter (or Authorization bearer JWT) is missing")
        if not constant_time_equal(compute_signature(fields, secret, method), signature.strip().lower()):
            raise SignatureError("Vonage sig does not match")
        if "timestamp" not in fields:
            raise SignatureError("Vonage signed timestamp is missing")
        check_window(epoch_seconds(fields["timestamp"], what="Vonage timestamp"), now, window=WINDOW_SECONDS)

    def _verify_jwt(self, request: WebhookRequest, token: str, secret: str, now: datetime | None) -> None:
        claims = verify_hs_jwt(token, secret.encode("utf-8", "surrogatepass"), algorithms=("HS256",))
        payload_hash = claims.get("payload_hash")
        if not isinstance(payload_hash, str):
            raise SignatureError("Vonage JWT has no payload_hash claim")
        if not constant_time_equal(sha256_hex(request.body), payload_hash.lower()):
            raise SignatureError("body does not match the Vonage JWT payload_hash")
        check_window(epoch_seconds(claims.get("iat"), what="Vonage JWT iat"), now, window=WINDOW_SECONDS, what="iat")

    def reassemble(self, message: InboundMessage, parts: PartStore, *, ttl: int) -> InboundMessage | None:
        """A part of a concatenated SMS is stored; the whole message comes back once every part has arrived."""
        key, concat = concat_key(message), getattr(message, "concat", None)
        if key is None or concat is None:
            return message
        document = {
            "sender": message.sender,
            "recipient": message.recipient,
            "text": message.text,
            "message_id": message.message_id,
            "occurred_at": format_ts(message.occurred_at) if message.occurred_at else None,
            "concat": {"ref": concat.ref, "total": concat.total, "part": concat.part},
        }
        parts.put_part(message.provider, key, concat.part, document, ttl=ttl)
        stored = [
            VonageInboundMessage(
                sender=d["sender"],
                recipient=d["recipient"],
                text=d["text"],
                provider=message.provider,
                message_id=d["message_id"],
                occurred_at=parse_ts(d["occurred_at"]) if d.get("occurred_at") else None,
                concat=ConcatPart(**d["concat"]),
            )
            for d in parts.get_parts(message.provider, key)
        ]
        return reassemble(stored)

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        fields = request_fields(request)
        if "message_uuid" in fields:
            return self._parse_messages_api(fields)
        return [self._parse_sms_api(fields)]

    def _parse_messages_api(self, fields: dict[str, Any]) -> list[InboundMessage]:
        channel = fields.get("channel") or dig(fields, "from", "type")
        if channel != "sms":
            return []  # WhatsApp/RCS/MMS inbound are not SMS consent events
        sender_value = fields.get("from")
        recipient_value = fields.get("to")
        if isinstance(sender_value, dict):  # Messages API v0.1 shape
            sender_value = sender_value.get("number")
        if isinstance(recipient_value, dict):
            recipient_value = recipient_value.get("number")
        text = fields.get("text")
        if text is None:
            text = dig(fields, "message", "content", "text")
        message = VonageInboundMessage(
            required_text(sender_value, provider=self.name, field="from"),
            required_text(recipient_value, provider=self.name, field="to"),
            required_text(text if text is not None else "", provider=self.name, field="text", allow_empty=True),
            self.name,
            required_text(fields.get("message_uuid"), provider=self.name, field="message_uuid"),
            provider_time(fields.get("timestamp"), provider=self.name, field="timestamp"),
        )
        return [message]

    def _parse_sms_api(self, fields: dict[str, Any]) -> VonageInboundMessage:
        text = fields.get("text")
        return VonageInboundMessage(
            required_text(fields.get("msisdn"), provider=self.name, field="msisdn"),
            required_text(fields.get("to"), provider=self.name, field="to"),
            required_text(text if text is not None else "", provider=self.name, field="text", allow_empty=True),
            self.name,
            required_text(fields.get("messageId"), provider=self.name, field="messageId"),
            provider_time(fields.get("message-timestamp"), provider=self.name, field="message-timestamp"),
            _concat_part(fields),
        )


def _concat_part(fields: Mapping[str, Any]) -> ConcatPart | None:
    if str(fields.get("concat", "")).lower() != "true":
        return None
    try:
        ref = str(fields["concat-ref"])
        total = int(str(fields["concat-total"]))
        part = int(str(fields["concat-part"]))
    except (KeyError, ValueError) as exc:
        raise MalformedRequest("Vonage concat fields are invalid", fields={"concat": "invalid"}) from exc
    if not ref or not 1 <= part <= total <= 255:
        raise MalformedRequest("Vonage concat fields are invalid", fields={"concat": "invalid"})
    return ConcatPart(ref, total, part)


def concat_key(message: InboundMessage) -> str | None:
    """The key that groups the parts of one long message (None for a whole message): sender, recipient and ref."""
    concat = getattr(message, "concat", None)
    if concat is None:
        return None
    return f"{message.sender}|{message.recipient}|{concat.ref}|{concat.total}"


def reassemble(parts: Iterable[InboundMessage]) -> InboundMessage | None:
    """The whole message once every part is present, else None.

    ``parts`` are the parts received so far for one ``concat_key`` (in any order; a redelivered part may appear twice).
    The whole message takes the ``message_id`` of part 1 (so a redelivery of the set is still deduplicated) and the
    earliest ``occurred_at`` of its parts. Parts of different messages are a MalformedRequest.
    """
    by_number: dict[int, InboundMessage] = {}
    key = None
    total = 0
    for message in parts:
        concat = getattr(message, "concat", None)
        if concat is None:
            raise MalformedRequest("a message without concat info is not a part")
        if key is None:
            key, total = concat_key(message), concat.total
        elif concat_key(message) != key:
            raise MalformedRequest("parts belong to different concatenated messages")
        by_number.setdefault(concat.part, message)
    if key is None or sorted(by_number) != list(range(1, total + 1)):
        return None
    ordered = [by_number[number] for number in range(1, total + 1)]
    first = ordered[0]
    times = [message.occurred_at for message in ordered if message.occurred_at is not None]
    return InboundMessage(
        first.sender,
        first.recipient,
        "".join(message.text for message in ordered),
        first.provider,
        first.message_id,
        min(times) if times else None,
    )


adapter = VonageAdapter()
