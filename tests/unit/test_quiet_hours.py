"""Quiet hours: the data table, where a number is, and the earliest instant a promotional send is allowed."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import geocoder

from optledger import quiet_hours
from optledger.errors import InvalidPhoneNumber
from optledger.quiet_hours import (
    Constraint,
    Rule,
    Window,
    constraints_for,
    is_allowed,
    locate,
    next_allowed,
    state_code,
)

RAW_TABLE = json.loads(quiet_hours.DATA_FILE.read_text(encoding="utf-8"))


def test_table_holds_the_design_windows() -> None:
    # Given the data file
    table = quiet_hours.load_table()
    # Then the federal window is 08:00-21:00 every day
    assert [(sorted(w.days), str(w.start), str(w.end)) for w in table.federal.windows] == [
        (list(range(7)), "08:00:00", "21:00:00")
    ]
    # And the states with stricter windows are exactly the ones DESIGN lists, with their hours
    by_state = {
        code: [(sorted(w.days), w.start.hour, w.end.hour) for w in rule.windows] for code, rule in table.states.items()
    }
    every_day = list(range(7))
    assert by_state == {
        "FL": [(every_day, 8, 20)],
        "OK": [(every_day, 8, 20)],
        "MD": [(every_day, 8, 20)],
        "WA": [(every_day, 8, 20)],
        "CT": [(every_day, 9, 20)],
        "TX": [([0, 1, 2, 3, 4, 5], 9, 21), ([6], 12, 21)],
    }
    # And every regulated state names the zones it spans, for numbers whose location is unknown
    assert table.state_zones["TX"] == ("America/Chicago", "America/Denver")
    assert all(table.state_zones[code] for code in table.states)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda data: data["states"]["TX"]["windows"][1].update(days=["Sunday"]), "unknown days"),
        (lambda data: data["states"]["CT"]["windows"][0].update(start="20:00", end="09:00"), "start before"),
    ],
)
def test_a_malformed_table_is_refused(mutate, message: str) -> None:
    data = copy.deepcopy(RAW_TABLE)
    mutate(data)
    with pytest.raises(ValueError, match=message):
        quiet_hours.parse_table(data)


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("Florida", "FL"),
        ("Washington State", "WA"),
        ("Washington D.C.", "DC"),
        ("San Francisco, CA", "CA"),
        ("New York, NY", "NY"),
        ("  texas ", "TX"),
        ("Pensacola, fl", "FL"),
        ("Puerto Rico", "PR"),
        ("British Columbia", None),
        ("Somewhere, ZZ", None),
        ("", None),
        ("United States", None),
    ],
)
def test_state_code_reads_both_geocoder_styles(description: str, code: str | None) -> None:
    assert state_code(description) == code


def test_every_us_area_code_the_geocoder_describes_maps_to_a_state() -> None:
    # Given one number in every US area code that has geographic data
    unmapped = {}
    for npa in range(201, 990):
        parsed = phonenumbers.parse(f"+1{npa}5550123")
        if phonenumbers.region_code_for_number(parsed) != "US" or not phonenumbers.is_valid_number(parsed):
            continue
        description = geocoder.description_for_number(parsed, "en")
        # Then each description, "State" or "City, ST", yields a state code
        if description and state_code(description) is None:
            unmapped[npa] = description
    assert unmapped == {}


@pytest.mark.parametrize(
    ("phone", "zones", "state", "basis"),
    [
        ("+19155550123", ("America/Denver",), "TX", "geographic"),
        ("+15125550123", ("America/Chicago",), "TX", "geographic"),
        ("+19075550123", ("America/Adak", "America/Anchorage"), "AK", "geographic"),
        ("+12505550100", ("America/Vancouver",), None, "geographic"),
        (
            "+447911123456",
            ("Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey", "Europe/London"),
            None,
            "international",
        ),
    ],
)
def test_locate_geographic_numbers(phone: str, zones: tuple[str, ...], state: str | None, basis: str) -> None:
    assert locate(phone) == quiet_hours.Location(zones, state, basis)


@pytest.mark.parametrize("phone", ["+18005550100", "+18885550100", "+18775550100", "+15005550100"])
def test_numbers_without_geography_are_placed_anywhere_in_the_us(phone: str) -> None:
    # Given a toll-free or personal number, for which phonenumbers lists every NANP zone from Guam to Newfoundland
    location = locate(phone)
    # Then it is placed in every US state zone, and every state's window is applied in that state's own zones
    assert location.basis == "unknown_us"
    assert location.zones == tuple(RAW_TABLE["unknown_location"]["zones"])
    rules = {(c.zone, c.rule.name) for c in constraints_for(location)}
    assert ("Pacific/Honolulu", "federal") in rules
    assert ("America/Denver", "TX") in rules
    assert ("America/Chicago", "CT") not in rules


def test_unparseable_number_is_refused_without_echoing_it() -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        locate("not-a-number-5550123")
    assert "5550123" not in caught.value.message


def test_evaluate_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError, match="naive"):
        quiet_hours.evaluate("+14155550123", datetime(2026, 7, 15, 12))


def test_windows_that_never_meet_have_no_next_allowed_instant() -> None:
    # Given a rule open 09:00-10:00 on Mondays, required both in Tokyo and in New York
    monday_hour = Rule(
        "test", "", (Window(frozenset({0}), datetime(2026, 1, 1, 9).time(), datetime(2026, 1, 1, 10).time()),)
    )
    constraints = (Constraint("Asia/Tokyo", monday_hour), Constraint("America/New_York", monday_hour))
    # Then no instant within the week satisfies both
    assert next_allowed(constraints, datetime(2026, 7, 13, 0, 0, tzinfo=UTC)) is None


def test_next_allowed_is_the_instant_itself_when_already_allowed() -> None:
    constraints = constraints_for(locate("+14155550123"))
    at = datetime(2026, 7, 15, 19, 0, 30, 123456, tzinfo=UTC)
    assert next_allowed(constraints, at) == at


PHONES = [
    "+13055550123",
    "+12035550123",
    "+19155550123",
    "+19075550123",
    "+12085551234",
    "+18885550100",
    "+16025550123",
]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    phone=st.sampled_from(PHONES),
    at=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)),
)
def test_next_allowed_is_the_earliest_allowed_instant(phone: str, at: datetime) -> None:
    # Given the constraints of a number and any instant
    constraints = constraints_for(locate(phone))
    # When the earliest allowed instant is computed
    found = next_allowed(constraints, at)
    # Then it is allowed, and no earlier quarter hour since ``at`` was (boundaries fall on whole hours in these zones)
    assert found is not None and found >= at and is_allowed(constraints, found)
    if found > at:
        assert not is_allowed(constraints, found - timedelta(microseconds=1))
    probe = at.replace(minute=at.minute - at.minute % 15, second=0, microsecond=0) + timedelta(minutes=15)
    while probe < found:
        assert not is_allowed(constraints, probe), probe
        probe += timedelta(minutes=15)
