"""Write ``layers/optledger/optledger/data/rule_keys.json``: the word each rule of ``data/phrases.json`` is indexed by
(``optledger.reply_literals``) and its first word (``optledger.reply_starts``), so that a cold start reads them instead
of reading every rule.

    python training/write_rule_keys.py

Of the words every match of a rule needs, the one fewest labelled replies of the repository hold (``tests/data`` and
``training``, read as the detector reads them) is its key. Run it after changing ``data/phrases.json``: a rule missing
from the file is read on first use, by a guess of how common its words are; a stale file costs time, never a match.
"""

from __future__ import annotations

import csv
import json
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "layers" / "optledger"))

from optledger import classify_phrases, reply_literals, reply_review  # noqa: E402 - the library of this checkout
from optledger.reply_rules import Rules, expand  # noqa: E402
from optledger.reply_text import fold, reading  # noqa: E402

_PREFIX = 5


def beginnings(word: str) -> set[str]:
    """The beginnings the rule index reads from a word of a reply (as ``reply_rules`` does)."""
    found = {word[:length] for length in range(1, min(len(word), _PREFIX) + 1)}
    return found | {f"{word} "} if len(word) <= _PREFIX else found


def replies() -> list[str]:
    paths = sorted((ROOT / "tests" / "data").glob("replies*.csv")) + sorted((ROOT / "training").glob("replies_*.csv"))
    texts = [row["text"] for path in paths for row in csv.DictReader(path.open(encoding="utf-8")) if row.get("text")]
    return list(dict.fromkeys(reading(fold(text))[0] for text in texts))


def main() -> None:
    reply_literals._shipped = dict  # every rule read afresh, not from the file this writes
    holding: dict[str, set[int]] = {}  # the replies holding a word with each beginning
    for number, flat in enumerate(replies()):
        for key in set().union(*(beginnings(word) for word in flat.split())):
            holding.setdefault(key, set()).add(number)

    @cache
    def share(clause: frozenset[str]) -> float:
        return len(set().union(*(holding.get(key, set()) for key in clause)))

    lists = [rules for rules in classify_phrases._patterns() if isinstance(rules, Rules)]
    sources = {expand(pattern) for rules in lists for pattern in rules.patterns}
    sources |= {entry.source for entry in reply_review._grammar().entries}  # the second look's grammar
    keys = reply_literals.write_keys(sources, share)
    lines = ",\n".join(f"{json.dumps(digest)}: {json.dumps(keys[digest])}" for digest in sorted(keys))
    reply_literals.KEYS_FILE.write_text("{\n" + lines + "\n}\n", encoding="utf-8")  # a rule a line
    print(f"{reply_literals.KEYS_FILE.name}: the keys of {len(keys)} rules, chosen on {len(holding)} beginnings")


if __name__ == "__main__":
    main()
