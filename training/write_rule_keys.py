"""Write ``layers/optledger/optledger/data/rule_keys.json``: the word each rule of ``data/phrases.json`` is indexed by
(``optledger.reply_literals``) and its first word (``optledger.reply_starts``), so that a cold start reads them instead
of reading every rule.

    python training/write_rule_keys.py

Of the words every match of a rule needs, the one that adds fewest ordinary messages to those its rule list is tried on
(the labelled replies of ``tests/data`` and ``training``, read as the detector reads them) is its key; of the others,
the two that leave fewest of those replies holding a word of the key and of each clause chosen before are its other
clauses (a reply must hold a word of each too). Each rule is one string, which a cold start reads faster than lists
(``reply_literals.write_entry``). Run it after
changing ``data/phrases.json`` or ``data/review_grammar.json``: a rule missing from the file is read on first use, by a
guess of how common its words are; a stale file costs time, never a match.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from functools import cache, reduce
from operator import or_
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "layers" / "optledger"))

from optledger import classify_phrases, reply_literals, reply_review  # noqa: E402 - the library of this checkout
from optledger.reply_rules import Rules, expand, rule_starts  # noqa: E402
from optledger.reply_text import fold, reading  # noqa: E402

_PREFIX = 5


def beginnings(word: str) -> set[str]:
    """The beginnings the rule index reads from a word of a reply (as ``reply_rules`` does)."""
    found = {word[:length] for length in range(1, min(len(word), _PREFIX) + 1)}
    return found | {f"{word} "} if len(word) <= _PREFIX else found


def replies() -> list[str]:
    """The ordinary messages among the labelled replies: most of a number's traffic, on which every rule list the
    engine tries is tried in vain (a revocation is rarer, and ends the search early)."""
    paths = sorted((ROOT / "tests" / "data").glob("replies*.csv")) + sorted((ROOT / "training").glob("replies_*.csv"))
    rows = [row for path in paths for row in csv.DictReader(path.open(encoding="utf-8"))]
    texts = [row["text"] for row in rows if row.get("text") and row.get("label", "").strip() == "message"]
    return list(dict.fromkeys(reading(fold(text))[0] for text in texts))


def _also(
    source: str,
    key: frozenset[str] | None,
    clauses: list[frozenset[str]],
    held: Callable[[frozenset[str] | None], int],
    share: Callable[[frozenset[str]], float],
) -> list[frozenset[str]]:
    """The clauses a rule is indexed by besides its key (``reply_literals.ALSO`` at most): each the one that leaves
    fewest ordinary messages holding a word of the key and of every clause chosen before it."""
    if key is None or not source.isascii():  # as reply_literals.also_needed: a rule in another script has its key only
        return []
    chosen: list[frozenset[str]] = []
    holding = held(key)
    for _ in range(reply_literals.ALSO):
        rest = sorted(
            {clause for clause in clauses if not reply_literals.implied(clause, key)} - set(chosen), key=sorted
        )
        if not rest:
            break
        best = min(rest, key=lambda clause: ((holding & held(clause)).bit_count(), share(clause)))
        chosen.append(best)
        holding &= held(best)
    return chosen


def main() -> None:
    reply_literals._shipped = lambda: {}  # type: ignore[assignment]  # every rule read afresh, not from this file
    holding: dict[str, int] = {}  # the replies holding a word with each beginning, one bit a reply
    for number, flat in enumerate(replies()):
        for key in set().union(*(beginnings(word) for word in flat.split())):
            holding[key] = holding.get(key, 0) | 1 << number

    def held(clause: frozenset[str] | None) -> int:
        return reduce(or_, (holding.get(key, 0) for key in clause or ()), 0)

    @cache
    def share(clause: frozenset[str]) -> float:
        return held(clause).bit_count()

    # the rules as the engine tries them: a merged list of a rule list is tried on a reply holding a key of one of
    # its rules, so a rule's key is the one that adds fewest replies to its list's (a grammar pattern is tried alone)
    groups: list[list[str]] = []
    for rules in (rules for rules in classify_phrases._patterns() if isinstance(rules, Rules)):
        merged: dict[frozenset[str] | None, list[str]] = {}
        for source in map(expand, rules.patterns):
            starts = rule_starts(source)
            merged.setdefault(None if starts is None else frozenset(start[0] for start in starts), []).append(source)
        groups += merged.values()
    groups += [[entry.source] for entry in reply_review._grammar().entries]  # the second look's grammar
    found: dict[str, str] = {}
    for group in groups:
        options = {source: reply_literals.needed(source, share) for source in group}
        keys = {source: min(clauses, key=share, default=None) for source, clauses in options.items()}
        for _ in range(2):
            for source, clauses in ((source, clauses) for source, clauses in options.items() if clauses):
                rest = reduce(or_, (held(keys[other]) for other in options if other != source), 0)
                keys[source] = min(clauses, key=lambda clause: ((rest | held(clause)).bit_count(), share(clause)))
        for source in group:
            also = _also(source, keys[source], options[source], held, share)
            found.setdefault(
                reply_literals.digest(source), reply_literals.write_entry(rule_starts(source), keys[source], also)
            )
    lines = ",\n".join(f"{json.dumps(digest)}: {json.dumps(found[digest])}" for digest in sorted(found))
    reply_literals.KEYS_FILE.write_text("{\n" + lines + "\n}\n", encoding="utf-8")  # a rule a line
    print(f"{reply_literals.KEYS_FILE.name}: the keys of {len(found)} rules, chosen on {len(holding)} beginnings")


if __name__ == "__main__":
    main()
