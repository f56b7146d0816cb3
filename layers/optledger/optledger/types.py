"""The records that cross module boundaries as JSON-shaped dicts: a stored ledger event and a review queue item.

They are dicts, not classes, because they are what DynamoDB, the bundles and the routes read and write as they are;
these types only say which keys they carry (DESIGN section 6).
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class LedgerEvent(TypedDict):
    """One sealed event of a (brand, phone) chain, as stored and as ``GET /consents/{phone}`` lists it."""

    event_id: str
    brand: str
    phone: str
    seq: int
    type: str  # opt_in, opt_out, help, message, pending
    campaigns: list[str]
    tier: str | None
    channel: str
    occurred_at: str
    recorded_at: str
    source: dict[str, Any]  # provider + message id, or ip + user agent + page: free-form by channel
    evidence: dict[str, Any]  # matched keyword, detection, disclosure hash, subject...: free-form by channel
    scope: NotRequired[str]  # "brand": an opt-out of every campaign of the brand
    prev_hash: str
    hash: str


class ReviewEntry(TypedDict):
    """An unclear reply as the ledger queues it for a person (``GET /reviews`` adds the deadline and the decision)."""

    event_id: str
    phone: str
    seq: int
    campaigns: list[str]
    occurred_at: str
    matched: str | None
    text: str | None
