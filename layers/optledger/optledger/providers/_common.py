"""Helpers shared by the provider adapters: timestamp windows, defensive JSON access, base64, provider times.

Every helper raises only ``OptLedgerError`` subclasses, so adapters built on them never leak a
KeyError/TypeError/ValueError from a hostile body or header.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from optledger.errors import MalformedRequest, SignatureError
from optledger.providers import InboundMessage

DEFAULT_WINDOW_SECONDS = 300


def clock(now: datetime | None) -> datetime:
    """The verification clock: ``now`` (a naive value is taken as UTC) or the current time."""
    if now is None:
        return datetime.now(UTC)
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)


def epoch_seconds(value: object, *, what: str) -> int:
    """A Unix timestamp in whole seconds from a header or claim, else SignatureError."""
    if isinstance(value, bool):
        raise SignatureError(f"{what} is not a Unix timestamp")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value == value and abs(value) < 1e12:
        return int(value)
    # ASCII digits only: str.isdigit() also accepts superscripts ("²"), which int() refuses (a 500, not a 403).
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 12:
        return int(value.strip())
    raise SignatureError(f"{what} is not a Unix timestamp")


def check_window(
    timestamp: int, now: datetime | None, *, window: int = DEFAULT_WINDOW_SECONDS, what: str = "timestamp"
) -> None:
    """Refuse a signed timestamp further than ``window`` seconds from the clock, either way (replays, skew)."""
    delta = clock(now).timestamp() - timestamp
    if delta > window:
        raise SignatureError(f"{what} is older than {window} s: stale or replayed request")
    if delta < -window:
        raise SignatureError(f"{what} is more than {window} s in the future")


def b64decode(value: str | None, *, what: str, urlsafe: bool = False) -> bytes:
    """Strict base64 (standard or URL-safe, padding optional for URL-safe), else SignatureError."""
    if not value:
        raise SignatureError(f"{what} is missing")
    try:
        if urlsafe:
            return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        return base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SignatureError(f"{what} is not valid base64") from exc


def dig(obj: Any, *path: str | int) -> Any:
    """``obj[path[0]][path[1]]...`` or None where any step is missing or of the wrong type."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(obj, list) or not -len(obj) <= step < len(obj):
                return None
        elif not isinstance(obj, dict):
            return None
        obj = obj[step] if isinstance(step, int) else obj.get(step)
    return obj


def required_text(value: Any, *, provider: str, field: str, allow_empty: bool = False) -> str:
    """A string field that must be present (non-empty unless ``allow_empty``), else MalformedRequest."""
    if isinstance(value, str) and (value or allow_empty):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # some providers send numbers (Sinch/Vonage msisdns, RingCentral ids) as JSON numbers
    raise MalformedRequest(f"{provider} field {field} is missing or not text", fields={field: "missing"})


def provider_time(value: Any, *, provider: str, field: str) -> datetime | None:
    """A provider timestamp as an aware UTC datetime (None when absent); an unreadable one is a 400.

    Accepts ISO-8601 with ``Z`` or an offset; a value without a zone is UTC (Vonage's ``message-timestamp``).
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise MalformedRequest(f"{provider} field {field} is not a timestamp", fields={field: "invalid"})
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise MalformedRequest(f"{provider} field {field} is not a timestamp", fields={field: "invalid"}) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        # Past the ends of the calendar in UTC: implausible, so the receipt time will be used (optledger.inbound).
        return (datetime.max if moment.year > 1 else datetime.min).replace(tzinfo=UTC)


@dataclass(frozen=True)
class FieldNames:
    """Where a flat body (one object of fields) keeps a message's parts, by the provider's names."""

    sender: str
    recipient: str
    text: str
    message_id: str
    occurred_at: str


def flat_message(provider: str, fields: Mapping[str, Any], names: FieldNames, *, text: Any) -> InboundMessage:
    """The message of a flat body: sender, recipient and id required, ``text`` (read by the caller) may be empty, the
    time optional; a missing or malformed field is a MalformedRequest naming it."""
    return InboundMessage(
        required_text(fields.get(names.sender), provider=provider, field=names.sender),
        required_text(fields.get(names.recipient), provider=provider, field=names.recipient),
        required_text(text, provider=provider, field=names.text, allow_empty=True),
        provider,
        required_text(fields.get(names.message_id), provider=provider, field=names.message_id),
        provider_time(fields.get(names.occurred_at), provider=provider, field=names.occurred_at),
    )


def json_object(value: Any, *, provider: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise MalformedRequest(f"{provider} body must be a JSON object")
    return value


def text_of(value: str | bytes) -> str:
    """Bytes of a signed payload as text for a scheme defined over strings; invalid UTF-8 fails the signature."""
    if isinstance(value, str):
        return value
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SignatureError("signed payload is not UTF-8") from exc
