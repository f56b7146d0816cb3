"""Numbers read from text accept ASCII digits only: ``str.isdigit`` is also true of "²" and "٣", and ``int("²")``
raises, so a check on ``isdigit`` alone let a superscript through to a 500 (found by test_bad_input on Sinch's
timestamp header)."""

from __future__ import annotations

import pytest

from optledger.config import Settings
from optledger.errors import InvalidPhoneNumber, SignatureError, ValidationError
from optledger.phone import normalize
from optledger.providers._common import epoch_seconds
from optledger.views import page_request

NOT_ASCII = ["²", "1²", "٣٣", "１２"]


@pytest.mark.parametrize("text", NOT_ASCII)
def test_a_signed_timestamp_in_other_digits_is_a_signature_error(text):
    with pytest.raises(SignatureError, match="not a Unix timestamp"):
        epoch_seconds(text, what="timestamp header")
    assert epoch_seconds(" 1764400000 ", what="timestamp header") == 1764400000


@pytest.mark.parametrize("text", NOT_ASCII)
def test_a_page_limit_or_cursor_in_other_digits_is_a_validation_error(text):
    with pytest.raises(ValidationError) as limit:
        page_request(text, None)
    assert limit.value.fields == {"limit": "invalid"}
    with pytest.raises(ValidationError) as cursor:
        page_request(None, text)
    assert cursor.value.fields == {"cursor": "invalid"}


def test_day_shards_in_other_digits_are_refused():
    with pytest.raises(ValueError, match="OPTLEDGER_DAY_SHARDS"):
        Settings.from_env({"OPTLEDGER_DAY_SHARDS": "١٦"})


def test_a_number_in_other_digits_is_not_taken_as_international():
    with pytest.raises(InvalidPhoneNumber):
        normalize("٤٤٢٠٧٩٤٦٠٩٥٨")
