"""The disclosure checker: each required element is named when missing; complete disclosures pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from optledger.disclosures import REQUIREMENTS, check, check_all, missing_elements
from optledger.errors import ValidationError
from optledger.models import Campaign

DEMO = {
    d["id"]: d for d in json.loads((Path(__file__).resolve().parents[2] / "events/campaigns.demo.json").read_text())
}
DEALS = Campaign.from_dict(DEMO["C7DEALS"])  # promotional: express written consent
ALERTS = Campaign.from_dict(DEMO["C7ALERTS"])  # informational: express consent

# A complete promotional disclosure as parts, one per element, so each can be dropped in turn.
PARTS = {
    "program": "from Acme Deals",
    "sms": "recurring automated marketing text messages (SMS)",
    "not_a_condition": "Consent is not a condition of purchase.",
    "frequency": "Msg frequency varies.",
    "rates": "Msg & data rates may apply.",
    "stop": "Reply STOP to cancel,",
    "help": "HELP for help.",
    "terms": "Terms: https://acme.example/terms",
    "privacy": "Privacy: https://acme.example/privacy",
}


def disclosure(without: str | None = None) -> str:
    sms = PARTS["sms"] if without != "sms" else "communications"
    program = PARTS["program"] if without != "program" else "from us"
    rest = [text for name, text in PARTS.items() if name not in ("sms", "program", without)]
    return " ".join(["By checking this box, I agree to receive", sms, program, "at the number provided.", *rest])


def test_a_complete_disclosure_passes():
    assert missing_elements(disclosure(), DEALS) == {}
    assert check(disclosure(), DEALS) == disclosure()


@pytest.mark.parametrize("element", list(PARTS))
def test_each_missing_element_is_named(element):
    with pytest.raises(ValidationError) as caught:
        check(disclosure(without=element), DEALS)
    assert caught.value.status == 422
    assert set(caught.value.fields) == {f"disclosure.{element}"}
    assert element in caught.value.message


def test_every_requirement_is_exercised():
    assert {r.name for r in REQUIREMENTS} == set(PARTS)


def test_opt_into_communications_is_not_sms():
    text = disclosure().replace("recurring automated marketing text messages (SMS)", "communications")
    assert set(missing_elements(text, DEALS)) == {"sms"}


def test_not_a_condition_of_purchase_is_only_required_for_express_written_consent():
    text = disclosure(without="not_a_condition").replace("Acme Deals", "Acme Order Alerts")
    assert missing_elements(text, ALERTS) == {}
    assert set(missing_elements(text.replace("Acme Order Alerts", "Acme Deals"), DEALS)) == {"not_a_condition"}


def test_stop_and_help_must_be_instructions_not_ordinary_words():
    text = disclosure().replace("Reply STOP to cancel,", "you can stop any time,").replace("HELP for help.", "")
    assert set(missing_elements(text, DEALS)) == {"stop", "help"}
    lowered = disclosure().replace("Reply STOP", "reply stop").replace("HELP for help.", "text help for help.")
    assert missing_elements(lowered, DEALS) == {}


@pytest.mark.parametrize(
    "frequency", ["Message frequency varies.", "Up to 4 msgs/month.", "2 messages per week.", "One-time passcode."]
)
def test_frequency_wordings(frequency):
    assert missing_elements(disclosure().replace("Msg frequency varies.", frequency), DEALS) == {}


@pytest.mark.parametrize(
    "rates", ["Message and data rates may apply.", "Msg&data rates may apply.", "Standard data rates may apply."]
)
def test_rates_wordings(rates):
    assert missing_elements(disclosure().replace("Msg & data rates may apply.", rates), DEALS) == {}


def test_terms_and_privacy_need_links_not_just_words():
    text = disclosure().replace("https://acme.example/terms", "on our site").replace("https://acme.example/privacy", "")
    assert set(missing_elements(text, DEALS)) == {"terms", "privacy"}


def test_the_brand_alone_names_the_program():
    assert missing_elements(disclosure().replace("Acme Deals", "ACME"), DEALS) == {}


def test_demo_disclosures_pass_and_check_all_names_the_index():
    for campaign in (DEALS, ALERTS):
        check_all(campaign.disclosures, campaign)
    with pytest.raises(ValidationError) as caught:
        check_all([disclosure(), disclosure(without="rates")], DEALS)
    assert caught.value.fields == {"disclosures[1].rates": {r.name: r.asks for r in REQUIREMENTS}["rates"]}


def test_empty_or_huge_disclosures_are_refused():
    for text in ("", "   ", None, 42, "x" * 4001):
        with pytest.raises(ValidationError):
            check(text, DEALS)
