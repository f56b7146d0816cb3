"""Write ``layers/optledger/optledger/data/rule_keys.json``: the word each rule of ``data/phrases.json`` is indexed by
(``optledger.reply_literals``), so that a cold start reads them instead of parsing every rule.

    python training/write_rule_keys.py

Run it after changing ``data/phrases.json``. A rule missing from the file is read on first use, with the same keys:
a stale file costs a cold start time, never a match.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "layers" / "optledger"))

from optledger import classify_phrases, reply_literals
from optledger.reply_rules import Rules, expand


def main() -> None:
    lists = [rules for rules in classify_phrases._patterns() if isinstance(rules, Rules)]
    keys = reply_literals.write_keys(expand(pattern) for rules in lists for pattern in rules.patterns)
    reply_literals.KEYS_FILE.write_text(json.dumps(keys, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{reply_literals.KEYS_FILE.name}: the keys of {len(keys)} rules")


if __name__ == "__main__":
    main()
