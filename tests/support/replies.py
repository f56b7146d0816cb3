"""The one reading of a detector verdict as a corpus label, for the reply-classification tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from optledger.classify import classify

LAYER = Path(__file__).resolve().parents[2] / "layers" / "optledger"

JOIN_KEYWORDS = ("DEALS", "VIP")  # the join keywords the reply corpora assume


def label_of(text: str, names: tuple[str, ...] = ()) -> str:
    """``opt_out``, ``opt_in``, ``help``, ``message`` or ``review`` (a message queued for a person); ``names``: the
    business names the webhook would pass for the number the reply reached."""
    verdict = classify(text, join_keywords=JOIN_KEYWORDS, names=names)
    return "review" if verdict.review else verdict.action


def check(text: str, expected: str) -> None:
    assert label_of(text) == expected, (text, classify(text, join_keywords=JOIN_KEYWORDS))


def in_fresh_interpreter(probe: str) -> list[str]:
    """The words ``probe`` prints when run by a new interpreter that sees only the layer (what a cold start loads)."""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env={"PYTHONPATH": str(LAYER)}
    )
    return done.stdout.split()
