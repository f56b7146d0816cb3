"""From the ledger table's stream to EventBridge: ``ConsentChanged`` and ``ReplyRequested``.

- every new ledger event (``EVENT#`` item) becomes ``ConsentChanged``, the event itself as detail (the consumer's
  message text is left out: it stays in the ledger);
- a new delivery (``MSG`` item) whose answer carries a reply becomes ``ReplyRequested`` — except for providers that
  got the reply inline in the webhook response (Twilio TwiML, Plivo XML), which would otherwise text it twice;
- a pending double opt-in whose evidence carries a ``reply`` (the "reply YES to confirm" text) becomes
  ``ReplyRequested`` too.

Records are published in stream order, ten entries per PutEvents call. At the first entry EventBridge refuses, the
rest of the batch is not sent: that record and every later one are reported failed (``Outcome.batch_item_failures``,
the function's answer), so Lambda retries from there (DynamoDB streams resume at the lowest failed sequence number)
and nothing is published out of order. Delivery is at least once: consumers deduplicate on ``detail.event_id``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict

from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord, DynamoDBRecordEventName

from optledger.bus import MAX_ENTRIES
from optledger.keys import delivery_of, is_delivery, is_ledger_event

CONSENT_CHANGED = "ConsentChanged"
REPLY_REQUESTED = "ReplyRequested"
INLINE_REPLY_PROVIDERS = frozenset({"twilio", "plivo"})


class Bus(Protocol):
    def put_events(self, entries: Sequence[Mapping[str, Any]]) -> list[str | None]: ...


@dataclass(frozen=True)
class Entry:
    record_id: str  # the stream record's sequence number (the batch item identifier)
    detail_type: str
    detail: dict[str, Any]

    def as_request(self) -> dict[str, str]:
        return {
            "DetailType": self.detail_type,
            "Detail": json.dumps(self.detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        }


class ItemFailure(TypedDict):
    itemIdentifier: str


class BatchResponse(TypedDict):
    batchItemFailures: list[ItemFailure]


@dataclass
class Outcome:
    records: int = 0
    published: int = 0
    failed_records: list[str] = field(default_factory=list)  # in stream order
    errors: list[str] = field(default_factory=list)  # EventBridge error codes seen

    @property
    def everything_failed(self) -> bool:
        return bool(self.failed_records) and len(self.failed_records) == self.records

    def batch_item_failures(self) -> BatchResponse:
        """Lambda's partial batch response: the stream resumes at the first failed record."""
        return {"batchItemFailures": [{"itemIdentifier": record_id} for record_id in self.failed_records]}


def _record_id(record: DynamoDBRecord) -> str:
    return (record.dynamodb.sequence_number if record.dynamodb else None) or ""


def _value(image: Mapping[str, Any], name: str) -> str | None:
    value = image.get(name)
    return None if value is None else str(value)


def entries_for_record(record: DynamoDBRecord) -> list[Entry]:
    """The EventBridge entries one stream record yields (none for heads, campaigns, updates and removals)."""
    if record.event_name is not DynamoDBRecordEventName.INSERT or record.dynamodb is None:
        return []
    record_id = _record_id(record)
    image = record.dynamodb.new_image
    pk, sk = _value(image, "pk") or "", _value(image, "sk") or ""
    if is_ledger_event(pk, sk):
        return _ledger_event_entries(record_id, json.loads(_value(image, "event") or "{}"))
    if is_delivery(pk, sk):
        entry = _delivery_entry(record_id, pk, image)
        return [entry] if entry else []
    return []


def _ledger_event_entries(record_id: str, event: dict[str, Any]) -> list[Entry]:
    evidence = {k: v for k, v in (event.get("evidence") or {}).items() if k != "text"}
    detail = {**event, "evidence": evidence}
    entries = [Entry(record_id, CONSENT_CHANGED, detail)]
    reply = evidence.get("reply")
    if event.get("type") == "pending" and reply:
        source = event.get("source") or {}
        entries.append(
            Entry(
                record_id,
                REPLY_REQUESTED,
                {
                    "reason": "double_opt_in",
                    "event_id": event.get("event_id"),
                    "brand": event.get("brand"),
                    "campaigns": event.get("campaigns", []),
                    "to": event.get("phone"),
                    "from": evidence.get("reply_from") or source.get("to"),
                    "provider": source.get("provider"),
                    "text": reply,
                },
            )
        )
    return entries


def _delivery_entry(record_id: str, pk: str, image: Mapping[str, Any]) -> Entry | None:
    provider, message_id = delivery_of(pk)
    if provider in INLINE_REPLY_PROVIDERS:
        return None
    answer = json.loads(_value(image, "answer") or "{}")
    reply = answer.get("reply")
    if not reply:
        return None
    return Entry(
        record_id,
        REPLY_REQUESTED,
        {
            "reason": answer.get("action") or "reply",
            "event_id": answer.get("event_id") or _value(image, "event_id"),
            "brand": _value(image, "brand"),
            "to": _value(image, "phone"),
            "from": _value(image, "to"),
            "provider": provider,
            "provider_message_id": message_id,
            "text": reply,
        },
    )


def publish(records: Iterable[DynamoDBRecord], bus: Bus) -> Outcome:
    """Publish the entries of ``records`` in order; stop at the first refused entry (see the module docstring)."""
    records = list(records)
    order = [_record_id(r) for r in records]
    entries = [entry for record in records for entry in entries_for_record(record)]
    outcome = Outcome(records=len(records))
    for start in range(0, len(entries), MAX_ENTRIES):
        chunk = entries[start : start + MAX_ENTRIES]
        results = bus.put_events([entry.as_request() for entry in chunk])
        refused = next((i for i, error in enumerate(results) if error), None)
        if refused is None:
            outcome.published += len(chunk)
            continue
        outcome.published += sum(1 for error in results if not error)
        outcome.errors = sorted({error for error in results if error})
        first_failed = order.index(chunk[refused].record_id)
        outcome.failed_records = order[first_failed:]
        break
    return outcome
