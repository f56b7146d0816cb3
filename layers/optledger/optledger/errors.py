"""Typed errors of the domain. Each carries the HTTP status and error code it maps to; the HTTP layer
(``api/resolver.py``) turns them into answers, in one place.

Messages must never contain a full phone number or message text: they end up in response bodies and logs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class OptLedgerError(Exception):
    status = 500
    code = "internal_error"

    def __init_subclass__(cls, *, status: int | None = None, code: str | None = None, **options: Any) -> None:
        # class NotFound(OptLedgerError, status=404, code="not_found"): the answer is named where the error is.
        super().__init_subclass__(**options)
        cls.status = cls.status if status is None else status
        cls.code = cls.code if code is None else code

    def __init__(self, message: str, *, fields: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class MalformedRequest(OptLedgerError, status=400, code="malformed_request"):
    """A body that cannot be read: not JSON, not a form, a field given twice."""


class Unauthorized(OptLedgerError, status=401, code="unauthorized"):
    """No credentials, or credentials that name no one."""


class SignatureError(OptLedgerError, status=403, code="invalid_signature"):
    """A webhook whose signature is missing, wrong, stale or replayed."""


class Forbidden(OptLedgerError, status=403, code="forbidden"):
    """Credentials that do not reach this brand, or an origin a campaign does not accept."""


class NotFound(OptLedgerError, status=404, code="not_found"):
    """No such number, campaign, review or route."""


class ProviderDisabled(NotFound, code="provider_disabled"):
    """A provider with no configured secret: refused as if it did not exist, never accepted unsigned."""


class Conflict(OptLedgerError, status=409, code="conflict"):
    """The request contradicts what is stored (a campaign's brand, a review already decided)."""


class PayloadTooLarge(OptLedgerError, status=413, code="payload_too_large"):
    """A body over the route's limit."""


class ValidationError(OptLedgerError, status=422, code="invalid"):
    """Well-formed input that breaks a rule: a bad phone number, consent not given, a disclosure missing elements."""


class InvalidPhoneNumber(ValidationError, code="invalid_phone"):
    """Not a phone number that can receive texts."""


class StorageUnavailable(OptLedgerError, status=503, code="storage_unavailable"):
    """DynamoDB or S3 failed: answer 503 so the caller (a provider) retries; nothing was written."""


# -- collecting every problem of a request into one 422 ---------------------------------------------------------------


def collect(problems: dict[str, Any], check: Callable[[], T], default: T) -> tuple[T, ValidationError | None]:
    """Run one check: its value, or (``default``, its ValidationError) with the error's fields added to ``problems``,
    so that the request's other fields are still checked and one 422 names them all (see ``raise_problems``)."""
    try:
        return check(), None
    except ValidationError as error:
        problems.update(error.fields)
        return default, error


def raise_problems(message: str, problems: dict[str, Any], *, alone: ValidationError | None = None) -> None:
    """One 422 naming every problem found. When the only problem is ``alone`` (say, an invalid phone number), that
    typed error is raised as it is, so the same mistake gets the same answer on every route."""
    if not problems:
        return
    if alone is not None and problems == alone.fields:
        raise alone
    raise ValidationError(message, fields=problems)
