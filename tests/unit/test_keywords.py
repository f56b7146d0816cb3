from __future__ import annotations

import pytest

from optledger.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "stop",
        " Stop. ",
        "STOP!!",
        "stop 🛑",
        "Unsubscribe",
        "cancel",
        "END",
        "quit",
        "revoke",
        "OPT OUT",
        "opt-out",
        "optout",
        "remove",
        "Arrêt",
    ],
)
def test_opt_out_keywords_match_after_trimming_case_and_punctuation(text):
    verdict = classify(text)
    assert verdict.action == "opt_out"
    assert verdict.detected_by == "keyword"
    assert verdict.scope == "sender"


@pytest.mark.parametrize("text", ["STOPALL", "stop all", "Stop All!"])
def test_stop_all_opts_out_of_the_whole_brand(text):
    verdict = classify(text)
    assert (verdict.action, verdict.scope) == ("opt_out", "brand")


@pytest.mark.parametrize(
    ("text", "action"),
    [("START", "opt_in"), ("unstop", "opt_in"), ("Yes", "message"), ("HELP", "help"), ("info?", "help")],
)
def test_opt_in_and_help_keywords(text, action):
    assert classify(text).action == action


def test_join_keywords_of_the_campaign_opt_in():
    verdict = classify("deals!", join_keywords=["DEALS"])
    assert (verdict.action, verdict.matched) == ("opt_in", "DEALS")


def test_ordinary_text_is_a_message():
    assert classify("Is my order ready?").action == "message"
