"""Timestamps: every stored time is ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (UTC, four-digit year), so text order is time order.

Times a caller gives are bounded (DESIGN section 1): an ``occurred_at`` lies between 2000-01-01 and five minutes after
now, a planned send's ``at`` between 2000-01-01 and one year after now. Outside, the answer is a 422 naming the field:
a typo such as ``0026-11-28`` must never sort as a later event than one of 2026.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from optledger.errors import ValidationError

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
CLOCK_SKEW = timedelta(minutes=5)  # how far ahead of ours a caller's or provider's clock may run
PLANNING_HORIZON = timedelta(days=365)  # how far ahead a send may be planned


def utcnow() -> datetime:
    return datetime.now(UTC)


def format_ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    moment = moment.astimezone(UTC)
    # Not strftime("%Y"): it does not zero-pad years below 1000 on every platform.
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T"
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond // 1000:03d}Z"
    )


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
    try:
        return moment.astimezone(UTC)
    except OverflowError as exc:  # 9999-12-31T23:00:00-12:00 is past datetime.max in UTC
        raise ValidationError(f"{field} is out of range", fields={field: "out of range"}) from exc


def in_range(moment: datetime, *, latest: datetime) -> bool:
    return EARLIEST <= moment <= latest


def parse_bounded(text: object, *, field: str, latest: datetime) -> datetime:
    """A caller's timestamp, checked to lie between 2000-01-01 and ``latest``; else a 422 naming ``field``."""
    moment = parse_ts(text, field=field)
    if not in_range(moment, latest=latest):
        raise ValidationError(
            f"{field} must lie between {format_ts(EARLIEST)} and {format_ts(latest)}",
            fields={field: "out of range"},
        )
    return moment


def parse_occurred_at(text: object, *, now: datetime | None = None, field: str = "occurred_at") -> datetime:
    """When something happened, as a caller says: from 2000-01-01 up to five minutes after now."""
    return parse_bounded(text, field=field, latest=(now or utcnow()) + CLOCK_SKEW)


def parse_planned(text: object, *, now: datetime | None = None, field: str = "at") -> datetime:
    """When a send is planned: from 2000-01-01 up to one year after now."""
    return parse_bounded(text, field=field, latest=(now or utcnow()) + PLANNING_HORIZON)
