"""The data-access module for EventBridge: the only code that calls PutEvents.

``put_events`` sends at most ``MAX_ENTRIES`` entries in one call and reports, entry by entry, whether EventBridge
accepted it; a call that fails as a whole (throttled, network, access denied) fails every entry it carried, so the
caller has one way to handle failure.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from optledger.service_errors import error_code

MAX_ENTRIES = 10  # PutEvents accepts at most 10 entries per call
SOURCE = "optledger"
DEFAULT_BUS = "optledger"

_CLIENT_CONFIG = Config(retries={"mode": "standard", "max_attempts": 4}, connect_timeout=3, read_timeout=10)


class EventBus:
    def __init__(self, name: str, *, client: Any = None) -> None:
        self.name = name
        self._client = client

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EventBus:
        env = os.environ if env is None else env
        return cls(env.get("OPTLEDGER_EVENT_BUS") or DEFAULT_BUS)

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = boto3.client("events", config=_CLIENT_CONFIG)
        return self._client

    def put_events(self, entries: Sequence[Mapping[str, Any]]) -> list[str | None]:
        """Send ``entries`` (``DetailType`` and ``Detail`` JSON each) in one call; per entry None or an error code."""
        if len(entries) > MAX_ENTRIES:
            raise ValueError(f"at most {MAX_ENTRIES} entries per PutEvents call")
        if not entries:
            return []
        request = [
            {"Source": SOURCE, "EventBusName": self.name, "DetailType": e["DetailType"], "Detail": e["Detail"]}
            for e in entries
        ]
        try:
            response = self.client.put_events(Entries=request)
        except (ClientError, BotoCoreError) as exc:
            return [error_code(exc)] * len(entries)
        results = response.get("Entries", [])
        outcome: list[str | None] = []
        for index in range(len(entries)):
            result = results[index] if index < len(results) else {}
            outcome.append(None if result.get("EventId") else result.get("ErrorCode") or "NotAccepted")
        return outcome


@cache
def default() -> EventBus:
    """The bus of this container (``OPTLEDGER_EVENT_BUS``), built once; ``optledger.runtime.reset`` forgets it."""
    return EventBus.from_env()
