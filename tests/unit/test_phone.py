from __future__ import annotations

import pytest

from optledger.errors import InvalidPhoneNumber
from optledger.phone import mask, normalize, normalize_sender


@pytest.mark.parametrize(
    "raw",
    ["+14155550123", "(415) 555-0123", "415.555.0123", "1 415 555 0123", "14155550123", " +1 415-555-0123 "],
)
def test_us_numbers_in_any_common_format_become_e164(raw):
    assert normalize(raw) == "+14155550123"


def test_international_numbers_keep_their_country():
    assert normalize("+44 20 7946 0958") == "+442079460958"
    assert normalize("442079460958") == "+442079460958"


@pytest.mark.parametrize(
    "raw", ["", "   ", "12", "not a number", "+1 555 0123", "+999999999999", None, 14155550123, "9" * 80]
)
def test_invalid_numbers_are_rejected_without_echoing_them(raw):
    with pytest.raises(InvalidPhoneNumber) as caught:
        normalize(raw)
    assert caught.value.status == 422
    if isinstance(raw, str) and raw.strip():
        assert raw.strip() not in caught.value.message


def test_short_codes_are_valid_senders_but_not_consumer_numbers():
    assert normalize_sender("86753") == "86753"
    with pytest.raises(InvalidPhoneNumber):
        normalize("86753")


def test_mask_keeps_country_code_and_last_two_digits():
    assert mask("+14155550123") == "+1********23"
    assert "5550123" not in mask("+14155550123")
