"""The publisher end to end: ledger writes -> stream records -> the publisher function -> EventBridge (moto)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest

import optledger.bus
from optledger import runtime
from optledger.bus import EventBus
from optledger.inbound import record_message
from optledger.ledger import Draft
from optledger.providers import InboundMessage
from tests.support.functions import function
from tests.support.stream import stream_event, write_order
from tests.support.twilio import load_event

publisher = function("publisher")
webhooks = function("webhooks")


@dataclass
class Bus:
    name: str
    queue_url: str

    def received(self) -> list[dict[str, Any]]:
        sqs = boto3.client("sqs")
        messages: list[dict[str, Any]] = []
        while batch := sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get("Messages", []):
            messages += [json.loads(m["Body"]) for m in batch]
            sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)],
            )
        return messages


@pytest.fixture
def bus(env, monkeypatch) -> Iterator[Bus]:
    """An EventBridge bus whose rule forwards every optledger event to a queue we can read."""
    name = f"optledger-{env.table}"
    events, sqs = boto3.client("events"), boto3.client("sqs")
    events.create_event_bus(Name=name)
    queue_url = sqs.create_queue(QueueName=name)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    events.put_rule(Name="all", EventBusName=name, EventPattern=json.dumps({"source": ["optledger"]}))
    events.put_targets(Rule="all", EventBusName=name, Targets=[{"Id": "queue", "Arn": queue_arn}])
    monkeypatch.setenv("OPTLEDGER_EVENT_BUS", name)
    runtime.reset()
    yield Bus(name, queue_url)
    events.remove_targets(Rule="all", EventBusName=name, Ids=["queue"])
    events.delete_rule(Name="all", EventBusName=name)
    events.delete_event_bus(Name=name)
    sqs.delete_queue(QueueUrl=queue_url)


def test_a_twilio_stop_publishes_consent_changed_and_no_reply(env, bus, lambda_context):
    webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    [event] = env.events("acme", "+14155550123")

    result = publisher.lambda_handler(stream_event(write_order(env.ledger_items())), lambda_context)

    assert result == {"batchItemFailures": []}
    [message] = bus.received()  # Twilio got its confirmation inline (TwiML): no ReplyRequested
    assert message["source"] == "optledger" and message["detail-type"] == "ConsentChanged"
    assert message["detail"]["event_id"] == event["event_id"]
    assert message["detail"]["hash"] == event["hash"]
    assert "text" not in message["detail"]["evidence"]


def test_a_provider_without_inline_replies_gets_reply_requested(env, bus, lambda_context):
    message = InboundMessage(
        sender="+14155550123", recipient="+18885550100", text="STOP", provider="telnyx", message_id="telnyx-msg-1"
    )
    answer = record_message(
        message,
        ledger=runtime.ledger(),
        directory=runtime.campaigns().directory(),
        received_at="2026-11-28T10:00:00.000Z",
    )

    result = publisher.lambda_handler(stream_event(write_order(env.ledger_items())), lambda_context)

    assert result == {"batchItemFailures": []}
    by_type = {m["detail-type"]: m["detail"] for m in bus.received()}
    assert set(by_type) == {"ConsentChanged", "ReplyRequested"}
    reply = by_type["ReplyRequested"]
    assert reply["to"] == "+14155550123" and reply["from"] == "+18885550100"
    assert reply["provider"] == "telnyx" and reply["provider_message_id"] == "telnyx-msg-1"
    assert reply["text"] == answer["reply"] and reply["event_id"] == answer["event_id"]


def test_a_pending_double_opt_in_asks_for_confirmation(env, bus, lambda_context):
    runtime.ledger().append(
        Draft(
            brand="acme",
            phone="+14155550123",
            type="pending",
            campaigns=("C7DEALS",),
            channel="web_form",
            occurred_at="2026-11-28T10:00:00.000Z",
            source={"ip": "203.0.113.9", "user_agent": "Mozilla/5.0", "page_url": "https://acme.example/join"},
            evidence={"reply": "Acme Deals: reply YES to confirm.", "reply_from": "+18885550100"},
            tier="express_written",
        )
    )

    publisher.lambda_handler(stream_event(write_order(env.ledger_items())), lambda_context)

    [reply] = [m["detail"] for m in bus.received() if m["detail-type"] == "ReplyRequested"]
    assert reply["reason"] == "double_opt_in" and reply["to"] == "+14155550123"
    assert reply["text"] == "Acme Deals: reply YES to confirm."


class RefusingAfter:
    """A real bus that starts refusing after ``accept`` entries (as EventBridge does when throttled)."""

    def __init__(self, real: EventBus, accept: int) -> None:
        self.real, self.left = real, accept

    def put_events(self, entries):
        accepted, self.left = entries[: self.left], max(0, self.left - len(entries))
        return self.real.put_events(accepted) + ["ThrottlingException"] * (len(entries) - len(accepted))


def test_records_not_published_are_reported_as_batch_item_failures(env, bus, lambda_context, monkeypatch):
    for number in range(3):
        record_message(
            InboundMessage(f"+1415555010{number}", "+18885550100", "STOP", "telnyx", f"m-{number}"),
            ledger=runtime.ledger(),
            directory=runtime.campaigns().directory(),
            received_at="2026-11-28T10:00:00.000Z",
        )
    event = stream_event(write_order(env.ledger_items()))
    monkeypatch.setattr(optledger.bus, "default", functools.cache(lambda: RefusingAfter(EventBus(bus.name), accept=2)))

    result = publisher.lambda_handler(event, lambda_context)

    entry_records = [r for r in event["Records"] if r["dynamodb"]["Keys"]["sk"]["S"] != "HEAD"]
    sequence = [r["dynamodb"]["SequenceNumber"] for r in event["Records"]]
    failed = [f["itemIdentifier"] for f in result["batchItemFailures"]]
    third_entry_record = entry_records[2]["dynamodb"]["SequenceNumber"]
    assert failed == sequence[sequence.index(third_entry_record) :]
    assert len(bus.received()) == 2


def test_a_bus_that_does_not_exist_fails_the_whole_batch(env, lambda_context, monkeypatch):
    webhooks.lambda_handler(load_event("api/twilio_stop.json"), lambda_context)
    event = stream_event(write_order([i for i in env.ledger_items() if i["sk"]["S"].startswith("EVENT#")]))
    monkeypatch.setenv("OPTLEDGER_EVENT_BUS", "no-such-bus")
    runtime.reset()

    with pytest.raises(publisher.NotPublished):
        publisher.lambda_handler(event, lambda_context)
