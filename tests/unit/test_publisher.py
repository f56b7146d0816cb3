"""Stream records -> EventBridge entries, and what happens when EventBridge refuses some."""

from __future__ import annotations

import copy
import json

import pytest
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from optledger.bus import MAX_ENTRIES, EventBus
from optledger.publisher import CONSENT_CHANGED, REPLY_REQUESTED, entries_for_record, publish
from tests.support.twilio import load_event


class RecordingBus:
    """Accepts entries until ``refuse_at`` (0-based index over every entry sent), then refuses that one."""

    def __init__(self, refuse_at: int | None = None) -> None:
        self.refuse_at = refuse_at
        self.calls: list[list[dict]] = []
        self.accepted: list[dict] = []

    def put_events(self, entries):
        self.calls.append(list(entries))
        results = []
        for entry in entries:
            index = len(self.accepted) + len([r for r in results if r])
            if self.refuse_at is not None and index == self.refuse_at:
                results.append("ThrottlingException")
            else:
                results.append(None)
                self.accepted.append({"DetailType": entry["DetailType"], "Detail": json.loads(entry["Detail"])})
        return results


def telnyx_stop() -> list[dict]:
    return load_event("stream/telnyx_stop.json")["Records"]


def test_a_ledger_event_becomes_consent_changed_without_the_message_text():
    event_record = telnyx_stop()[0]

    [entry] = entries_for_record(DynamoDBRecord(event_record))

    assert entry.detail_type == CONSENT_CHANGED
    assert entry.detail["event_id"] == "01JDEMO0000000000000000001"
    assert entry.detail["type"] == "opt_out" and entry.detail["campaigns"] == ["C7DEALS"]
    assert entry.detail["evidence"] == {"matched": "STOP", "detected_by": "keyword"}
    assert entry.record_id == event_record["dynamodb"]["SequenceNumber"]


def test_a_delivery_with_a_reply_becomes_reply_requested_routed_back_to_the_consumer():
    [entry] = entries_for_record(DynamoDBRecord(telnyx_stop()[2]))

    assert entry.detail_type == REPLY_REQUESTED
    assert entry.detail["to"] == "+14155550123" and entry.detail["from"] == "+18885550100"
    assert entry.detail["provider"] == "telnyx"
    assert entry.detail["provider_message_id"] == "b0e8c3a2-0000-4000-8000-000000000001"
    assert entry.detail["text"].startswith("Acme Deals: you are unsubscribed")


@pytest.mark.parametrize("provider", ["twilio", "plivo"])
def test_providers_that_reply_inline_get_no_reply_requested(provider):
    record = telnyx_stop()[2]
    for image in (record["dynamodb"]["NewImage"], record["dynamodb"]["Keys"]):
        image["pk"]["S"] = image["pk"]["S"].replace("MSG#telnyx#", f"MSG#{provider}#")
    assert entries_for_record(DynamoDBRecord(record)) == []


def test_heads_modifications_and_deliveries_without_reply_yield_nothing():
    head, delivery = telnyx_stop()[1], telnyx_stop()[2]
    modified = copy.deepcopy(telnyx_stop()[0])
    modified["eventName"] = "MODIFY"
    answer = json.loads(delivery["dynamodb"]["NewImage"]["answer"]["S"])
    answer["reply"] = None
    delivery["dynamodb"]["NewImage"]["answer"]["S"] = json.dumps(answer)

    assert entries_for_record(DynamoDBRecord(head)) == []
    assert entries_for_record(DynamoDBRecord(modified)) == []
    assert entries_for_record(DynamoDBRecord(delivery)) == []


def test_a_pending_double_opt_in_with_a_reply_asks_for_the_confirmation_text():
    record = telnyx_stop()[0]
    event = json.loads(record["dynamodb"]["NewImage"]["event"]["S"])
    event.update(
        type="pending",
        channel="web_form",
        source={"ip": "203.0.113.9", "user_agent": "Mozilla/5.0", "page_url": "https://acme.example/join"},
        evidence={"reply": "Acme Deals: reply YES to confirm.", "reply_from": "+18885550100"},
    )
    record["dynamodb"]["NewImage"]["event"]["S"] = json.dumps(event)

    consent_changed, reply = entries_for_record(DynamoDBRecord(record))

    assert consent_changed.detail_type == CONSENT_CHANGED and consent_changed.detail["type"] == "pending"
    assert reply.detail_type == REPLY_REQUESTED
    assert reply.detail["reason"] == "double_opt_in"
    assert reply.detail["to"] == "+14155550123" and reply.detail["from"] == "+18885550100"
    assert reply.detail["text"] == "Acme Deals: reply YES to confirm."


def many_events(count: int) -> list[dict]:
    records = []
    for number in range(count):
        record = copy.deepcopy(telnyx_stop()[0])
        event = json.loads(record["dynamodb"]["NewImage"]["event"]["S"])
        event["event_id"] = f"EVENT{number:04d}"
        record["dynamodb"]["NewImage"]["event"]["S"] = json.dumps(event)
        record["dynamodb"]["SequenceNumber"] = str(1000 + number)
        records.append(record)
    return records


def test_entries_go_out_ten_per_call_in_stream_order():
    bus = RecordingBus()

    outcome = publish(map(DynamoDBRecord, many_events(23)), bus)

    assert [len(call) for call in bus.calls] == [MAX_ENTRIES, MAX_ENTRIES, 3]
    assert [e["Detail"]["event_id"] for e in bus.accepted] == [f"EVENT{n:04d}" for n in range(23)]
    assert outcome.published == 23 and outcome.failed_records == []


def test_the_first_refused_record_and_every_later_one_are_reported_and_later_chunks_are_not_sent():
    bus = RecordingBus(refuse_at=12)

    outcome = publish(map(DynamoDBRecord, many_events(25)), bus)

    assert len(bus.calls) == 2  # the third chunk was never sent
    assert outcome.failed_records == [str(1000 + n) for n in range(12, 25)]
    assert outcome.errors == ["ThrottlingException"]
    assert outcome.published == 19  # 10 + the 9 others of the second chunk EventBridge accepted
    assert outcome.batch_item_failures() == {
        "batchItemFailures": [{"itemIdentifier": r} for r in outcome.failed_records]
    }
    assert not outcome.everything_failed


def test_the_bus_refuses_more_than_ten_entries_per_call():
    with pytest.raises(ValueError, match="at most 10"):
        EventBus("optledger", client=object()).put_events([{"DetailType": "X", "Detail": "{}"}] * 11)
