"""ConsentChanged (EventBridge) -> the brand's AWS End User Messaging SMS opt-out lists (optledger.eum_sync).

A failed call raises: Lambda retries the event (asynchronous invocation) and, when the retries are spent, sends it to
the failure queue, whose alarm tells someone that AWS and the ledger disagree about a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from optledger import eum_sync, runtime
from optledger.logs import logger
from optledger.observability import count, instrumented
from optledger.phone import mask
from optledger.smsvoice import OptOutLists, SyncFailed

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

METRICS = {"put": "OptOutListPut", "delete": "OptOutListDelete"}


@cache
def lists() -> dict[str, list[eum_sync.OptOutList]]:
    return eum_sync.lists_from_env()


@cache
def opt_out_lists() -> OptOutLists:
    return OptOutLists()


def _report(detail: Mapping[str, Any], actions: list[eum_sync.Action]) -> None:
    for action in actions:
        count(METRICS.get(action.action, "OptOutListAlreadyAbsent"))
    if actions:
        calls = [f"{a.action}:{a.list_name}" for a in actions]
        extra = {"event_id": detail.get("event_id"), "phone": mask(detail.get("phone")), "actions": calls}
        logger.info("opt-out lists synced", extra=extra)


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    detail = event.get("detail") or {}
    try:
        actions = eum_sync.sync(
            detail, lists=lists(), store=runtime.store(), directory=runtime.campaigns().directory(), eum=opt_out_lists()
        )
    except SyncFailed as error:
        count("OptOutSyncFailed")
        extra = {"error": error.message, "brand": detail.get("brand"), "phone": mask(detail.get("phone"))}
        logger.warning("opt-out list sync failed", extra=extra)
        raise
    _report(detail, actions)
    return {"event_id": detail.get("event_id"), "actions": [a.__dict__ for a in actions]}
