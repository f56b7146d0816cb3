"""Load on ``optledger serve`` over loopback for a bounded time, then proof that nothing accepted was lost.

A mix of signed Twilio webhooks (STOP, START, HELP, messages, redeliveries), web opt-ins (form and JSON) and consent
reads from 8 threads against a served instance of its own, on a pool of 60 numbers so that appends race on the same
chains. Then: every 2xx write is in the ledger exactly once, every chain verifies, and the day's bundles written by
``optledger bundle`` verify with ``optledger verify`` against the day's anchor, whose event count is the ledger's.
``OPTLEDGER_LOAD_SECONDS`` changes the duration (20 s here; ``bench/load.py`` runs 60 s and prints the figures).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support import summary
from tests.support.load import MIX, Sent, percentile, run_load, tamper_one_event, verify_ledger
from tests.support.serve import Served, ServeFailed, serve

pytestmark = pytest.mark.e2e
SECONDS = float(os.environ.get("OPTLEDGER_LOAD_SECONDS", "20"))


@pytest.fixture(scope="module")
def served_for_load() -> Iterator[Served]:
    """A served instance of its own: the load must not disturb (or be disturbed by) the other e2e tests."""
    try:
        with serve({"TWILIO_AUTH_TOKEN": "load-twilio-token", "API_KEY": "load-api-key"}) as instance:
            yield instance
    except ServeFailed as error:
        pytest.fail(str(error))


def test_bounded_load_loses_nothing_and_the_day_verifies(served_for_load, tmp_path):
    # Given a served instance, when it is driven for a bounded time from 8 threads
    result = run_load(served_for_load, seconds=SECONDS, max_requests=20_000)

    # Then the load stopped by itself within its bounds, every kind was sent, and nothing failed
    assert result.seconds < SECONDS + 60
    assert {s.kind for s in result.sent} == set(MIX)
    assert not result.transport_errors, result.transport_errors
    refused = [(s.kind, s.status, s.refusal) for s in result.sent if not 200 <= s.status < 300]
    assert not refused, (result.statuses, refused[:5])
    duplicates = [s for s in result.sent if s.kind == "webhook_duplicate"]
    assert duplicates

    # And every accepted write is in the ledger exactly once, every chain verifies, and the day's bundles verify
    report = verify_ledger(served_for_load, result, tmp_path)
    assert not report.missing, report.missing[:10]
    assert not report.duplicated, report.duplicated[:10]
    assert not report.broken_chains, report.broken_chains[:10]
    assert report.days, "no events recorded"
    for day, outcome in report.days.items():
        assert outcome["anchor_events"] == outcome["ledger_events"], (day, outcome)
        assert outcome["bundles"] and all(outcome["verified"].values()), (day, outcome)
    assert report.ok

    # And the verification is not blind: a fabricated acknowledgement is reported missing, an edited event breaks its
    # chain and the day's bundles
    edited_phone = tamper_one_event(served_for_load)
    result.sent.append(Sent("webhook_stop", 200, 0.0, "+14155569999", sid="SMnever-sent"))
    tampered = verify_ledger(served_for_load, result, tmp_path)
    assert tampered.missing == ["webhook_stop SMnever-sent"]
    assert tampered.broken_chains == [edited_phone]
    assert not all(ok for day in tampered.days.values() for ok in day["verified"].values())
    assert not tampered.ok
    result.sent.pop()

    def ms(kind: str, fraction: float) -> str:
        return f"{percentile(result.latencies(kind), fraction) * 1000:.0f}"

    latencies = ", ".join(f"{k} p50/p99 {ms(k, 0.5)}/{ms(k, 0.99)} ms" for k in sorted(MIX))
    rate = len(result.sent) / result.seconds
    summary.LINES.append(
        f"test_load: {len(result.sent)} requests in {result.seconds:.1f} s ({rate:.1f}/s), {report.events} events "
        f"in {report.chains} chains verified, bundles {report.days}; {latencies}"
    )
