"""Read models: what a business sees of one number's consent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from optledger import consent
from optledger.campaigns import Directory
from optledger.errors import Conflict, NotFound, ValidationError
from optledger.phone import normalize
from optledger.store import Store
from optledger.timeutil import format_ts, parse_ts

DEFAULT_PAGE = 100  # events of a page of GET /consents/{phone} when no limit is given
MAX_PAGE = 1000  # and at most: a thousand events of about 1 KB fill the 1 MB one DynamoDB Query returns


def page_request(limit: str | None, cursor: str | None) -> tuple[int, int]:
    """``?limit=&cursor=`` -> (page size, seq to continue after); the cursor is a previous page's next_cursor."""
    size = DEFAULT_PAGE
    if limit is not None:
        if not limit.isdigit() or not 1 <= int(limit) <= MAX_PAGE:
            raise ValidationError(f"limit must be a whole number from 1 to {MAX_PAGE}", fields={"limit": "invalid"})
        size = int(limit)
    after = 0
    if cursor is not None:
        if not cursor.isdigit() or len(cursor) > 10 or int(cursor) < 1:
            raise ValidationError("cursor must be the next_cursor of a previous page", fields={"cursor": "invalid"})
        after = int(cursor)
    return size, after


def consent_record(
    phone_raw: str,
    *,
    brand: str | None,
    store: Store,
    directory: Directory,
    limit: int = DEFAULT_PAGE,
    after: int = 0,
) -> dict[str, Any]:
    """``GET /consents/{phone}``: the state per campaign and a page of the event history (``limit`` events after
    seq ``after``, in chain order, read in one Query); ``next_cursor`` when more follow."""
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
    events, following = store.events_page(chosen, phone, limit=limit, after_seq=after)
    record = {
        "phone": phone,
        "brand": chosen,
        "seq": head.seq,
        "head_hash": head.hash,
        "campaigns": campaigns,
        "events": events,
    }
    if following is not None and following < head.seq:  # a full last page says so only by reaching the head
        record["next_cursor"] = str(following)
    return record


def consent_pages(
    phone_raw: str, *, brand: str | None, store: Store, directory: Directory, limit: int = MAX_PAGE
) -> Iterator[dict[str, Any]]:
    """Every page of a number's record, first to last (what ``optledger consents`` prints)."""
    after = 0
    while True:
        page = consent_record(phone_raw, brand=brand, store=store, directory=directory, limit=limit, after=after)
        yield page
        if "next_cursor" not in page:
            return
        after = int(page["next_cursor"])


def review_queue(brand: str | None, *, after: str | None, store: Store, directory: Directory) -> dict[str, Any]:
    """``GET /reviews``: unclear replies waiting for a person, oldest first, a page at a time."""
    brands = [brand] if brand else directory.brands
    if brand and brand not in directory.brands:
        raise NotFound("unknown brand", fields={"brand": "unknown"})
    if len(brands) != 1:
        raise Conflict("several brands: choose one with ?brand=", fields={"brand": brands})
    items, following = store.list_reviews(brands[0], after=after)
    return {"brand": brands[0], "reviews": items, "next": following}
