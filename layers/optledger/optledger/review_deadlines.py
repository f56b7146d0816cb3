"""The FCC's deadline for a reply waiting in the review queue, and the count of replies running late.

47 CFR 64.1200(a)(10) gives a sender ten business days to honour a revocation. Kept apart from ``optledger.reviews``
(which records decisions in the ledger) so the daily run that counts late replies carries only read access.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from optledger.timeutil import format_ts, parse_ts, utcnow

if TYPE_CHECKING:
    from optledger.campaigns import Directory
    from optledger.store import Store

FCC_BUSINESS_DAYS = 10  # 47 CFR 64.1200(a)(10): a revocation is honoured within ten business days


def business_days_after(moment: datetime, days: int) -> datetime:
    """``days`` business days (Monday to Friday) after ``moment``, same time of day. Public holidays count as
    business days here: that only ever makes the deadline earlier, never later than the FCC's."""
    current, counted = moment, 0
    while counted < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            counted += 1
    return current


def deadlines(occurred_at: str) -> tuple[str, str]:
    """The FCC deadline of a reply and the halfway mark after which it is counted as late in the metrics."""
    moment = parse_ts(occurred_at)
    return (
        format_ts(business_days_after(moment, FCC_BUSINESS_DAYS)),
        format_ts(business_days_after(moment, FCC_BUSINESS_DAYS // 2)),
    )


def with_deadline(review: dict[str, Any], now: datetime) -> dict[str, Any]:
    deadline, halfway = deadlines(review["occurred_at"])
    at = format_ts(now)
    return {**review, "deadline": deadline, "past_half_deadline": at >= halfway, "overdue": at >= deadline}


def count_past_half_deadline(brand: str, *, store: Store, now: datetime | None = None) -> int:
    """Undecided replies of a brand past half their FCC deadline (the ``ReviewsPastHalfDeadline`` metric)."""
    now = now or utcnow()
    late, after = 0, None
    while True:
        items, after = store.list_reviews(brand, after=after)
        late += sum(1 for item in items if with_deadline(item, now)["past_half_deadline"])
        if after is None:
            return late


def count_all_past_half_deadline(*, store: Store, directory: Directory, now: datetime | None = None) -> int:
    return sum(count_past_half_deadline(brand, store=store, now=now) for brand in directory.brands)
