"""The daily evidence run: the tasks of the DailyEvidence state machine, and the whole run in one invocation. The plan
also counts the unclear replies waiting past half their FCC deadline (metric ``ReviewsPastHalfDeadline``, alarmed).

The state machine (template.yaml) invokes this function with ``{"step": ...}``:

- ``plan``   ``{"time"?, "date"?}`` -> the day's work items written to the bucket for the Map state to read;
- ``part``   ``{"brand", "day", "shard", "shards", "merged"}`` -> one (brand, shard) compiled into its bundle parts;
- ``finish`` ``{"brand", "day", "shards"}`` -> the brand's anchor over its parts' roots (PartsMissing until all exist).

Without a step (a manual invocation), the whole plan runs here, sequentially: fine for a small deployment or a
re-run of one brand (``{"date", "brands": [...]}``), bounded by the 15 minutes of one invocation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from optledger import review_deadlines, runtime
from optledger.evidence import (
    compile_part,
    finish_brand,
    plan_day,
    plan_key,
    previous_utc_day,
    retain_until,
    work_items,
)
from optledger.logs import logger
from optledger.observability import gauge, instrumented
from optledger.timeutil import parse_ts, utcnow

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext


def _day(event: dict[str, Any]) -> str:
    """``date`` when given; otherwise the UTC day before the scheduled time (or now)."""
    scheduled = event.get("time")
    now = parse_ts(scheduled, field="time") if isinstance(scheduled, str) else None
    return event.get("date") or previous_utc_day(now)


def plan_step(event: dict[str, Any]) -> dict[str, Any]:
    """The execution's input (``{"time"}`` from the schedule, or ``{"date", "brands"?}`` by hand) -> the keys of
    the day's work items and brands, written to the bucket: a state's input is limited to 256 KB, a plan is not."""
    execution_input = event.get("input")
    given: dict[str, Any] = execution_input if isinstance(execution_input, dict) else event
    day = _day(given)
    plan = plan_day(day, store=runtime.store(), directory=runtime.campaigns().directory(), brands=given.get("brands"))
    keep = retain_until(utcnow(), 1)
    parts_key, brands_key = plan_key(day, "parts"), plan_key(day, "brands")
    runtime.evidence().put_json(parts_key, work_items(day, plan), retain_until=keep)
    brands = [{"brand": b["brand"], "day": day, "shards": b["shards"]} for b in plan]
    runtime.evidence().put_json(brands_key, brands, retain_until=keep)
    logger.info("daily evidence planned", extra={"day": day, "brands": len(plan)})
    late = count_late_reviews()
    return {"day": day, "parts_key": parts_key, "brands_key": brands_key, "brands": len(plan), "late_reviews": late}


def count_late_reviews() -> int:
    """Unclear replies still undecided past half their FCC deadline, once a day (metric, alarmed in the template)."""
    directory = runtime.campaigns().directory()
    late = review_deadlines.count_all_past_half_deadline(store=runtime.store(), directory=directory)
    gauge("ReviewsPastHalfDeadline", late)
    return late


def part_step(event: dict[str, Any]) -> dict[str, Any]:
    summary = compile_part(
        event["brand"],
        event["day"],
        int(event["shard"]),
        int(event["shards"]),
        merged=bool(event.get("merged")),
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
    )
    logger.info("daily evidence part written", extra={k: summary[k] for k in ("brand", "day", "shard", "events")})
    return {k: summary[k] for k in ("brand", "day", "shard", "shards", "key", "events")}


def finish_step(event: dict[str, Any]) -> dict[str, Any]:
    result = finish_brand(event["brand"], event["day"], int(event["shards"]), evidence=runtime.evidence())
    logger.info("daily anchor written", extra=result)
    return result


STEPS = {"plan": plan_step, "part": part_step, "finish": finish_step}


def whole_day(event: dict[str, Any]) -> dict[str, Any]:
    day = _day(event)
    plan = plan_day(day, store=runtime.store(), directory=runtime.campaigns().directory(), brands=event.get("brands"))
    events: dict[str, int] = {}
    for item in work_items(day, plan):
        events[item["brand"]] = events.get(item["brand"], 0) + part_step(item)["events"]
    brands = {}
    for brand in plan:
        anchor = finish_step({"brand": brand["brand"], "day": day, "shards": brand["shards"]})
        brands[brand["brand"]] = {
            "events": events.get(brand["brand"], 0),
            "parts": brand["shards"],
            "anchor": anchor["anchor"],
        }
    logger.info("daily evidence written", extra={"day": day, "brands": len(brands)})
    return {"day": day, "brands": brands, "late_reviews": count_late_reviews()}


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    step = event.get("step")
    if step is None:
        return whole_day(event)
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}: one of {sorted(STEPS)}")
    return STEPS[step](event)
