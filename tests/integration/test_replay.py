"""`optledger replay QUEUE`: an End User Messaging STOP whose retries failed waits in the webhooks function's
on-failure queue (moto SQS); replaying it records it once, and replaying it again records nothing new."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest

from optledger import inbound, runtime
from optledger.errors import OptLedgerError
from optledger.models import Campaign
from optledger.phone import normalize, normalize_sender
from optledger.providers import PROVIDERS, WebhookRequest
from optledger.providers import sns as sns_provider
from optledger_tools.cli import main
from optledger_tools.replay import ReplayFailed, invocation_record, replay_queue
from tests.support import REPLY_TEXTS
from tests.support.functions import function
from tests.support.ledger_events import append_opt_ins
from tests.support.webhooks import load_sample, sample_now, sns_event

webhooks = function("webhooks")
bundler = function("bundler")
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:optledger-WebhooksFunction-Abc123"
BUNDLER_ARN = "arn:aws:lambda:us-east-1:123456789012:function:optledger-BundlerFunction-Def456"
_queues = itertools.count(1)


def destination_record(event: dict[str, Any], function_arn: str = FUNCTION_ARN) -> str:
    """What Lambda sends to an on-failure destination once an asynchronous invocation's retries are spent."""
    return json.dumps(
        {
            "version": "1.0",
            "timestamp": "2026-11-28T10:00:00.000Z",
            "requestContext": {
                "requestId": "6a2c1f7e-0000-4000-8000-000000000000",
                "functionArn": f"{function_arn}:$LATEST",
                "condition": "RetriesExhausted",
                "approximateInvokeCount": 3,
            },
            "requestPayload": event,
            "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
            "responsePayload": {"errorMessage": "storage unavailable", "errorType": "StorageUnavailable"},
        }
    )


@pytest.fixture
def stop(env, monkeypatch):
    """The recorded End User Messaging STOP, its number on a campaign, the clock at the sample's time."""
    sample = load_sample("sns")
    monkeypatch.setattr(inbound, "clock", lambda: sample_now(sample))
    monkeypatch.setattr(sns_provider, "CERTIFICATES", dict(sample["certificates"]))
    request = WebhookRequest(sample["method"], sample["url"], sample["headers"], sample["body"].encode())
    [message] = PROVIDERS["sns"].parse(request)
    runtime.campaigns().put(
        Campaign.from_dict(
            {
                "id": "CSNS",
                "brand": "acme",
                "name": "sns",
                "purpose": "informational",
                "senders": [normalize_sender(message.recipient)],
                **REPLY_TEXTS,
                "opt_out_text": "Acme: unsubscribed.",
            }
        )
    )
    return sns_event(sample), normalize(message.sender)


@pytest.fixture
def queue(aws):
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName=f"webhooks-failures-{next(_queues)}")["QueueUrl"]
    yield sqs, url
    sqs.delete_queue(QueueUrl=url)


def in_process(lambda_context):
    """Lambda's invoke, here: the webhooks handler of the checkout; an exception is the function failing again."""
    invoked: list[str] = []

    def invoke(function_arn, payload):
        invoked.append(function_arn)
        try:
            webhooks.lambda_handler(dict(payload), lambda_context)
        except OptLedgerError as error:
            raise ReplayFailed(f"webhooks failed again: {error.code}") from error

    return invoke, invoked


def depth(sqs, url) -> int:
    attributes = sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(attributes["ApproximateNumberOfMessagesNotVisible"])


def test_a_failed_stop_replayed_is_recorded_once_and_leaves_the_queue(env, stop, queue, lambda_context):
    event, phone = stop
    sqs, url = queue
    sqs.send_message(QueueUrl=url, MessageBody=destination_record(event))
    invoke, invoked = in_process(lambda_context)

    result = replay_queue(url, sqs=sqs, invoke=invoke)

    assert (result.replayed, result.failed, result.skipped) == (1, 0, 0)
    assert invoked == [FUNCTION_ARN]  # the function itself, not the version that failed
    [recorded] = env.events("acme", phone)
    assert recorded["type"] == "opt_out"
    assert depth(sqs, url) == 0


