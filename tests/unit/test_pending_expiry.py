"""A pending double opt-in expires after its window; the fold stays independent of arrival order."""

from __future__ import annotations

import itertools

from optledger.consent import apply_event, effective, is_expired, open_pending

TIERS = {"C1": "express_written"}
T0 = "2026-11-28T10:00:00.000Z"
EXPIRES = "2026-12-01T10:00:00.000Z"
BEFORE, AFTER = "2026-11-30T09:00:00.000Z", "2026-12-02T09:00:00.000Z"


def event(event_id: str, kind: str, at: str, **evidence) -> dict:
    return {"event_id": event_id, "type": kind, "occurred_at": at, "campaigns": ["C1"], "evidence": evidence}


def fold(events) -> dict:
    state = None
    for e in events:
        state = apply_event(state, e, tiers=TIERS)
    return state


PENDING = event("P", "pending", T0, expires_at=EXPIRES)


def test_pending_until_the_window_closes_then_expired():
    state = fold([PENDING])
    live = effective(state, "C1", now=BEFORE)
    assert live["status"] == "pending" and live["pending_expired"] is False
    assert live["pending_expires_at"] == EXPIRES
    expired = effective(state, "C1", now=AFTER)
    assert expired["status"] == "none" and expired["pending_expired"] is True and expired["event_id"] is None
    assert effective(state, "C1", now=EXPIRES)["pending_expired"] is True  # the window is half-open


def test_an_expired_pending_falls_back_to_the_earlier_opt_out():
    state = fold([event("S", "opt_out", "2026-11-27T10:00:00.000Z"), PENDING])
    view = effective(state, "C1", now=AFTER)
    assert (view["status"], view["event_id"], view["pending_expired"]) == ("opted_out", "S", True)


def test_a_confirmation_is_an_opt_in_and_leaves_nothing_pending():
    state = fold([PENDING, event("Y", "opt_in", "2026-11-29T10:00:00.000Z", confirms="P")])
    view = effective(state, "C1", now=AFTER)
    assert view["status"] == "opted_in" and "pending_expired" not in view
    assert open_pending(state, "C1") is None


def test_a_stop_after_the_pending_closes_it():
    state = fold([PENDING, event("S", "opt_out", "2026-11-29T10:00:00.000Z")])
    assert open_pending(state, "C1") is None and effective(state, "C1", now=BEFORE)["status"] == "opted_out"


def test_a_pending_without_expiry_never_expires():
    state = fold([event("P", "pending", T0)])
    assert effective(state, "C1", now="2099-01-01T00:00:00.000Z")["status"] == "pending"
    assert not is_expired(open_pending(state, "C1"), "2099-01-01T00:00:00.000Z")


def test_every_arrival_order_gives_the_same_state_at_any_time():
    events = [
        event("S", "opt_out", "2026-11-27T10:00:00.000Z"),
        PENDING,
        event("Q", "pending", "2026-11-28T11:00:00.000Z", expires_at="2026-12-01T11:00:00.000Z"),
        event("M", "message", "2026-11-29T10:00:00.000Z"),
    ]
    for now in (BEFORE, "2026-12-01T10:30:00.000Z", AFTER):
        views = {repr(sorted(effective(fold(o), "C1", now=now).items())) for o in itertools.permutations(events)}
        assert len(views) == 1
    assert effective(fold(events), "C1", now="2026-12-01T10:30:00.000Z")["event_id"] == "Q"  # the later one counts
