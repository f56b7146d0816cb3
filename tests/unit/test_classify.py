"""The reply classifier against FCC 24-24: keywords, reasonable-person phrases, traps, review and scope."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optledger import classify as classifier
from optledger.classify import classify

DATA = Path(__file__).resolve().parents[1] / "data"
JOIN_KEYWORDS = ("DEALS", "VIP")  # the join keywords the corpora assume (rows noted "join keyword")
LABELS = {"opt_out", "opt_in", "help", "message", "review"}


def label_of(text: str) -> str:
    verdict = classify(text, join_keywords=JOIN_KEYWORDS)
    return "review" if verdict.review else verdict.action


# --- keywords -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "Stop.",
        "STOP!!",
        " stop ",
        "stop 🛑",
        "🛑 STOP 🛑",
        "*stop*",
        "Unsubscribe",
        "CANCEL",
        "end",
        "Quit!",
        "REVOKE",
        "optout",
        "OPT OUT",
        "opt-out",
        "Remove",
        "ARRET",
        "Arrêt",
        "stop\n",
    ],
)
def test_opt_out_keywords_after_trimming_whitespace_case_punctuation_and_emoji(text):
    # Given a reply that is only an opt-out keyword, When it is classified
    verdict = classify(text)
    # Then it is a per-se revocation of sender scope
    assert (verdict.action, verdict.detected_by, verdict.scope, verdict.review) == (
        "opt_out",
        "keyword",
        "sender",
        False,
    )


@pytest.mark.parametrize("text", ["STOPALL", "stop all", "Stop All!", "STOP ALL"])
def test_stop_all_keyword_has_brand_scope(text):
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by, verdict.scope) == ("opt_out", "keyword", "brand")


@pytest.mark.parametrize(("text", "matched"), [("START", "START"), ("unstop", "UNSTOP"), ("Yes!", "YES"), ("y", "Y")])
def test_opt_in_keywords_including_the_double_opt_in_y(text, matched):
    verdict = classify(text)
    assert (verdict.action, verdict.matched, verdict.detected_by) == ("opt_in", matched, "keyword")


def test_join_keyword_matches_and_reports_the_campaigns_spelling():
    # Given a campaign whose join keyword is spelt "Deals"
    verdict = classify(" DEALS! ", join_keywords=["Deals"])
    # Then the reply opts in and names the keyword as the campaign has it, so the ledger can find the campaign
    assert (verdict.action, verdict.matched, verdict.detected_by) == ("opt_in", "Deals", "keyword")


@pytest.mark.parametrize("text", ["yes please", "UNSTOP please", "Yes I'll be there", "Sure", "Si"])
def test_opt_in_is_strict_so_no_consent_is_invented(text):
    assert classify(text).action == "message"


@pytest.mark.parametrize("text", ["HELP", "help?", "Info.", "AYUDA"])
def test_help_keywords(text):
    assert (classify(text).action, classify(text).detected_by) == ("help", "keyword")


def test_an_opt_out_keyword_is_never_taken_for_a_join_keyword():
    assert classify("STOP", join_keywords=["STOP"]).action == "opt_out"


# --- revocation in other words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "please stop texting me",
        "Stop. Thank you",
        "stop please",
        "take me off your list",
        "unsubscribe me",
        "no more texts",
        "don't text me again",
        "do not contact me",
        "remove me",
        "leave me alone",
        "wrong number, stop",
        "wrong number",
        "Stop f*cking texting me",
        "I said STOP",
        "STOP STOP STOP",
        "stpo",
        "STOPPP",
        "how do I unsubscribe?",
        "I already opted out",
        "Please remove my number",
        "alto",
        "baja",
        "no me envíen más mensajes",
        "ya no quiero recibir mensajes",
        "cancelar",
        "Dejen de enviarme mensajes",
        "número equivocado",
        "Cancel please",
        "End.",
        "🛑",
    ],
)
def test_reasonable_person_revocations_are_opt_outs_by_phrase(text):
    # Given a reply a reasonable person reads as "no more texts", When it is classified
    verdict = classify(text)
    # Then it is an opt-out found by phrase (or, for a bare keyword, by keyword), never sent to review
    assert verdict.action == "opt_out"
    assert verdict.detected_by in {"phrase", "keyword"}
    assert verdict.matched
    assert not verdict.review


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Unsubscribe from all", "brand"),
        ("stop all texts please", "brand"),
        ("STOP ALL please", "brand"),
        ("stop texting me", "sender"),
        ("Stop. Thanks", "sender"),
    ],
)
def test_scope_of_phrases(text, scope):
    verdict = classify(text)
    assert (verdict.action, verdict.scope) == ("opt_out", scope)


def test_an_opt_out_wins_over_an_opt_in_word_in_the_same_reply():
    assert classify("yes stop").action == "opt_out"


# --- traps: ordinary messages that use the words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll stop by at 5",
        "can't stop laughing",
        "is the store open until end of day?",
        "cancel my appointment",
        "don't stop the deals coming",
        "stop sign on main street",
        "when does the sale end?",
        "remove the item from my cart",
        "Can you stop the delivery, I won't be home",
        "It won't stop raining",
        "Stop & Shop has it cheaper",
        "Non-stop deals all weekend?",
        "Quiero cancelar mi cita",
        "who is this?",
        "Cancel, my appointment moved",
        "Don't cancel my order!",
        "👍",
    ],
)
def test_traps_are_ordinary_messages_without_review(text):
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by, verdict.review) == ("message", None, False)


# --- unclear replies go to a person -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "Not interested",
        "No thanks",
        "no me interesa",
        "How did you get my number?",
        "I never signed up",
        "Too many texts",
        "Cancel my subscription",
        "Please don't text after 9pm",
        "Can you email me instead?",
        "What happens if I text stop?",
        "👎",
    ],
)
def test_unclear_replies_are_messages_flagged_for_review(text):
    # Given a reply that might be a revocation depending on the conversation, When it is classified
    verdict = classify(text)
    # Then it is recorded as a message, flagged, with the words that made it suspicious
    assert (verdict.action, verdict.detected_by, verdict.review) == ("message", "review", True)
    assert verdict.matched


# --- the word lists are data ------------------------------------------------------------------------------------------


def test_every_keyword_in_the_data_file_is_honoured():
    data = json.loads((Path(classifier.__file__).parent / "data" / "keywords.json").read_text(encoding="utf-8"))
    for action, words in data["keywords"].items():
        for word in words:
            assert classify(word.lower()).action == action, word
    assert {"STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE"} <= set(data["keywords"]["opt_out"])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_a_consistent_verdict(text):
    verdict = classify(text)
    assert verdict.action in {"opt_out", "opt_in", "help", "message"}
    assert verdict.scope in {"sender", "brand"}
    if verdict.review:
        assert (verdict.action, verdict.detected_by) == ("message", "review")
    assert (verdict.detected_by is None) == (verdict.matched is None)


# --- the labelled corpora -------------------------------------------------------------------------------------------


def read_corpus(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_corpus_is_large_varied_and_well_formed():
    rows = read_corpus("replies.csv")
    assert len(rows) >= 300
    assert {row["label"] for row in rows} == LABELS
    assert len({row["text"] for row in rows}) == len(rows)


@pytest.mark.parametrize("name", ["replies.csv", "replies_holdout.csv"])
def test_revocation_precision_and_recall_on_the_corpus_are_at_least_98_percent(name):
    # Given the labelled replies, When each is classified
    rows = read_corpus(name)
    got = [label_of(row["text"]) for row in rows]
    expected = [row["label"] for row in rows]
    true_positive = sum(g == e == "opt_out" for g, e in zip(got, expected, strict=True))
    precision = true_positive / sum(g == "opt_out" for g in got)
    recall = true_positive / sum(e == "opt_out" for e in expected)
    # Then revocations are found and nothing else is taken for one (a correctness floor, not a timing)
    missed = [row["text"] for row, g in zip(rows, got, strict=True) if (g == "opt_out") != (row["label"] == "opt_out")]
    assert precision >= 0.98, missed
    assert recall >= 0.98, missed
