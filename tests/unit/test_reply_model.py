"""The learned second opinion of the reply detector (optledger.reply_model): where it acts, and that it is current."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from optledger import reply_model
from optledger.classify import Classification, classify
from optledger.classify_phrases import UNCLEAR_WORDING

ROOT = Path(__file__).resolve().parents[2]
CORPORA = sorted((ROOT / "tests" / "data").glob("replies*.csv")) + sorted((ROOT / "bench" / "heldout").glob("*.csv"))


def test_shipped_model_is_what_training_gives_now():
    """A changed corpus or mask changes the features: the data file must be retrained, not left stale."""
    result = subprocess.run(
        [sys.executable, "bench/train_reply_model.py", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_reply_with_no_cue_is_queued_when_the_model_scores_it_above_the_cut_off(monkeypatch):
    """The mechanics, on a model of our own: the words of the masked reply are summed against the cut-off."""
    model = reply_model._Model(bias=-1.0, weights={"todo": 2.5, "#question": -5.0}, cutoff=1.0)
    monkeypatch.setattr(reply_model, "_model", lambda: model)
    assert classify("cancelen todo x fa") == Classification("message", UNCLEAR_WORDING, "review", review=True)
    assert classify("cancelen todo?") == Classification("message")  # -1 + 2.5 - 5: below
    assert classify("see you at 5") == Classification("message")  # no word of weight: the bias alone


def test_the_model_is_not_asked_about_courtesy_words_alone_nor_one_word(monkeypatch):
    model = reply_model._Model(bias=5.0, weights={}, cutoff=0.0)  # it would queue everything
    monkeypatch.setattr(reply_model, "_model", lambda: model)
    for text in (
        "Thank you!",
        "ok thanks",
        "gracias!!",
        "👍 thx",
        "ALERTS",
        "Maria",
        "alerts please",
        "who is this??",
        "¿Quién habla?",
    ):
        assert classify(text) == Classification("message"), text
    assert classify("see you at 5").review


def test_the_shipped_model_queues_most_unclear_replies_it_was_trained_on():
    """A sanity check of the data file, not a figure: the validated figures are printed by the training script."""
    rows = [row for path in CORPORA for row in csv.DictReader(path.open(encoding="utf-8"))]
    unclear = [classify(row["text"]) for row in rows if row["label"] == "review"]
    assert sum(verdict.matched == UNCLEAR_WORDING for verdict in unclear) >= 100


@pytest.mark.parametrize(
    "text",
    ["See you at 5, thanks", "Can I get a refill?", "What time do you open tomorrow?", "Gracias, nos vemos", "ok"],
)
def test_an_ordinary_reply_stays_a_message(text):
    assert classify(text) == Classification("message")


def test_the_model_only_ever_turns_a_plain_message_into_review(monkeypatch):
    """It never honours a revocation, never overrules a rule, never touches a keyword: compared on every corpus."""
    texts = [row["text"] for path in CORPORA for row in csv.DictReader(path.open(encoding="utf-8"))]
    with_model = [classify(text, join_keywords=("DEALS",)) for text in texts]
    monkeypatch.setattr(reply_model, "seems_unclear", lambda marked, text: False)
    changed = [
        (before, after)
        for before, after in zip((classify(t, join_keywords=("DEALS",)) for t in texts), with_model, strict=True)
        if before != after
    ]
    assert changed, "the model queues some reply of the corpora"
    assert all(
        before == Classification("message") and after.matched == UNCLEAR_WORDING and after.review
        for before, after in changed
    )


def test_the_score_counts_each_word_and_the_reply_shape():
    features = reply_model.features("stop stop | ~ texts", "Stop stop. Nope texts?")
    assert features.count("stop") == 2
    assert {"|", "~", "#len5", "#question", "#ascii"} <= set(features)
    assert reply_model.score("", "") == pytest.approx(
        reply_model._model().bias
        + sum(reply_model._model().weights.get(f, 0.0) for f in ("#len0", "#statement", "#ascii"))
    )
