"""Quiet hours for promotional messages, in the recipient's local time (DESIGN section 1).

The windows are data (``data/quiet_hours.json``), not code. A send is allowed at an instant only when it falls
inside the federal window and the recipient's state window in *every* time zone the number may be in; where a number
spans several zones the strictest combination therefore applies.

Where the recipient is comes from the number alone:

- time zones: ``phonenumbers.timezone.time_zones_for_number``;
- state: ``phonenumbers.geocoder`` in English, which describes a US number either by state name ("Florida",
  "Washington State", "Washington D.C.") or by "City, ST" ("San Francisco, CA"); both map to a two-letter code.
- a +1 number with no geographic data (toll-free 8XX, personal 5XX/533; phonenumbers lists every NANP zone for them)
  is treated as "anywhere in the United States": the federal window must hold in each US state time zone
  (``unknown_location.zones``: Eastern to Hawaii), and each state's own window in each of that state's zones. In
  practice: from 08:00 in Hawaii (18:00 UTC) to 20:00 Eastern (01:00 UTC in winter, 00:00 in summer); on Sundays in
  winter from Texas' noon in El Paso (19:00 UTC). Stricter than any one place, yet a window that can be met
  (phonenumbers' own list, Guam to Newfoundland, would never allow a send).
- a non-US number (Canada, Caribbean, elsewhere) gets the federal window in its own zones, as a floor; one whose zone
  is unknown gets the federal window in UTC.

Those geocoder and time zone tables cost ~0.5 s to import, so they are imported inside :func:`locate` only: a check for
any other purpose never pays for them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from optledger.errors import InvalidPhoneNumber
from optledger.timeutil import format_ts

DATA_FILE = Path(__file__).with_name("data") / "quiet_hours.json"
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
UNKNOWN_ZONE = "Etc/Unknown"
CITY_STATE = re.compile(r",\s*([A-Za-z]{2})$")
# How far ahead next_allowed searches: a week covers every weekday rule, plus a day either side for zone offsets.
SEARCH_DAYS = 9


@dataclass(frozen=True)
class Window:
    """Allowed from ``start`` (inclusive) to ``end`` (exclusive), local wall-clock time, on the listed weekdays."""

    days: frozenset[int]
    start: time
    end: time

    def covers(self, local: datetime) -> bool:
        return local.weekday() in self.days and self.start <= local.time() < self.end


@dataclass(frozen=True)
class Rule:
    name: str
    law: str
    windows: tuple[Window, ...]

    def allows(self, local: datetime) -> bool:
        return any(window.covers(local) for window in self.windows)


@dataclass(frozen=True)
class Table:
    federal: Rule
    states: Mapping[str, Rule]
    state_zones: Mapping[str, tuple[str, ...]]
    unknown_zones: tuple[str, ...]
    state_names: Mapping[str, str]

    @property
    def state_codes(self) -> frozenset[str]:
        return frozenset(self.state_names.values())


@dataclass(frozen=True)
class Location:
    """Where a number may be: ``basis`` is geographic, unknown_us, international or no_zone."""

    zones: tuple[str, ...]
    state: str | None
    basis: str


@dataclass(frozen=True)
class Constraint:
    """One rule that must hold in one zone."""

    zone: str
    rule: Rule

    def allows(self, at: datetime) -> bool:
        return self.rule.allows(at.astimezone(_zone(self.zone)))


@dataclass(frozen=True)
class Decision:
    allowed: bool
    local_time: str
    next_allowed_at: str | None
    location: Location
    rules: tuple[str, ...]


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _rule(name: str, data: Mapping[str, Any]) -> Rule:
    windows = []
    for item in data["windows"]:
        unknown = [day for day in item["days"] if day not in DAYS]
        if unknown:
            raise ValueError(f"quiet hours rule {name}: unknown days {unknown}")
        start, end = _clock(item["start"]), _clock(item["end"])
        if not start < end:
            raise ValueError(f"quiet hours rule {name}: a window must start before it ends")
        windows.append(Window(frozenset(DAYS.index(day) for day in item["days"]), start, end))
    return Rule(name=name, law=data.get("law", ""), windows=tuple(windows))


def parse_table(data: Mapping[str, Any]) -> Table:
    states = {code: _rule(code, rule) for code, rule in data["states"].items()}
    return Table(
        federal=_rule("federal", data["federal"]),
        states=states,
        state_zones={code: tuple(rule.get("zones", ())) for code, rule in data["states"].items()},
        unknown_zones=tuple(data["unknown_location"]["zones"]),
        state_names={name.casefold(): code for name, code in data["state_names"].items()},
    )


@lru_cache(maxsize=1)
def load_table() -> Table:
    return parse_table(json.loads(DATA_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def state_code(description: str, table: Table | None = None) -> str | None:
    """Two-letter state of a geocoder description: a state name ("Texas", "Washington State") or "City, ST"."""
    table = table or load_table()
    text = description.strip()
    if not text:
        return None
    code = table.state_names.get(text.casefold())
    if code:
        return code
    match = CITY_STATE.search(text)
    if match and match.group(1).upper() in table.state_codes:
        return match.group(1).upper()
    return None


@lru_cache(maxsize=16384)
def locate(phone: str) -> Location:
    """Time zones and state of an E.164 number (cached: the tables are immutable for the life of the process)."""
    # Heavy tables (~0.5 s): imported here, on the quiet-hours path only.
    import phonenumbers
    from phonenumbers import geocoder, timezone

    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber("phone is not a parseable phone number", fields={"phone": "unparseable"}) from exc
    table = load_table()
    zones = tuple(zone for zone in timezone.time_zones_for_number(parsed) if zone != UNKNOWN_ZONE)
    description = geocoder.description_for_number(parsed, "en")
    if parsed.country_code == 1:
        state = state_code(description, table)
        if state:
            return Location(zones or table.state_zones.get(state) or table.unknown_zones, state, "geographic")
        if not description or description.casefold() == "united states":
            return Location(table.unknown_zones, None, "unknown_us")
    if not zones:
        return Location(("UTC",), None, "no_zone")
    return Location(zones, None, "geographic" if parsed.country_code == 1 else "international")


def constraints_for(location: Location, table: Table | None = None) -> tuple[Constraint, ...]:
    table = table or load_table()
    constraints = [Constraint(zone, table.federal) for zone in location.zones]
    if location.basis == "unknown_us":
        for code, rule in table.states.items():
            constraints.extend(Constraint(zone, rule) for zone in table.state_zones[code])
    elif location.state is not None and location.state in table.states:
        constraints.extend(Constraint(zone, table.states[location.state]) for zone in location.zones)
    return tuple(constraints)


def is_allowed(constraints: Iterable[Constraint], at: datetime) -> bool:
    return all(constraint.allows(at) for constraint in constraints)


def next_allowed(constraints: tuple[Constraint, ...], at: datetime) -> datetime | None:
    """The earliest instant at or after ``at`` inside every constraint's window, or None if none within a week.

    The allowed set is an intersection of unions of intervals, so its earliest point after ``at`` is either ``at`` or
    the start of some window. Window starts are built as local wall-clock times in each zone and converted with
    zoneinfo, so DST changes move them correctly.
    """
    at = at.astimezone(UTC)
    if is_allowed(constraints, at):
        return at
    candidates: set[datetime] = set()
    for constraint in constraints:
        zone = _zone(constraint.zone)
        first_day = at.astimezone(zone).date() - timedelta(days=1)
        for offset in range(SEARCH_DAYS):
            day: date = first_day + timedelta(days=offset)
            for window in constraint.rule.windows:
                if day.weekday() in window.days:
                    start = datetime.combine(day, window.start, tzinfo=zone).astimezone(UTC)
                    if start > at:
                        candidates.add(start)
    for candidate in sorted(candidates):
        if is_allowed(constraints, candidate):
            return candidate
    return None


def evaluate(phone: str, at: datetime, *, table: Table | None = None) -> Decision:
    """May a promotional message go to ``phone`` at ``at``? ``local_time`` is in the first (primary) zone."""
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    table = table or load_table()
    location = locate(phone)
    constraints = constraints_for(location, table)
    allowed = is_allowed(constraints, at)
    upcoming = None if allowed else next_allowed(constraints, at)
    return Decision(
        allowed=allowed,
        local_time=at.astimezone(_zone(location.zones[0])).isoformat(timespec="seconds"),
        next_allowed_at=format_ts(upcoming) if upcoming else None,
        location=location,
        rules=tuple(dict.fromkeys(constraint.rule.name for constraint in constraints)),
    )
