"""What a bundle is about (``BundleInfo``), the names of its members and where bundles are kept in S3."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from optledger import __version__
from optledger.timeutil import format_ts, parse_ts

MANIFEST_VERSION = 1
EVENTS = "events.jsonl"
CONSENTS = "consents.csv"
REPORT = "report.html"
VERIFY_DOC = "VERIFY.md"
MANIFEST = "manifest.json"
DISCLOSURE_DIR = "disclosures/"


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle is about. ``period`` is ``{"from": ts|None, "to": ts}`` (UTC, ms, ``Z``)."""

    kind: str
    brand: str
    generated_at: str
    period: Mapping[str, str | None]
    campaign: str | None = None
    phone: str | None = None
    generator: str = f"optledger {__version__}"
    bundle_id: str | None = None
    # (shard, shards) of a daily bundle part: the campaign's events of the numbers in one shard of the day index
    part: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.kind == "daily" and not self.campaign:
            raise ValueError("a daily bundle needs a campaign")
        if self.kind == "number" and not self.phone:
            raise ValueError("a number bundle needs a phone")
        if self.kind not in ("daily", "number"):
            raise ValueError("kind is daily or number")
        parse_ts(self.generated_at, field="generated_at")
        if self.part is not None and (self.kind != "daily" or not 0 <= self.part[0] < self.part[1]):
            raise ValueError("a part is a shard of a daily bundle")

    @property
    def id(self) -> str:
        if self.bundle_id:
            return self.bundle_id
        if self.kind == "daily" and self.part is not None:
            day = str(self.period.get("from"))[:10]
            return f"daily/{self.brand}/{day}/{self.campaign}/{part_name(*self.part)}"
        if self.kind == "daily":
            return f"daily/{self.brand}/{str(self.period.get('from'))[:10]}/{self.campaign}"
        return f"number/{self.brand}/{self.phone}/{self.generated_at}"

    def summary(self) -> dict[str, Any]:
        """The descriptive fields of the manifest and of the report, in this order."""
        return {
            "bundle_id": self.id,
            "kind": self.kind,
            "brand": self.brand,
            "campaign": self.campaign,
            "phone": self.phone,
            "period": dict(self.period),
            "generated_at": self.generated_at,
            "generator": self.generator,
        }


def daily_bundle_info(
    brand: str, campaign: str, date: str, generated_at: str, *, part: tuple[int, int] | None = None
) -> BundleInfo:
    start = parse_ts(f"{date}T00:00:00Z", field="date")
    return BundleInfo(
        kind="daily",
        brand=brand,
        campaign=campaign,
        generated_at=generated_at,
        period={"from": format_ts(start), "to": format_ts(start + timedelta(days=1))},
        part=part,
    )


def number_bundle_info(brand: str, phone: str, generated_at: str) -> BundleInfo:
    return BundleInfo(
        kind="number", brand=brand, phone=phone, generated_at=generated_at, period={"from": None, "to": generated_at}
    )


def daily_bundle_key(brand: str, date: str, campaign: str) -> str:
    return f"bundles/daily/{brand}/{date}/{campaign}.zip"


def part_name(shard: int, shards: int) -> str:
    return f"part-{shard:02d}-of-{shards:02d}"


def daily_part_key(brand: str, date: str, campaign: str, shard: int, shards: int) -> str:
    """One part of a campaign's daily bundle: the campaign's events of the numbers in one shard of the day."""
    return f"bundles/daily/{brand}/{date}/{campaign}/{part_name(shard, shards)}.zip"


def number_bundle_key(brand: str, phone: str, generated_at: str) -> str:
    return f"bundles/numbers/{brand}/{phone}/{generated_at}.zip"
