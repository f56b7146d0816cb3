"""What compliance staff see beyond the machine API: the send gate's answer beside each campaign's state, the FCC
deadline of each reply waiting for review, and the daily bundles and anchors of a brand with short download links.

Used by the console (``GET /console``) through the same authenticated routes machines call.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypedDict

from optledger.errors import NotFound, ValidationError
from optledger.timeutil import format_ts, utcnow

if TYPE_CHECKING:
    from optledger.access import Caller
    from optledger.bucket import Evidence

LINK_SECONDS = 15 * 60  # a daily bundle's link is used at once by the person who asked for it
LIST_LIMIT = 1000


# -- daily bundles and anchors ---------------------------------------------------------------------------------------


class DailyEvidence(TypedDict):
    """``GET /evidence/daily``: a brand's daily bundles and anchors (S3 listings), and whether either was cut short."""

    brand: str
    truncated: bool
    bundles: list[dict[str, Any]]
    anchors: list[dict[str, Any]]


class DailyLink(TypedDict):
    key: str
    url: str
    expires_at: str


def _listing(prefix: str, *, zips: bool, evidence: Evidence) -> tuple[list[dict[str, Any]], bool]:
    """The objects under ``prefix``, newest day first, each with its day (and, for bundles, campaign and part)."""
    objects, truncated = evidence.list_objects(prefix, limit=LIST_LIMIT)
    if zips:  # the zips only: a day written in parts also keeps each part's summary beside them
        objects = [item for item in objects if item["key"].endswith(".zip")]
    for item in objects:
        rest = item["key"][len(prefix) :]
        item["day"] = rest.split("/", 1)[0].removesuffix(".json")
        if zips:
            # <day>/<campaign>.zip (a day in one pass) or <day>/<campaign>/part-SS-of-NN.zip (a day in parts)
            segments = rest.removesuffix(".zip").split("/")
            item["campaign"] = segments[1]
            if len(segments) > 2:
                item["part"] = segments[2]
    return sorted(objects, key=lambda o: (o["day"], o["key"]), reverse=True), truncated


def list_daily(brand: str, *, evidence: Evidence) -> DailyEvidence:
    """``GET /evidence/daily?brand=``: the brand's daily bundles and anchors, newest day first."""
    bundles, more_bundles = _listing(f"bundles/daily/{brand}/", zips=True, evidence=evidence)
    anchors, more_anchors = _listing(f"anchors/{brand}/", zips=False, evidence=evidence)
    return {"brand": brand, "truncated": more_bundles or more_anchors, "bundles": bundles, "anchors": anchors}


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


def daily_link(body: dict[str, Any], *, caller: Caller, evidence: Evidence, now: datetime | None = None) -> DailyLink:
    """``POST /evidence/links {"key"}``: a short download link for one daily bundle or anchor of an allowed brand."""
    key = body.get("key")
    caller.require(brand_of_key(key))
    key = str(key)  # brand_of_key refuses anything but a string
    if not evidence.exists(key):
        raise NotFound("no such evidence object", fields={"key": "unknown"})
    now = now or utcnow()
    return {
        "key": key,
        "url": evidence.session_url(key, seconds=LINK_SECONDS),
        "expires_at": format_ts(now + timedelta(seconds=LINK_SECONDS)),
    }
