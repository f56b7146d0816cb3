"""The language test of the reply detector: English words it must know, other languages it must still queue."""

from __future__ import annotations

import pytest

from optledger import reply_languages
from optledger.classify import OTHER_LANGUAGE, Classification, classify


@pytest.mark.parametrize(
    "text",
    [
        "the garbage disposal is jammed",
        "he finished the homework",
        "suite 210 second floor",
        "hope you feel better",
        "the brushes stopped spinning in bay 2",
    ],
)
def test_everyday_english_with_rarer_words_is_an_ordinary_message(text):
    """Words outside the curated list (disposal, jammed, homework, suite) are English: the dictionary says so."""
    assert classify(text) == Classification("message")


def test_without_the_dictionary_those_replies_were_queued_as_another_language(monkeypatch):
    monkeypatch.setattr(reply_languages, "_dictionary", frozenset)
    assert classify("the garbage disposal is jammed").matched == OTHER_LANGUAGE


@pytest.mark.parametrize("text", ["ko can nua", "chega", "ne interesuet", "fa cuo ren le", "se pa bon nimewo"])
def test_short_words_of_other_languages_are_not_taken_for_english(text):
    """The dictionary is trusted from four letters: "ko", "can", "ne", "pa", "bon" are words of several languages."""
    assert classify(text).review


def test_the_dictionary_holds_folded_words_of_four_letters_or_more():
    words = reply_languages._dictionary()
    assert len(words) > 80_000
    assert {"disposal", "homework", "jammed"} <= words
    assert all(len(word) >= 4 and word.isascii() and word.islower() for word in words)
