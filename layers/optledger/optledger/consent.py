"""Consent state: how ledger events change the state of each (brand, phone, campaign).

The state of a chain (:class:`ChainState`) is a fold of its events that is independent of arrival order (DESIGN: state
follows ``occurred_at``; on a tie opt-out wins). Each campaign keeps these facts (:class:`CampaignFacts`), each merged
by "latest wins":

- ``base``: the winning opt-in or opt-out (:class:`Decision`);
- ``pending``: the latest double opt-in awaiting confirmation (with ``expires_at``: after it, the pending opt-in is
  expired and a late YES no longer confirms it);
- ``inbound``: the consumer's latest inbound message (implied consent for conversational replies);
- ``reviews``: the unclear replies queued for a person that no opt-in or opt-out of the campaign has since
  overtaken. While one of them is undecided the send gate holds informational and promotional sends
  (``review_pending``); its decision lives on the review item, which the gate reads.

A brand-scope opt-out (STOPALL, or a deployment in brand scope) is kept as the brand's own ``base`` and competes with
every campaign's base. What a consumer sees (:class:`CampaignView`, :func:`campaign_view`) is derived from these facts,
never stored. The chain head stores the state as JSON (:meth:`ChainState.to_stored`); every function here also accepts
that stored form, as ``Store.get_head`` returns it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, cast

from optledger.timeutil import format_ts, utcnow

if TYPE_CHECKING:
    from optledger.types import LedgerEvent

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Decision:
    """An opt-in or opt-out that decides a campaign (or, brand scope, every campaign of the brand)."""

    status: str  # opted_in | opted_out
    tier: str | None
    event_id: str
    decided_at: str  # the occurred_at of the event

    def beats(self, current: Decision | None) -> bool:
        """Later occurred_at wins; on a tie opt-out wins."""
        if current is None:
            return True
        if self.decided_at != current.decided_at:
            return self.decided_at > current.decided_at
        if self.status != current.status:
            return self.status == "opted_out"
        return self.event_id > current.event_id  # same time, same kind: any fixed rule keeps the fold order-free

    def to_stored(self) -> dict[str, str | None]:
        return {"status": self.status, "tier": self.tier, "event_id": self.event_id, "decided_at": self.decided_at}


@dataclass(frozen=True, slots=True)
class Moment:
    """An event of the chain and when it occurred: the consumer's latest message, an unclear reply."""

    event_id: str
    at: str

    def later_than(self, current: Moment | None) -> bool:
        return current is None or (self.at, self.event_id) > (current.at, current.event_id)


@dataclass(frozen=True, slots=True)
class Pending(Moment):
    """A double opt-in awaiting YES; without ``expires_at`` (recorded before expiry existed) it never expires."""

    expires_at: str | None = None


@dataclass(frozen=True, slots=True)
class CampaignFacts:
    """What the fold keeps of one campaign of a chain."""

    base: Decision | None = None
    pending: Pending | None = None
    inbound: Moment | None = None
    reviews: tuple[Moment, ...] = ()  # oldest first


NO_FACTS = CampaignFacts()


@dataclass(frozen=True, slots=True)
class ChainState:
    """The consent state of one (brand, phone) chain, kept in the chain head beside the ledger."""

    campaigns: Mapping[str, CampaignFacts] = field(default_factory=dict)
    brand_base: Decision | None = None

    @classmethod
    def from_stored(cls, data: Mapping[str, Any]) -> ChainState:
        campaigns = {cid: _facts_from_stored(entry) for cid, entry in data.get("campaigns", {}).items()}
        brand_base = data.get("brand", {}).get("base")
        return cls(campaigns, _decision_from_stored(brand_base) if brand_base else None)

    def to_stored(self) -> dict[str, Any]:
        """The JSON the chain head stores (the layout ``from_stored`` reads, unchanged since version 1)."""
        brand = {"base": self.brand_base.to_stored()} if self.brand_base else {}
        campaigns = {cid: _facts_to_stored(facts) for cid, facts in self.campaigns.items()}
        return {"v": STATE_VERSION, "campaigns": campaigns, "brand": brand}


# A chain state as given: typed, as the chain head stores it, or None for a number never seen.
State = ChainState | Mapping[str, Any] | None


def read_state(state: State) -> ChainState:
    if isinstance(state, ChainState):
        return state
    return ChainState.from_stored(state) if state else ChainState()


def _of_campaign(state: State, campaign_id: str) -> tuple[CampaignFacts, Decision | None]:
    """One campaign's facts and the brand-scope opt-out; of a stored state only that campaign is read (the send gate
    asks about one campaign of a head that may hold many)."""
    if isinstance(state, ChainState):
        return state.campaigns.get(campaign_id, NO_FACTS), state.brand_base
    if not state:
        return NO_FACTS, None
    entry = state.get("campaigns", {}).get(campaign_id)
    brand_base = state.get("brand", {}).get("base")
    return _facts_from_stored(entry) if entry else NO_FACTS, _decision_from_stored(brand_base) if brand_base else None


