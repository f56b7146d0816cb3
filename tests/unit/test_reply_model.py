"""The learned second opinion (``reply_model``, ``reply_reader``): where it may reopen a verdict of the rules and
where it may not, the shipped weights, and the trainer that makes them."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from optledger import classify_phrases, reply_model, reply_reader
from optledger.classify import classify
from tests.support.replies import label_of

ROOT = Path(__file__).resolve().parents[2]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_reply_model", ROOT / "training" / "train_reply_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def model_says(monkeypatch):
    """Make the model say what a test needs, whatever the reply (the memo of its opinions emptied around it)."""

    def says(*, queue: bool, honour: bool) -> None:
        _forget()
        answers = {"queue": queue, "honour": honour}
        monkeypatch.setattr(reply_reader, "says", lambda head, marked, ascii=True: answers[head])

    yield says
    _forget()


def _forget() -> None:
    reply_reader._QUEUED.clear()
    reply_reader._HONOURED.clear()


def test_an_ordinary_message_with_no_cue_is_queued_when_the_model_says_so(model_says):
    model_says(queue=True, honour=False)
    verdict = classify("the weather is lovely today")
    assert (verdict.action, verdict.review, verdict.matched) == ("message", True, reply_reader.LEARNED_REVIEW)


def test_the_model_never_honours_a_reply_the_rules_left_ordinary(model_says):
    model_says(queue=True, honour=True)
    assert label_of("the weather is lovely today") == "review"


@pytest.mark.parametrize(
    "text",
    [
        "lovely",  # a single word is the rules' to read
        "I'll stop by tomorrow after work",  # a cue masked as something else
        "cancel my appointment for friday please",  # a cue about something else
        "stop calling me, texting is fine",  # texts welcomed beside a cue
        "Stop, I'm crying, this coupon is perfect",  # delight
    ],
)
def test_what_the_rules_decided_on_purpose_stays_a_message(model_says, text):
    model_says(queue=False, honour=False)
    assert label_of(text) == "message"  # the rules' own verdict
    model_says(queue=True, honour=True)
    assert label_of(text) == "message"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop?", "review"),  # a keyword asked
        ("STOP!! lol", "review"),  # a joke, perhaps
        ("stop texting me at 6am", "review"),  # a limit on the texts
        ("stop texting me", "opt_out"),
        ("HELP pls", "help"),
    ],
)
def test_verdicts_the_rules_reached_are_not_reopened(model_says, text, expected):
    model_says(queue=True, honour=True)
    assert label_of(text) == expected


def test_a_refusal_of_texts_no_rule_decides_is_honoured_when_the_model_reads_a_revocation(model_says):
    text = "I'd sooner not get texts from the dealership anymore"
    model_says(queue=False, honour=False)
    assert (classify(text).review, classify(text).matched) == (True, "texts refused")
    model_says(queue=True, honour=True)
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by) == ("opt_out", "phrase")
    assert verdict.matched == reply_reader.LEARNED_REVOCATION


def test_a_refusal_beside_texts_welcomed_is_not_honoured_by_the_model(model_says):
    model_says(queue=True, honour=True)
    assert label_of("I'd rather not get texts, I like the deals though") == "review"


def test_with_the_model_silent_every_verdict_is_the_rules_own(model_says):
    model_says(queue=False, honour=False)
    with (ROOT / "tests" / "data" / "replies.csv").open(encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    for text in texts:
        assert classify(text) == classify_phrases.read(text, ()) or classify(text).detected_by == "keyword", text


# The shipped weights, on wordings no labelled file has (the model's figures on held-out sets are in docs/detector.md).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("these are driving me crazy", "review"),  # a complaint no rule names
        ("I have asked you people before", "review"),
        ("I never want to receive a text from you again", "opt_out"),
        ("is the store open until 9 tonight?", "message"),
        ("thanks, see you on tuesday at 4", "message"),
        ("can you send me the invoice again", "message"),
    ],
)
def test_the_shipped_model_on_wordings_it_never_saw(text, expected):
    assert label_of(text) == expected


def test_the_shipped_weights_are_two_heads_of_a_power_of_two():
    heads = reply_model.scorers()
    assert set(heads) == set(reply_model.HEADS)
    (size,) = {len(scorer.weights) for scorer in heads.values()}
    assert size & (size - 1) == 0
    assert all(0.0 < scorer.threshold < 1.0 for scorer in heads.values())


def test_the_shipped_model_was_trained_on_the_labelled_files_and_rules_of_this_commit():
    # fails when a labelled file or the rules' data changed without training again
    assert _trainer().main(["--check"]) == 0


def test_features_are_the_words_and_neighbouring_pairs_of_each_clause():
    assert reply_model.features("no more texts | thanks") == ["no", "more", "texts", "no more", "more texts", "thanks"]
    assert reply_model.features("basta", ascii=False) == [reply_model.NOT_ASCII, "basta"]


@pytest.mark.parametrize(
    "marked",
    ["no more texts | thanks", "", "|", "stop", " ~  by | ok ", "ya no me manden", "ya no más", "a\x1cb c", "a\x0bb"],
)
@pytest.mark.parametrize("ascii", [True, False])
def test_the_reader_hashes_the_features_the_trainer_hashes(marked, ascii):
    size = len(reply_model.scorers()["queue"].weights)
    expected = reply_model.buckets_of(reply_model.features(marked, ascii), size)
    assert sorted(reply_model.reply_buckets(marked, ascii)) == sorted(expected)


def test_the_trainer_is_deterministic_and_learns(tmp_path):
    trainer = _trainer()
    rows = [("please stop texting me", "opt_out"), ("no more texts", "opt_out"), ("take me off your list", "opt_out")]
    rows += [("wrong number", "review"), ("see you at 5", "message"), ("thanks so much", "message")]
    rows += [("what time do you open", "message"), ("HELP", "help")]
    data = tmp_path / "replies_tiny.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "lang", "category"])
        writer.writerows([text, label, "en", "phrase"] for text, label in rows)
    (tmp_path / "layers/optledger/optledger/data").mkdir(parents=True)
    for name in trainer.READING:  # the rules' data is part of the fingerprint
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    first, settings = trainer.train([data], tmp_path, epochs=3)
    second, _ = trainer.train([data], tmp_path, epochs=3)
    assert first == second
    assert settings["replies"] == 7 and settings["labels"] == {"message": 3, "opt_out": 3, "review": 1}
    size = settings["buckets"]
    weights = memoryview(first).cast("b")
    scorers = {
        head: reply_model.Scorer(weights[index * size : (index + 1) * size], **settings["heads"][head])
        for index, head in enumerate(reply_model.HEADS)
    }
    stop = trainer.buckets_of("no more texts please")
    ordinary = trainer.buckets_of("see you soon thanks")
    assert scorers["honour"].probability(stop) > scorers["honour"].probability(ordinary)
    assert scorers["queue"].probability(stop) > scorers["queue"].probability(ordinary)
