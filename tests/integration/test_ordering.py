"""State follows occurred_at, not arrival order."""

from __future__ import annotations

from optledger import consent, runtime
from optledger.ledger import Draft

PHONE = "+14155550123"


def draft(kind: str, at: str) -> Draft:
    return Draft(
        brand="acme",
        phone=PHONE,
        type=kind,
        campaigns=("C7DEALS",),
        channel="sms",
        occurred_at=at,
        source={"provider": "test", "provider_message_id": at},
        tiers={"C7DEALS": "express_written"},
    )


def test_stop_start_stop_delivered_in_reverse_leaves_the_number_opted_out(env):
    stop1, start, stop2 = (
        draft("opt_out", "2026-11-28T10:00:00.000Z"),
        draft("opt_in", "2026-11-28T10:01:00.000Z"),
        draft("opt_out", "2026-11-28T10:02:00.000Z"),
    )
    for item in (stop2, start, stop1):  # arrival order is the reverse of what happened
        runtime.ledger().append(item)

    head = runtime.store().get_head("acme", PHONE)
    view = consent.effective(head.state, "C7DEALS")
    events = env.events("acme", PHONE)
    assert view["status"] == "opted_out"
    assert view["event_id"] == events[0]["event_id"]  # the STOP that happened last, though it arrived first
    assert [e["seq"] for e in events] == [1, 2, 3]
