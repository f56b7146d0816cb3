"""Replaying the events a function failed on: ``optledger replay QUEUE``.

The webhooks function (End User Messaging SMS arriving through SNS) and the bundler are invoked asynchronously; an
event still failing after Lambda's retries goes to the function's on-failure destination, an SQS queue, as an
invocation record (``requestContext.functionArn``, ``requestPayload``: the original event). Replaying invokes that
function again with that event and deletes the message once the invocation succeeded. This is safe to repeat:
a delivery already recorded is recognised by its provider message id and records nothing new, and a daily run of a
day already written rewrites nothing.

Clients are given (``sqs`` and a Lambda ``invoke`` callable), so tests and the command line choose the backend.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from optledger.errors import OptLedgerError

# Long enough for a bundler run (15 minutes) to finish before the message could be received again.
VISIBILITY_SECONDS = 960


class ReplayFailed(OptLedgerError):
    status, code = 502, "replay_failed"


@dataclass
class ReplayResult:
    replayed: int = 0
    failed: int = 0
    skipped: int = 0  # not an invocation record: left in the queue for a person
    errors: list[str] = field(default_factory=list)


Invoke = Callable[[str, Mapping[str, Any]], None]


def invocation_record(body: str) -> tuple[str, Mapping[str, Any]] | None:
    """(function ARN without qualifier, original event) of an on-failure destination record, else None."""
    try:
        record = json.loads(body)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    context, payload = record.get("requestContext"), record.get("requestPayload")
    if not isinstance(context, dict) or not isinstance(payload, dict):
        return None
    arn = context.get("functionArn")
    if not isinstance(arn, str) or ":function:" not in arn:
        return None
    # "...:function:name:$LATEST" -> "...:function:name": replay runs the code deployed now.
    base, _, name = arn.partition(":function:")
    return f"{base}:function:{name.split(':')[0]}", payload


def lambda_invoker(client: Any) -> Invoke:
    """Invoke with a boto3 Lambda client and wait: a function error raises ReplayFailed."""

    def invoke(function_arn: str, payload: Mapping[str, Any]) -> None:
        try:
            response = client.invoke(
                FunctionName=function_arn, InvocationType="RequestResponse", Payload=json.dumps(payload).encode()
            )
        except client.exceptions.ClientError as error:  # not allowed, function gone, throttled: say which
            raise ReplayFailed(f"could not invoke {function_arn.rsplit(':', 1)[-1]}: {error}") from error
        if response.get("FunctionError"):
            detail = response["Payload"].read().decode("utf-8", "replace")[:300]
            raise ReplayFailed(f"{function_arn.rsplit(':', 1)[-1]} failed again: {detail}")

    return invoke


def replay_queue(
    queue_url: str,
    *,
    sqs: Any,
    invoke: Invoke,
    limit: int | None = None,
    progress: Callable[[ReplayResult], None] | None = None,
) -> ReplayResult:
    """Replay every message of the queue once (up to ``limit``); a message that fails again stays in the queue."""
    result = ReplayResult()
    seen: set[str] = set()
    while limit is None or result.replayed + result.failed + result.skipped < limit:
        response = sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=10, VisibilityTimeout=VISIBILITY_SECONDS, WaitTimeSeconds=0
        )
        messages = [m for m in response.get("Messages", []) if m["MessageId"] not in seen]
        if not messages:
            break
        for message in messages:
            seen.add(message["MessageId"])  # a message left in the queue is not tried twice in one run
            record = invocation_record(message.get("Body", ""))
            if record is None:
                result.skipped += 1
                continue
            function_arn, payload = record
            try:
                invoke(function_arn, payload)
            except OptLedgerError as error:
                result.failed += 1
                result.errors.append(error.message)
                continue
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
            result.replayed += 1
            if progress:
                progress(result)
    return result
