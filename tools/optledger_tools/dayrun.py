"""The daily evidence run on one machine: the plan the state machine runs in AWS, with a worker pool.

``run_day`` plans the day (``evidence.plan_day``), compiles every (brand, shard) work item in a pool of worker
processes, retries a failed item on its own (with backoff), and writes a brand's anchor as soon as all of its parts
are done (``evidence.finish_brand``). A brand with a part that still fails after its retries gets no anchor and is
reported. ``workers=1`` runs everything in this process. Used by ``optledger bundle`` and ``bench/day_run.py``;
not part of the Lambda layer's paths.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import IO, Any

from optledger.evidence import check_day, compile_part, finish_brand, plan_day, work_items

ATTEMPTS = 3
BACKOFF_SECONDS = 0.5


@dataclass
class DayRun:
    day: str
    parts: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    anchors: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[tuple[str, int], str] = field(default_factory=dict)
    task_seconds: dict[tuple[str, int], float] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return sum(part["events"] for part in self.parts.values())

    @property
    def ok(self) -> bool:
        return not self.failed


class ProgressBar:
    """``[#######.......]  37/128 parts   1,234 events  00:12`` on one line of stderr, redrawn in place."""

    def __init__(self, total: int, *, stream: IO[str] | None = None, width: int = 30) -> None:
        self.total, self.width, self.stream = total, width, stream or sys.stderr
        self.started = time.monotonic()

    def __call__(self, done: int, events: int) -> None:
        filled = self.width * done // max(self.total, 1)
        elapsed = int(time.monotonic() - self.started)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:>{len(str(self.total))}}/{self.total} parts"
            f"  {events:,} events  {elapsed // 60:02d}:{elapsed % 60:02d}"
        )
        self.stream.flush()

    def done(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _compile_item(item: dict[str, Any]) -> tuple[dict[str, Any], float]:
    """One work item in a worker: the stores are the worker's own (built from the environment, like Lambda's)."""
    from optledger import runtime

    started = time.perf_counter()
    summary = compile_part(
        item["brand"],
        item["day"],
        item["shard"],
        item["shards"],
        merged=item["merged"],
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
    )
    return summary, time.perf_counter() - started


def run_day(
    day: str,
    *,
    brands: Iterable[str] | None = None,
    plan: list[dict[str, Any]] | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    compile_item: Callable[[dict[str, Any]], tuple[dict[str, Any], float]] = _compile_item,
) -> DayRun:
    """Plan ``day`` (or take ``plan``), compile its parts with ``workers`` processes, anchor each brand whose parts
    all exist."""
    from optledger import runtime

    day = check_day(day)
    if plan is None:
        plan = plan_day(day, store=runtime.store(), directory=runtime.campaigns().directory(), brands=brands)
    items = work_items(day, plan)
    run = DayRun(day)
    waiting = {b["brand"]: b["shards"] for b in plan}
    attempts: dict[tuple[str, int], int] = {}

    def finished(item: dict[str, Any], outcome: tuple[dict[str, Any], float] | BaseException) -> bool:
        """Record an item's outcome; False when it should be tried again."""
        key = (item["brand"], item["shard"])
        attempts[key] = attempts.get(key, 0) + 1
        if isinstance(outcome, BaseException):
            if attempts[key] < ATTEMPTS:
                time.sleep(BACKOFF_SECONDS * 2 ** (attempts[key] - 1))
                return False
            run.failed[key] = f"{type(outcome).__name__}: {outcome}"
        else:
            run.parts[key], run.task_seconds[key] = outcome
            waiting[item["brand"]] -= 1
            if waiting[item["brand"]] == 0:
                try:
                    run.anchors[item["brand"]] = finish_brand(
                        item["brand"], day, item["shards"], evidence=runtime.evidence()
                    )
                except Exception as exc:  # the brand's anchor failed: reported like a part (shard -1), others go on
                    run.failed[(item["brand"], -1)] = f"anchor: {type(exc).__name__}: {exc}"
        if progress:
            progress(len(run.parts) + len(run.failed), run.events)
        return True

    if min(workers, len(items)) <= 1:  # a pool for one item would only add its start-up
        for item in items:
            while True:
                try:
                    outcome: tuple[dict[str, Any], float] | BaseException = compile_item(item)
                except Exception as exc:  # any failure of one item: retried alone, then reported
                    outcome = exc
                if finished(item, outcome):
                    break
        return run

    import multiprocessing

    # spawn, not fork: a worker must not inherit the parent's open connections (or an embedded server's threads).
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: dict[Future[tuple[dict[str, Any], float]], dict[str, Any]] = {
            pool.submit(compile_item, item): item for item in items
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                item = pending.pop(future)
                error = future.exception()
                if not finished(item, error if error is not None else future.result()):
                    pending[pool.submit(compile_item, item)] = item
    return run


def default_workers() -> int:
    import os

    return max(1, min(4, os.cpu_count() or 1))


def bundle_command(day: str, *, campaign: str | None, brand: str | None, workers: int | None = None) -> int:
    """``optledger bundle``: run the day's plan with a progress bar and print each brand's anchor and bundle parts;
    exit 1 when a part failed (its brand has no anchor: run the command again, done parts are rewritten as they
    were)."""
    from optledger import runtime

    if campaign is not None:
        brand = runtime.campaigns().directory().get(campaign).brand  # a day is written per brand, in parts
    bar: ProgressBar | None = None

    def progress(done: int, events: int) -> None:
        nonlocal bar
        if bar is None:
            bar = ProgressBar(total_items)
        bar(done, events)

    day = check_day(day)
    plan = plan_day(
        day, store=runtime.store(), directory=runtime.campaigns().directory(), brands=[brand] if brand else None
    )
    total_items = sum(b["shards"] for b in plan)
    run = run_day(day, plan=plan, workers=workers or default_workers(), progress=progress)
    if bar is not None:
        bar.done()
    bucket = runtime.evidence().bucket
    for name in sorted({b for b, _ in run.parts} | {b for b, _ in run.failed}):
        anchor = run.anchors.get(name)
        events = sum(p["events"] for (b, _), p in run.parts.items() if b == name)
        where = f"anchor s3://{bucket}/{anchor['anchor']}" if anchor else "NO ANCHOR (a part failed)"
        print(f"{name} {day}: {events} events, {where}")
        for (b, _), part in sorted(run.parts.items()):
            if b != name:
                continue
            for campaign_id, bundle in part["bundles"].items():
                state = "verified" if bundle["verified"] else "CHAIN PROBLEM"
                label = f"{campaign_id}.part-{part['shard']:02d}-of-{part['shards']:02d}"
                print(f"  {label}: {bundle['events']} events ({state}) s3://{bucket}/{bundle['key']}")
        for (b, shard), error in sorted(run.failed.items()):
            if b == name:
                print(f"  {'anchor' if shard < 0 else f'part {shard}'} FAILED: {error}")
    return 0 if run.ok else 1
