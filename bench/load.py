"""Load on ``optledger serve`` over loopback for ``OPTLEDGER_LOAD_SECONDS`` (default 60), then the ledger verified.

Run: ``PYTHONPATH=layers/optledger:tools python bench/load.py`` (``OPTLEDGER_LOAD_THREADS``, default 8, sets the client
threads). Starts a served instance of its own (an embedded DynamoDB/S3 on loopback), drives it with the mix of
``tests/support/load.py`` (signed Twilio webhooks incl. redeliveries, web opt-ins in form and JSON, consent reads), then
checks that every 2xx write is in the ledger exactly once, every chain verifies, and the day's bundles written by
``optledger bundle`` verify with ``optledger verify`` against the anchor.

Prints one figure a line. Latencies are end to end over loopback HTTP to the local server, whose embedded DynamoDB is
moto behind one lock (every write is serialised): they measure this machine and the emulator, not Lambda.
Exits 1 if the verification fails or a request failed.
"""

from __future__ import annotations

import os
import sys

from _harness import ROOT, percentile

sys.path.insert(0, str(ROOT / "layers" / "optledger"))

from tests.support.load import MIX, run_load, verify_ledger
from tests.support.serve import serve


def main() -> int:
    seconds = float(os.environ.get("OPTLEDGER_LOAD_SECONDS", "60"))
    threads = int(os.environ.get("OPTLEDGER_LOAD_THREADS", "8"))
    with serve({"TWILIO_AUTH_TOKEN": "bench-twilio-token", "API_KEY": "bench-api-key"}) as served:
        result = run_load(served, seconds=seconds, threads=threads, max_requests=1_000_000)
        report = verify_ledger(served, result)
    sent = len(result.sent)
    print(f"load.seconds {result.seconds:.1f}")
    print(f"load.threads {threads}")
    print(f"load.requests {sent}")
    print(f"load.requests_per_second {sent / result.seconds:.1f}")
    for kind in sorted(MIX):
        samples = result.latencies(kind)
        print(f"load.{kind}.requests {len(samples)}")
        print(f"load.{kind}.p50_ms {percentile(samples, 0.5) * 1000:.1f}")
        print(f"load.{kind}.p99_ms {percentile(samples, 0.99) * 1000:.1f}")
    failed = {status: n for status, n in sorted(result.statuses.items()) if not 200 <= status < 300}
    print(f"load.errors.http {sum(failed.values())}")
    for status, count in failed.items():
        print(f"load.errors.http_{status} {count}")
    print(f"load.errors.transport {sum(result.transport_errors.values())}")
    print(f"verify.events {report.events}")
    print(f"verify.chains {report.chains}")
    print(f"verify.chains_broken {len(report.broken_chains)}")
    print(f"verify.acknowledged_writes_missing {len(report.missing)}")
    print(f"verify.recorded_twice {len(report.duplicated)}")
    for day, outcome in sorted(report.days.items()):
        print(f"verify.{day}.anchor_events {outcome['anchor_events']}")
        print(f"verify.{day}.bundles_verified {sum(outcome['verified'].values())}/{len(outcome['verified'])}")
    print(f"verify.result {'ok' if report.ok else 'FAILED'}")
    return 0 if report.ok and not failed and not result.transport_errors else 1


if __name__ == "__main__":
    sys.exit(main())
