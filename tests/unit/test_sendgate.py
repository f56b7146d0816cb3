"""The send gate: the compliance case table (tests/data/send_gate_cases.csv), then the edges a table cannot show."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from optledger import quiet_hours
from optledger.errors import ValidationError
from optledger.models import Campaign
from optledger.sendgate import PURPOSES, REASONS, CheckResult, check, effective_state
from optledger.timeutil import format_ts, parse_ts

CASES_FILE = Path(__file__).parents[1] / "data" / "send_gate_cases.csv"
COLUMNS = [
    "case",
    "phone",
    "recipient_state",
    "campaign_purpose",
    "consent",
    "consent_tier",
    "decided_at",
    "last_inbound_at",
    "brand_opt_out_at",
    "conversation_window_hours",
    "purpose",
    "at_utc",
    "expect_allowed",
    "expect_reason",
    "expect_tier",
    "expect_event",
    "expect_next_allowed_at",
    "expect_local_time",
    "note",
]
EVENT_IDS = {"own": "01OWNEVENT", "brand": "01BRANDSTOPALL", "pending": "01PENDINGSIGNUP", "": None}
LAYER = Path(__file__).parents[2] / "layers" / "optledger"


def load_cases() -> list[dict[str, str]]:
    with CASES_FILE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


CASES = load_cases()


def stamp(text: str) -> str | None:
    return format_ts(parse_ts(text)) if text else None


def campaign_for(row: dict[str, str]) -> Campaign:
    data = {"id": "C7DEALS", "brand": "acme", "name": "Acme", "purpose": row["campaign_purpose"]}
    if row["conversation_window_hours"]:
        data["conversation_window_hours"] = int(row["conversation_window_hours"])
    return Campaign.from_dict(data)


def head_for(row: dict[str, str]) -> dict | None:
    """The chain-head item the lead's store returns for this row (None: the number was never seen)."""
    if row["consent"] == "never_seen" and not row["brand_opt_out_at"]:
        return None
    head: dict = {"seq": 3, "hash": "ab" * 32, "campaigns": {}, "brand_state": {}}
    if row["consent"] != "never_seen":
        own = {
            "status": row["consent"],
            "tier": row["consent_tier"] or None,
            "since": stamp(row["decided_at"]),
            "event_id": EVENT_IDS["own"] if row["consent"] != "none" else None,
            "decided_at": stamp(row["decided_at"]),
            "last_inbound_at": stamp(row["last_inbound_at"]),
        }
        if row["consent"] == "pending":
            own["pending_event_id"] = EVENT_IDS["pending"]
        head["campaigns"]["C7DEALS"] = {key: value for key, value in own.items() if value is not None}
    if row["brand_opt_out_at"]:
        head["brand_state"] = {
            "status": "opted_out",
            "since": stamp(row["brand_opt_out_at"]),
            "event_id": EVENT_IDS["brand"],
            "decided_at": stamp(row["brand_opt_out_at"]),
        }
    return head


def test_the_case_table_is_well_formed() -> None:
    # Given the compliance case table
    with CASES_FILE.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    # Then it has the documented columns, at least 60 uniquely named cases, and only known values
    assert header == COLUMNS
    assert len(CASES) >= 60
    assert len({row["case"] for row in CASES}) == len(CASES)
    for row in CASES:
        assert row["purpose"] in PURPOSES, row["case"]
        assert row["expect_reason"] in REASONS, row["case"]
        assert row["expect_allowed"] in {"yes", "no"}, row["case"]
        assert (row["expect_allowed"] == "yes") == (row["expect_reason"] == "ok"), row["case"]
        assert bool(row["expect_next_allowed_at"]) == (row["expect_reason"] == "quiet_hours"), row["case"]
    # And it covers every reason, every purpose and every state with its own window
    assert {row["expect_reason"] for row in CASES} == set(REASONS)
    states = {row["recipient_state"] for row in CASES if row["expect_reason"] == "quiet_hours"}
    assert {"FL", "OK", "MD", "WA", "CT", "TX", "CA", "NY", "AZ", "HI", "AK", "any US"} <= states


