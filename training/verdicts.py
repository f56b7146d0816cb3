"""The detector's verdict on every labelled reply, and what a change to it moved.

    python training/verdicts.py write OUT.json            # the verdicts of the optledger on PYTHONPATH
    python training/verdicts.py compare OLD.json NEW.json  # verdicts changed, toward their labels and away

A round of tuning is judged by what it moves on every labelled set at once (the tuning corpora, the training sets and
the spent held-out sets), not only on the set it was tuned on; the round commits quote these counts.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ("tests/data/replies*.csv", "training/replies*.csv", "bench/heldout/replies*.csv")
JOIN_KEYWORDS = ("DEALS", "VIP")  # the join keywords the corpora assume (bench/classifier.py)


def labelled_rows(root: Path = ROOT):
    """(key, text, label, business) of every labelled reply; the key names the file, the text and the business."""
    for pattern in PATTERNS:
        for path in sorted(root.glob(pattern)):
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    # a row is known by its text, not its line: regenerated files (replies_spec.csv) move rows
                    business = (row.get("business") or "").strip()
                    key = f"{path.relative_to(root)}: {row['text']!r}" + (f" to {business}" if business else "")
                    yield key, row["text"], row["label"].strip(), business


def write(out: Path) -> None:
    from optledger.classify import classify

    verdicts = {}
    for key, text, label, business in labelled_rows():
        verdict = classify(text, join_keywords=JOIN_KEYWORDS, names=(business,) if business else ())
        verdicts[key] = {"text": text, "label": label, "got": "review" if verdict.review else verdict.action}
    out.write_text(json.dumps(verdicts, ensure_ascii=False, indent=0), encoding="utf-8")
    wrong = sum(entry["got"] != entry["label"] for entry in verdicts.values())
    print(f"{len(verdicts)} replies, {wrong} not as labelled, written to {out}")


def compare(old_path: Path, new_path: Path) -> None:
    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    moved: Counter[str] = Counter()
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        if before["got"] == after["got"]:
            continue
        if after["got"] == after["label"]:
            direction = "to label"
        else:
            direction = "away" if before["got"] == after["label"] else "other"
        moved[direction] += 1
        print(f"{direction:8} {key}: {before['got']} -> {after['got']} (label {after['label']})")
    total = sum(moved.values())
    print(f"{total} changed: {moved['to label']} to their labels, {moved['away']} away, {moved['other']} other")


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"] and len(sys.argv) == 3:
        write(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 4:
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
