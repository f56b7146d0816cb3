"""Import figures: rows per second of ``optledger import`` for 100,000 rows against the embedded backend, and of the
second run of the same file (every row already imported: nothing written).

Run: ``.venv/bin/python bench/imports.py [--rows 100000] [--workers 8]``. Prints figures; asserts none.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta

from _harness import local_stack

DISCLOSURE = (
    "By checking this box, I agree to receive recurring order status text messages (SMS) from Acme Order Alerts at the "
    "number provided. Message frequency varies, up to 5 msgs per order. Msg & data rates may apply. Reply STOP to "
    "cancel, HELP for help. Terms: https://acme.example/terms Privacy: https://acme.example/privacy"
)


def sample_file(rows: int, seed: int = 18) -> bytes:
    """A generic-header export: 70% opt-ins (half with the disclosure shown), 30% opt-outs, some brand-wide."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["phone", "type", "occurred_at", "campaign", "brand", "channel", "subject", "ip", "disclosure"])
    for n in range(rows):
        # 555-01xx numbers are fictional; vary the area code and exchange to get 100,000 valid distinct-ish numbers.
        phone = f"+1{rng.choice(['415', '212', '305', '512', '206'])}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        when = (start + timedelta(seconds=rng.randint(0, 3 * 365 * 86400))).strftime("%Y-%m-%dT%H:%M:%SZ")
        if rng.random() < 0.7:
            campaign = rng.choice(["C7ALERTS", "C7DEALS"])
            disclosure = DISCLOSURE if campaign == "C7ALERTS" and rng.random() < 0.5 else ""
            writer.writerow([phone, "opt_in", when, campaign, "", "web_form", f"user{n}", "203.0.113.9", disclosure])
        elif rng.random() < 0.8:
            writer.writerow([phone, "opt_out", when, "C7DEALS", "", "", "", "", ""])
        else:
            writer.writerow([phone, "opt_out", when, "", "acme", "", "", "", ""])
    return out.getvalue().encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args()

    embedded = local_stack("bench-imports", "bench-imports-evidence")
    from optledger import runtime
    from optledger_tools import imports

    try:
        data = sample_file(args.rows)
        options = imports.Options(file_name="bench.csv", caller="bench")
        kwargs = {
            "directory": runtime.campaigns().directory(),
            "ledger": runtime.ledger(),
            "store": runtime.store(),
            "workers": args.workers,
        }

        def progress(done: int, total: int) -> None:
            print(f"\r  {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

        started = time.perf_counter()
        first = imports.run(data, options, progress=progress, **kwargs)
        first_seconds = time.perf_counter() - started
        print(file=sys.stderr)
        started = time.perf_counter()
        second = imports.run(data, options, **kwargs)
        second_seconds = time.perf_counter() - started
    finally:
        embedded.stop()

    print(
        f"import (embedded DynamoDB/S3, {args.workers} workers): {first.rows:,} rows in {first_seconds:.1f} s = "
        f"{first.rows / first_seconds:,.0f} rows/s ({first.recorded:,} recorded, {len(first.failed):,} failed)"
    )
    print(
        f"import of the same file again: {second.rows:,} rows in {second_seconds:.1f} s = "
        f"{second.rows / second_seconds:,.0f} rows/s ({second.recorded:,} recorded, {second.already:,} already there)"
    )
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    # Tearing down the embedded backend's 100,000 in-memory items took the interpreter minutes and measures nothing.
    os._exit(status)
