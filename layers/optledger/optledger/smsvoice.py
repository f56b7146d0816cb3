"""The data-access module for AWS End User Messaging SMS (``pinpoint-sms-voice-v2``): the only code that calls it.

``put`` and ``delete`` are idempotent from the caller's side: putting a number already in the list succeeds, and
deleting one that is not there answers False. Every other failure is ``SyncFailed`` (the caller retries; botocore's
standard mode already retries throttling and 5xx).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
from botocore.config import Config

from optledger.errors import OptLedgerError
from optledger.service_errors import error_code, storage_errors

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
        with storage_errors(failure=_failed("PutOptedOutNumber", list_name)):
            self.client.put_opted_out_number(OptOutListName=list_name, OptedOutNumber=phone)

    def delete(self, list_name: str, phone: str) -> bool:
        """Remove ``phone``; False when it was not in the list (already done)."""
        failed = _failed("DeleteOptedOutNumber", list_name)
        with storage_errors(tolerate={"ResourceNotFoundException"}, failure=failed) as absent:
            self.client.delete_opted_out_number(OptOutListName=list_name, OptedOutNumber=phone)
        # The number is absent: done. A missing *list* is a configuration error and must not pass silently.
        if absent.error is not None and absent.response.get("ResourceType") == "opt-out-list":
            raise failed(absent.error) from absent.error
        return not absent


def _failed(operation: str, list_name: str) -> Callable[[Exception], SyncFailed]:
    return lambda exc: SyncFailed(f"{operation} failed ({error_code(exc)})", fields={"list": list_name})