def _decision_from_stored(base: Mapping[str, Any]) -> Decision:
    return Decision(base["status"], base["tier"], base["event_id"], base["decided_at"])


def _facts_from_stored(entry: Mapping[str, Any]) -> CampaignFacts:
    base, pending = entry.get("base"), entry.get("pending")
    inbound, reviews = entry.get("inbound"), entry.get("reviews")
    return CampaignFacts(
        _decision_from_stored(base) if base else None,
        Pending(pending["event_id"], pending["at"], pending.get("expires_at")) if pending else None,
        Moment(inbound["event_id"], inbound["at"]) if inbound else None,
        _ordered_reviews(reviews) if reviews else (),
    )


def _ordered_reviews(reviews: Mapping[str, str]) -> tuple[Moment, ...]:
    """Unclear replies (``{event_id: occurred_at}``) oldest first."""
    return tuple(Moment(*item) for item in sorted(reviews.items(), key=lambda item: (item[1], item[0])))


def _facts_to_stored(facts: CampaignFacts) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if facts.base:
        entry["base"] = facts.base.to_stored()
    if facts.pending:
        entry["pending"] = {"event_id": facts.pending.event_id, "at": facts.pending.at}
        if facts.pending.expires_at:
            entry["pending"]["expires_at"] = facts.pending.expires_at
    if facts.inbound:
        entry["inbound"] = {"event_id": facts.inbound.event_id, "at": facts.inbound.at}
    if facts.reviews:
        entry["reviews"] = {review.event_id: review.at for review in facts.reviews}
    return entry


def apply_event(
    state: State, event: LedgerEvent | Mapping[str, Any], *, tiers: Mapping[str, str], brand_scope: bool = False
) -> ChainState:
    """Return the state after ``event``. ``tiers`` gives the tier an opt-in records for each campaign."""
    before = read_state(state)
    campaigns = dict(before.campaigns)
    kind, at, event_id = event["type"], event["occurred_at"], event["event_id"]
    for campaign_id in event["campaigns"]:
        facts = campaigns.get(campaign_id, NO_FACTS)
        base, pending, inbound, reviews = facts.base, facts.pending, facts.inbound, facts.reviews
        if kind in ("opt_in", "opt_out"):
            tier = tiers.get(campaign_id, event.get("tier")) if kind == "opt_in" else None
            decision = Decision("opted_in" if kind == "opt_in" else "opted_out", tier, event_id, at)
            if decision.beats(base):
                base, reviews = decision, _not_overtaken(reviews, decision)
        elif kind == "pending":
            awaiting = Pending(event_id, at, (event.get("evidence") or {}).get("expires_at") or None)
            if awaiting.later_than(pending):
                pending = awaiting
        elif kind == "message":
            message = Moment(event_id, at)
            if message.later_than(inbound):
                inbound = message
            if is_review(event):
                queued = {review.event_id: review.at for review in reviews} | {event_id: at}
                reviews = _not_overtaken(_ordered_reviews(queued), base)
        campaigns[campaign_id] = CampaignFacts(base, pending, inbound, reviews)
    brand_base = before.brand_base
    if brand_scope and kind == "opt_out":
        stopall = Decision("opted_out", None, event_id, at)
        if stopall.beats(brand_base):
            brand_base = stopall
    return ChainState(campaigns, brand_base)


def is_review(event: LedgerEvent | Mapping[str, Any]) -> bool:
    """An unclear reply queued for a person: a ``message`` whose evidence says ``detected_by: review``."""
    return event.get("type") == "message" and (event.get("evidence") or {}).get("detected_by") == "review"


def _not_overtaken(reviews: tuple[Moment, ...], base: Decision | None) -> tuple[Moment, ...]:
    """An opt-in or opt-out that occurred at or after an unclear reply answers it: the consumer spoke again."""
    if not base or not reviews:
        return reviews
    return tuple(review for review in reviews if review.at > base.decided_at)


def open_reviews(state: State, campaign_id: str) -> list[str]:
    """The unclear replies of a campaign not overtaken by a later opt-in or opt-out (decided or not), oldest first."""
    return [review.event_id for review in _of_campaign(state, campaign_id)[0].reviews]


def _decision(facts: CampaignFacts, brand_base: Decision | None) -> Decision | None:
    """The winning opt-in/opt-out of a campaign, a brand-scope opt-out competing with the campaign's own."""
    if brand_base and brand_base.beats(facts.base):
        return brand_base
    return facts.base


def _awaiting(facts: CampaignFacts, decision: Decision | None) -> Pending | None:
    pending = facts.pending
    if pending and (not decision or pending.at > decision.decided_at):
        return pending
    return None


def _moment(now: datetime | str | None) -> str:
    if now is None:
        return format_ts(utcnow())
    return now if isinstance(now, str) else format_ts(now)


def open_pending(state: State, campaign_id: str) -> Pending | None:
    """The double opt-in of a campaign still awaiting its answer: no opt-in or opt-out decided after it.

    Expired or not: callers compare its ``expires_at`` with the time that matters to them.
    """
    facts, brand_base = _of_campaign(state, campaign_id)
    return _awaiting(facts, _decision(facts, brand_base))


