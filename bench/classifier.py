"""Classifier figures on labelled corpora: confusion, revocations honoured and lost, unclear replies queued, keyword
errors, speed. One figure a line.

Run from the repository root: ``python bench/classifier.py [NAME ...] [NAME=PATH ...]``. Without arguments every
named corpus below is measured; ``NAME`` picks named corpora and ``NAME=PATH`` adds any CSV with ``text`` and
``label`` columns (labels ``opt_out, review, message, help, opt_in``; an optional ``category`` column marks keyword
rows, an optional ``business`` column names the business the reply was sent to; other columns are ignored).

``python bench/classifier.py --compare DIR [RUNS]`` prints only the cost figures, of this tree and of DIR (a copy of
another version, e.g. ``git archive 3d0e590``, the detector issue 12's budget is measured against), each figure from
fresh interpreters of the two trees taking turns in one run (best of RUNS, default 5), on the same replies.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "optledger"))

# replies.csv was written before the first classifier; holdout and blind were written later and each measured once
# before the gaps they showed were fixed (holdout: revocation precision 1.00, recall 0.88; blind: 1.00 and 0.85).
# tuning (issue 12) was written by someone who never read the detector; all four are tuning data now.
# tuning2 (issue 12, second round) was written the same way and measured once on the detector of 8d24909 before any
# change: revocation precision 0.9055, recall 0.8768, 23 of 284 revocations lost, unclear queued 0.7558, 1 keyword
# error.
# bench/heldout/replies_heldout.csv judged the second round (ee4e94b: precision 0.954, recall 0.973, 4 lost, unclear
# queued 0.873, 1 keyword error, 37 of 386 ordinary messages queued) and is spent: the third round tuned on it, every
# class of its errors (partial requests, a STOP reported or sent by mistake beside texts welcomed, delight, a wrong
# person beside a revocation word, list removal, questions about stopping, thanks and appointments in other
# languages). One label was corrected there: a bare "remove" is the REMOVE keyword (DESIGN section 1), not unclear.
# Figures of the third round on it: precision 0.989, recall 1.000, 0 lost, unclear queued 1.000, 0 keyword errors, 7 of
# 386 ordinary messages queued. The next held-out set is measured with NAME=PATH.
# tuning3 (issue 12, fourth round) was written by a helper that never read the code and measured on ee4e94b, then on
# 9883077 with the same figures: revocation recall 0.890, precision 0.900, 14 of 264 revocations lost, unclear queued
# 0.65, 3 of 115 keyword errors, 25 ordinary messages queued for review. It is tuning data now. The fourth round
# fixed classes found on its even rows only, then measured its odd rows as a held-out estimate: before, recall 0.886,
# precision 0.873, 6 lost, unclear queued (review or opt-out) 0.824, 2 keyword errors, 11 messages queued; after,
# 0.886, 0.886, 3 lost, 0.902, 2, 11. On all of tuning3 at the end of the round: recall 0.905, precision 0.930, 0 lost,
# unclear queued 0.93 (80 of 100 to review), 1 keyword error ("stop?" is queued by rule), 25 messages queued.
# tuning4 (issue 12, fifth round) was written by a helper that never read the code, to the labelling convention of
# docs/rules.md, with its weight on unclear replies that hold no cue word (250 of 283); measured on 8d5aa1f before
# any change: revocation recall 0.869, precision 0.977, 16 of 398 revocations lost, unclear queued 0.452, 10 of 171
# keyword errors.
# everyday (issue 12, sixth round) is half (the even rows) of 1,258 everyday replies written by a helper that read no
# code nor data: only ordinary messages, no consent word ("On my way", "ya voy", "可以刷卡吗？"). Its figure is
# review.recall's complement: the share of ordinary replies queued. On 8d5aa1f 89 of its 629 were queued (14.1%),
# 76 once the fifth and sixth rounds were in, 48 with the English and Spanish dictionaries of the language test. The
# odd rows are bench/heldout/replies_everyday_heldout.csv.
CORPORA = {
    "corpus": ROOT / "tests" / "data" / "replies.csv",
    "holdout": ROOT / "tests" / "data" / "replies_holdout.csv",
    "blind": ROOT / "tests" / "data" / "replies_blind.csv",
    "tuning": ROOT / "tests" / "data" / "replies_tuning.csv",
    "tuning2": ROOT / "tests" / "data" / "replies_tuning2.csv",
    "tuning3": ROOT / "tests" / "data" / "replies_tuning3.csv",
    "tuning4": ROOT / "tests" / "data" / "replies_tuning4.csv",
    "everyday": ROOT / "tests" / "data" / "replies_everyday.csv",
}
JOIN_KEYWORDS = ("DEALS", "VIP")  # the join keywords the corpora assume (rows noted "join keyword")
LABELS = ("opt_out", "opt_in", "help", "message", "review")
KEYWORD_CATEGORIES = {"keyword", "courtesy_keyword"}
# Times are CPU time of this process (time.process_time): on a machine shared with other work, wall time mostly
# measures the others.
IMPORT_PROBE = """
import dataclasses, json, pathlib, re, typing, unicodedata, functools, time
start = time.process_time()
import optledger.classify as classify
imported = time.process_time()
classify.classify("please stop texting me")
first = time.process_time()
print((imported - start) * 1e3, (first - imported) * 1e3)
"""


# A reply seen once: the corpus figure repeats 405 replies ten times, and every memo of the detector (a word's spelling,
# the rules chosen for a set of word beginnings, a slip looked up) then answers from memory. Real traffic repeats its
# keywords but rarely a sentence, so the detector is also timed on the distinct replies of the spent held-out sets,
# each classified once, after the tuning corpora have warmed a fresh interpreter (rules compiled, dictionaries read).
UNIQUE_PROBE = """
import csv, glob, sys, time
from optledger.classify import classify
def texts(pattern):
    return [row["text"] for path in sorted(glob.glob(pattern)) for row in csv.DictReader(open(path, encoding="utf-8"))]
