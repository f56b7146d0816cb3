"""Phone numbers: E.164 normalisation and masking for logs."""

from __future__ import annotations

import re

import phonenumbers

from optledger.errors import InvalidPhoneNumber

DEFAULT_REGION = "US"


def normalize(raw: object, *, region: str = DEFAULT_REGION) -> str:
    """Return ``raw`` as E.164 (``+15551234567``) or raise InvalidPhoneNumber (never echoing the number)."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 64:
        raise InvalidPhoneNumber("phone must be a phone number string", fields={"phone": "invalid"})
    text = raw.strip()
    # Providers send E.164 without the plus sign (Vonage, Plivo, Bird): treat a long bare digit string as international.
    if text.isascii() and text.isdigit() and len(text) > 10:
        text = "+" + text
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber("phone is not a parseable phone number", fields={"phone": "unparseable"}) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneNumber("phone is not a valid phone number", fields={"phone": "invalid"})
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


SHORT_CODE = re.compile(r"^[0-9]{5,6}$")


def normalize_sender(raw: object) -> str:
    """A business sender: a US short code (5-6 digits, kept as is) or a phone number in E.164."""
    if isinstance(raw, str) and SHORT_CODE.match(raw.strip()):
        return raw.strip()
    return normalize(raw)


def mask(phone: str | None) -> str:
    """A loggable form of a number: country code and last two digits only (``+1*******67``)."""
    if not phone:
        return ""
    digits = phone.lstrip("+")
    if len(digits) <= 4:
        return "*" * len(digits)
    return f"+{digits[0]}{'*' * (len(digits) - 3)}{digits[-2:]}"
