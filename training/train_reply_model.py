"""Train the reply detector's learned second opinion (``optledger.reply_model``) on every labelled reply of the
repository, and write its two heads to ``layers/optledger/optledger/data/reply_model.{bin,json}``.

    python training/train_reply_model.py            # train and write (about a minute on one core)
    python training/train_reply_model.py --check    # exit 1 if the labelled files changed since the model was trained

Two logistic regressions over hashed words and word pairs (``reply_model.features``) of the masked flat form the
rules read, fitted with AdaGrad, in pure Python and deterministic: the same files give the same bytes. ``queue``: a
revocation or an unclear reply against an ordinary message (hard negatives included); ``honour``: a revocation against
anything else. Keywords are left out (the rules decide them exactly). Ordinary everyday replies count
``ORDINARY_WEIGHT`` times: they are most of real traffic, and every one queued by mistake holds a consumer's marketing
until a person looks.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "layers" / "optledger"))

from optledger import reply_model  # noqa: E402
from optledger.classify import classify  # noqa: E402
from optledger.reply_reader import masked  # noqa: E402
from optledger.reply_text import fold, reading  # noqa: E402

# every labelled reply kept in the repository, but held-out sets committed before the model they judge is measured
SOURCES = ("tests/data/replies*.csv", "bench/heldout/replies*.csv", "training/replies*.csv")
# sets 30-33 judged the model of a470437, which was trained without them (docs/detector.md), and are in it since
# round 21, as sets 16-29 were after theirs; sets 34-37 and 39 are in it since round 22; sets 38 and 40-56 judged the
# models of rounds 22 to 25, each trained without them, and are in it since round 26 (trained with 38 and 40-52, the
# model read unclear replies of the spent sets 55 and 56 a little better, 0.973 -> 0.978 and 0.947 -> 0.958, and
# nothing worse); sets 57-61 were written before round 26 and judged its model, trained without them, and are in it
# since round 28; sets 62-66 were written before round 27 and judged its model, trained without 57-66, and are in it
# since round 29; sets 67-71 were written before round 28 and judged its model, trained without 62-71, and sets 72-76
# after it, and judged it at round 29's start; sets 77-81, 82-86 and 87-91 were written during round 29 and each
# judged the model of its time (87-91 the last); round 29's model is trained without 67-91; sets 92-109 were
# written during round 30 and judged its detector of their time (105-109 the last); round 30's model is trained
# without 67-109, the same files as round 29's; sets 110-129 were written during rounds 31-33 (110-114 read at round
# 31's start, 115-119 at its end, 120-124 at round 32's end, 125-129 at round 33's end), 130-132 during round 34 (read
# at its end); their models are trained without 67-132, the same files again; since round 40 the spent sets are in
# it (67-172 at round 41, 173-182 at round 43, 183-190 at round 45, 191-198 at round 46, 199-206 at rounds 47 and 48)
# and only the group written to judge the next reading is kept out: 239-242, written during round 56
HELD_OUT: tuple[str, ...] = tuple(f"bench/heldout/replies_heldout{number}.csv" for number in range(335, 339))
# the rules' data that makes the flat, masked form the features are read from: a change to it means training again
READING = tuple(
    f"layers/optledger/optledger/data/{name}"
    for name in (
        "keywords.json",
        "address_words.json",
        "phrases.json",
        "split_words.json",
        "words_en.txt.gz",
        "words_es.txt.gz",
    )
)
BUCKETS = 1 << 17
EPOCHS = 12
LEARNING_RATE = 0.2
BIAS_RATE = 0.05
L2 = 1e-5
ORDINARY_WEIGHT = 3
_WEIGHTED = ("ordinary", "spec")  # everyday replies, and the fine lines the tests draw between a cue and a message
# the labels each head says yes to, and its threshold, chosen on replies it was not trained on (training/README.md)
TARGETS = {"queue": {"opt_out": 1, "review": 1, "message": 0}, "honour": {"opt_out": 1, "review": 0, "message": 0}}
THRESHOLDS = {"queue": 0.6, "honour": 0.8}


def source_files(root: Path = ROOT) -> list[Path]:
    held_out = {root / name for name in HELD_OUT}
    return sorted({path for pattern in SOURCES for path in root.glob(pattern)} - held_out)


def fingerprint(files: list[Path], root: Path = ROOT) -> dict[str, str]:
    """The SHA-256 of every labelled file and of the rules' data the features depend on."""
    return digests(files + [root / name for name in READING], root)