warm = texts(sys.argv[1] + "/tests/data/replies*.csv")
for text in warm:
    classify(text, join_keywords=("DEALS", "VIP"))
seen = set(warm)
once = list(dict.fromkeys(text for text in texts(sys.argv[1] + "/bench/heldout/replies*.csv") if text not in seen))
start = time.process_time()
for text in once:
    classify(text, join_keywords=("DEALS", "VIP"))
print((time.process_time() - start) / len(once) * 1e6, len(once))
"""


CORPUS_PROBE = """
import csv, sys, time
from optledger.classify import classify
texts = [row["text"] for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
best = float("inf")
for _ in range(4):
    start = time.process_time()
    for _ in range(10):
        for text in texts:
            classify(text, join_keywords=("DEALS", "VIP"))
    best = min(best, (time.process_time() - start) / (10 * len(texts)))
print(best * 1e6)
"""


def unique_microseconds(runs: int = 3) -> tuple[float, int]:
    """Best of ``runs`` fresh interpreters: mean time of a reply classified once (see UNIQUE_PROBE)."""
    best, count = float("inf"), 0
    for _ in range(runs):
        once, replies = probe(ROOT, UNIQUE_PROBE, str(ROOT))
        best, count = min(best, once), int(replies)
    return best, count


def label_of(verdict) -> str:
    return "review" if verdict.review else verdict.action


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def cold_start_ms(runs: int = 7) -> tuple[float, float]:
    """Best of ``runs`` fresh interpreters: import of the module (stdlib loaded) and the first phrase after it."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        imported, first = probe(ROOT, IMPORT_PROBE)
        best = (min(best[0], imported), min(best[1], first))
    return best


def report(name: str, rows: list[dict[str, str]]) -> None:
    from optledger.classify import classify

    confusion: Counter[tuple[str, str]] = Counter()
    keyword_rows = keyword_errors = 0
    for row in rows:
        expected = row["label"].strip()
        # a set with a business column: the reply was sent to that business, whose name the detector is given
        names = (row["business"],) if row.get("business") else ()
        got = label_of(classify(row["text"], join_keywords=JOIN_KEYWORDS, names=names))
        confusion[expected, got] += 1
        if expected in {"help", "opt_in"} or row.get("category", "").strip() in KEYWORD_CATEGORIES:
            keyword_rows += 1
            keyword_errors += got != expected

    prefix = f"classifier.{name}"
    print(f"{prefix}.size {len(rows)}")
    for (expected, got), count in sorted(confusion.items()):
        print(f"{prefix}.confusion.{expected}.as.{got} {count}")
    correct = sum(count for (expected, got), count in confusion.items() if expected == got)
    print(f"{prefix}.accuracy {ratio(correct, len(rows)):.4f}")

    true_positive = confusion["opt_out", "opt_out"]
    predicted = sum(count for (_, got), count in confusion.items() if got == "opt_out")
    actual = sum(count for (expected, _), count in confusion.items() if expected == "opt_out")
    print(f"{prefix}.revocation.true_positives {true_positive}")
    print(f"{prefix}.revocation.false_positives {predicted - true_positive}")
    print(f"{prefix}.revocation.precision {ratio(true_positive, predicted):.4f}")
    print(f"{prefix}.revocation.recall {ratio(true_positive, actual):.4f}")
    # a revocation sent to review is not lost: a person decides it within the FCC's ten business days
    reviewed = confusion["opt_out", "review"]
    lost = actual - true_positive - reviewed
    print(f"{prefix}.revocation.queued_for_review {reviewed}")
    print(f"{prefix}.revocation.lost {lost}")
    print(f"{prefix}.revocation.lost_ratio {ratio(lost, actual):.4f}")
    unclear = sum(count for (expected, _), count in confusion.items() if expected == "review")
    queued, honoured = confusion["review", "review"], confusion["review", "opt_out"]
    print(f"{prefix}.unclear.size {unclear}")
    print(f"{prefix}.unclear.queued_review {queued}")
    print(f"{prefix}.unclear.queued_opt_out {honoured}")
    print(f"{prefix}.unclear.queued_ratio {ratio(queued + honoured, unclear):.4f}")
    print(f"{prefix}.keyword.size {keyword_rows}")
    print(f"{prefix}.keyword.errors {keyword_errors}")
    for label in LABELS:
        hits = confusion[label, label]
        as_label = sum(count for (_, got), count in confusion.items() if got == label)
        of_label = sum(count for (expected, _), count in confusion.items() if expected == label)
        print(f"{prefix}.{label}.precision {ratio(hits, as_label):.4f}")
        print(f"{prefix}.{label}.recall {ratio(hits, of_label):.4f}")


def microseconds_each(texts: list[str], passes: int, rounds: int = 5) -> float:
    """Best of ``rounds``: mean time of one classification over ``passes`` passes through ``texts``."""
    from optledger.classify import classify

    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(passes):
            for text in texts:
                classify(text, join_keywords=JOIN_KEYWORDS)
        best = min(best, (time.process_time() - start) / (passes * len(texts)))
    return best * 1e6


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row.get("text") is not None and row.get("label")]


