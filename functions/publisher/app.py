"""Ledger table stream -> EventBridge: ConsentChanged and ReplyRequested, with partial batch failures."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import bus
from optledger.logs import logger
from optledger.observability import instrumented, metrics
from optledger.publisher import publish

processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


class NotPublished(Exception):
    """EventBridge refused this record's entry (or one before it): the stream delivers it again."""


@instrumented()
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    outcome = publish(event.get("Records") or [], bus.default())
    metrics.add_metric(name="EventsPublished", unit=MetricUnit.Count, value=outcome.published)
    if outcome.failed_records:
        metrics.add_metric(name="RecordsNotPublished", unit=MetricUnit.Count, value=len(outcome.failed_records))
        logger.warning(
            "records not published", extra={"records": len(outcome.failed_records), "errors": outcome.errors}
        )
    failed = set(outcome.failed_records)

    def record_handler(record: DynamoDBRecord) -> None:
        if record.dynamodb is not None and record.dynamodb.sequence_number in failed:
            raise NotPublished(record.dynamodb.sequence_number)

    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
