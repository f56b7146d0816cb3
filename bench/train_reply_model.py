"""Train the reply model (``optledger.reply_model``) and choose its cut-off; write ``data/reply_model.json``.

Run from the repository root: ``python bench/train_reply_model.py`` (writes the file and prints the validation
figures) or ``python bench/train_reply_model.py --check`` (exit 1 if the shipped file is not what training gives now,
e.g. after a corpus or a mask changed).

What it learns: whether a person would hesitate over a reply (label ``opt_out`` or ``review``) or read it as an
ordinary ``message``, from the words of the masked reply. Keyword rows (``help``, ``opt_in``) are left
out. The model is only consulted where the rules find no cue, so it is validated there: for each corpus in turn, a
model trained on all the others scores that corpus's replies that the rules alone record as plain messages. The
cut-off is the lowest score at which, over all corpora so held out, at most ``MAX_FALSE_REVIEW`` of those ordinary
messages would be queued. Training is deterministic (seeded order, fixed epochs), so ``--check`` can compare bytes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "optledger"))

from optledger import reply_model  # noqa: E402
from optledger.classify import classify  # noqa: E402
from optledger.classify_phrases import _patterns, model_may_read  # noqa: E402
from optledger.reply_rules import reply_beginnings  # noqa: E402
from optledger.reply_text import canonical, fold  # noqa: E402

# the tuning corpora and the held-out sets already spent (bench/heldout/README.md); a new held-out set stays out
CORPORA = {
    "corpus": "tests/data/replies.csv",
    "holdout": "tests/data/replies_holdout.csv",
    "blind": "tests/data/replies_blind.csv",
    "tuning": "tests/data/replies_tuning.csv",
    "tuning2": "tests/data/replies_tuning2.csv",
    "tuning3": "tests/data/replies_tuning3.csv",
    "tuning4": "tests/data/replies_tuning4.csv",
    "heldout": "bench/heldout/replies_heldout.csv",
    "heldout3": "bench/heldout/replies_heldout3.csv",
}
JOIN_KEYWORDS = ("DEALS", "VIP")
EPOCHS = 30
LEARNING_RATE = 0.3
L2 = 0.03
MAX_FALSE_REVIEW = 0.02  # of the ordinary messages the rules leave plain, at most this share queued by the model
MIN_WEIGHT = 0.01  # smaller weights are dropped from the shipped file


def masked(text: str) -> str:
    flat = canonical(fold(text))
    return _patterns().masks.mask(flat, reply_beginnings(flat, flat.split()))


def read_rows() -> list[dict]:
    rows = []
    for name, path in CORPORA.items():
        with (ROOT / path).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["label"] not in ("opt_out", "review", "message"):
                    continue
                verdict = classify(row["text"], join_keywords=JOIN_KEYWORDS)
                flat_masked = masked(row["text"])
                rows.append(
                    {
                        "corpus": name,
                        "text": row["text"],
                        "hesitate": row["label"] != "message",
                        "label": row["label"],
                        # what the rules alone answer: the model scores only a plain message, not courtesy alone
                        "plain": verdict == type(verdict)("message") and model_may_read(flat_masked),
                        "features": reply_model.features(flat_masked, row["text"]),
                    }
                )
    return rows


def train(rows: list[dict]) -> tuple[float, dict[str, float]]:
    """Logistic regression by stochastic gradient descent, L2-regularised, in a seeded order."""
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    for epoch in range(EPOCHS):
        random.Random(epoch).shuffle(order)
        for index in order:
            row = rows[index]
            logit = bias + sum(weights.get(f, 0.0) for f in row["features"])
            probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
            gradient = probability - (1.0 if row["hesitate"] else 0.0)
            bias -= LEARNING_RATE * gradient
            for feature in row["features"]:
                old = weights.get(feature, 0.0)
                weights[feature] = old - LEARNING_RATE * (gradient + L2 * old)
    return bias, weights


def logit_of(bias: float, weights: dict[str, float], row: dict) -> float:
    return bias + sum(weights.get(f, 0.0) for f in row["features"])


def validate(rows: list[dict]) -> tuple[float, dict[str, dict[str, int]], list[tuple[float, bool, str]]]:
    """Leave one corpus out; returns the cut-off logit, per-corpus counts at it, and every held-out score."""
    scored: list[tuple[float, bool, str]] = []
    for name in CORPORA:
        bias, weights = train([row for row in rows if row["corpus"] != name])
        scored += [
            (logit_of(bias, weights, r), r["hesitate"], name) for r in rows if r["corpus"] == name and r["plain"]
        ]
    messages = sorted((s for s, hesitate, _ in scored if not hesitate), reverse=True)
    allowed = int(MAX_FALSE_REVIEW * len(messages))
    cutoff = messages[allowed] if allowed < len(messages) else messages[-1]
    counts: dict[str, dict[str, int]] = {}
    for value, hesitate, name in scored:
        tally = counts.setdefault(
            name, {"plain_hesitant": 0, "queued_hesitant": 0, "plain_messages": 0, "queued_messages": 0}
        )
        kind = "hesitant" if hesitate else "messages"
        tally[f"plain_{kind}"] += 1
        tally[f"queued_{kind}"] += value > cutoff
    return cutoff, counts, scored


def digest(path: str) -> str:
    return hashlib.sha256((ROOT / path).read_bytes()).hexdigest()


def build() -> tuple[str, float, dict[str, dict[str, int]]]:
    # the rules alone decide what is plain: the shipped model must not score its own training data
    reply_model.seems_unclear = lambda marked, text: False  # type: ignore[assignment]
    rows = read_rows()
    cutoff, counts, _ = validate(rows)
    bias, weights = train(rows)
    shipped = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}
    document = {
        "about": "optledger.reply_model: logistic regression, message or review, where the rules find no cue. "
        "Written by bench/train_reply_model.py; do not edit.",
        "trained_on": {name: digest(path) for name, path in CORPORA.items()},
        "rows": len(rows),
        "max_false_review": MAX_FALSE_REVIEW,
        "cutoff_logit": round(cutoff, 3),
        "bias": round(bias, 3),
        "weights": shipped,
    }
    return json.dumps(document, ensure_ascii=False, indent=0, sort_keys=True) + "\n", cutoff, counts


def main(arguments: list[str]) -> int:
    text, cutoff, counts = build()
    if "--check" in arguments:
        same = reply_model.MODEL_FILE.read_text(encoding="utf-8") == text
        print("reply_model.file_current", same)
        return 0 if same else 1
    reply_model.MODEL_FILE.write_text(text, encoding="utf-8")
    print(f"reply_model.cutoff_probability {1 / (1 + math.exp(-cutoff)):.3f}")
    total = {"plain_hesitant": 0, "queued_hesitant": 0, "plain_messages": 0, "queued_messages": 0}
    for name, tally in counts.items():
        for key, value in tally.items():
            total[key] += value
        print(
            f"reply_model.held_out.{name} hesitant queued {tally['queued_hesitant']}/{tally['plain_hesitant']}, "
            f"messages queued {tally['queued_messages']}/{tally['plain_messages']}"
        )
    print(
        f"reply_model.held_out.all hesitant queued {total['queued_hesitant']}/{total['plain_hesitant']}, "
        f"messages queued {total['queued_messages']}/{total['plain_messages']}"
    )
    print(f"reply_model.features {len(json.loads(text)['weights'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
