"""Ledger table stream -> EventBridge: ConsentChanged and ReplyRequested, with partial batch failures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.utilities.data_classes import DynamoDBStreamEvent

from optledger import bus
from optledger.logs import logger
from optledger.observability import count, instrumented
from optledger.publisher import BatchResponse, publish

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext


class NotPublished(Exception):
    """EventBridge refused every record of the batch (a missing bus, say): the invocation fails and Lambda retries."""


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> BatchResponse:
    outcome = publish(DynamoDBStreamEvent(event).records, bus.default())
    count("EventsPublished", outcome.published)
    if outcome.failed_records:
        count("RecordsNotPublished", len(outcome.failed_records))
        logger.warning(
            "records not published", extra={"records": len(outcome.failed_records), "errors": outcome.errors}
        )
    if outcome.everything_failed:
        raise NotPublished(", ".join(outcome.errors) or "no record published")
    return outcome.batch_item_failures()
