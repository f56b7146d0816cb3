"""The word at which every match of a rule starts, read from the pattern's text: the first index of ``reply_rules``.

A rule list is merged by the first letters of these words (one alternation, guarded by a test of them), and a rule
that opens with lookbehinds looks ahead for them first. The scan is of the source text, not of a parse, so that a cold
start indexes every rule cheaply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

_PREFIX = 5  # a rule is indexed by the first letters (up to five) of the word its every match starts with

# an escape or a whole character class is one token (skipped); then the brackets and bars that shape a pattern
_STRUCTURE = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|[()|]")
_DEPTH_STEP = {"(": 1, ")": -1, "|": 0}


def _brackets(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` for each bracket and bar outside character classes; ``depth``: after the char."""
    depth = 0
    for found in _STRUCTURE.finditer(source, start):
        char = found[0]
        if len(char) == 1:
            depth += _DEPTH_STEP[char]
            yield found.start(), char, depth


@lru_cache(maxsize=4096)
def _split_top(source: str) -> tuple[str, ...]:
    """A pattern's top-level alternatives: bars outside brackets and character classes, escapes skipped."""
    if "|" not in source:
        return (source,)
    parts, start = [], 0
    for index, char, depth in _brackets(source):
        if char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    return (*parts, source[start:])


def _group_end(source: str, start: int) -> int:
    """Index of the bracket closing the group that opens at ``start``, or -1."""
    return next((index for index, char, depth in _brackets(source, start) if char == ")" and depth == 0), -1)


def _leading_letters(source: str) -> str:
    """The letters a pattern fragment must start with (up to five); a letter made optional ends them.

    A whole word of five letters or fewer ("i ", "no ", "do ") ends with a space: it is looked up among the reply's
    short words, not among the beginnings of longer ones ("is", "not", "does").
    """
    letters = ""
    for index, char in enumerate(source):
        if not char.isalnum() or len(letters) == _PREFIX:
            ends_word = char == " " and source[index + 1 : index + 2] not in ("?", "*", "{")
            if ends_word or source.startswith(("\\b", "$"), index):
                letters += " "
            break
        after = source[index + 1 : index + 3]
        if after[:1] in ("?", "*") or after == "{0":
            break
        letters += char
        if after[:1] == "+" or after[:1] == "{":
            break
    return letters


def rule_starts(source: str, anchored: bool = False) -> frozenset[str] | None:
    """The beginnings (up to five letters) of the word at which every match of a pattern starts.

    None when a match may start elsewhere than at a word start or with a letter the scan cannot tell: such a rule
    always runs. The scan reads lookbehinds, ``\\b``/``^`` anchors, groups and alternations; anything else stops it.
    """
    return _starts_of(_split_top(source), anchored)


def _starts_of(parts: Iterable[str], anchored: bool) -> frozenset[str] | None:
    """``rule_starts`` of top-level alternatives. What the scan recurses on (a group's alternative and what follows
    the group) has no top-level bar, so it is not split again: re-scanning the long rest of a pattern once for every
    alternative of a group before it was most of the cost of indexing the rules on a cold start."""
    found: set[str] = set()
    for part in parts:
        position, part_anchored = 0, anchored
        while True:
            if part.startswith(("(?<!", "(?<=", "(?!"), position):
                position = _group_end(part, position) + 1
            elif part.startswith("\\b", position):
                position, part_anchored = position + 2, True
            elif part.startswith("^", position):
                position, part_anchored = position + 1, True
            else:
                break
        if part.startswith("(?:", position):
            end = _group_end(part, position)
            if end < 0:
                return None
            quantifier = re.match(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??", part[end + 1 :])
            tail = part[end + 1 + (quantifier.end() if quantifier else 0) :]
            optional = quantifier is not None and quantifier[0][0] in "?*{" and not quantifier[0].startswith("{1")
            # each alternative read with what follows the group, so that "(?:i|we) want" is the short word "i"
            follows = "" if quantifier else tail
            for alternative in _split_top(part[position + 3 : end]):
                inner = _starts_of((alternative + follows,), part_anchored)
                if inner is None:
                    return None
                found |= inner
            if optional:  # or the group is skipped
                following = _starts_of((tail,), part_anchored) if tail and not tail[0].isspace() else None
                if following is None:
                    return None
                found |= following
            continue
        letters = _leading_letters(part[position:])
        if not part_anchored or not letters.strip():
            return None
        found.add(letters)
    return frozenset(found)
