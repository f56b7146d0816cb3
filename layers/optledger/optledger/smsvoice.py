"""The data-access module for AWS End User Messaging SMS (``pinpoint-sms-voice-v2``): the only code that calls it.

``put`` and ``delete`` are idempotent from the caller's side: putting a number already in the list succeeds, and
deleting one that is not there answers False. Every other failure is ``SyncFailed`` (the caller retries; botocore's
standard mode already retries throttling and 5xx).
"""

from __future__ import annotations

from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from optledger.errors import OptLedgerError

_CLIENT_CONFIG = Config(retries={"mode": "standard", "max_attempts": 5}, connect_timeout=3, read_timeout=10)


class SyncFailed(OptLedgerError):
    """End User Messaging refused or failed a call: the function fails, Lambda retries, then the event is parked in
    the failure queue (alarmed)."""

    status, code = 503, "sync_failed"


class OptOutLists:
    """Opt-out lists of End User Messaging SMS. The client is created on first use (tests pass a stubbed one)."""

    def __init__(self, client: Any = None) -> None:
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = boto3.client("pinpoint-sms-voice-v2", config=_CLIENT_CONFIG)
        return self._client

    def put(self, list_name: str, phone: str) -> None:
        try:
            self.client.put_opted_out_number(OptOutListName=list_name, OptedOutNumber=phone)
        except (ClientError, BotoCoreError) as exc:
            raise SyncFailed(f"PutOptedOutNumber failed ({_code(exc)})", fields={"list": list_name}) from exc

    def delete(self, list_name: str, phone: str) -> bool:
        """Remove ``phone``; False when it was not in the list (already done)."""
        try:
            self.client.delete_opted_out_number(OptOutListName=list_name, OptedOutNumber=phone)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            # The number is absent: done. A missing *list* is a configuration error and must not pass silently.
            if error.get("Code") == "ResourceNotFoundException" and exc.response.get("ResourceType") != "opt-out-list":
                return False
            raise SyncFailed(f"DeleteOptedOutNumber failed ({_code(exc)})", fields={"list": list_name}) from exc
        except BotoCoreError as exc:
            raise SyncFailed(f"DeleteOptedOutNumber failed ({_code(exc)})", fields={"list": list_name}) from exc
        return True


def _code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", "ClientError"))
    return type(exc).__name__
