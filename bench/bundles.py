"""Evidence bundle figures: events per second and peak memory of the streaming bundle writer at 10k and 100k events.

Run: ``PYTHONPATH=layers/optledger python bench/bundles.py [--sizes 10000 100000] [--per-phone 5]``.

Each size runs in fresh subprocesses so one size's allocations cannot hide another's: one child times a plain iteration
over the generated events and then the bundle written into a byte-counting sink (what an S3 multipart upload sees);
another measures the peak of Python allocations (tracemalloc) while writing the bundle, and the process's max RSS.
The timing child also times ``verify_bundle`` over the bundle it wrote (to a temporary file).
Events are generated lazily in the child, chain by chain, as a paginated ``by_day`` Query would hand them over.
Prints figures; exits 1 only when peak(largest)/peak(smallest) exceeds 1.5 (memory is meant to stay flat).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

LAYER = Path(__file__).resolve().parents[1] / "layers" / "optledger"
sys.path.insert(0, str(LAYER))

DISCLOSURE = "By checking this box I agree to receive recurring marketing texts from Acme. Reply STOP to cancel."


def generate(count: int, per_phone: int) -> Iterator[dict[str, Any]]:
    """``count`` sealed events in by_day order: phones ascending, each a chain from seq 1."""
    from optledger.chain import GENESIS_HASH, seal, sha256_hex

    disclosure = sha256_hex(DISCLOSURE)
    made, phone_index = 0, 0
    while made < count:
        phone, prev = f"+1415{phone_index:07d}", GENESIS_HASH
        for seq in range(1, min(per_phone, count - made) + 1):
            opt_in = seq % 2 == 1
            event = {
                "event_id": f"01JBENCH{phone_index:08d}{seq:04d}",
                "brand": "acme",
                "phone": phone,
                "seq": seq,
                "type": "opt_in" if opt_in else "opt_out",
                "campaigns": ["C7DEALS"],
                "tier": "express_written" if opt_in else None,
                "channel": "web_form" if opt_in else "sms",
                "occurred_at": f"2026-11-27T{seq % 24:02d}:00:00.000Z",
                "recorded_at": f"2026-11-27T{seq % 24:02d}:00:00.120Z",
                "source": {
                    "ip": "203.0.113.7",
                    "user_agent": "Mozilla/5.0 (X11; Linux)",
                    "page_url": "https://a.example/j",
                }
                if opt_in
                else {"provider": "twilio", "provider_message_id": f"SM{phone_index:016d}{seq:016d}"},
                "evidence": {"disclosure_sha256": disclosure, "subject": "jane@example.com", "session_id": "s-1"}
                if opt_in
                else {"matched": "STOP", "detected_by": "keyword"},
            }
            seal(event, prev)
            prev = event["hash"]
            made += 1
            yield event
        phone_index += 1


class CountingSink:
    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)


def write(count: int, per_phone: int) -> tuple[int, Any]:
    from optledger.bundles import daily_bundle_info, write_bundle
    from optledger.chain import sha256_hex

    sink = CountingSink()
    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", "2026-11-28T00:05:00.000Z")
    summary = write_bundle(generate(count, per_phone), sink, info, {sha256_hex(DISCLOSURE): DISCLOSURE}.get)
    return sink.size, summary


def child_time(count: int, per_phone: int) -> dict[str, Any]:
    start = time.perf_counter()
    for _ in generate(count, per_phone):
        pass
    plain = time.perf_counter() - start
    start = time.perf_counter()
    size, summary = write(count, per_phone)
    bundle = time.perf_counter() - start
    assert summary.event_count == count and summary.verified
    verify = time_verify(count, per_phone)
    return {"plain_s": plain, "bundle_s": bundle, "zip_bytes": size, "verify_s": verify}


def time_verify(count: int, per_phone: int) -> float:
    import tempfile

    from optledger.bundles import daily_bundle_info, verify_bundle, write_bundle
    from optledger.chain import sha256_hex

    info = daily_bundle_info("acme", "C7DEALS", "2026-11-27", "2026-11-28T00:05:00.000Z")
    with tempfile.TemporaryFile() as file:
        write_bundle(generate(count, per_phone), file, info, {sha256_hex(DISCLOSURE): DISCLOSURE}.get)
        file.seek(0)
        start = time.perf_counter()
        result = verify_bundle(file)
        elapsed = time.perf_counter() - start
    assert result.ok and result.event_count == count
    return elapsed


def child_memory(count: int, per_phone: int) -> dict[str, Any]:
    import resource
    import tracemalloc

    tracemalloc.start()
    _, summary = write(count, per_phone)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert summary.event_count == count
    return {"peak_bytes": peak, "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def run_child(mode: str, count: int, per_phone: int) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", mode, "--sizes", str(count), "--per-phone", str(per_phone)]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--per-phone", type=int, default=5, help="events per phone chain")
    parser.add_argument("--child", choices=["time", "memory"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        figures = (child_time if args.child == "time" else child_memory)(args.sizes[0], args.per_phone)
        print(json.dumps(figures))
        return 0

    peaks: dict[int, int] = {}
    columns = ("events", "events/s", "plain/s", "bundle/plain", "verify/s", "zip MiB", "peak MiB", "RSS MiB")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (8, 10, 10, 12, 10, 8, 9, 8), strict=True)))
    for count in args.sizes:
        timing = run_child("time", count, args.per_phone)
        memory = run_child("memory", count, args.per_phone)
        peaks[count] = memory["peak_bytes"]
        rate, plain_rate = count / timing["bundle_s"], count / timing["plain_s"]
        verify_rate = count / timing["verify_s"]
        print(
            f"{count:>8} {rate:>10.0f} {plain_rate:>10.0f} {rate / plain_rate:>12.3f} {verify_rate:>10.0f}"
            f" {timing['zip_bytes'] / 2**20:>8.2f} {memory['peak_bytes'] / 2**20:>9.2f}"
            f" {memory['max_rss_kib'] / 1024:>8.1f}"
        )
    small, large = min(peaks), max(peaks)
    ratio = peaks[large] / peaks[small]
    print(f"peak({large})/peak({small}) = {ratio:.3f} (must be <= 1.5)")
    print("bundle/plain = bundle throughput / throughput of a plain iteration over the same generated events")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
