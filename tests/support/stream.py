"""DynamoDB stream events as Lambda delivers them, built from items read back from the table."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

STREAM_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/ledger/stream/2026-11-28T00:00:00.000"
_sequence = itertools.count(4_000_000_000_000_000_000_001)


def stream_record(item: Mapping[str, Any], *, event_name: str = "INSERT") -> dict[str, Any]:
    """One Lambda stream record (NEW_IMAGE view) for a DynamoDB-JSON item."""
    return {
        "eventID": f"{next(_sequence) % 10**9:032x}",
        "eventName": event_name,
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-1",
        "dynamodb": {
            "ApproximateCreationDateTime": 1795860000,
            "Keys": {"pk": item["pk"], "sk": item["sk"]},
            "NewImage": dict(item),
            "SequenceNumber": str(next(_sequence)),
            "SizeBytes": 512,
            "StreamViewType": "NEW_IMAGE",
        },
        "eventSourceARN": STREAM_ARN,
    }


def stream_event(items: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A stream event whose records are the items in the given order (the order DynamoDB wrote them)."""
    return {"Records": [stream_record(item) for item in items]}


def write_order(items: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Items of one append in the order of its transaction: event, head, delivery."""
    rank = {"EVENT": 0, "HEAD": 1, "MSG": 2}
    return sorted(items, key=lambda i: (rank.get(i["sk"]["S"].split("#")[0], 3), i["sk"]["S"]))
