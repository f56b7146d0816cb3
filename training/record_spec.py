"""Write ``training/replies_spec.csv``: every reply the detector's unit tests classify (but the text hypothesis makes
up), labelled with the verdict of the rules alone, which is the verdict those tests require (they pass on it).

    python training/record_spec.py && python training/train_reply_model.py

The tests draw the convention's fine lines ("cancel, my appointment moved" is a message, "we moved" is for review);
learning them keeps the model from reopening what the rules decided on their account. Run it after adding or changing
a detector test, then train again. It runs the tests in this interpreter with the learned second opinion switched off.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "training" / "replies_spec.csv"
TESTS = ["tests/unit/test_classify*.py", "tests/unit/test_reply*.py"]
MAX_REPLY = 1600  # characters: ten concatenated SMS segments and more
NOT_RECORDED = ["tests/unit/test_reply_model.py"]  # the model's own tests, which need it on


class Recorder:
    """A pytest plugin: the rules alone read every reply, and each reply a test classifies is kept with its label."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.recording = True

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> object:
        # the text hypothesis makes up is different each run, and not a reply: only the tests' own wordings are kept
        self.recording = not hasattr(getattr(item, "obj", None), "hypothesis")
        try:
            return (yield)
        finally:
            self.recording = True

    def pytest_configure(self, config: pytest.Config) -> None:
        from optledger import classify, classify_phrases

        classify._read = classify_phrases.read  # the rules alone: no second opinion
        unrecorded = classify.classify

        def recorded(text: str, **options: object) -> classify.Classification:
            verdict = unrecorded(text, **options)  # type: ignore[arg-type]
            # a stress test's input ("dont want " + "any more " * 300) is no reply: its hundreds of repeated pairs
            # of words would outweigh whole replies in the model
            if self.recording and isinstance(text, str) and text.strip() and len(text) <= MAX_REPLY:
                self.labels.setdefault(text, "review" if verdict.review else verdict.action)
            return verdict

        classify.classify = recorded  # before the test modules import it

    def write(self) -> int:
        with OUT.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text", "label", "lang", "category"])
            writer.writerows([text, label, "", "spec"] for text, label in self.labels.items())
        return len(self.labels)


def main() -> int:
    sys.path[:0] = [str(ROOT / "layers" / "optledger"), str(ROOT)]
    found = {str(path.relative_to(ROOT)) for pattern in TESTS for path in ROOT.glob(pattern)}
    paths = sorted(found - set(NOT_RECORDED))
    recorder = Recorder()
    status = pytest.main(["-q", "-p", "no:randomly", "-p", "no:cacheprovider", *paths], plugins=[recorder])
    if status != 0:
        print("the detector's tests fail with the rules alone: fix them before recording", file=sys.stderr)
        return 1
    print(f"wrote {recorder.write()} replies to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
