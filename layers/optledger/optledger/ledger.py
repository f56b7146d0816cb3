"""The ledger: appending immutable, hash-chained consent events and moving the consent state with them."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from optledger import consent
from optledger.chain import GENESIS_HASH, canonical_json, seal
from optledger.consent import ChainState
from optledger.errors import StorageUnavailable
from optledger.ids import new_ulid
from optledger.store import AlreadyDelivered, BatchNotWritten, ChainRaceLost, Head, Store
from optledger.timeutil import format_ts, utcnow
from optledger.types import LedgerEvent, ReviewEntry

MAX_APPEND_ATTEMPTS = 25


@dataclass(frozen=True)
class Draft:
    """An event before it has a place in a chain."""

    brand: str
    phone: str
    type: str
    campaigns: tuple[str, ...]
    channel: str
    occurred_at: str
    source: Mapping[str, Any]
    evidence: Mapping[str, Any] = field(default_factory=dict)
    tier: str | None = None
    brand_scope: bool = False  # an opt-out that covers every campaign of the brand, present and future
    tiers: Mapping[str, str] = field(default_factory=dict)  # the tier an opt-in records per campaign
    review: bool = False  # queue the event for a person to read (an unclear reply)


@dataclass(frozen=True)
class Appended:
    """What ``Ledger.append`` did: the sealed event and the consent state after it, or (``event`` None) nothing, for
    a delivery recorded before; ``answer`` is what to tell the caller either way."""

    event: LedgerEvent | None
    state: ChainState | None
    answer: dict[str, Any]

    @property
    def duplicate(self) -> bool:
        return self.event is None


# Computes what to answer the caller from the head before, the sealed event and the state after it; stored with a
# delivery id so that a redelivery gets the same answer. Each caller answers its own JSON (webhook, review, import).
Answerer = Callable[[Head | None, LedgerEvent, ChainState], dict[str, Any]]


def _no_answer(head: Head | None, event: LedgerEvent, state: ChainState) -> dict[str, Any]:
    return {}


def _review_entry(event: LedgerEvent) -> ReviewEntry:
    evidence = event["evidence"]
    return {
        "event_id": event["event_id"],
        "phone": event["phone"],
        "seq": event["seq"],
        "campaigns": event["campaigns"],
        "occurred_at": event["occurred_at"],
        "matched": evidence.get("matched"),
        "text": evidence.get("text"),
    }


class Unread:
    """No head given: ``Ledger.append`` reads it."""


UNREAD = Unread()


class Ledger:
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    def append(
        self,
        draft: Draft,
        *,
        delivery: tuple[str, str] | None = None,
        answer: Answerer = _no_answer,
        head: Head | Unread | None = UNREAD,
    ) -> Appended:
        """Append ``draft`` to its (brand, phone) chain.

        Read the head, seal the event after it, and write event + head + delivery in one conditional transaction; a
        lost race re-reads the head and tries again, so concurrent appends never fork the chain. A delivery id already
        recorded returns the answer given then and records nothing. ``head``, when the caller read it already (a bulk
        import reads heads 100 at a time), saves the first read; a stale one only costs a lost race.
        """
        for attempt in range(MAX_APPEND_ATTEMPTS):
            if attempt > 0 or isinstance(head, Unread):
                head = self.store.get_head(draft.brand, draft.phone)
            event = self._seal(draft, head)
            state = consent.apply_event(
                head.state if head else None, event, tiers=draft.tiers, brand_scope=draft.brand_scope
            )
            reply = answer(head, event, state)
            try:
                self.store.append(
                    event,
                    canonical_json(event),
                    state.to_stored(),
                    expected_seq=head.seq if head else 0,
                    delivery=delivery,
                    answer=reply,
                    review=_review_entry(event) if draft.review else None,
                )
            except ChainRaceLost:
                # Full jitter keeps a crowd of writers on one number from colliding in lockstep.
                time.sleep(random.uniform(0, min(0.2, 0.005 * 2**attempt)))
                continue
            except AlreadyDelivered as previous:
                return Appended(event=None, state=None, answer=previous.answer)
            return Appended(event=event, state=state, answer=reply)
        raise StorageUnavailable("could not append after repeated conflicts", fields={"retry": True})

    def append_batch(
        self, drafts: list[tuple[Draft, Head | None, tuple[str, str] | None]], *, answer: Answerer = _no_answer
    ) -> list[Appended] | None:
        """Append one draft to each of several chains, given their heads, in one transaction (a bulk import's fast
        path). None when the transaction was cancelled (a head moved, a delivery was recorded before): nothing was
        written, and the caller appends the drafts one by one with ``append``."""
        writes: list[Mapping[str, Any]] = []
        results = []
        for draft, head, delivery in drafts:
            event = self._seal(draft, head)
            state = consent.apply_event(
                head.state if head else None, event, tiers=draft.tiers, brand_scope=draft.brand_scope
            )
            reply = answer(head, event, state)
            writes.append(
                {
                    "event": event,
                    "event_json": canonical_json(event),
                    "state": state.to_stored(),
                    "expected_seq": head.seq if head else 0,
                    "delivery": delivery,
                    "answer": reply,
                    "review": _review_entry(event) if draft.review else None,
                }
            )
            results.append(Appended(event=event, state=state, answer=reply))
        try:
            self.store.append_batch(writes)
        except BatchNotWritten:
            return None
        return results

    def _seal(self, draft: Draft, head: Head | None) -> LedgerEvent:
        recorded = self.clock()
        event: dict[str, Any] = {
            "event_id": new_ulid(int(recorded.timestamp() * 1000)),
            "brand": draft.brand,
            "phone": draft.phone,
            "seq": (head.seq if head else 0) + 1,
            "type": draft.type,
            "campaigns": sorted(draft.campaigns),
            "tier": draft.tier,
            "channel": draft.channel,
            "occurred_at": draft.occurred_at,
            "recorded_at": format_ts(recorded),
            "source": dict(draft.source),
            "evidence": dict(draft.evidence),
        }
        if draft.brand_scope:
            event["scope"] = "brand"
        return cast(LedgerEvent, seal(event, head.hash if head else GENESIS_HASH))  # seal adds prev_hash and hash