@pytest.mark.parametrize("row", CASES, ids=[row["case"] for row in CASES])
def test_send_gate_case(row: dict[str, str]) -> None:
    # Given the consent state and the campaign of the row
    head, campaign = head_for(row), campaign_for(row)
    # When the sender asks whether it may send this purpose at this instant
    result = check(head, campaign, row["purpose"], parse_ts(row["at_utc"]), row["phone"])
    # Then the answer is the one the row expects
    answer = result.to_dict()
    expected = {
        "allowed": row["expect_allowed"] == "yes",
        "reason": row["expect_reason"],
        "tier": row["expect_tier"] or None,
        "event_id": EVENT_IDS[row["expect_event"]],
        "next_allowed_at": row["expect_next_allowed_at"] or None,
    }
    assert {key: answer[key] for key in expected} == expected
    if row["expect_local_time"]:
        assert answer["local_time"] == row["expect_local_time"]
    if row["purpose"] == "promotional" and row["expect_reason"] in {"ok", "quiet_hours"}:
        assert answer["local_time"] is not None
    else:
        assert answer["local_time"] is None
    # And the recipient is placed where the row says
    location = quiet_hours.locate(row["phone"])
    placed = "any US" if location.basis == "unknown_us" else (location.state or "none")
    assert placed == row["recipient_state"]


def test_quiet_hours_reopening_instant_is_allowed_and_the_minute_before_is_not() -> None:
    # Given every quiet-hours row of the table
    for row in (row for row in CASES if row["expect_reason"] == "quiet_hours"):
        reopening = parse_ts(row["expect_next_allowed_at"])
        # When the gate is asked again at the reopening instant and one minute before
        again = check(head_for(row), campaign_for(row), row["purpose"], reopening, row["phone"])
        before = check(head_for(row), campaign_for(row), row["purpose"], reopening - timedelta(minutes=1), row["phone"])
        # Then it is allowed at the reopening and still quiet a minute before
        assert again.allowed, row["case"]
        assert before.reason == "quiet_hours", row["case"]


# --- edges beyond the table ---------------------------------------------------------------------------------------

PROMO = Campaign.from_dict({"id": "C7DEALS", "brand": "acme", "name": "Acme Deals", "purpose": "promotional"})
NOON_SF = datetime(2026, 7, 15, 19, 0, tzinfo=UTC)
SF = "+14155550123"


def opted_in(tier: str, **extra: str) -> dict:
    state = {"status": "opted_in", "tier": tier, "event_id": "01OPTIN", "decided_at": "2026-01-10T12:00:00.000Z"}
    return {"campaigns": {"C7DEALS": {**state, **extra}}, "brand_state": {}}


def test_result_dict_has_exactly_the_contract_keys() -> None:
    result = check(opted_in("express_written"), PROMO, "promotional", NOON_SF, SF)
    assert list(result.to_dict()) == ["allowed", "reason", "tier", "event_id", "local_time", "next_allowed_at"]
    assert result == CheckResult(True, "ok", "express_written", "01OPTIN", "2026-07-15T12:00:00-07:00", None)


@pytest.mark.parametrize("purpose", ["marketing", "", "PROMOTIONAL", None])
def test_unknown_purpose_is_a_422(purpose: object) -> None:
    with pytest.raises(ValidationError) as caught:
        check(opted_in("express_written"), PROMO, purpose, NOON_SF, SF)  # type: ignore[arg-type]
    assert caught.value.status == 422
    assert "purpose" in caught.value.fields


def test_naive_instant_is_a_422() -> None:
    with pytest.raises(ValidationError) as caught:
        check(opted_in("express_written"), PROMO, "promotional", datetime(2026, 7, 15, 12), SF)
    assert caught.value.fields == {"at": "naive"}


def test_campaign_of_another_brand_is_refused() -> None:
    # Given the ids of the brand whose head was read, which do not include the campaign
    with pytest.raises(ValidationError) as caught:
        check(opted_in("express_written"), PROMO, "informational", NOON_SF, SF, brand_campaign_ids={"C1", "C2"})
    assert caught.value.fields == {"campaign": "not in brand"}
    # And a campaign of the brand passes
    assert check(opted_in("express"), PROMO, "informational", NOON_SF, SF, brand_campaign_ids={"C7DEALS"}).allowed


def test_pending_upgrade_answers_pending_confirmation_for_the_higher_purpose_only() -> None:
    # Given an express opt-in and a web sign-up to the promotional campaign awaiting YES
    head = opted_in("express", pending_event_id="01PENDING")
    # When promotional and informational messages are checked
    promotional = check(head, PROMO, "promotional", NOON_SF, SF)
    informational = check(head, PROMO, "informational", NOON_SF, SF)
    # Then the promotional one waits for the confirmation and the informational one rides on the express opt-in
    assert (promotional.reason, promotional.event_id, promotional.tier) == (
        "pending_confirmation",
        "01PENDING",
        "express",
    )
    assert (informational.reason, informational.event_id) == ("ok", "01OPTIN")


