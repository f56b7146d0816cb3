"""Evidence: the daily bundles and anchor of a brand's day, and the on-demand bundle of one number.

Daily: one pass over the day's events (the ``by_day`` index, page by page, grouped by number in chain order) feeds a
bundle writer per campaign and the day's anchor; each bundle streams into its own S3 multipart upload, which becomes
visible only when complete, and the anchor is written last. ``generated_at`` of a daily bundle is the end of its
period, so a re-run for the same day writes the same bytes.

Retention (Object Lock): 5 years for consent evidence (FTC TSR), 10 years where a bundle holds an opt-out (Virginia).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from optledger import anchors, bundles
from optledger.campaigns import Directory
from optledger.errors import NotFound, ValidationError
from optledger.phone import normalize
from optledger.store import Evidence, Store
from optledger.timeutil import format_ts, utcnow
from optledger.views import one_brand

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
    generated_at = format_ts(datetime.fromisoformat(day).replace(tzinfo=UTC) + timedelta(days=1))
    open_bundles: dict[str, _CampaignBundle] = {}

    def bundle_for(campaign_id: str) -> _CampaignBundle:
        if campaign_id not in open_bundles:
            key = bundles.daily_bundle_key(brand, day, campaign_id)
            upload = evidence.open_upload(key, retain_until=retain_until(now, RETENTION_YEARS))
            info = bundles.daily_bundle_info(brand, campaign_id, day, generated_at)
            open_bundles[campaign_id] = _CampaignBundle(
                key, upload, bundles.BundleWriter(upload, info, evidence.disclosure_text)
            )
        return open_bundles[campaign_id]

    wanted = [only] if only else sorted(c.id for c in directory.of_brand(brand))
    anchor = anchors.AnchorBuilder(brand, day)
    count = 0
    try:
        for campaign_id in wanted:
            bundle_for(campaign_id)
        for event in store.iter_day_events(brand, day):
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
    document = anchor.build()
    key = anchors.anchor_key(brand, day)
    # The anchor is written last: a run that failed before this point leaves no anchor and can simply be re-run.
    evidence.put_json(key, document, retain_until=retain_until(now, OPT_OUT_RETENTION_YEARS))
    return DayResult(brand, day, key, count, summaries)


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
