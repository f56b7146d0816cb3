"""The FCC's deadline for a reply waiting in the review queue, and the count of replies running late.

47 CFR 64.1200(a)(10) gives a sender ten business days to honour a revocation. Kept apart from ``optledger.reviews``
(which records decisions in the ledger) so the daily run that counts late replies carries only read access.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from optledger.timeutil import format_ts, parse_ts, utcnow
from optledger.types import ReviewEntry

if TYPE_CHECKING:
    from optledger.campaigns import Directory
    from optledger.store import Store

FCC_BUSINESS_DAYS = 10  # 47 CFR 64.1200(a)(10): a revocation is honoured within ten business days


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    # A holiday on Saturday is observed on Friday, on Sunday the Monday after (5 U.S.C. 6103).
    return day - timedelta(days=1) if day.weekday() == 5 else day + timedelta(days=1) if day.weekday() == 6 else day


@cache
def federal_holidays(year: int) -> frozenset[date]:
    mon, thu = 0, 3
    return frozenset(
        {
            _observed(date(year, 1, 1)),
            _nth_weekday(year, 1, mon, 3),  # Martin Luther King Jr. Day
            _nth_weekday(year, 2, mon, 3),  # Washington's Birthday
            _last_weekday(year, 5, mon),  # Memorial Day
            _observed(date(year, 6, 19)),
            _observed(date(year, 7, 4)),
            _nth_weekday(year, 9, mon, 1),  # Labor Day
            _nth_weekday(year, 10, mon, 2),  # Columbus Day
            _observed(date(year, 11, 11)),
            _nth_weekday(year, 11, thu, 4),  # Thanksgiving
            _observed(date(year, 12, 25)),
            _observed(date(year + 1, 1, 1)),  # 1 January on a Saturday is observed on 31 December
        }
    )


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def business_day_end(occurred_at: str, days: int) -> str:
    """The end (23:59:59.999 UTC) of the ``days``-th business day after the day a reply was written."""
    day = parse_ts(occurred_at).date()
    left = days
    while left:
        day += timedelta(days=1)
        left -= is_business_day(day)
    return format_ts(datetime.combine(day, datetime.max.time(), tzinfo=UTC))


def fcc_deadline(occurred_at: str) -> str:
    return business_day_end(occurred_at, FCC_BUSINESS_DAYS)


def deadlines(occurred_at: str) -> tuple[str, str]:
    """The FCC deadline of a reply and the halfway mark after which it is counted as late in the metrics."""
    return fcc_deadline(occurred_at), business_day_end(occurred_at, FCC_BUSINESS_DAYS // 2)


class QueuedReview(ReviewEntry):
    """A queue item of ``GET /reviews``: the reply as queued, its FCC deadline, its age, and whether it is late."""

    deadline: str
    age_seconds: int
    past_half_deadline: bool
    overdue: bool


def with_deadline(review: ReviewEntry, now: datetime) -> QueuedReview:
    """A queue item as people see it: its FCC deadline, its age, and whether it is late."""
    deadline, halfway = deadlines(review["occurred_at"])
    at = format_ts(now)
    age = max(0, int((now - parse_ts(review["occurred_at"])).total_seconds()))
    return {
        **review,
        "deadline": deadline,
        "age_seconds": age,
        "past_half_deadline": at > halfway,
        "overdue": at > deadline,
    }


def queued(items: list[dict[str, Any]]) -> list[ReviewEntry]:
    """The store reads queue items back as untyped JSON: they are the entries the ledger queued."""
    return cast("list[ReviewEntry]", items)


def count_past_half_deadline(brand: str, *, store: Store, now: datetime | None = None) -> int:
    """Undecided replies of a brand past half their FCC deadline (the ``ReviewsPastHalfDeadline`` metric)."""
    now = now or utcnow()
    late, after = 0, None
    while True:
        items, after = store.list_reviews(brand, after=after)
        late += sum(1 for item in queued(items) if with_deadline(item, now)["past_half_deadline"])
        if after is None:
            return late


def count_all_past_half_deadline(*, store: Store, directory: Directory, now: datetime | None = None) -> int:
    return sum(count_past_half_deadline(brand, store=store, now=now) for brand in directory.brands)
