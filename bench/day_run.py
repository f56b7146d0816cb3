"""The daily evidence run fanned out in parts, against today's single pass, on the embedded DynamoDB and S3.

Two days are measured, each in a fresh table and bucket:

- ``big``:  one brand-day of OPTLEDGER_BENCH_BIG_EVENTS events (default 200,000: 20,000 numbers x 10 events over
  the brand's three campaigns);
- ``many``: OPTLEDGER_BENCH_BRANDS brands (default 2,000) of OPTLEDGER_BENCH_BRAND_EVENTS events each (default 50:
  10 numbers x 5 events, one campaign per brand).

For each: the whole run's wall time through the single pass (``evidence.compile_day``: one invocation, brand after
brand), then through the plan (``dayrun.run_day``) with 1 worker and with OPTLEDGER_BENCH_WORKERS workers (default
8, processes); the slowest task's time (from the 1-worker run) and its peak memory (the same task again in a fresh
process: tracemalloc peak of Python allocations and the process's max RSS).

How the data gets in: the sealed events are generated here and put straight into moto's in-memory table (the
embedded DynamoDB's backend, in this process) with the item layout of ``Store.append`` and the production
``Store.day_index_key``; 200,000 appends through the HTTP API would take longer than the run itself.

One emulator shortcut: moto answers every Query by sorting and scanning the whole table (per 1 MB page), which
DynamoDB does not do; the bench gives moto's Query the items of the queried partition (by table key or by index key)
instead, so the figures are OptLedger's work plus the HTTP round trips, not moto's scans. Nothing else is changed.

The machine is shared: run it through ``make bench`` (or ``python bench/day_run.py [big|many]``), not in a loop.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from _harness import ROOT, local_stack

DAY = "2026-11-27"
BIG_EVENTS = int(os.environ.get("OPTLEDGER_BENCH_BIG_EVENTS", "200000"))
BRANDS = int(os.environ.get("OPTLEDGER_BENCH_BRANDS", "2000"))
BRAND_EVENTS = int(os.environ.get("OPTLEDGER_BENCH_BRAND_EVENTS", "50"))
WORKERS = int(os.environ.get("OPTLEDGER_BENCH_WORKERS", "8"))
LIMIT_SECONDS = 90  # a tenth of Lambda's 900 s


def moto_table(name: str) -> Any:
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    return dynamodb_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].get_table(name)


def install_partition_queries() -> None:
    """moto's Query over one partition without re-sorting the table for every page (see the module docstring).

    A Query with only an equality on the hash key (of the table or of an index), read forwards with no filter or
    projection, is answered from the partition's items sorted once: the page starts after ExclusiveStartKey and
    stops at Limit or 1 MB like moto's own; every other Query takes moto's path unchanged.
    """
    import bisect

    from moto.dynamodb.models.table import RESULT_SIZE_LIMIT, Table

    original = Table.query
    if getattr(original, "bench_partitioned", False):
        return
    signature = inspect.signature(original)

    def partitions(table: Any, index_name: str | None) -> dict[Any, tuple[list[tuple], list[Any], list[int]]]:
        cache = table.__dict__.setdefault("_bench_partitions", {})
        if index_name not in cache:
            if index_name:
                index = {i.name: i for i in table.all_indexes()}[index_name]
                hash_attr, range_attr = (
                    next(k["AttributeName"] for k in index.schema if k["KeyType"] == kind) for kind in ("HASH", "RANGE")
                )
            groups: dict[Any, list[tuple[tuple, Any]]] = defaultdict(list)
            for hash_key, by_range in table.items.items():
                for item in by_range.values():
                    table_key = (item.hash_key.value, item.range_key.value)
                    if not index_name:
                        groups[hash_key.value].append((table_key[1:], item))
                    elif hash_attr in item.attrs and range_attr in item.attrs:
                        groups[item.attrs[hash_attr].value].append(((item.attrs[range_attr].value, *table_key), item))
            cache[index_name] = {}
            for value, members in groups.items():
                members.sort(key=lambda pair: pair[0])
                cache[index_name][value] = (
                    [k for k, _ in members],
                    [i for _, i in members],
                    [i.size() for _, i in members],
                )
        return cache[index_name]

    def query(self: Any, *args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(self, *args, **kwargs)
        a = bound.arguments
        index_name = a.get("index_name")
        simple = (
            not a.get("range_comparison")
            and not a.get("range_key_conditions")
            and a.get("scan_index_forward", True)
            and not a.get("projection_expressions")
            and type(a.get("filter_expression")).__name__ in ("NoneType", "OpDefault")  # moto's "no filter"
            and not a.get("filter_kwargs")
            and len(a.get("hash_key_conditions") or []) <= 1
        )
        if not simple:
            return original(*bound.args, **bound.kwargs)
        value = (a["hash_key_conditions"][0][1] if index_name else a["hash_key"]).value
        keys, items, sizes = partitions(self, index_name).get(value, ([], [], []))
        start = 0
        if a.get("exclusive_start_key"):
            esk = {k: v["S"] if isinstance(v, dict) else v.value for k, v in a["exclusive_start_key"].items()}
            table_key = (esk[self.hash_key_attr], esk[self.range_key_attr])
            if index_name:
                index = self.get_index(index_name)
                range_attr = next(k["AttributeName"] for k in index.schema if k["KeyType"] == "RANGE")
                start = bisect.bisect_right(keys, (esk[range_attr], *table_key))
            else:
                start = bisect.bisect_right(keys, table_key[1:])
        results, size, limit, last = [], 0, a.get("limit"), None
        for position in range(start, len(items)):
            if (limit and len(results) == limit) or size + sizes[position] > RESULT_SIZE_LIMIT:
                last = self._get_last_evaluated_key(results[-1], index_name)
                break
            results.append(items[position])
            size += sizes[position]
        scanned = len(results)
        if index_name:
            results = [self.get_index(index_name).project(r) for r in results]
        return results, scanned, last

    query.bench_partitioned = True  # type: ignore[attr-defined]
    Table.query = query


def load_day(table_name: str, events: Any) -> int:
    """Items as ``Store.append`` writes them, put into moto's table directly (no stream records: nothing reads them)."""
    from moto.dynamodb.models.dynamo_type import DynamoType, Item

    from optledger import runtime
    from optledger.chain import canonical_json

    table, store = moto_table(table_name), runtime.store()
    count = 0
    for event in events:
        attrs = {
            "pk": {"S": f"PHONE#{event['brand']}#{event['phone']}"},
            "sk": {"S": f"EVENT#{event['seq']:010d}"},
            "event": {"S": canonical_json(event)},
            "event_id": {"S": event["event_id"]},
            "gsi1pk": {"S": store.day_index_key(event)},
            "gsi1sk": {"S": f"{event['phone']}#{event['seq']:010d}"},
        }
        hash_key, range_key = DynamoType(attrs["pk"]), DynamoType(attrs["sk"])
        table.items[hash_key][range_key] = Item(hash_key, range_key, attrs)
        count += 1
    table.__dict__.pop("_bench_partitions", None)
    return count


