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

from collections.abc import Callable, Collection, Mapping
from types import TracebackType
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from optledger.errors import OptLedgerError, StorageUnavailable

NOT_FOUND = frozenset({"404", "NoSuchKey", "NotFound"})
CONDITION_FAILED = frozenset({"ConditionalCheckFailedException"})
PRECONDITION_FAILED = frozenset({"PreconditionFailed", "412"})
TRANSACTION_CANCELLED = frozenset({"TransactionCanceledException"})


def error_code(exc: Exception, default: str = "ClientError") -> str:
    """The service's error code of a ``ClientError`` (``default`` when it names none), else the exception's type."""
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", default))
    return type(exc).__name__


def unavailable(exc: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"storage unavailable ({error_code(exc, '')})", fields={"retry": True})


class storage_errors:  # lower case: it reads as the function it stands for, ``with storage_errors(): ...``
    """Raise ``failure(exc)`` (``StorageUnavailable`` by default) for a service error, chained to it; swallow the
    ``ClientError`` codes in ``tolerate`` and report them: the object is true once one happened (``error`` holds it).

    A class rather than ``@contextmanager``: it wraps every DynamoDB call, and a generator costs several times more.
    """

    __slots__ = ("_failure", "_tolerate", "error")

    def __init__(
        self, *, tolerate: Collection[str] = (), failure: Callable[[Exception], OptLedgerError] = unavailable
    ) -> None:
        self._tolerate = tolerate
        self._failure = failure
        self.error: ClientError | None = None

    def __enter__(self) -> storage_errors:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> bool:
        if isinstance(exc, ClientError):
            if error_code(exc, "") not in self._tolerate:
                raise self._failure(exc) from exc
            self.error = exc
            return True
        if isinstance(exc, BotoCoreError):
            raise self._failure(exc) from exc
        return False

    def __bool__(self) -> bool:
        return self.error is not None

    @property
    def response(self) -> Mapping[str, Any]:
        """The tolerated error's whole answer (empty when none happened)."""
        return self.error.response if self.error is not None else {}
