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


@pytest.mark.parametrize(
    "text",
    ["take my son off this", "I'm not a patient there anymore", "como me quito de aqui", "cancelen todo x fa"],
)
def test_a_reply_with_no_cue_worded_like_unclear_replies_is_queued(text):
    verdict = classify(text)
    assert verdict == Classification("message", UNCLEAR_WORDING, "review", review=True)


@pytest.mark.parametrize(
    "text", ["See you at 5, thanks", "Can I get a refill?", "What time do you open tomorrow?", "Gracias, nos vemos"]
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
