"""What compliance staff see beyond the machine API: the send gate's answer beside each campaign's state, the FCC
deadline of each reply waiting for review, and the daily bundles and anchors of a brand with short download links.

Used by the console (``GET /console``) through the same authenticated routes machines call.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from optledger.errors import NotFound, ValidationError
from optledger.timeutil import format_ts, utcnow

if TYPE_CHECKING:
    from optledger.access import Caller
    from optledger.store import Evidence

LINK_SECONDS = 15 * 60  # a daily bundle's link is used at once by the person who asked for it
LIST_LIMIT = 1000


# -- daily bundles and anchors ---------------------------------------------------------------------------------------


def evidence_prefixes(brand: str) -> dict[str, str]:
    return {"bundles": f"bundles/daily/{brand}/", "anchors": f"anchors/{brand}/"}


def list_daily(brand: str, *, evidence: Evidence) -> dict[str, Any]:
    """``GET /evidence/daily?brand=``: the brand's daily bundles and anchors, newest day first."""
    answer: dict[str, Any] = {"brand": brand, "truncated": False}
    for name, prefix in evidence_prefixes(brand).items():
        objects, truncated = evidence.list_objects(prefix, limit=LIST_LIMIT)
        if name == "bundles":  # the zips only: a day written in parts also keeps each part's summary beside them
            objects = [item for item in objects if item["key"].endswith(".zip")]
        for item in objects:
            rest = item["key"][len(prefix) :]
            item["day"] = rest.split("/", 1)[0].removesuffix(".json")
            if name == "bundles":
                # <day>/<campaign>.zip (a day in one pass) or <day>/<campaign>/part-SS-of-NN.zip (a day in parts)
                segments = rest.removesuffix(".zip").split("/")
                item["campaign"] = segments[1]
                if len(segments) > 2:
                    item["part"] = segments[2]
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
