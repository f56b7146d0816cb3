"""The hash chain of DESIGN section 6: canonical JSON, event hashes and the one chain checker (stored chains and
bundles alike)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from optledger.digest import sha256_hex

GENESIS_HASH = "0" * 64
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


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
    order: bool = False  # out of chain order, or no usable phone/seq/hash: the event cannot be placed in a chain


class ChainChecker:
    """Streaming check of events in chain order (phone ascending, then seq ascending). Every event hash is recomputed;
    ``prev_hash`` is checked against genesis for seq 1 and against the previous event when both seqs are present.
    ``complete=True`` (number bundles, a stored chain) also requires every chain to start at seq 1 with no gap.
    ``one_chain=True`` takes every event as the same phone's (its ``phone`` field is not looked at).
    ``on_head(phone, seq, hash)`` is called when a phone's last event has gone by."""

    def __init__(
        self,
        *,
        complete: bool,
        one_chain: bool = False,
        on_head: Callable[[str, int, str], None] | None = None,
    ) -> None:
        self.complete = complete
        self.one_chain = one_chain
        self.on_head = on_head
        self._last: tuple[str, int, str] | None = None

    def check(self, event: Mapping[str, Any]) -> ChainProblem | None:
        phone = "" if self.one_chain else event.get("phone")
        seq, hash_, prev = event.get("seq"), event.get("hash"), event.get("prev_hash")
        if not isinstance(phone, str) or not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            return _problem(event, "phone or seq missing or malformed", order=True)
        if not isinstance(hash_, str) or not _HEX64.match(hash_) or not isinstance(prev, str):
            return _problem(event, "hash or prev_hash missing or malformed", order=True)
        last = self._last
        if last is not None and (phone, seq) <= last[:2]:
            return _problem(event, "out of chain order (phone, then seq ascending)", order=True)
        same_phone = last is not None and last[0] == phone
        if last is not None and not same_phone and self.on_head:
            self.on_head(*last)
        self._last = (phone, seq, hash_)
        if hash_ != event_hash(event):
            return _problem(event, "hash does not match the event's content")
        if self.complete and seq != (last[1] + 1 if same_phone and last else 1):
            return _problem(event, "the chain is not complete from seq 1: a seq is missing")
        if seq == 1 and prev != GENESIS_HASH:
            return _problem(event, "seq 1 does not link to the genesis hash")
        if same_phone and last and seq == last[1] + 1 and prev != last[2]:
            return _problem(event, "prev_hash does not match the previous event's hash")
        return None

    def finish(self) -> None:
        if self._last is not None and self.on_head:
            self.on_head(*self._last)
            self._last = None


def _problem(event: Mapping[str, Any], reason: str, *, order: bool = False) -> ChainProblem:
    event_id, seq = event.get("event_id"), event.get("seq")
    return ChainProblem(
        None if event_id is None else str(event_id), seq if isinstance(seq, int) else None, reason, order
    )


def verify_chain(events: Iterable[Mapping[str, Any]]) -> ChainProblem | None:
    """Check hashes and links of one (brand, phone) chain given in seq order, complete from seq 1; return the first
    problem or None."""
    checker = ChainChecker(complete=True, one_chain=True)
    for event in events:
        if (problem := checker.check(event)) is not None:
            return problem
    return None
