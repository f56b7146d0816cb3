"""The daily bundle run against the embedded DynamoDB and S3, as a ratio to a plain paginated read of the same items.

Seeds EVENTS ledger items of one day (valid chains) with BatchWriteItem, then times (1) a paginated Query of the day's
by_day index that only decodes each item, and (2) compile_day, which reads the same pages and streams the campaign
bundles and the anchor to S3. Prints one figure a line. (Memory is bench/bundles.py's subject: tracemalloc here would
also slow the embedded DynamoDB, which runs in this process.)
"""

from __future__ import annotations

import os
import time

from _harness import local_stack

EVENTS = int(os.environ.get("OPTLEDGER_BENCH_EVENTS", "10000"))
DAY = "2026-11-27"


def main() -> None:
    embedded = local_stack(table="bench-bundle-ledger", bucket="bench-bundle-evidence")
    from optledger import runtime
    from optledger.chain import canonical_json
    from optledger.evidence import compile_day
    from tests.support.ledger_events import day_events

    client = runtime.store().dynamodb
    table = runtime.store().table
    batch = []
    for event in day_events(EVENTS // 10, 10, day=DAY):
        batch.append(
            {
                "PutRequest": {
                    "Item": {
                        "pk": {"S": f"PHONE#{event['brand']}#{event['phone']}"},
                        "sk": {"S": f"EVENT#{event['seq']:010d}"},
                        "event": {"S": canonical_json(event)},
                        "event_id": {"S": event["event_id"]},
                        "gsi1pk": {"S": f"DAY#{event['brand']}#{event['recorded_at'][:10]}"},
                        "gsi1sk": {"S": f"{event['phone']}#{event['seq']:010d}"},
                    }
                }
            }
        )
        if len(batch) == 25:
            client.batch_write_item(RequestItems={table: batch})
            batch = []
    if batch:
        client.batch_write_item(RequestItems={table: batch})

    started = time.perf_counter()
    read = sum(1 for _ in runtime.store().iter_day_events("acme", DAY))
    plain = time.perf_counter() - started

    started = time.perf_counter()
    [result] = compile_day(
        DAY,
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
        brands=["acme"],
    )
    bundled = time.perf_counter() - started

    assert read == result.events == EVENTS, (read, result.events)
    print(f"bundle_from_table.events {EVENTS}")
    print(f"bundle_from_table.paginated_read_events_per_second {read / plain:.0f}")
    print(f"bundle_from_table.compile_day_events_per_second {result.events / bundled:.0f}")
    print(f"bundle_from_table.ratio_to_paginated_read {plain / bundled:.2f}")
    print(
        f"bundle_from_table.bundles {len(result.bundles)} verified "
        f"{sum(b['verified'] for b in result.bundles.values())}"
    )
    embedded.stop()


if __name__ == "__main__":
    main()
