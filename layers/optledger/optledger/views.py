"""Read models: what a business sees of one number's consent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import NotRequired, TypedDict, cast

from optledger import consent, review_deadlines, sendgate
from optledger.campaigns import Directory
from optledger.consent import CampaignView, ViewJson
from optledger.errors import Conflict, NotFound, ValidationError
from optledger.ids import is_ulid
from optledger.models import Campaign
from optledger.phone import normalize
from optledger.store import Head, Store
from optledger.timeutil import format_ts, parse_ts, utcnow
from optledger.types import LedgerEvent

DEFAULT_PAGE = 100  # events of a page of GET /consents/{phone} when no limit is given
MAX_PAGE = 1000  # and at most: a thousand events of about 1 KB fill the 1 MB one DynamoDB Query returns


class CampaignRecord(ViewJson, total=False):
    """A campaign of ``GET /consents/{phone}``: its view, and for a configured campaign what the send gate answers now
    for the campaign's own purpose, and until when the consumer's last message allows conversational replies."""

    allowed: bool
    reason: str
    conversation_until: str


class ConsentRecord(TypedDict):
    """The body of ``GET /consents/{phone}`` (DESIGN section 3)."""

    phone: str
    brand: str
    seq: int
    head_hash: str
    campaigns: dict[str, CampaignRecord]
    events: list[LedgerEvent]
    next_cursor: NotRequired[str]


def page_request(limit: str | None, cursor: str | None) -> tuple[int, int]:
    """``?limit=&cursor=`` -> (page size, seq to continue after); the cursor is a previous page's next_cursor."""
    size = DEFAULT_PAGE
    # isascii: str.isdigit is also true of "²", which int() refuses.
    if limit is not None:
        if not (limit.isascii() and limit.isdigit()) or not 1 <= int(limit) <= MAX_PAGE:
            raise ValidationError(f"limit must be a whole number from 1 to {MAX_PAGE}", fields={"limit": "invalid"})
        size = int(limit)
    after = 0
    if cursor is not None:
        if not (cursor.isascii() and cursor.isdigit()) or len(cursor) > 10 or int(cursor) < 1:
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
) -> ConsentRecord:
    """``GET /consents/{phone}``: the state per campaign and a page of the event history (``limit`` events after
    seq ``after``, in chain order, read in one Query); ``next_cursor`` when more follow."""
    phone = normalize(phone_raw)
    brands = [brand] if brand else directory.brands
    heads = store.get_heads(brands, phone)
    chosen, head = one_brand(heads)
    state = consent.read_state(head.state)
    campaign_ids = {c.id for c in directory.of_brand(chosen)} | set(consent.campaign_ids(state))
    now = utcnow()
    campaigns: dict[str, CampaignRecord] = {}
    known_reviews: dict[str, bool] = {}  # a reply reaches every campaign of its sender: its queue item is read once
    for campaign_id in sorted(campaign_ids):
        view = consent.campaign_view(state, campaign_id, now=now)
        known = directory.by_id.get(campaign_id)
        if known is None:
            campaigns[campaign_id] = CampaignRecord(**view.to_json())
        else:
            campaigns[campaign_id] = describe_for_people(
                view, known, phone, store=store, now=now, known_reviews=known_reviews
            )
    events, following = store.events_page(chosen, phone, limit=limit, after_seq=after)
    record: ConsentRecord = {
        "phone": phone,
        "brand": chosen,
        "seq": head.seq,
        "head_hash": head.hash,
        "campaigns": campaigns,
        "events": cast("list[LedgerEvent]", events),  # the store reads them back untyped (JSON)
    }
    if following is not None and following < head.seq:  # a full last page says so only by reaching the head
        record["next_cursor"] = str(following)
    return record


def consent_pages(
    phone_raw: str, *, brand: str | None, store: Store, directory: Directory, limit: int = MAX_PAGE
) -> Iterator[ConsentRecord]:
    """Every page of a number's record, first to last (what ``optledger consents`` prints)."""
    after = 0
    while True:
        page = consent_record(phone_raw, brand=brand, store=store, directory=directory, limit=limit, after=after)
        yield page
        if "next_cursor" not in page:
            return
        after = int(page["next_cursor"])


SEVERAL_BRANDS = "the number has history with several brands: choose one with ?brand="


def one_brand(heads: dict[str, Head]) -> tuple[str, Head]:
    """The one brand whose chain of a number a request is about: the same answers on every route that asks."""
    if not heads:
        raise NotFound("no consent history for this number", fields={"phone": "unknown"})
    if len(heads) > 1:
        raise Conflict(SEVERAL_BRANDS, fields={"brand": sorted(heads)})
    return next(iter(heads.items()))


class ReviewQueue(TypedDict):
    """The body of ``GET /reviews``: a page of a brand's unclear replies and the next page's cursor (None: the last)."""

    brand: str
    reviews: list[review_deadlines.QueuedReview]
    next: str | None


def review_queue(brand: str | None, *, after: str | None, store: Store, directory: Directory) -> ReviewQueue:
    """``GET /reviews``: unclear replies waiting for a person, oldest first, a page at a time."""
    brands = [brand] if brand else directory.brands
    if brand and brand not in directory.brands:
        raise NotFound("unknown brand", fields={"brand": "unknown"})
    if len(brands) != 1:
        raise Conflict("several brands: choose one with ?brand=", fields={"brand": brands})
    if after is not None and not is_ulid(after):  # any other string would be read as a place in the queue
        raise ValidationError("after must be the next of a previous page", fields={"after": "invalid"})
    items, following = store.list_reviews(brands[0], after=after)
    now = utcnow()
    return {
        "brand": brands[0],
        "reviews": [review_deadlines.with_deadline(item, now) for item in review_deadlines.queued(items)],
        "next": following,
    }


def describe_for_people(
    view: CampaignView,
    campaign: Campaign,
    phone: str,
    *,
    store: Store,
    now: datetime,
    known_reviews: dict[str, bool] | None = None,
) -> CampaignRecord:
    """The view with what the send gate answers now for the campaign's own purpose (the same code as ``POST
    /consents/check``, so the two never disagree); implied consent is shown only where it allows something: inside
    the conversation the consumer opened, for a campaign whose own purpose is conversational."""
    result = sendgate.answer_view(
        view, campaign, campaign.purpose, now, phone, store=store, known_reviews=known_reviews
    )
    shown = view
    if view.status == "none" and result.allowed and result.tier == "implied":
        shown = replace(
            view, status="opted_in", tier="implied", since=view.last_inbound_at, event_id=view.last_inbound_event_id
        )
    record = CampaignRecord(**shown.to_json(), allowed=result.allowed, reason=result.reason)
    if view.last_inbound_at:
        until = parse_ts(view.last_inbound_at) + timedelta(hours=campaign.conversation_window_hours)
        record["conversation_until"] = format_ts(until)
    return record