def test_brand_state_that_is_not_an_opt_out_never_grants_consent() -> None:
    # Given a later brand-level opt-in (say START after STOPALL) and no opt-in to this campaign
    brand = {
        "status": "opted_in",
        "tier": "express_written",
        "event_id": "01START",
        "decided_at": "2026-06-01T00:00:00.000Z",
    }
    head = {"campaigns": {}, "brand_state": brand}
    # Then the campaign still has no consent
    assert check(head, PROMO, "promotional", NOON_SF, SF).reason == "no_consent"
    # And with an earlier opt-in to the campaign, that opt-in speaks again
    head["campaigns"] = opted_in("express_written")["campaigns"]
    assert check(head, PROMO, "promotional", NOON_SF, SF).event_id == "01OPTIN"


@pytest.mark.parametrize("brand_decided_at", [None, "not a time", "2026-01-10T12:00:00"])
def test_brand_opt_out_that_cannot_be_ordered_wins(brand_decided_at: str | None) -> None:
    # Given a brand opt-out whose time is missing, garbled or has no zone
    head = opted_in("express_written")
    head["brand_state"] = {"status": "opted_out", "event_id": "01STOPALL", "decided_at": brand_decided_at}
    # Then the conservative answer is the opt-out
    result = check(head, PROMO, "conversational", NOON_SF, SF)
    assert (result.reason, result.event_id) == ("opted_out", "01STOPALL")


def test_effective_state_prefers_the_campaign_opt_out_on_a_tie_with_the_brand_opt_out() -> None:
    head = {
        "campaigns": {
            "C7DEALS": {"status": "opted_out", "event_id": "01STOP", "decided_at": "2026-03-01T10:00:00.000Z"}
        },
        "brand_state": {"status": "opted_out", "event_id": "01STOPALL", "decided_at": "2026-03-01T10:00:00.000Z"},
    }
    assert effective_state(head, "C7DEALS").event_id == "01STOP"
    assert effective_state(None, "C7DEALS") is None
    assert effective_state({"campaigns": {}}, "C7DEALS") is None


def test_unknown_status_or_tier_is_treated_as_no_consent() -> None:
    # Given stored state the gate does not recognise
    odd_status = {"campaigns": {"C7DEALS": {"status": "archived", "tier": "express_written"}}}
    odd_tier = opted_in("gold")
    # Then nothing is allowed on its strength
    assert check(odd_status, PROMO, "informational", NOON_SF, SF).reason == "no_consent"
    assert check(odd_tier, PROMO, "informational", NOON_SF, SF).reason == "insufficient_tier"
    assert check(odd_tier, PROMO, "conversational", NOON_SF, SF).reason == "no_consent"


def test_instant_in_another_offset_is_judged_by_its_utc_moment() -> None:
    # Given 20:30 in Miami expressed with a +09:00 offset
    at = datetime(2026, 7, 16, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    result = check(opted_in("express_written"), PROMO, "promotional", at, "+13055550123")
    assert (result.reason, result.local_time) == ("quiet_hours", "2026-07-15T20:30:00-04:00")


def run_isolated(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONPATH": str(LAYER)}
    ).stdout.strip()


def test_importing_the_gate_and_non_promotional_checks_do_not_load_the_geocoder() -> None:
    # Given a fresh interpreter that imports the gate and answers an informational check
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from optledger.models import Campaign\n"
        "from optledger.sendgate import check\n"
        "loaded = [m for m in ('phonenumbers.geocoder', 'phonenumbers.timezone') if m in sys.modules]\n"
        "c = Campaign.from_dict({'id': 'C1', 'brand': 'acme', 'name': 'A', 'purpose': 'informational'})\n"
        "head = {'campaigns': {'C1': {'status': 'opted_in', 'tier': 'express'}}}\n"
        "assert check(head, c, 'informational', datetime.now(UTC), '+14155550123').allowed\n"
        "loaded += [m for m in ('phonenumbers.geocoder', 'phonenumbers.timezone') if m in sys.modules]\n"
        "check({'campaigns': {'C1': {'status': 'opted_in', 'tier': 'express_written'}}}, c, 'promotional',\n"
        "      datetime.now(UTC), '+14155550123')\n"
        "print(loaded, 'phonenumbers.geocoder' in sys.modules)\n"
    )
    # Then neither heavy table was loaded until the promotional check needed it
    assert run_isolated(code) == "[] True"