def is_expired(pending: Pending, at: datetime | str | None) -> bool:
    """A pending opt-in without ``expires_at`` (recorded before expiry existed) never expires."""
    return pending.expires_at is not None and _moment(at) >= pending.expires_at


class ViewJson(TypedDict):
    """A :class:`CampaignView` as JSON: the per-campaign object of ``GET /consents/{phone}`` (DESIGN section 3)."""

    status: str
    tier: str | None
    since: str | None
    event_id: str | None
    decided_at: str | None
    pending_event_id: NotRequired[str]
    pending_at: NotRequired[str]
    pending_expires_at: NotRequired[str]
    pending_expired: NotRequired[bool]
    last_inbound_at: NotRequired[str]
    last_inbound_event_id: NotRequired[str]
    review_event_ids: NotRequired[list[str]]


@dataclass(frozen=True, slots=True)
class CampaignView:
    """The consent of one campaign as users and the send gate see it at one moment.

    ``status`` is ``opted_in``, ``opted_out``, ``pending`` or ``none``; ``since``/``event_id`` name the event that
    set it and ``decided_at`` the winning opt-in/opt-out. The latest double opt-in (``pending_*``) and the consumer's
    latest message (``last_inbound_*``) are supporting facts; ``pending_expired`` is set while a double opt-in awaits
    its answer and no opt-in decides; ``review_event_ids`` are the open unclear replies.
    """

    status: str = "none"
    tier: str | None = None
    since: str | None = None
    event_id: str | None = None
    decided_at: str | None = None
    pending_event_id: str | None = None
    pending_at: str | None = None
    pending_expires_at: str | None = None
    pending_expired: bool | None = None
    last_inbound_at: str | None = None
    last_inbound_event_id: str | None = None
    review_event_ids: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CampaignView:
        """A view given as JSON (a library caller's, or :func:`effective`'s); missing keys take their defaults."""
        get = data.get
        return cls(
            get("status", "none"),
            get("tier"),
            get("since"),
            get("event_id"),
            get("decided_at"),
            get("pending_event_id"),
            get("pending_at"),
            get("pending_expires_at"),
            get("pending_expired"),
            get("last_inbound_at"),
            get("last_inbound_event_id"),
            tuple(get("review_event_ids", ())),
        )

    def to_json(self) -> ViewJson:
        view: dict[str, Any] = {name: getattr(self, name) for name in _ALWAYS_SHOWN}
        for name in _SHOWN_WHEN_SET:
            value = getattr(self, name)
            if value is not None:
                view[name] = value
        if self.review_event_ids:
            view["review_event_ids"] = list(self.review_event_ids)
        return cast(ViewJson, view)  # the keys are ViewJson's own, in the order users have always seen


_ALWAYS_SHOWN = ("status", "tier", "since", "event_id", "decided_at")
_SHOWN_WHEN_SET = (
    "pending_event_id",
    "pending_at",
    "pending_expires_at",
    "pending_expired",
    "last_inbound_at",
    "last_inbound_event_id",
)


NEVER_SEEN = CampaignView()


def campaign_view(state: State, campaign_id: str, *, now: datetime | str | None = None) -> CampaignView:
    """The consent state of one campaign as users see it at ``now`` (default: the current time).

    A consumer's own message is no opt-in: it stays a fact (``last_inbound_at``) from which the send gate allows
    conversational replies inside the conversation window, and nothing else. A pending double opt-in past its
    ``expires_at`` no longer counts as pending: the status falls back to what it was, and ``pending_expired`` says why.
    """
    facts, brand_base = _of_campaign(state, campaign_id)
    base = _decision(facts, brand_base)
    awaiting = _awaiting(facts, base)
    expired = awaiting is not None and is_expired(awaiting, now)
    status, tier, since, event_id = "none", None, None, None
    if base and base.status == "opted_in":
        status, tier, since, event_id = "opted_in", base.tier, base.decided_at, base.event_id
    elif awaiting and not expired:
        status, since, event_id = "pending", awaiting.at, awaiting.event_id
    elif base:
        status, since, event_id = "opted_out", base.decided_at, base.event_id
    pending, inbound = facts.pending, facts.inbound
    return CampaignView(
        status,
        tier,
        since,
        event_id,
        base.decided_at if base else None,
        pending.event_id if pending else None,
        pending.at if pending else None,
        pending.expires_at if pending else None,
        expired if awaiting and (not base or base.status != "opted_in") else None,
        inbound.at if inbound else None,
        inbound.event_id if inbound else None,
        tuple(review.event_id for review in facts.reviews) if facts.reviews else (),
    )


def effective(state: State, campaign_id: str, *, now: datetime | str | None = None) -> ViewJson:
    """:func:`campaign_view` as JSON."""
    return campaign_view(state, campaign_id, now=now).to_json()


def campaign_ids(state: State) -> list[str]:
    return sorted(read_state(state).campaigns)
