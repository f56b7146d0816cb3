"""The send gate: the compliance case table (tests/data/send_gate_cases.csv), then the edges a table cannot show."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from optledger import quiet_hours
from optledger.consent import apply_event
from optledger.errors import ValidationError
from optledger.models import Campaign
from optledger.sendgate import PURPOSES, REASONS, CheckResult, answer, check
from optledger.timeutil import format_ts, parse_ts
from tests.support import REPLY_TEXTS

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
    "review_at",
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
EVENT_IDS = {
    "own": "01OWNEVENT",
    "brand": "01BRANDSTOPALL",
    "pending": "01PENDINGSIGNUP",
    "inbound": "01INBOUNDMESSAGE",
    "review": "01UNCLEARREPLY",
    "": None,
}
LAYER = Path(__file__).parents[2] / "layers" / "optledger"


def load_cases() -> list[dict[str, str]]:
    with CASES_FILE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


CASES = load_cases()


def stamp(text: str) -> str | None:
    return format_ts(parse_ts(text)) if text else None


def campaign_for(row: dict[str, str]) -> Campaign:
    data = {"id": "C7DEALS", "brand": "acme", "name": "Acme", "purpose": row["campaign_purpose"], **REPLY_TEXTS}
    if row["conversation_window_hours"]:
        data["conversation_window_hours"] = int(row["conversation_window_hours"])
    return Campaign.from_dict(data)


class Undecided:
    """The store as the gate sees it: every queued reply of the table is still waiting for a person."""

    def get_review(self, brand: str, event_id: str) -> dict:
        assert event_id == EVENT_IDS["review"]
        return {"event_id": event_id}


def events_for(row: dict[str, str]) -> list[dict]:
    """The ledger events that lead to the row's state: opt-in (or, for implied consent, the consumer's first
    message), opt-out, double opt-in request, the consumer's last message, a brand-scope STOPALL."""
    events: list[dict] = []

    def add(event_id: str, kind: str, at: str, tier: str | None = None, *, brand_scope: bool = False) -> None:
        events.append(
            {
                "event_id": event_id,
                "type": kind,
                "campaigns": ["C7DEALS"],
                "occurred_at": stamp(at),
                "tier": tier,
                "brand_scope": brand_scope,
            }
        )

    consent_kind, tier, decided = row["consent"], row["consent_tier"] or None, row["decided_at"]
    if consent_kind == "opted_in":
        add(EVENT_IDS["own"], "opt_in", decided, tier)
    elif consent_kind == "opted_out":
        add(EVENT_IDS["own"], "opt_out", decided)
    elif consent_kind == "pending":
        add(EVENT_IDS["pending"], "pending", decided)
    if row["last_inbound_at"]:
        add(EVENT_IDS["inbound"], "message", row["last_inbound_at"])
    if row["brand_opt_out_at"]:
        add(EVENT_IDS["brand"], "opt_out", row["brand_opt_out_at"], brand_scope=True)
    if row["review_at"]:
        add(EVENT_IDS["review"], "message", row["review_at"])
        events[-1]["evidence"] = {"detected_by": "review", "review": True}
    return events


def state_for(row: dict[str, str]) -> dict | None:
    """The chain head's state as production folds it from the row's events (None: the number was never seen)."""
    state = None
    for event in events_for(row):
        tiers = {"C7DEALS": event["tier"]} if event["tier"] else {}
        state = apply_event(state, event, tiers=tiers, brand_scope=event["brand_scope"])
    return state


def gate(row: dict[str, str], at: datetime) -> CheckResult:
    return answer(state_for(row), campaign_for(row), row["purpose"], at, row["phone"], store=Undecided(), now=at)


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
    # Given the events of the row, folded by the production code into the chain head's state
    # When the sender asks whether it may send this purpose at this instant
    result = gate(row, parse_ts(row["at_utc"]))
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
        again = gate(row, reopening)
        before = gate(row, reopening - timedelta(minutes=1))
        # Then it is allowed at the reopening and still quiet a minute before
        assert again.allowed, row["case"]
        assert before.reason == "quiet_hours", row["case"]


# --- edges beyond the table ---------------------------------------------------------------------------------------

PROMO = Campaign.from_dict(
    {"id": "C7DEALS", "brand": "acme", "name": "Acme Deals", "purpose": "promotional", **REPLY_TEXTS}
)
NOON_SF = datetime(2026, 7, 15, 19, 0, tzinfo=UTC)
T_APRIL = "2026-04-01T10:00:00.000Z"
SF = "+14155550123"


def opted_in(tier: str, **extra: str) -> dict:
    """A campaign's view as :func:`optledger.consent.effective` gives it."""
    return {
        "status": "opted_in",
        "tier": tier,
        "event_id": "01OPTIN",
        "decided_at": "2026-01-10T12:00:00.000Z",
        **extra,
    }


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


