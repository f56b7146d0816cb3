"""Read models: what a business sees of one number's consent."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from optledger import consent
from optledger.campaigns import Directory
from optledger.errors import Conflict, NotFound
from optledger.phone import normalize
from optledger.store import Store
from optledger.timeutil import format_ts, parse_ts


def consent_record(phone_raw: str, *, brand: str | None, store: Store, directory: Directory) -> dict[str, Any]:
    """``GET /consents/{phone}``: the state per campaign and the event history, in chain order."""
    phone = normalize(phone_raw)
    brands = [brand] if brand else directory.brands
    heads = store.get_heads(brands, phone)
    if not heads:
        raise NotFound("no consent history for this number", fields={"phone": "unknown"})
    if len(heads) > 1:
        raise Conflict(
            "the number has history with several brands: choose one with ?brand=", fields={"brand": sorted(heads)}
        )
    chosen, head = next(iter(heads.items()))
    campaign_ids = {c.id for c in directory.of_brand(chosen)} | set(consent.campaign_ids(head.state))
    campaigns: dict[str, Any] = {}
    for campaign_id in sorted(campaign_ids):
        view = consent.effective(head.state, campaign_id)
        known = directory.by_id.get(campaign_id)
        if known is not None and view.get("last_inbound_at"):
            until = parse_ts(view["last_inbound_at"]) + timedelta(hours=known.conversation_window_hours)
            view["conversation_until"] = format_ts(until)
        campaigns[campaign_id] = view
    return {
        "phone": phone,
        "brand": chosen,
        "seq": head.seq,
        "head_hash": head.hash,
        "campaigns": campaigns,
        "events": list(store.iter_events(chosen, phone)),
    }


def review_queue(brand: str | None, *, after: str | None, store: Store, directory: Directory) -> dict[str, Any]:
    """``GET /reviews``: unclear replies waiting for a person, oldest first, a page at a time."""
    brands = [brand] if brand else directory.brands
    if brand and brand not in directory.brands:
        raise NotFound("unknown brand", fields={"brand": "unknown"})
    if len(brands) != 1:
        raise Conflict("several brands: choose one with ?brand=", fields={"brand": brands})
    items, following = store.list_reviews(brands[0], after=after)
    return {"brand": brands[0], "reviews": items, "next": following}
