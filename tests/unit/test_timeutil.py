"""Timestamps: one format with a four-digit year, so text order is time order; caller times bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optledger.errors import ValidationError
from optledger.timeutil import EARLIEST, format_ts, parse_occurred_at, parse_planned, parse_ts

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
ACCEPTED = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2027, 11, 30), timezones=st.just(UTC)
)  # every instant a caller's occurred_at or a planned send may name


@given(ACCEPTED, ACCEPTED)
def test_text_order_is_time_order_over_the_whole_accepted_range(a: datetime, b: datetime) -> None:
    a, b = a.replace(microsecond=a.microsecond // 1000 * 1000), b.replace(microsecond=b.microsecond // 1000 * 1000)
    assert (format_ts(a) < format_ts(b)) == (a < b)
    assert parse_ts(format_ts(a)) == a


@given(st.datetimes(timezones=st.just(UTC)))
def test_every_year_is_written_with_four_digits(moment: datetime) -> None:
    text = format_ts(moment)
    assert len(text) == 24 and text[4] == "-" and text.endswith("Z")


def test_years_below_1000_are_zero_padded() -> None:
    assert format_ts(datetime(26, 11, 28, tzinfo=UTC)) == "0026-11-28T00:00:00.000Z"
    assert format_ts(datetime(1, 1, 1, tzinfo=UTC)) == "0001-01-01T00:00:00.000Z"


@pytest.mark.parametrize(
    "text",
    ["0026-11-28T00:00:00Z", "1999-12-31T23:59:59.999Z", "2026-11-29T12:05:01Z", "9999-12-31T23:00:00-12:00"],
)
def test_an_occurred_at_outside_2000_to_five_minutes_ahead_is_a_422(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_occurred_at(text, now=NOW)
    assert caught.value.fields == {"occurred_at": "out of range"}


def test_the_edges_of_the_occurred_at_range_are_accepted() -> None:
    assert parse_occurred_at("2000-01-01T00:00:00Z", now=NOW) == EARLIEST
    assert parse_occurred_at("2026-11-29T12:05:00Z", now=NOW) == NOW + timedelta(minutes=5)


def test_a_planned_send_may_be_up_to_a_year_ahead() -> None:
    assert parse_planned("2027-11-29T12:00:00Z", now=NOW) == NOW + timedelta(days=365)
    with pytest.raises(ValidationError) as caught:
        parse_planned("2027-11-29T12:00:01Z", now=NOW)
    assert caught.value.fields == {"at": "out of range"}
