"""Typed errors of the domain. Each carries the HTTP status and error code it maps to (see ``optledger.http``).

Messages must never contain a full phone number or message text: they end up in response bodies and logs.
"""

from __future__ import annotations

from typing import Any


class OptLedgerError(Exception):
    status = 500
    code = "internal_error"

    def __init__(self, message: str, *, fields: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class MalformedRequest(OptLedgerError):
    status, code = 400, "malformed_request"


class Unauthorized(OptLedgerError):
    status, code = 401, "unauthorized"


class SignatureError(OptLedgerError):
    """A webhook whose signature is missing, wrong, stale or replayed."""

    status, code = 403, "invalid_signature"


class Forbidden(OptLedgerError):
    status, code = 403, "forbidden"


class NotFound(OptLedgerError):
    status, code = 404, "not_found"


class ProviderDisabled(NotFound):
    """A provider with no configured secret: refused as if it did not exist, never accepted unsigned."""

    code = "provider_disabled"


class Conflict(OptLedgerError):
    status, code = 409, "conflict"


class PayloadTooLarge(OptLedgerError):
    status, code = 413, "payload_too_large"


class ValidationError(OptLedgerError):
    """Well-formed input that breaks a rule: a bad phone number, consent not given, a disclosure missing elements."""

    status, code = 422, "invalid"


class InvalidPhoneNumber(ValidationError):
    code = "invalid_phone"


def raise_problems(message: str, problems: dict[str, Any], *, alone: ValidationError | None = None) -> None:
    """One 422 naming every problem found. When the only problem is ``alone`` (say, an invalid phone number), that
    typed error is raised as it is, so the same mistake gets the same answer on every route."""
    if not problems:
        return
    if alone is not None and problems == alone.fields:
        raise alone
    raise ValidationError(message, fields=problems)


class StorageUnavailable(OptLedgerError):
    """DynamoDB or S3 failed: answer 503 so the caller (a provider) retries; nothing was written."""

    status, code = 503, "storage_unavailable"
