"""What compliance staff see beyond the machine API: the send gate's answer beside each campaign's state, the FCC
deadline of each reply waiting for review, and the daily bundles and anchors of a brand with short download links.

Used by the console (``GET /console``) through the same authenticated routes machines call.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from optledger.errors import NotFound, ValidationError
from optledger.sendgate import check_send
from optledger.timeutil import format_ts, parse_ts, utcnow

if TYPE_CHECKING:
    from optledger.access import Caller
    from optledger.campaigns import Directory
    from optledger.store import Evidence, Store

REVOCATION_BUSINESS_DAYS = 10  # FCC 24-24: a revocation is honoured within 10 business days
LINK_SECONDS = 15 * 60  # a daily bundle's link is used at once by the person who asked for it
LIST_LIMIT = 1000


def with_send_gate(record: dict[str, Any], *, store: Store, directory: Directory) -> dict[str, Any]:
    """Each campaign of a consent record with what ``POST /consents/check`` answers now for the campaign's own
    purpose (``allowed``, ``reason``), unless the record already carries it."""
    for campaign_id, view in record["campaigns"].items():
        campaign = directory.by_id.get(campaign_id)
        if campaign is None or "allowed" in view:
            continue
        answer = check_send(
            {"phone": record["phone"], "campaign": campaign_id, "purpose": campaign.purpose},
            store=store,
            directory=directory,
        ).to_dict()
        view.update(allowed=answer["allowed"], reason=answer["reason"], purpose=campaign.purpose)
    return record


# -- the FCC deadline ------------------------------------------------------------------------------------------------


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


def fcc_deadline(occurred_at: str) -> str:
    """The end (23:59:59.999 UTC) of the 10th business day after the day a reply was written."""
    day = parse_ts(occurred_at).date()
    left = REVOCATION_BUSINESS_DAYS
    while left:
        day += timedelta(days=1)
        left -= is_business_day(day)
    end = datetime.combine(day, datetime.max.time(), tzinfo=parse_ts(occurred_at).tzinfo)
    return format_ts(end)


def with_deadlines(queue: dict[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    for item in queue["reviews"]:
        if item.get("occurred_at"):
            item.setdefault("deadline", fcc_deadline(item["occurred_at"]))
            item.setdefault("age_seconds", max(0, int((now - parse_ts(item["occurred_at"])).total_seconds())))
    return queue


# -- daily bundles and anchors ---------------------------------------------------------------------------------------


def evidence_prefixes(brand: str) -> dict[str, str]:
    return {"bundles": f"bundles/daily/{brand}/", "anchors": f"anchors/{brand}/"}


def list_daily(brand: str, *, evidence: Evidence) -> dict[str, Any]:
    """``GET /evidence/daily?brand=``: the brand's daily bundles and anchors, newest day first."""
    answer: dict[str, Any] = {"brand": brand, "truncated": False}
    for name, prefix in evidence_prefixes(brand).items():
        objects, truncated = evidence.list_objects(prefix, limit=LIST_LIMIT)
        for item in objects:
            rest = item["key"][len(prefix) :]
            item["day"] = rest.split("/", 1)[0].removesuffix(".json")
            if name == "bundles":
                item["campaign"] = rest.rsplit("/", 1)[-1].removesuffix(".zip")
        answer[name] = sorted(objects, key=lambda o: (o["day"], o["key"]), reverse=True)
        answer["truncated"] |= truncated
    return answer


def brand_of_key(key: object) -> str:
    """The brand a daily bundle or anchor key belongs to; anything else is a 422."""
    if not isinstance(key, str) or len(key) > 512 or ".." in key or "//" in key:
        raise ValidationError("key must be a daily bundle or anchor key", fields={"key": "invalid"})
    for kind in ("bundles/daily/", "anchors/"):
        if key.startswith(kind):
            brand = key[len(kind) :].split("/", 1)[0]
            if brand and "/" in key[len(kind) :]:
                return brand
    raise ValidationError("key must be a daily bundle or anchor key", fields={"key": "invalid"})


def daily_link(body: dict[str, Any], *, caller: Caller, evidence: Evidence, now: datetime | None = None) -> dict:
    """``POST /evidence/links {"key"}``: a short download link for one daily bundle or anchor of an allowed brand."""
    key = body.get("key")
    caller.require(brand_of_key(key))
    if not evidence.exists(str(key)):
        raise NotFound("no such evidence object", fields={"key": "unknown"})
    now = now or utcnow()
    return {
        "key": key,
        "url": evidence.session_url(str(key), seconds=LINK_SECONDS),
        "expires_at": format_ts(now + timedelta(seconds=LINK_SECONDS)),
    }
