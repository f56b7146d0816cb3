"""ConsentChanged (EventBridge) -> the brand's AWS End User Messaging SMS opt-out lists (optledger.eum_sync).

A failed call raises: Lambda retries the event (asynchronous invocation) and, when the retries are spent, sends it to
the failure queue, whose alarm tells someone that AWS and the ledger disagree about a number.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import eum_sync, runtime
from optledger.http import logger
from optledger.observability import count, instrumented
from optledger.phone import mask
from optledger.smsvoice import OptOutLists, SyncFailed


@cache
def lists() -> dict[str, list[eum_sync.OptOutList]]:
    return eum_sync.lists_from_env()


@cache
def opt_out_lists() -> OptOutLists:
    return OptOutLists()


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    detail = event.get("detail") or {}
    try:
        actions = eum_sync.sync(
            detail,
            lists=lists(),
            store=runtime.store(),
            directory=runtime.campaigns().directory(),
            eum=opt_out_lists(),
        )
    except SyncFailed as error:
        count("OptOutSyncFailed")
        logger.warning(
            "opt-out list sync failed",
            extra={"error": error.message, "brand": detail.get("brand"), "phone": mask(detail.get("phone"))},
        )
        raise
    for action in actions:
        count({"put": "OptOutListPut", "delete": "OptOutListDelete"}.get(action.action, "OptOutListAlreadyAbsent"))
    if actions:
        logger.info(
            "opt-out lists synced",
            extra={
                "event_id": detail.get("event_id"),
                "phone": mask(detail.get("phone")),
                "actions": [f"{a.action}:{a.list_name}" for a in actions],
            },
        )
    return {"event_id": detail.get("event_id"), "actions": [a.__dict__ for a in actions]}
