"""The detector's first replies on a cold start: what they must not compile or index.

The first reply in words indexes the phrase rules and compiles the ones it can match; a cold start pays for both
(``bench/cold_invocations.py`` measures it, nothing is timed here). These tests catch work that a cold start's first
English replies do not need coming back: the other-script rules, and a split that gives another index.
"""

from __future__ import annotations

import pytest

from optledger import reply_rules
from tests.support.replies import in_fresh_interpreter


def test_english_replies_compile_none_of_the_rules_for_other_scripts_and_languages():
    # Given a fresh interpreter, When it classifies English and Spanish replies
    probe = (
        "from optledger.classify import classify\n"
        "from optledger import reply_languages\n"
        "for text in ('please stop texting me', 'can I come at 5?', 'ya no me manden mensajes', 'I quit smoking'):\n"
        "    classify(text)\n"
        "print(reply_languages._unread.cache_info().currsize)\n"
        "classify('明天几点开门？')\n"
        "print(reply_languages._unread.cache_info().currsize)\n"
    )
    out = in_fresh_interpreter(probe)
    # Then the other-script and other-language rules are compiled on the first reply that needs them, not before
    assert out == ["0", "1"]


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        (r"a|b", ("a", "b")),
        (r"(?:a|b)c|d", ("(?:a|b)c", "d")),
        (r"a[|(]b|c", ("a[|(]b", "c")),  # a bar or bracket in a character class is a letter
        (r"a\|b|c\(", (r"a\|b", r"c\(")),  # and so is an escaped one
        (r"a[\]|]|b", (r"a[\]|]", "b")),  # an escaped bracket does not close the class
        (r"(?<!x|y)a|b", ("(?<!x|y)a", "b")),
    ],
)
def test_a_pattern_is_split_on_its_top_level_bars_only(source, parts):
    assert reply_rules._split_top(source) == parts


@pytest.mark.parametrize(
    ("source", "starts"),
    [
        # a group's alternatives are read with what follows the group, which has no bar of its own at the top level
        (r"\b(?:i|we) (?:dont|do not) want\b", {"i ", "we "}),
        (r"\b(?:stop|quit)(?: sending)? (?:me|us)\b", {"stop", "quit"}),  # "stop" then a group: any word from "stop"
        (r"\b(?:please )?(?:stop|end)\b", {"pleas", "stop ", "end "}),
        (r"\b(?:a|b)[|(]c|\bd", {"a", "b", "d"}),
    ],
)
def test_group_alternatives_are_indexed_with_what_follows_them(source, starts):
    assert reply_rules.rule_starts(source) == starts