def big_day() -> Any:
    from tests.support.ledger_events import chain_events

    campaigns = (["C7DEALS"], ["C7ALERTS"], ["C7CHAT"])
    per_phone = 10
    for n in range(BIG_EVENTS // per_phone):
        yield from chain_events(f"+1415{n:07d}", per_phone, day=DAY, campaigns_of=lambda seq: campaigns[seq % 3])


def many_brands(table_name: str) -> list[str]:
    """BRANDS brands, one campaign each, stored straight into the table like ``optledger campaigns load`` would."""
    template = json.loads((ROOT / "events" / "campaigns.demo.json").read_text(encoding="utf-8"))[0]
    table, brands = moto_table(table_name), []
    for n in range(BRANDS):
        brand = f"brand{n:04d}"
        campaign = {**template, "id": f"K{n:04d}", "brand": brand, "senders": [f"+1646555{n:04d}"]}
        table.put_item({"pk": {"S": "CAMPAIGN"}, "sk": {"S": campaign["id"]}, "campaign": {"S": json.dumps(campaign)}})
        brands.append(brand)
    return brands


def many_day(brands: list[str]) -> Any:
    from tests.support.ledger_events import chain_events

    per_phone = 5
    for n, brand in enumerate(brands):
        campaign = [f"K{n:04d}"]
        for p in range(BRAND_EVENTS // per_phone):
            yield from chain_events(
                f"+1415{p:07d}", per_phone, brand=brand, day=DAY, campaigns_of=lambda _, c=campaign: c
            )


def log(message: str) -> None:
    print(f"[day_run {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def task_memory(item: dict[str, Any]) -> dict[str, Any]:
    """One work item again, alone in a fresh process, under tracemalloc."""
    args = [sys.executable, __file__, "--child-task", json.dumps(item)]
    done = subprocess.run(args, check=True, capture_output=True, text=True, env=os.environ.copy())
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_task(item: dict[str, Any]) -> None:
    import resource
    import tracemalloc

    from optledger_tools.dayrun import _compile_item

    tracemalloc.start()
    summary, seconds = _compile_item(item)
    _, peak = tracemalloc.get_traced_memory()
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over an exec, so it would report the forking parent's size.
    status = Path("/proc/self/status")
    hwm = [line for line in status.read_text().splitlines() if line.startswith("VmHWM:")] if status.exists() else []
    rss = int(hwm[0].split()[1]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"task_events": summary["events"], "peak_bytes": peak, "max_rss_kib": rss, "traced_s": seconds}))


def big_shard_zero() -> dict[str, Any]:
    """The slowest task of the big day without the rest of the day: only the numbers of shard 0 of the 200,000-event
    day are loaded (its parts are alike: the hash spreads the numbers evenly), and that one part is compiled."""
    embedded = local_stack(table="bench-day-shard0", bucket="bench-day-shard0")
    install_partition_queries()
    from optledger import runtime
    from optledger.store import day_shard
    from optledger_tools.dayrun import _compile_item
    from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA

    runtime.store().put_disclosure(DISCLOSURE_SHA, DISCLOSURE)
    shards = runtime.store().day_shards
    events = load_day(runtime.store().table, (e for e in big_day() if day_shard(e["phone"], shards) == 0))
    item = {"brand": "acme", "day": DAY, "shard": 0, "shards": shards, "merged": False}
    summary, seconds = _compile_item(item)
    assert summary["events"] == events
    figures = {"events": events, "seconds": seconds} | task_memory(item)
    embedded.stop()
    return figures


def scenario(name: str) -> dict[str, Any]:
    embedded = local_stack(table=f"bench-day-{name}", bucket=f"bench-day-{name}")
    install_partition_queries()
    from optledger import runtime
    from optledger.evidence import compile_day
    from optledger_tools.dayrun import run_day
    from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA

    table = runtime.store().table
    runtime.store().put_disclosure(DISCLOSURE_SHA, DISCLOSURE)
    started = time.perf_counter()
    if name == "big":
        brands = ["acme"]
        events = load_day(table, big_day())
    else:
        brands = many_brands(table)
        runtime.campaigns().invalidate()
        events = load_day(table, many_day(brands))
    loaded = time.perf_counter() - started
    log(f"{name}: {events:,} events of {len(brands):,} brand(s) loaded in {loaded:.1f} s")
    figures: dict[str, Any] = {"scenario": name, "brands": len(brands), "events": events, "load_s": loaded}

    started = time.perf_counter()
    results = compile_day(
        DAY,
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
        brands=brands,
    )
    figures["single_pass_s"] = time.perf_counter() - started
    log(f"{name}: single pass {figures['single_pass_s']:.1f} s")
    assert sum(r.events for r in results) == events

    # The 1-worker run first: it names the slowest task, measured again alone for its memory before the pool runs.
    for workers in (1, WORKERS):
        started = time.perf_counter()
        run = run_day(DAY, brands=brands, workers=workers)
        figures[f"run_{workers}_s"] = time.perf_counter() - started
        log(f"{name}: parts with {workers} worker(s) {figures[f'run_{workers}_s']:.1f} s")
        assert run.ok and run.events == events and len(run.anchors) == len(brands), run.failed
        if workers == 1:
            slowest = max(run.task_seconds, key=lambda key: run.task_seconds[key])
            figures["tasks"] = len(run.task_seconds)
            figures["slowest_task_s"] = run.task_seconds[slowest]
            part = run.parts[slowest]
            figures["slowest_task"] = f"{part['brand']} part {part['shard']}/{part['shards']} ({part['events']} ev)"
            item = {k: part[k] for k in ("brand", "day", "shard", "shards")} | {"merged": part["shards"] == 1}
            figures |= task_memory(item)
            log(
                f"{name}: {figures['tasks']} tasks, slowest {figures['slowest_task']}"
                f" {figures['slowest_task_s']:.1f} s,"
                f" peak {figures['peak_bytes'] / 2**20:.1f} MiB, max RSS {figures['max_rss_kib'] / 1024:.0f} MiB"
            )
    embedded.stop()
    return figures


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child-task"]:
        child_task(json.loads(argv[1]))
        return 0
    if argv[:1] == ["shard0"]:
        figures = big_shard_zero()
        print(
            f"day_run shard0: part 0 of the {BIG_EVENTS:,}-event day, {figures['events']:,} events:"
            f" {figures['seconds']:.1f} s, peak {figures['peak_bytes'] / 2**20:.1f} MiB,"
            f" max RSS {figures['max_rss_kib'] / 1024:.0f} MiB"
        )
        return 0 if figures["seconds"] < LIMIT_SECONDS else 1
    chosen = argv or ["big", "many"]
    rows = [scenario(name) for name in chosen]
    print(f"day_run: single pass vs parts (1 and {WORKERS} worker processes), embedded AWS, {os.cpu_count()} cores")
    header = ("", *(f"{r['scenario']}: {r['brands']:,} brand(s), {r['events']:,} events" for r in rows))
    lines = [
        ("work items (parts)", *(f"{r['tasks']:,}" for r in rows)),
        ("slowest task", *(r["slowest_task"] for r in rows)),
        ("slowest task time", *(f"{r['slowest_task_s']:.1f} s (limit {LIMIT_SECONDS} s)" for r in rows)),
        ("slowest task peak (tracemalloc)", *(f"{r['peak_bytes'] / 2**20:.1f} MiB" for r in rows)),
        ("slowest task max RSS", *(f"{r['max_rss_kib'] / 1024:.0f} MiB" for r in rows)),
        ("whole run, 1 worker", *(f"{r['run_1_s']:.1f} s" for r in rows)),
        (f"whole run, {WORKERS} workers", *(f"{r[f'run_{WORKERS}_s']:.1f} s" for r in rows)),
        ("today's single pass (1 invocation)", *(f"{r['single_pass_s']:.1f} s" for r in rows)),
        ("(loading the table)", *(f"{r['load_s']:.1f} s" for r in rows)),
    ]
    width = max(len(line[0]) for line in lines)
    columns = [max(len(str(line[i])) for line in [header, *lines]) for i in range(1, len(header))]
    for line in [header, *lines]:
        print(f"{line[0]:<{width}}  " + "  ".join(f"{cell:>{w}}" for cell, w in zip(line[1:], columns, strict=True)))
    over = [r["scenario"] for r in rows if r["slowest_task_s"] >= LIMIT_SECONDS]
    if over:
        print(f"FAILED: the slowest task of {over} takes {LIMIT_SECONDS} s or more")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