def digests(files: list[Path], root: Path = ROOT) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def labelled(files: list[Path]) -> list[tuple[str, str, int]]:
    """(text, label, weight) of every reply that is not a keyword; the first label a text is given wins."""
    rows: dict[str, tuple[str, str, int]] = {}
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                # a keyword never reaches the model (classify answers it first): it would only be noise in the weights
                if row["label"] not in TARGETS["queue"] or row["text"] in rows or _keyword(row["text"]):
                    continue
                weight = ORDINARY_WEIGHT if row.get("category") in _WEIGHTED and row["label"] == "message" else 1
                rows[row["text"]] = (row["text"], row["label"], weight)
    return list(rows.values())


def _keyword(text: str) -> bool:
    return classify(text, join_keywords=("DEALS", "VIP")).detected_by == "keyword"


def buckets_of(text: str) -> list[int]:
    marked = masked(reading(fold(text))[0])
    return reply_model.buckets_of(reply_model.features(marked, text.isascii()), BUCKETS)


def fit(examples: list[tuple[list[int], int]], epochs: int = EPOCHS) -> tuple[list[float], float]:
    weights, squares, bias = [0.0] * BUCKETS, [1e-8] * BUCKETS, 0.0
    order = list(range(len(examples)))
    # the bias moves with every reply at a fixed rate, so where it stops depends on the last few hundred of the
    # shuffle (a swing of 0.3 in the logit between two rounds' models): the last epoch's average is kept instead
    last_biases = 0.0
    for epoch in range(epochs):
        random.Random(epoch).shuffle(order)
        last = epoch == epochs - 1
        for index in order:
            found, target = examples[index]
            logit = bias + sum(weights[bucket] for bucket in found)
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))) - target
            bias -= BIAS_RATE * error
            for bucket in found:
                gradient = error + L2 * weights[bucket]
                squares[bucket] += gradient * gradient
                weights[bucket] -= LEARNING_RATE * gradient / math.sqrt(squares[bucket])
            if last:
                last_biases += bias
    return weights, last_biases / max(1, len(order)) if epochs else bias


def quantised(weights: list[float]) -> tuple[bytes, float]:
    scale = max(map(abs, weights)) / 127 or 1.0
    return bytes(max(-127, min(127, round(weight / scale))) & 0xFF for weight in weights), scale


def train(files: list[Path], root: Path = ROOT, epochs: int = EPOCHS) -> tuple[bytes, dict[str, object]]:
    rows = labelled(files)
    found = {text: buckets_of(text) for text, _, _ in rows}
    data, heads = b"", {}
    for head in reply_model.HEADS:
        targets = TARGETS[head]
        examples = [(found[text], targets[label]) for text, label, weight in rows for _ in range(weight)]
        weights, bias = fit(examples, epochs)
        head_data, scale = quantised(weights)
        data += head_data
        heads[head] = {"scale": scale, "bias": round(bias, 6), "threshold": THRESHOLDS[head]}
    settings = {
        "buckets": BUCKETS,
        "heads": heads,
        "features": "words and word pairs of each clause of the masked flat form, crc32 hashed",
        "replies": len(rows),
        "labels": dict(sorted(Counter(label for _, label, _ in rows).items())),
        "trained_on": fingerprint(files, root),
    }
    return data, settings


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the labelled files changed since training")
    options = parser.parse_args(arguments)
    files = source_files()
    if options.check:
        trained = json.loads(reply_model.SETTINGS_FILE.read_text(encoding="utf-8"))["trained_on"]
        if trained != fingerprint(files):
            print("the labelled replies or the rules' data changed since training: run training/train_reply_model.py")
            return 1
        return 0
    data, settings = train(files)
    reply_model.WEIGHTS_FILE.write_bytes(data)
    reply_model.SETTINGS_FILE.write_text(json.dumps(settings, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"trained on {settings['replies']} replies from {len(files)} files; wrote {reply_model.WEIGHTS_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
