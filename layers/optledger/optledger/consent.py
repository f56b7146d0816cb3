"""Consent state: how ledger events change the state of each (brand, phone, campaign).

The state is a fold of the events that is independent of arrival order (DESIGN: state follows ``occurred_at``; on a tie
opt-out wins). Each campaign keeps three facts, each merged by "latest wins":

- ``base``: the winning opt-in or opt-out (``status``, ``tier``, ``event_id``, ``decided_at``);
- ``pending``: the latest double opt-in awaiting confirmation (with ``expires_at``: after it, the pending opt-in is
  expired and a late YES no longer confirms it);
- ``inbound``: the consumer's latest inbound message (implied consent for conversational replies);
- ``reviews``: the unclear replies queued for a person (``{event_id: occurred_at}``) that no opt-in or opt-out of
  the campaign has since overtaken. While one of them is undecided the send gate holds informational and promotional
  sends (``review_pending``); its decision lives on the review item, which the gate reads.

A brand-scope opt-out (STOPALL, or a deployment in brand scope) is kept as the brand's own ``base`` and competes with
every campaign's base. What a consumer sees (``effective``) is derived from these facts, never stored.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from optledger.timeutil import format_ts, utcnow

STATE_VERSION = 1


def empty_state() -> dict[str, Any]:
    return {"v": STATE_VERSION, "campaigns": {}, "brand": {}}


def _beats(new: Mapping[str, Any], current: Mapping[str, Any] | None) -> bool:
    """Does the opt-in/opt-out ``new`` win over ``current``? Later occurred_at wins; on a tie opt-out wins."""
    if not current:
        return True
    if new["decided_at"] != current["decided_at"]:
        return new["decided_at"] > current["decided_at"]
    if new["status"] != current["status"]:
        return new["status"] == "opted_out"
    return new["event_id"] > current["event_id"]  # same time, same kind: any fixed rule keeps the fold order-free


def _later(new: Mapping[str, Any], current: Mapping[str, Any] | None) -> bool:
    return not current or (new["at"], new["event_id"]) > (current["at"], current["event_id"])


def apply_event(
    state: Mapping[str, Any] | None, event: Mapping[str, Any], *, tiers: Mapping[str, str], brand_scope: bool = False
) -> dict[str, Any]:
    """Return the state after ``event``. ``tiers`` gives the tier an opt-in records for each campaign."""
    new_state = copy.deepcopy(dict(state)) if state else empty_state()
    campaigns: dict[str, Any] = new_state.setdefault("campaigns", {})
    kind, at, event_id = event["type"], event["occurred_at"], event["event_id"]
    for campaign_id in event["campaigns"]:
        entry = campaigns.setdefault(campaign_id, {})
        if kind in ("opt_in", "opt_out"):
            base = {
                "status": "opted_in" if kind == "opt_in" else "opted_out",
                "tier": tiers.get(campaign_id, event.get("tier")) if kind == "opt_in" else None,
                "event_id": event_id,
                "decided_at": at,
            }
            if _beats(base, entry.get("base")):
                entry["base"] = base
                _drop_overtaken_reviews(entry)
        elif kind == "pending":
            pending = {"event_id": event_id, "at": at}
            expires_at = (event.get("evidence") or {}).get("expires_at")
            if expires_at:
                pending["expires_at"] = expires_at
            if _later(pending, entry.get("pending")):
                entry["pending"] = pending
        elif kind == "message":
            inbound = {"event_id": event_id, "at": at}
            if _later(inbound, entry.get("inbound")):
                entry["inbound"] = inbound
            if is_review(event):
                entry.setdefault("reviews", {})[event_id] = at
                _drop_overtaken_reviews(entry)
    if brand_scope and kind == "opt_out":
        base = {"status": "opted_out", "tier": None, "event_id": event_id, "decided_at": at}
        if _beats(base, new_state.setdefault("brand", {}).get("base")):
            new_state["brand"]["base"] = base
    return new_state


def is_review(event: Mapping[str, Any]) -> bool:
    """An unclear reply queued for a person: a ``message`` whose evidence says ``detected_by: review``."""
    return event.get("type") == "message" and (event.get("evidence") or {}).get("detected_by") == "review"


def _drop_overtaken_reviews(entry: dict[str, Any]) -> None:
    """An opt-in or opt-out that occurred at or after an unclear reply answers it: the consumer spoke again."""
    base, reviews = entry.get("base"), entry.get("reviews")
    if not base or not reviews:
        return
    entry["reviews"] = {eid: at for eid, at in reviews.items() if at > base["decided_at"]}
    if not entry["reviews"]:
        del entry["reviews"]


def open_reviews(state: Mapping[str, Any] | None, campaign_id: str) -> list[str]:
    """The unclear replies of a campaign not overtaken by a later opt-in or opt-out (decided or not), oldest first."""
    reviews = (state or {}).get("campaigns", {}).get(campaign_id, {}).get("reviews", {})
    return [eid for eid, _ in sorted(reviews.items(), key=lambda item: (item[1], item[0]))]


def _decision(state: Mapping[str, Any], campaign_id: str) -> Mapping[str, Any] | None:
    """The winning opt-in/opt-out of a campaign, a brand-scope opt-out competing with the campaign's own."""
    base = state.get("campaigns", {}).get(campaign_id, {}).get("base")
    brand_base = state.get("brand", {}).get("base")
    if brand_base and _beats(brand_base, base):
        return brand_base
    return base


