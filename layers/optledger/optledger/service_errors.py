"""AWS service failures as OptLedger errors: one context manager instead of a try/except around every call.

``storage_errors()`` turns any botocore failure (a ``ClientError`` answer, a ``BotoCoreError`` such as a timeout or a
refused connection) into ``StorageUnavailable`` (HTTP 503, so providers retry). An answer the caller expects, such as
"no such key" or "condition failed", is named in ``tolerate``: it is swallowed and reported on the object the
``with`` statement yields, so the caller decides what it means::

    with storage_errors(tolerate=NOT_FOUND) as missing:
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    if missing:
        return None
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from optledger.errors import OptLedgerError, StorageUnavailable

NOT_FOUND = frozenset({"404", "NoSuchKey", "NotFound"})
CONDITION_FAILED = frozenset({"ConditionalCheckFailedException"})
PRECONDITION_FAILED = frozenset({"PreconditionFailed", "412"})
TRANSACTION_CANCELLED = frozenset({"TransactionCanceledException"})


class Tolerated:
    """What ``storage_errors`` let through: true once a tolerated error happened (``error`` holds it)."""

    def __init__(self) -> None:
        self.error: ClientError | None = None

    def __bool__(self) -> bool:
        return self.error is not None

    @property
    def response(self) -> Mapping[str, Any]:
        return self.error.response if self.error is not None else {}


def error_code(exc: Exception, default: str = "ClientError") -> str:
    """The service's error code of a ``ClientError`` (``default`` when it names none), else the exception's type."""
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", default))
    return type(exc).__name__


def unavailable(exc: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"storage unavailable ({error_code(exc, '')})", fields={"retry": True})


@contextmanager
def storage_errors(
    *, tolerate: Collection[str] = (), failure: Callable[[Exception], OptLedgerError] = unavailable
) -> Iterator[Tolerated]:
    """Raise ``failure(exc)`` (``StorageUnavailable`` by default) for a service error, chained to it; swallow the
    ``ClientError`` codes in ``tolerate`` and report them on the yielded ``Tolerated``."""
    tolerated = Tolerated()
    try:
        yield tolerated
    except ClientError as exc:
        if error_code(exc, "") not in tolerate:
            raise failure(exc) from exc
        tolerated.error = exc
    except BotoCoreError as exc:
        raise failure(exc) from exc
