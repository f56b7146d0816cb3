from __future__ import annotations

import json
from pathlib import Path

import pytest

from optledger.errors import ValidationError
from optledger.models import Campaign, tier_allows

DEMO = json.loads((Path(__file__).resolve().parents[2] / "events" / "campaigns.demo.json").read_text())


def test_demo_campaigns_are_valid_and_cover_every_purpose():
    campaigns = [Campaign.from_dict(doc) for doc in DEMO]
    assert {c.purpose for c in campaigns} == {"conversational", "informational", "promotional"}
    assert {c.tier for c in campaigns} == {"implied", "express", "express_written"}


def test_unknown_fields_are_refused_so_a_typo_never_changes_behaviour():
    doc = dict(DEMO[2], double_optin=True)
    with pytest.raises(ValidationError) as caught:
        Campaign.from_dict(doc)
    assert caught.value.fields == {"double_optin": "unknown field"}


def test_every_bad_field_is_named():
    with pytest.raises(ValidationError) as caught:
        Campaign.from_dict({"id": "bad id!", "brand": "Acme", "purpose": "marketing", "senders": ["12"]})
    assert set(caught.value.fields) == {
        "id",
        "brand",
        "name",
        "purpose",
        "senders",
        "help_text",
        "opt_out_text",
        "opt_in_text",
    }


@pytest.mark.parametrize("purpose", [[], ["promotional"], {}, {"a": 1}])
def test_a_purpose_of_the_wrong_type_is_a_422_not_a_crash(purpose):
    # Found by tests/integration/test_bad_input.py: an unhashable purpose was looked up in a dict (a 500).
    with pytest.raises(ValidationError) as caught:
        Campaign.from_dict(dict(DEMO[0], purpose=purpose))
    assert set(caught.value.fields) == {"purpose"}


def test_senders_are_normalised_and_short_codes_kept():
    campaign = Campaign.from_dict(dict(DEMO[0], senders=["(888) 555-0100", "86753"]))
    assert campaign.senders == ("+18885550100", "86753")


def test_consent_never_extends_upward():
    assert tier_allows("express_written", "promotional")
    assert tier_allows("express", "informational") and not tier_allows("express", "promotional")
    assert tier_allows("implied", "conversational") and not tier_allows("implied", "informational")
    assert not tier_allows(None, "conversational")
