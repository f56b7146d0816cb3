"""The hash chain of DESIGN section 6: canonical JSON, event hashes and chain verification."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from optledger.digest import sha256_hex

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """Keys sorted, no whitespace, UTF-8 kept as is (no ASCII escaping)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def event_hash(event: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the event without its ``hash`` field."""
    body = {key: value for key, value in event.items() if key != "hash"}
    return sha256_hex(canonical_json(body))


def seal(event: dict[str, Any], prev_hash: str) -> dict[str, Any]:
    """Link ``event`` after ``prev_hash`` and set its hash. Returns the same dict."""
    event["prev_hash"] = prev_hash
    event["hash"] = event_hash(event)
    return event


@dataclass(frozen=True)
class ChainProblem:
    event_id: str | None
    seq: int | None
    reason: str


def verify_chain(events: Iterable[Mapping[str, Any]]) -> ChainProblem | None:
    """Check hashes and links of one (brand, phone) chain given in seq order; return the first problem or None."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for event in events:
        event_id, seq = event.get("event_id"), event.get("seq")
        if seq != expected_seq:
            return ChainProblem(event_id, seq, f"seq {seq} where {expected_seq} was expected")
        if event.get("prev_hash") != expected_prev:
            return ChainProblem(event_id, seq, "prev_hash does not match the previous event's hash")
        if event.get("hash") != event_hash(event):
            return ChainProblem(event_id, seq, "hash does not match the event's content")
        expected_prev = event["hash"]
        expected_seq += 1
    return None
