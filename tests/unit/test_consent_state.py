"""The consent state is a fold of the events that does not depend on arrival order."""

from __future__ import annotations

import itertools

import pytest

from optledger.consent import apply_event, effective

TIERS = {"C1": "express_written", "C2": "express"}


def event(event_id: str, kind: str, at: str, campaigns=("C1",)) -> dict:
    return {"event_id": event_id, "type": kind, "occurred_at": at, "campaigns": list(campaigns)}


def fold(events, *, brand_scope_ids=()) -> dict:
    state = None
    for e in events:
        state = apply_event(state, e, tiers=TIERS, brand_scope=e["event_id"] in brand_scope_ids)
    return state


T1, T2, T3, T4 = (f"2026-11-28T10:00:0{i}.000Z" for i in range(1, 5))


def test_latest_occurred_at_decides_whatever_the_arrival_order():
    events = [event("A", "opt_out", T1), event("B", "opt_in", T2), event("C", "opt_out", T3)]
    for order in itertools.permutations(events):
        view = effective(fold(order), "C1")
        assert (view["status"], view["event_id"]) == ("opted_out", "C")


def test_opt_out_wins_a_tie():
    events = [event("B", "opt_in", T2), event("A", "opt_out", T2)]
    for order in itertools.permutations(events):
        assert effective(fold(order), "C1")["status"] == "opted_out"


def test_opt_in_records_the_campaign_tier():
    view = effective(fold([event("A", "opt_in", T1, ("C1", "C2"))]), "C2")
    assert (view["status"], view["tier"]) == ("opted_in", "express")


def test_inbound_message_gives_implied_consent_but_never_revives_an_opt_out():
    # A message is a fact (the conversation it opens), not an opt-in: the send gate reads last_inbound_at
    view = effective(fold([event("M", "message", T1)]), "C1")
    assert (view["status"], view["tier"], view["last_inbound_at"]) == ("none", None, T1)
    events = [event("A", "opt_out", T1), event("M", "message", T3)]
    for order in itertools.permutations(events):
        view = effective(fold(order), "C1")
        assert view["status"] == "opted_out"
        assert view["last_inbound_at"] == T3


def test_pending_double_opt_in_never_downgrades_an_opt_in():
    events = [event("A", "opt_in", T1), event("P", "pending", T2)]
    for order in itertools.permutations(events):
        assert effective(fold(order), "C1")["status"] == "opted_in"


def test_pending_after_an_opt_out_is_pending_until_confirmed():
    events = [event("A", "opt_out", T1), event("P", "pending", T2)]
    for order in itertools.permutations(events):
        assert effective(fold(order), "C1")["status"] == "pending"
    assert effective(fold([*events, event("Y", "opt_in", T3)]), "C1")["status"] == "opted_in"


def test_brand_scope_opt_out_covers_campaigns_it_did_not_name():
    events = [event("A", "opt_in", T1, ("C1", "C2")), event("S", "opt_out", T2, ("C1",))]
    state = fold(events, brand_scope_ids={"S"})
    assert effective(state, "C2")["status"] == "opted_out"
    assert effective(state, "C9")["status"] == "opted_out"
    later = apply_event(state, event("B", "opt_in", T3, ("C2",)), tiers=TIERS)
    assert effective(later, "C2")["status"] == "opted_in"
    assert effective(later, "C1")["status"] == "opted_out"


@pytest.mark.parametrize(
    "kinds", list(itertools.product(["opt_in", "opt_out", "pending", "message", "help"], repeat=3))
)
def test_every_arrival_order_gives_the_same_state(kinds):
    events = [event(f"E{i}", kind, t) for i, (kind, t) in enumerate(zip(kinds, (T1, T2, T2), strict=True))]
    states = {repr(sorted(effective(fold(order), "C1").items())) for order in itertools.permutations(events)}
    assert len(states) == 1
