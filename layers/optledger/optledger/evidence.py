"""Evidence: the daily bundles and anchor of a brand's day, and the on-demand bundle of one number.

Daily, fanned out (what runs in AWS and ``optledger bundle``): ``plan_day`` lists the work items of a day, one per
(brand, shard) of the day index; ``compile_part`` writes one item's bundle parts (one zip per campaign with events in
that shard; shard 0 also writes an empty part for every other campaign of the brand, so every campaign has a daily
bundle every day) and its part summary; ``finish_brand`` writes the brand's anchor over the parts' roots, only when
every part summary exists. Days written before the index was sharded, and small days, are planned as one part that
reads every key.
Each part streams into its own S3 multipart upload, which becomes visible only when complete; the part summary is
written after its bundles and the anchor after every part, so an interrupted run leaves nothing that claims to be
complete, and a re-run writes the same bytes (``generated_at`` of a daily bundle is the end of its period).

``compile_day`` is the single pass of one invocation (one zip per campaign and an anchor of version 1), kept for the
days compiled that way and as the baseline of ``bench/day_run.py``.

Retention (Object Lock): 5 years for consent evidence (FTC TSR), 10 years where a bundle holds an opt-out (Virginia).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from optledger import anchors, bundles
from optledger.bucket import Evidence
from optledger.campaigns import Directory
from optledger.errors import NotFound, ValidationError
from optledger.phone import normalize
from optledger.store import Store
from optledger.timeutil import EARLIEST, format_ts, utcnow

RETENTION_YEARS = 5
OPT_OUT_RETENTION_YEARS = 10
PRESIGNED_SECONDS = 24 * 3600  # a carrier audit must be answered within 24 hours


def retain_until(now: datetime, years: int) -> datetime:
    return now.replace(microsecond=0) + timedelta(days=365 * years + years // 4 + 1)


def previous_utc_day(now: datetime | None = None) -> str:
    return ((now or utcnow()).astimezone(UTC).date() - timedelta(days=1)).isoformat()


def check_day(day: str) -> str:
    try:
        return date.fromisoformat(day).isoformat()
    except (TypeError, ValueError):
        raise ValidationError("date must be YYYY-MM-DD", fields={"date": "invalid"}) from None


def check_finished_day(day: str, now: datetime | None = None) -> str:
    """Only a UTC day that has ended can be bundled: its anchor is immutable (Object Lock), so an anchor of a day
    still running would contradict the events that arrive after it."""
    day = check_day(day)
    ends = datetime.fromisoformat(day).replace(tzinfo=UTC) + timedelta(days=1)
    if (now or utcnow()) < ends:
        raise ValidationError(
            f"{day} has not ended (UTC): only a finished day can be bundled and anchored; try {previous_utc_day(now)}",
            fields={"date": "not finished"},
        )
    if ends <= EARLIEST:  # no event can occur before 2000 (timeutil), and an anchor of year 0026 could never be undone
        raise ValidationError(f"date must be from {EARLIEST.date()} on", fields={"date": "out of range"})
    return day


@dataclass
class _CampaignBundle:
    key: str
    upload: Any
    writer: bundles.BundleWriter
    opt_outs: int = 0


@dataclass
class DayResult:
    brand: str
    day: str
    anchor_key: str
    events: int
    bundles: dict[str, dict[str, Any]] = field(default_factory=dict)


def compile_day(
    day: str,
    *,
    store: Store,
    evidence: Evidence,
    directory: Directory,
    brands: Iterable[str] | None = None,
    campaign: str | None = None,
    progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
) -> list[DayResult]:
    """Write the daily bundles (one per campaign) and the anchor of every brand for ``day`` (YYYY-MM-DD)."""
    now = now or utcnow()
    day = check_finished_day(day, now)
    if campaign is not None:
        brands = [directory.get(campaign).brand]
    elif brands is not None:
        # A brand without a campaign would get an anchor of nothing, immutable and probably a typo.
        unknown = sorted(set(brands) - set(directory.brands))
        if unknown:
            raise NotFound(f"no campaign of brand {', '.join(unknown)}: nothing to bundle", fields={"brand": "unknown"})
    results = []
    for brand in sorted(brands if brands is not None else directory.brands):
        results.append(_compile_brand_day(brand, day, store, evidence, directory, campaign, progress, now))
    return results


def _compile_brand_day(
    brand: str,
    day: str,
    store: Store,
    evidence: Evidence,
    directory: Directory,
    only: str | None,
    progress: Callable[[int], None] | None,
    now: datetime,
) -> DayResult:
    generated_at = day_generated_at(day)
    wanted = [only] if only else sorted(c.id for c in directory.of_brand(brand))
    anchor, summaries, count = _write_day_bundles(
        brand,
        day,
        store.iter_day_events(brand, day),
        wanted,
        key_of=lambda c: bundles.daily_bundle_key(brand, day, c),
        info_of=lambda c: bundles.daily_bundle_info(brand, c, day, generated_at),
        evidence=evidence,
        progress=progress,
        now=now,
        only=only,
    )
    document = anchor.build()
    key = anchors.anchor_key(brand, day)
    # The anchor is written last: a run that failed before this point leaves no anchor and can simply be re-run.
    evidence.put_json(key, document, retain_until=retain_until(now, OPT_OUT_RETENTION_YEARS))
    return DayResult(brand, day, key, count, summaries)


def _write_day_bundles(
    brand: str,
    day: str,
    events: Iterable[dict[str, Any]],
    wanted: list[str],
    *,
    key_of: Callable[[str], str],
    info_of: Callable[[str], bundles.BundleInfo],
    evidence: Evidence,
    progress: Callable[[int], None] | None,
    now: datetime,
    only: str | None = None,
) -> tuple[anchors.AnchorBuilder, dict[str, dict[str, Any]], int]:
    """One pass over events in chain order: a streamed bundle per campaign (those in ``wanted`` even when empty)
    and the anchor builder of the events."""
    open_bundles: dict[str, _CampaignBundle] = {}

    def bundle_for(campaign_id: str) -> _CampaignBundle:
        if campaign_id not in open_bundles:
            key = key_of(campaign_id)
            upload = evidence.open_upload(key, retain_until=retain_until(now, RETENTION_YEARS))
            open_bundles[campaign_id] = _CampaignBundle(
                key, upload, bundles.BundleWriter(upload, info_of(campaign_id), evidence.disclosure_text)
            )
        return open_bundles[campaign_id]

    anchor = anchors.AnchorBuilder(brand, day)
    count = 0
    try:
        for campaign_id in wanted:
            bundle_for(campaign_id)
        for event in events:
            anchor.add(event)
            for campaign_id in event["campaigns"]:
                if only and campaign_id != only:
                    continue
                bundle = bundle_for(campaign_id)
                bundle.writer.add(event)
                bundle.opt_outs += event["type"] == "opt_out"
            count += 1
            if progress and count % 500 == 0:
                progress(count)
        summaries = {}
        for campaign_id, bundle in sorted(open_bundles.items()):
            summary = bundle.writer.close()
            bundle.upload.close()
            if bundle.opt_outs:
                evidence.extend_retention(bundle.key, retain_until(now, OPT_OUT_RETENTION_YEARS))
            summaries[campaign_id] = {
                "key": bundle.key,
                "events": summary.event_count,
                "verified": summary.verified,
                "merkle_root": summary.merkle_root,
            }
    except BaseException:
        for bundle in open_bundles.values():
            bundle.writer.abort()
            bundle.upload.abort()
        raise
    if progress:
        progress(count)
    return anchor, summaries, count


def number_bundle(
    phone_raw: object,
    *,
    campaign: str | None,
    store: Store,
    evidence: Evidence,
    directory: Directory,
    brand: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """``POST /evidence``: the whole history of one number (its complete chain) as a bundle, and a 24-hour link."""
    phone = normalize(phone_raw)
    if campaign is not None and not isinstance(campaign, str):
        raise ValidationError("campaign must be a campaign id", fields={"campaign": "invalid"})
    if brand is not None and (not isinstance(brand, str) or brand not in directory.brands):
        raise NotFound("unknown brand", fields={"brand": "unknown"})
    from optledger.views import one_brand  # the consent views (and the send gate): not the daily run's

    brands = [directory.get(campaign).brand] if campaign else [brand] if brand else directory.brands
    brand, _ = one_brand(store.get_heads(brands, phone))
    now = now or utcnow()
    generated_at = format_ts(now)
    key = bundles.number_bundle_key(brand, phone, generated_at)
    info = bundles.number_bundle_info(brand, phone, generated_at)
    opt_outs = 0

    def events() -> Iterable[dict[str, Any]]:
        nonlocal opt_outs
        for event in store.iter_events(brand, phone):
            opt_outs += event["type"] == "opt_out"
            yield event

    with evidence.open_upload(key, retain_until=retain_until(now, RETENTION_YEARS)) as upload:
        summary = bundles.write_bundle(events(), upload, info, evidence.disclosure_text)
    if opt_outs:
        evidence.extend_retention(key, retain_until(now, OPT_OUT_RETENTION_YEARS))
    return {
        "key": key,
        "url": evidence.presigned_url(key, seconds=PRESIGNED_SECONDS),
        "expires_at": format_ts(now + timedelta(seconds=PRESIGNED_SECONDS)),
        "events": summary.event_count,
        "verified": summary.verified,
    }


# -- the day fanned out: plan, parts, anchor over the parts ------------------------------------------------------------


class PartsMissing(Exception):
    """The anchor of a brand's day waits for every part: some part summaries are not written (yet)."""

    def __init__(self, brand: str, day: str, missing: list[int]) -> None:
        super().__init__(f"{brand} {day}: {len(missing)} part(s) missing: {missing[:20]}")
        self.missing = missing


