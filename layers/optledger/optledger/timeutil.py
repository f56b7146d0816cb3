"""Timestamps: every stored time is UTC ISO-8601 with milliseconds and ``Z``."""

from __future__ import annotations

from datetime import UTC, datetime

from optledger.errors import ValidationError


def utcnow() -> datetime:
    return datetime.now(UTC)


def format_ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_ts(text: object, *, field: str = "occurred_at") -> datetime:
    """Parse an ISO-8601 timestamp with a zone (``Z`` or offset); a naive or malformed value is a 422."""
    if not isinstance(text, str) or len(text) > 64:
        raise ValidationError(f"{field} must be an ISO-8601 timestamp", fields={field: "invalid"})
    try:
        moment = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError as exc:
        raise ValidationError(f"{field} must be an ISO-8601 timestamp", fields={field: "invalid"}) from exc
    if moment.tzinfo is None:
        raise ValidationError(f"{field} must include a time zone", fields={field: "naive"})
    return moment.astimezone(UTC)


def normalize_ts(text: object, *, field: str = "occurred_at") -> str:
    return format_ts(parse_ts(text, field=field))