def corpora_of(arguments: list[str]) -> dict[str, Path]:
    if not arguments:
        return {name: path for name, path in CORPORA.items() if path.exists()}
    chosen: dict[str, Path] = {}
    for argument in arguments:
        name, _, path = argument.partition("=")
        if path:
            chosen[name] = Path(path)
        elif name in CORPORA:
            chosen[name] = CORPORA[name]
        else:
            raise SystemExit(f"unknown corpus {name!r}: use one of {', '.join(CORPORA)} or NAME=PATH")
    return chosen


def main(arguments: list[str]) -> None:
    from optledger.classify import classify

    corpora = {name: read(path) for name, path in corpora_of(arguments).items()}
    for name, rows in corpora.items():
        report(name, rows)

    texts = [row["text"] for row in read(CORPORA["corpus"])]
    print(f"classifier.corpus.us_per_classification {microseconds_each(texts, 10):.2f}")
    print(f"classifier.corpus.per_second {1e6 / microseconds_each(texts, 10):.0f}")
    once, count = unique_microseconds()
    print(f"classifier.seen_once.us_per_classification {once:.2f} ({count} distinct replies, each classified once)")
    print(f"classifier.keyword.per_second {1e6 / microseconds_each(['STOP'], 20000):.0f}")
    print(
        f"classifier.long_message.per_second {1e6 / microseconds_each(['Hi, can you stop by at 5? Thanks!'], 5000):.0f}"
    )

    # replies crafted to make backtracking regexes blow up; a real reply is at most a few thousand characters
    hostile = [
        "stop " + "all these " * 300 + "x",
        "no more " + "all the " * 300 + "x",
        "dont want " + "any more " * 300,
        "stop " * 2000,
        "a" * 10000,
        "x, " * 3000,
        "s " * 3000,
        "不要" * 2000,
    ]
    worst = 0.0
    for text in hostile:
        start = time.process_time()
        classify(text)
        worst = max(worst, time.process_time() - start)
    print(f"classifier.hostile_input.worst_ms {worst * 1e3:.2f}")

    import_ms, first_phrase_ms = cold_start_ms()
    print(f"classifier.import_ms {import_ms:.2f}")
    print(f"classifier.first_phrase_ms {first_phrase_ms:.2f}")


def probe_text(tree: Path, code: str, *arguments: str) -> str:
    """What a probe prints, run by a fresh interpreter on ``tree``'s detector."""
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tree / "layers" / "optledger"), "PYTHONDONTWRITEBYTECODE": "1"},
    ).stdout.strip()


def probe(tree: Path, code: str, *arguments: str) -> list[float]:
    """The figures a probe prints, run by a fresh interpreter on ``tree``'s detector."""
    return [float(value) for value in probe_text(tree, code, *arguments).split()]


def compare_cost(other: Path, runs: int) -> None:
    """This tree's cost figures and another's, the two trees' interpreters taking turns; the best of ``runs`` each."""
    trees = {"this": ROOT, "other": other.resolve()}
    for tree in trees.values():  # each tree's own detector, not the one the virtualenv would find without it
        found = probe_text(tree, "import optledger.classify as module; print(module.__file__)")
        if not found.startswith(str(tree / "layers" / "optledger")):
            raise SystemExit(f"{tree} holds no detector (layers/optledger/optledger): give a copy of another version")
    for tree in trees.values():  # both read compiled modules, as a deployed function does
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "layers" / "optledger")], check=True)
    figures = ("import_ms", "first_phrase_ms", "corpus_us", "seen_once_us")
    best = {name: [float("inf")] * len(figures) for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():
            imported, first = probe(tree, IMPORT_PROBE)
            corpus = probe(tree, CORPUS_PROBE, str(CORPORA["corpus"]))[0]
            once = probe(tree, UNIQUE_PROBE, str(ROOT))[0]  # this tree's sets: the same replies for both
            best[name] = [min(old, new) for old, new in zip(best[name], (imported, first, corpus, once), strict=True)]
    for index, figure in enumerate(figures):
        mine, theirs = best["this"][index], best["other"][index]
        print(f"classifier.cost.{figure} {mine:.2f} (other {theirs:.2f}, x{mine / theirs:.2f})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"]:
        compare_cost(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    else:
        main(sys.argv[1:])