def day_generated_at(day: str) -> str:
    """A daily bundle's generated_at: the end of its day, so a re-run writes the same bytes."""
    return format_ts(datetime.fromisoformat(day).replace(tzinfo=UTC) + timedelta(days=1))


def plan_key(day: str, what: str) -> str:
    """Where the state machine's plan of a day is written (``parts`` or ``brands``: its Map states read them)."""
    return f"bundles/plans/{check_day(day)}/{what}.json"


# A brand-day expected to hold fewer events than this is one part (a task per shard would mostly carry fixed costs:
# a Lambda invocation, a Query per key, an S3 upload per campaign); a bigger one gets a part per shard.
PART_EVENTS = 20_000


def plan_day(
    day: str,
    *,
    store: Store,
    directory: Directory,
    brands: Iterable[str] | None = None,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """The brands of a day and how each is read: ``{"brand", "shards", "merged"}``. One merged part (reading every
    key of the day) for a day with events under the unsharded key (written before sharding) or a small day (shard 0
    holds fewer than PART_EVENTS / shards events: the hash spreads numbers evenly); otherwise a part per shard.
    Only a finished UTC day of brands that have campaigns is planned (anchors are immutable): else nothing is."""
    day = check_finished_day(day, now)
    if brands is not None:
        brands = list(brands)
        unknown = sorted(set(brands) - set(directory.brands))
        if unknown:
            raise NotFound(f"no campaign of brand {', '.join(unknown)}: nothing to bundle", fields={"brand": "unknown"})
    plan = []
    per_shard = max(1, PART_EVENTS // store.day_shards)
    for brand in sorted(set(brands if brands is not None else directory.brands)):
        merged = store.day_has_unsharded_events(brand, day) or not store.day_shard_holds(brand, day, 0, per_shard)
        plan.append({"brand": brand, "shards": 1 if merged else store.day_shards, "merged": merged})
    return plan


def work_items(day: str, plan: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One work item per (brand, shard) of a plan."""
    return [
        {"brand": b["brand"], "day": day, "shard": shard, "shards": b["shards"], "merged": b["merged"]}
        for b in plan
        for shard in range(b["shards"])
    ]


def compile_part(
    brand: str,
    day: str,
    shard: int,
    shards: int,
    *,
    merged: bool = False,
    store: Store,
    evidence: Evidence,
    directory: Directory,
    progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Write the bundle parts of one (brand, shard) of a day and then its part summary; returns the summary's key,
    the event count and the bundles written."""
    day = check_day(day)
    if not 0 <= shard < shards:
        raise ValidationError("shard must be between 0 and shards - 1", fields={"shard": "invalid"})
    if not merged and shards != store.day_shards:
        raise ValidationError(
            f"the day index has {store.day_shards} shards, not {shards}", fields={"shards": "mismatch"}
        )
    now = now or utcnow()
    keys: list[int | None] = [None, *range(store.day_shards)] if merged else [shard]
    wanted = sorted(c.id for c in directory.of_brand(brand)) if shard == 0 else []
    anchor, summaries, count = _write_day_bundles(
        brand,
        day,
        store.iter_day_shards(brand, day, keys),
        wanted,
        key_of=lambda c: bundles.daily_part_key(brand, day, c, shard, shards),
        info_of=lambda c: bundles.daily_bundle_info(brand, c, day, day_generated_at(day), part=(shard, shards)),
        evidence=evidence,
        progress=progress,
        now=now,
    )
    document = anchor.part(shard, shards, {c: b["key"] for c, b in summaries.items()})
    key = anchors.part_key(brand, day, shard, shards)
    evidence.put_json(key, document, retain_until=retain_until(now, OPT_OUT_RETENTION_YEARS))
    return {
        "brand": brand,
        "day": day,
        "shard": shard,
        "shards": shards,
        "key": key,
        "events": count,
        "bundles": summaries,
    }


def finish_brand(
    brand: str, day: str, shards: int, *, evidence: Evidence, now: datetime | None = None
) -> dict[str, Any]:
    """Write the anchor of a brand's day over its parts' roots; raises PartsMissing (writing nothing) unless every
    part summary exists."""
    day = check_day(day)
    now = now or utcnow()
    parts = [evidence.get_json(anchors.part_key(brand, day, shard, shards)) for shard in range(shards)]
    missing = [shard for shard, part in enumerate(parts) if part is None]
    if missing:
        raise PartsMissing(brand, day, missing)
    document = anchors.build_parts_anchor(brand, day, parts)
    key = anchors.anchor_key(brand, day)
    evidence.put_json(key, document, retain_until=retain_until(now, OPT_OUT_RETENTION_YEARS))
    return {"brand": brand, "day": day, "anchor": key, "events": document["merkle"]["count"], "parts": shards}
