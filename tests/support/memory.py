"""An in-memory stand-in for the DynamoDB half of ``Store`` (S3 stays real).

moto copies a whole table for every transaction, so a test that appends a thousand events to moto spends minutes in
the emulator; tests whose subject is not the table (disclosure storage) keep their chains here instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from optledger.store import ChainRaceLost, Head, Store


class MemoryChainStore(Store):
    def __init__(self, table: str, bucket: str, *, s3: Any = None) -> None:
        super().__init__(table, bucket, s3=s3)
        self.heads: dict[tuple[str, str], Head] = {}
        self.chains: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def get_head(self, brand: str, phone: str) -> Head | None:
        return self.heads.get((brand, phone))

    def append(
        self,
        event: Mapping[str, Any],
        event_json: str,
        state: Mapping[str, Any],
        *,
        expected_seq: int,
        delivery: tuple[str, str] | None = None,
        answer: Mapping[str, Any] | None = None,
        review: Mapping[str, Any] | None = None,
    ) -> None:
        key = (event["brand"], event["phone"])
        current = self.heads.get(key)
        if (current.seq if current else 0) != expected_seq:
            raise ChainRaceLost
        self.chains.setdefault(key, []).append(dict(event))
        self.heads[key] = Head(seq=event["seq"], hash=event["hash"], state=dict(state))

    def iter_events(self, brand: str, phone: str) -> Iterator[dict[str, Any]]:
        yield from self.chains.get((brand, phone), [])