def fold(*events: tuple[str, str, str, bool]) -> dict:
    state = None
    for event_id, kind, at, brand_scope in events:
        event = {"event_id": event_id, "type": kind, "campaigns": ["C7DEALS"], "occurred_at": at}
        state = apply_event(state, event, tiers={"C7DEALS": "express_written"}, brand_scope=brand_scope)
    return state


class Reviews:
    def __init__(self, **decided: bool) -> None:
        self.decided = decided

    def get_review(self, brand: str, event_id: str) -> dict | None:
        if event_id not in self.decided:
            return None
        return {
            "event_id": event_id,
            **({"resolved": {"decision": "not_revocation"}} if self.decided[event_id] else {}),
        }


def test_a_start_after_stopall_lets_the_campaign_speak_again() -> None:
    # Given a STOPALL and, later, a START to this campaign
    state = fold(("01STOPALL", "opt_out", "2026-03-01T10:00:00.000Z", True), ("01START", "opt_in", T_APRIL, False))
    # Then the later opt-in decides; before it, the brand opt-out did
    assert answer(state, PROMO, "informational", NOON_SF, SF, store=Reviews()).event_id == "01START"
    earlier = fold(("01START", "opt_in", "2026-02-01T10:00:00.000Z", False), ("01STOPALL", "opt_out", T_APRIL, True))
    result = answer(earlier, PROMO, "conversational", NOON_SF, SF, store=Reviews())
    assert (result.reason, result.event_id) == ("opted_out", "01STOPALL")


def test_an_undecided_review_holds_marketing_but_not_conversation() -> None:
    # Given an express written opt-in, then an unclear reply queued for review
    state = fold(("01OPTIN", "opt_in", "2026-01-10T12:00:00.000Z", False))
    state = apply_event(
        state,
        {
            "event_id": "01UNCLEAR",
            "type": "message",
            "campaigns": ["C7DEALS"],
            "occurred_at": T_APRIL,
            "evidence": {"detected_by": "review"},
        },
        tiers={},
    )
    undecided = Reviews(**{"01UNCLEAR": False})
    # Then informational and promotional sends wait for the decision, naming the reply
    for purpose in ("informational", "promotional"):
        result = answer(state, PROMO, purpose, NOON_SF, SF, store=undecided)
        assert (result.allowed, result.reason, result.event_id) == (False, "review_pending", "01UNCLEAR")
    # And a conversational reply is still allowed (the express written opt-in covers it)
    assert answer(state, PROMO, "conversational", NOON_SF, SF, store=undecided).allowed
    # And once decided "not a revocation" the hold is released
    assert answer(state, PROMO, "promotional", NOON_SF, SF, store=Reviews(**{"01UNCLEAR": True})).allowed
    # And a queue item that cannot be found holds too: when in doubt, the gate says no
    assert answer(state, PROMO, "promotional", NOON_SF, SF, store=Reviews()).reason == "review_pending"
    # And a later opt-in answers the doubt: the consumer spoke again
    later = fold(("01AGAIN", "opt_in", "2026-05-01T10:00:00.000Z", False))
    for event in (
        {"event_id": "01OPTIN", "type": "opt_in", "campaigns": ["C7DEALS"], "occurred_at": "2026-01-10T12:00:00.000Z"},
    ):
        later = apply_event(later, event, tiers={"C7DEALS": "express_written"})
    later = apply_event(
        later,
        {
            "event_id": "01UNCLEAR",
            "type": "message",
            "campaigns": ["C7DEALS"],
            "occurred_at": T_APRIL,
            "evidence": {"detected_by": "review"},
        },
        tiers={},
    )
    assert answer(later, PROMO, "promotional", NOON_SF, SF, store=undecided).allowed


def test_unknown_status_or_tier_is_treated_as_no_consent() -> None:
    # Given stored state the gate does not recognise
    odd_status = {"status": "archived", "tier": "express_written"}
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
        "c = Campaign.from_dict({'id': 'C1', 'brand': 'acme', 'name': 'A', 'purpose': 'informational',\n"
        "    'help_text': 'h', 'opt_out_text': 'o', 'opt_in_text': 'i'})\n"
        "view = {'status': 'opted_in', 'tier': 'express'}\n"
        "assert check(view, c, 'informational', datetime.now(UTC), '+14155550123').allowed\n"
        "loaded += [m for m in ('phonenumbers.geocoder', 'phonenumbers.timezone') if m in sys.modules]\n"
        "check({'status': 'opted_in', 'tier': 'express_written'}, c, 'promotional',\n"
        "      datetime.now(UTC), '+14155550123')\n"
        "print(loaded, 'phonenumbers.geocoder' in sys.modules)\n"
    )
    # Then neither heavy table was loaded until the promotional check needed it
    assert run_isolated(code) == "[] True"