def _moment(now: datetime | str | None) -> str:
    if now is None:
        return format_ts(utcnow())
    return now if isinstance(now, str) else format_ts(now)


def open_pending(state: Mapping[str, Any] | None, campaign_id: str) -> Mapping[str, Any] | None:
    """The double opt-in of a campaign still awaiting its answer: no opt-in or opt-out decided after it.

    Expired or not: callers compare its ``expires_at`` with the time that matters to them.
    """
    state = state or {}
    pending = state.get("campaigns", {}).get(campaign_id, {}).get("pending")
    base = _decision(state, campaign_id)
    if pending and (not base or pending["at"] > base["decided_at"]):
        return pending
    return None


def is_expired(pending: Mapping[str, Any], at: datetime | str | None) -> bool:
    """A pending opt-in without ``expires_at`` (recorded before expiry existed) never expires."""
    expires_at = pending.get("expires_at")
    return bool(expires_at) and _moment(at) >= expires_at


def effective(
    state: Mapping[str, Any] | None, campaign_id: str, *, now: datetime | str | None = None
) -> dict[str, Any]:
    """The consent state of one campaign as users see it at ``now`` (default: the current time): status, tier, since,
    event_id, and the supporting facts. A consumer's own message is no opt-in: it stays a fact (``last_inbound_at``)
    from which the send gate allows conversational replies inside the conversation window, and nothing else. A
    pending double opt-in past its ``expires_at`` no longer counts as pending: the status falls back to what it was,
    and ``pending_expired`` says why."""
    state = state or {}
    entry = state.get("campaigns", {}).get(campaign_id, {})
    base = _decision(state, campaign_id)
    pending, inbound = entry.get("pending"), entry.get("inbound")
    awaiting = open_pending(state, campaign_id)
    expired = awaiting is not None and is_expired(awaiting, now)
    view: dict[str, Any] = {"status": "none", "tier": None, "since": None, "event_id": None, "decided_at": None}
    if base and base["status"] == "opted_in":
        view.update(status="opted_in", tier=base["tier"], since=base["decided_at"], event_id=base["event_id"])
    elif awaiting and not expired:
        view.update(status="pending", since=awaiting["at"], event_id=awaiting["event_id"])
    elif base:
        view.update(status="opted_out", since=base["decided_at"], event_id=base["event_id"])
    if base:
        view["decided_at"] = base["decided_at"]
    if pending:
        view["pending_event_id"] = pending["event_id"]
        view["pending_at"] = pending["at"]
        if pending.get("expires_at"):
            view["pending_expires_at"] = pending["expires_at"]
    if awaiting and (not base or base["status"] != "opted_in"):
        view["pending_expired"] = expired
    if inbound:
        view["last_inbound_at"] = inbound["at"]
        view["last_inbound_event_id"] = inbound["event_id"]
    reviews = open_reviews(state, campaign_id)
    if reviews:
        view["review_event_ids"] = reviews
    return view


def campaign_ids(state: Mapping[str, Any] | None) -> Iterable[str]:
    return sorted((state or {}).get("campaigns", {}))
