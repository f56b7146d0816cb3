"""The one reading of a detector verdict as a corpus label, for the reply-classification tests."""

from __future__ import annotations

from optledger.classify import classify

JOIN_KEYWORDS = ("DEALS", "VIP")  # the join keywords the reply corpora assume


def label_of(text: str) -> str:
    """``opt_out``, ``opt_in``, ``help``, ``message`` or ``review`` (a message queued for a person)."""
    verdict = classify(text, join_keywords=JOIN_KEYWORDS)
    return "review" if verdict.review else verdict.action


def check(text: str, expected: str) -> None:
    assert label_of(text) == expected, (text, classify(text, join_keywords=JOIN_KEYWORDS))
