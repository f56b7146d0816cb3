"""Consent state: how ledger events change the state of each (brand, phone, campaign).

The state is a fold of the events that is independent of arrival order (DESIGN: state follows ``occurred_at``; on a tie
opt-out wins). Each campaign keeps three facts, each merged by "latest wins":

- ``base``: the winning opt-in or opt-out (``status``, ``tier``, ``event_id``, ``decided_at``);
- ``pending``: the latest double opt-in awaiting confirmation;
- ``inbound``: the consumer's latest inbound message (implied consent for conversational replies).

A brand-scope opt-out (STOPALL, or a deployment in brand scope) is kept as the brand's own ``base`` and competes with
every campaign's base. What a consumer sees (``effective``) is derived from these facts, never stored.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

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
        elif kind == "pending":
            pending = {"event_id": event_id, "at": at}
            if _later(pending, entry.get("pending")):
                entry["pending"] = pending
        elif kind == "message":
            inbound = {"event_id": event_id, "at": at}
            if _later(inbound, entry.get("inbound")):
                entry["inbound"] = inbound
    if brand_scope and kind == "opt_out":
        base = {"status": "opted_out", "tier": None, "event_id": event_id, "decided_at": at}
        if _beats(base, new_state.setdefault("brand", {}).get("base")):
            new_state["brand"]["base"] = base
    return new_state


def effective(state: Mapping[str, Any] | None, campaign_id: str) -> dict[str, Any]:
    """The consent state of one campaign as users see it: status, tier, since, event_id, and the supporting facts."""
    state = state or {}
    entry = state.get("campaigns", {}).get(campaign_id, {})
    base = entry.get("base")
    brand_base = state.get("brand", {}).get("base")
    if brand_base and _beats(brand_base, base):
        base = brand_base
    pending, inbound = entry.get("pending"), entry.get("inbound")
    view: dict[str, Any] = {"status": "none", "tier": None, "since": None, "event_id": None, "decided_at": None}
    if base and base["status"] == "opted_in":
        view.update(status="opted_in", tier=base["tier"], since=base["decided_at"], event_id=base["event_id"])
    elif pending and (not base or pending["at"] > base["decided_at"]):
        view.update(status="pending", since=pending["at"], event_id=pending["event_id"])
    elif base:
        view.update(status="opted_out", since=base["decided_at"], event_id=base["event_id"])
    elif inbound:
        # The consumer texted first: implied consent, for conversational replies within the conversation window.
        view.update(status="opted_in", tier="implied", since=inbound["at"], event_id=inbound["event_id"])
    if base:
        view["decided_at"] = base["decided_at"]
    if pending:
        view["pending_event_id"] = pending["event_id"]
        view["pending_at"] = pending["at"]
    if inbound:
        view["last_inbound_at"] = inbound["at"]
        view["last_inbound_event_id"] = inbound["event_id"]
    return view


def campaign_ids(state: Mapping[str, Any] | None) -> Iterable[str]:
    return sorted((state or {}).get("campaigns", {}))
