"""The daily evidence run (EventBridge Scheduler): bundles and anchor of the previous UTC day for every brand, and the
count of unclear replies waiting past half their FCC deadline (metric ``ReviewsPastHalfDeadline``, alarmed)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import review_deadlines, runtime
from optledger.evidence import compile_day, previous_utc_day
from optledger.logs import logger
from optledger.observability import gauge, instrumented


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """``{"date": "YYYY-MM-DD"}`` re-runs a given day; otherwise the day before the scheduled time (or now)."""
    scheduled = event.get("time")
    now = datetime.fromisoformat(scheduled.replace("Z", "+00:00")) if isinstance(scheduled, str) else None
    day = event.get("date") or previous_utc_day(now)
    results = compile_day(
        day, store=runtime.store(), evidence=runtime.evidence(), directory=runtime.campaigns().directory()
    )
    summary = {r.brand: {"events": r.events, "bundles": len(r.bundles), "anchor": r.anchor_key} for r in results}
    logger.info("daily evidence written", extra={"day": day, "brands": summary})
    late = review_deadlines.count_all_past_half_deadline(
        store=runtime.store(), directory=runtime.campaigns().directory()
    )
    gauge("ReviewsPastHalfDeadline", late)
    return {"day": day, "brands": summary, "reviews_past_half_deadline": late}
