"""Ledger table stream -> EventBridge: ConsentChanged and ReplyRequested, with partial batch failures."""

from __future__ import annotations

import os
from typing import Any

from aws_lambda_powertools import Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from optledger import bus
from optledger.http import logger
from optledger.publisher import publish

tracer = Tracer()
metrics = Metrics(namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or "OptLedger")
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


class NotPublished(Exception):
    """EventBridge refused this record's entry (or one before it): the stream delivers it again."""


@metrics.log_metrics
@tracer.capture_lambda_handler
@logger.inject_lambda_context
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
