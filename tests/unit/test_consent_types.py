"""The typed consent state reads and writes the chain head's stored JSON unchanged, and the gate takes a view typed or
as JSON alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from optledger.consent import CampaignView, ChainState, apply_event, campaign_view, effective
from optledger.models import Campaign
from optledger.sendgate import check
from tests.support import REPLY_TEXTS

# A head's state as version 1 wrote it: every fact a campaign can hold, a campaign a HELP touched, a STOPALL.
STORED_V1 = {
    "v": 1,
    "campaigns": {
        "C1": {
            "base": {
                "status": "opted_in",
                "tier": "express",
                "event_id": "E1",
                "decided_at": "2026-11-01T10:00:00.000Z",
            },
            "pending": {"event_id": "E2", "at": "2026-11-02T10:00:00.000Z", "expires_at": "2026-11-05T10:00:00.000Z"},
            "inbound": {"event_id": "E4", "at": "2026-11-04T10:00:00.000Z"},
            "reviews": {"E4": "2026-11-04T10:00:00.000Z", "E3": "2026-11-03T10:00:00.000Z"},
        },
        "C2": {},
    },
    "brand": {
        "base": {"status": "opted_out", "tier": None, "event_id": "E0", "decided_at": "2026-10-01T10:00:00.000Z"}
    },
}


def test_a_stored_state_reads_and_writes_back_byte_for_byte() -> None:
    state = ChainState.from_stored(STORED_V1)
    assert json.dumps(state.to_stored(), sort_keys=True) == json.dumps(STORED_V1, sort_keys=True)
    assert [review.event_id for review in state.campaigns["C1"].reviews] == ["E3", "E4"]  # oldest first


def test_the_stored_form_and_the_typed_state_give_the_same_view() -> None:
    for campaign_id in ("C1", "C2", "C9"):
        typed = campaign_view(ChainState.from_stored(STORED_V1), campaign_id, now="2026-11-06T00:00:00.000Z")
        assert typed == campaign_view(STORED_V1, campaign_id, now="2026-11-06T00:00:00.000Z")
        assert CampaignView.from_json(typed.to_json()) == typed


def test_the_fold_never_changes_the_state_it_was_given() -> None:
    before = ChainState.from_stored(STORED_V1)
    after = apply_event(before, {"event_id": "E9", "type": "opt_out", "occurred_at": "2026-11-09T10:00:00.000Z",
                                 "campaigns": ["C1"]}, tiers={})  # fmt: skip
    assert before == ChainState.from_stored(STORED_V1)
    assert (effective(before, "C1")["status"], effective(after, "C1")["status"]) == ("opted_in", "opted_out")
    with pytest.raises(AttributeError):
        after.brand_base = None  # type: ignore[misc]


def test_the_gate_answers_a_typed_view_and_its_json_alike() -> None:
    campaign = Campaign.from_dict({"id": "C1", "brand": "acme", "name": "A", "purpose": "promotional", **REPLY_TEXTS})
    at = datetime(2026, 11, 6, 19, tzinfo=UTC)
    for campaign_id in ("C1", "C2"):
        view = campaign_view(STORED_V1, campaign_id, now=at)
        for purpose in ("conversational", "informational", "promotional"):
            typed = check(view, campaign, purpose, at, "+14155550123")
            assert typed == check(view.to_json(), campaign, purpose, at, "+14155550123")
