"""A learned second opinion on the replies in which the rules find no cue at all: an ordinary message, or review?

Rules decide every reply that has a cue (a stop word, a refusal, a wrong number...). What they cannot list is the
open set of replies with no such word that a person would still hesitate over ("cancelen todo", "remove my
husband", "ay ya"). For those, a logistic regression over the words of the masked reply (the flat form with every
cue the rules read as something else written "~"), its length and a question mark gives a score; above the
cut-off the reply is queued for review rather than recorded as an ordinary message. The model only ever adds
review: it never honours a revocation, and never overrules a rule.

The weights are data (``data/reply_model.json``), trained by ``bench/train_reply_model.py`` on the labelled reply
corpora, which also chooses the cut-off by leave-one-corpus-out validation and records the digests of what it read.
Scoring is one dictionary lookup per word: no exponent, the cut-off is kept as a logit. Word pairs were tried and
left out: leave-one-corpus-out they queued fewer unclear replies, and cost a lookup more per word.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from typing import NamedTuple

from optledger.classify import _DATA_DIR
from optledger.reply_rules import phrase_data
from optledger.reply_text import phrase_words

MODEL_FILE = _DATA_DIR / "reply_model.json"
_LENGTH_CAP = 8  # replies of eight words or more share one length feature
_LENGTHS = tuple(f"#len{length}" for length in range(_LENGTH_CAP + 1))
_ZEROS = itertools.repeat(0.0)  # the default of every weight lookup: map() pairs it with each feature


class _Model(NamedTuple):
    bias: float
    weights: dict[str, float]
    cutoff: float  # the logit of the probability above which a reply is queued


@cache
def _model() -> _Model:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return _Model(float(data["bias"]), data["weights"], float(data["cutoff_logit"]))


@cache
def _ordinary_replies() -> frozenset[str]:
    return phrase_words(phrase_data()["ordinary_replies"])


def named_ordinary(words: list[str]) -> bool:
    """Whether these words (courtesy words dropped) are a reply the labelling convention names ordinary."""
    return " ".join(words) in _ordinary_replies()


def features(marked: str, text: str) -> list[str]:
    """Words of the masked reply (a clause break is a word), its length, a question mark, non-ASCII."""
    words = marked.split()
    return [
        *words,
        _LENGTHS[min(len(words), _LENGTH_CAP)],
        "#question" if "?" in text else "#statement",
        "#ascii" if text.isascii() else "#non-ascii",
    ]


def score(marked: str, text: str) -> float:
    """The logit that a person would hesitate over this reply (a word counts as often as it occurs)."""
    model = _model()
    return model.bias + sum(map(model.weights.get, features(marked, text), _ZEROS))


def seems_unclear(marked: str, text: str) -> bool:
    return score(marked, text) > _model().cutoff
