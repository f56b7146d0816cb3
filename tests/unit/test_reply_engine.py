"""The matching engine's shortcuts (issue 12, classification cost) change no match and no verdict."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from optledger import classify_phrases as reader
from optledger import reply_rules
from optledger.classify import normalize_text
from optledger.reply_text import canonical, fold

DATA = Path(__file__).resolve().parents[1] / "data"


def corpus_flats() -> list[str]:
    with (DATA / "replies.csv").open(encoding="utf-8") as handle:
        return sorted({canonical(fold(row["text"])) for row in csv.DictReader(handle)})


def test_the_guard_of_a_rule_list_changes_no_match(monkeypatch):
    # Given every rule list as it is built, with the word-boundary and first-letter guard, and as it was without it
    patterns = reader._patterns()
    guarded = [rules for rules in patterns if isinstance(rules, reply_rules.Rules)]
    monkeypatch.setattr(reply_rules, "_first_letter", lambda letters, source: source)
    bare = [reply_rules.Rules(rules.patterns).sources for rules in guarded]
    monkeypatch.undo()
    flats = corpus_flats()
    compared = 0
    for rules, unguarded in zip(guarded, bare, strict=True):
        for with_guard, without in zip(rules.sources, unguarded, strict=True):
            if with_guard == without:
                continue
            compared += 1
            for flags in (re.ASCII, 0):
                one, other = re.compile(with_guard, flags), re.compile(without, flags)
                for flat in flats if flags == 0 else [flat for flat in flats if flat.isascii()]:
                    # When a corpus reply is searched and masked with both, Then the match and the masking are the same
                    found, expected = one.search(flat), other.search(flat)
                    assert (found and found.span()) == (expected and expected.span()), (without[:60], flat)
                    assert one.sub(" ~ ", flat) == other.sub(" ~ ", flat), (without[:60], flat)
    assert compared > 0  # the guard is in use


def test_a_memo_keeps_at_most_its_bound():
    calls: list[str] = []
    memo = reply_rules.Memo(lambda word: calls.append(word) or word.upper(), 2)
    assert [memo["a"], memo["b"], memo["a"]] == ["A", "B", "A"]
    assert calls == ["a", "b"]  # a hit computes nothing
    assert memo["c"] == "C" and len(memo) == 1  # full: it starts afresh


def test_normalize_text_strips_around_letters_and_digits_only():
    assert normalize_text("  ¡¡STOP!! 🛑 ") == "STOP"
    assert normalize_text("...") == ""
    assert normalize_text("«stop»\u00a0") == "STOP"
    assert normalize_text("Stop  please") == "STOP PLEASE"
    assert normalize_text("_stop_") == "STOP"  # "_" is no letter: it goes, as a regex's [\W_] did