def test_replaying_the_same_failure_twice_still_records_it_once(env, stop, queue, lambda_context):
    event, phone = stop
    sqs, url = queue
    invoke, _ = in_process(lambda_context)
    sqs.send_message(QueueUrl=url, MessageBody=destination_record(event))
    replay_queue(url, sqs=sqs, invoke=invoke)
    first = env.ledger_items()

    sqs.send_message(QueueUrl=url, MessageBody=destination_record(event))  # the same failure, kept twice
    again = replay_queue(url, sqs=sqs, invoke=invoke)

    assert again.replayed == 1
    assert len(env.events("acme", phone)) == 1
    assert env.ledger_items() == first  # nothing new, not even a delivery record
    assert depth(sqs, url) == 0


def test_a_replay_that_fails_again_leaves_the_event_in_the_queue_and_writes_nothing(
    env, stop, queue, lambda_context, monkeypatch
):
    event, _ = stop
    sqs, url = queue
    sqs.send_message(QueueUrl=url, MessageBody=destination_record(event))
    invoke, _ = in_process(lambda_context)
    monkeypatch.setenv("OPTLEDGER_TABLE", "no-such-table")  # DynamoDB still unavailable
    runtime.reset()

    result = replay_queue(url, sqs=sqs, invoke=invoke)

    assert (result.replayed, result.failed) == (0, 1)
    assert "failed again" in result.errors[0]
    assert depth(sqs, url) == 1


def test_only_invocation_records_are_replayed():
    assert invocation_record("not json") is None
    assert invocation_record(json.dumps({"Records": []})) is None  # a raw event, not a destination record
    assert invocation_record(json.dumps({"requestContext": {"functionArn": "x"}, "requestPayload": {}})) is None
    arn, payload = invocation_record(destination_record({"time": "2026-11-28T01:30:00Z"}))
    assert (arn, payload) == (FUNCTION_ARN, {"time": "2026-11-28T01:30:00Z"})


def test_the_command_leaves_what_it_cannot_replay_and_says_so(aws, queue, capsys):
    sqs, url = queue
    sqs.send_message(QueueUrl=url, MessageBody="a message a person put here")

    assert main(["replay", url.rsplit("/", 1)[-1]]) == 1  # by name

    assert "0 replayed, 0 failed again (left in the queue), 1 not replayable" in capsys.readouterr().out
    assert depth(sqs, url) == 1


def test_a_failed_daily_run_replayed_days_later_compiles_its_own_day_and_replays_again_safely(
    env, queue, lambda_context, monkeypatch
):
    monkeypatch.setattr(runtime.ledger(), "clock", lambda: datetime(2026, 11, 27, 15, 0, tzinfo=UTC))
    append_opt_ins(runtime.ledger(), "2026-11-27", tag="REPLAY")
    sqs, url = queue
    # The schedule passes its own time (template: Input), so the run knows its day whenever it is replayed.
    record = destination_record({"time": "2026-11-28T01:30:00Z"}, BUNDLER_ARN)

    def invoke(function_arn, payload):
        assert function_arn == BUNDLER_ARN
        bundler.lambda_handler(dict(payload), lambda_context)

    def anchor() -> dict:
        body = env.s3.get_object(Bucket=env.bucket, Key="anchors/acme/2026-11-27.json")["Body"].read()
        return json.loads(body)

    sqs.send_message(QueueUrl=url, MessageBody=record)
    assert replay_queue(url, sqs=sqs, invoke=invoke).replayed == 1
    first = anchor()
    assert first["merkle"]["count"] == 3

    sqs.send_message(QueueUrl=url, MessageBody=record)
    assert replay_queue(url, sqs=sqs, invoke=invoke).replayed == 1
    assert anchor()["merkle"] == first["merkle"]  # the same day, the same events, the same root
    assert depth(sqs, url) == 0
