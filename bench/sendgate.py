"""Send gate figures: checks per second of ``sendgate.check`` in process, and what the lazy quiet-hours import saves.

Run: ``PYTHONPATH=layers/optledger python bench/sendgate.py [--runs 5] [--seconds 1.0]``. Prints figures; asserts none.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

LAYER = Path(__file__).resolve().parents[1] / "layers" / "optledger"
sys.path.insert(0, str(LAYER))

IMPORT_ONLY = """
import time
t = time.perf_counter()
import optledger.sendgate
print((time.perf_counter() - t) * 1000)
"""
IMPORT_WITH_QUIET_HOURS = """
import time
t = time.perf_counter()
import optledger.sendgate
from optledger import quiet_hours
quiet_hours.evaluate("+13055550123", __import__("datetime").datetime.now(__import__("datetime").UTC))
print((time.perf_counter() - t) * 1000)
"""


def fresh_interpreter_ms(code: str, runs: int) -> float:
    timings = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONPATH": str(LAYER)}
        )
        timings.append(float(out.stdout.strip()))
    return statistics.median(timings)


def rate(label: str, call, seconds: float) -> None:
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for _ in range(200):
            call(count)
            count += 1
    print(f"  {label:<58} {count / elapsed:>12,.0f} checks/s  ({elapsed / count * 1e6:,.1f} µs each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters per import figure (median)")
    parser.add_argument("--seconds", type=float, default=1.0, help="time spent per throughput figure")
    args = parser.parse_args()

    without = fresh_interpreter_ms(IMPORT_ONLY, args.runs)
    with_path = fresh_interpreter_ms(IMPORT_WITH_QUIET_HOURS, args.runs)
    print(f"import time, median of {args.runs} fresh interpreters:")
    print(f"  import optledger.sendgate                                  {without:8.1f} ms")
    print(f"  + first promotional check (geocoder + time zone tables)   {with_path:8.1f} ms")
    print(f"  saved on every cold start that checks no promotional send {with_path - without:8.1f} ms")

    from optledger import quiet_hours
    from optledger.models import Campaign
    from optledger.sendgate import check

    replies = {"help_text": "Acme: help", "opt_out_text": "Acme: unsubscribed", "opt_in_text": "Acme: subscribed"}
    campaign = Campaign.from_dict(
        {"id": "C7DEALS", "brand": "acme", "name": "Acme", "purpose": "promotional", **replies}
    )
    written = {
        "status": "opted_in",
        "tier": "express_written",
        "event_id": "01OPTIN",
        "decided_at": "2026-01-10T12:00:00.000Z",
        "last_inbound_at": "2026-07-15T18:00:00.000Z",
    }
    noon, night = datetime(2026, 7, 15, 19, tzinfo=UTC), datetime(2026, 7, 16, 3, 30, tzinfo=UTC)
    phone = "+13055550123"
    quiet_hours.evaluate(phone, noon)  # load the tables before timing

    print(f"check() throughput in process ({args.seconds:.1f} s each):")
    rate("never seen (no_consent)", lambda i: check(None, campaign, "informational", noon, phone), args.seconds)
    rate(
        "informational, express_written",
        lambda i: check(written, campaign, "informational", noon, phone),
        args.seconds,
    )
    rate(
        "promotional, allowed (FL, same number: location cached)",
        lambda i: check(written, campaign, "promotional", noon, phone),
        args.seconds,
    )
    rate(
        "promotional, quiet hours + next_allowed_at (FL)",
        lambda i: check(written, campaign, "promotional", night, phone),
        args.seconds,
    )
    rate(
        "promotional, quiet hours, toll-free (8 zones, 7 rules)",
        lambda i: check(written, campaign, "promotional", night, "+18885550100"),
        args.seconds,
    )
    base = 2125550000

    def distinct_number(i: int) -> None:
        # A new number every call: the geocoder and time zone lookups run each time (location cache misses).
        if i % 9999 == 0:
            quiet_hours.locate.cache_clear()
        check(written, campaign, "promotional", noon + timedelta(seconds=i), f"+1{base + i % 9999}")

    rate("promotional, a different number each call (cache misses)", distinct_number, args.seconds)


if __name__ == "__main__":
    main()
