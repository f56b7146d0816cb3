"""A learned second opinion on the replies the rules leave as ordinary messages or queue for review.

The rules of ``classify_phrases`` know the wordings they were written for; a wording they never met ("we already moved
last month", "enough w the msgs", "I'd appreciate it if you didn't text this number again") falls through to an
ordinary message or a review. This module scores such a reply with two logistic regressions over its words and pairs
of neighbouring words, learned from every labelled reply of the repository (``training/``):

- ``queue`` (a revocation or an unclear reply, against an ordinary message): an ordinary message that scores above
  its threshold is queued for a person instead;
- ``honour`` (a revocation, against anything else): a reply that scores above its threshold, a high one, is a
  revocation, unless the rules saw texts welcomed in it (``classify_phrases`` decides that).

It reads the flat form the rules read, after their masks ("stop by", "cancel my appointment" are ``~``), so that what
the rules cleared as something else stays cleared. The weights are data (``data/reply_model.bin``, one signed byte per
hashed feature and head, and ``data/reply_model.json``), made by ``training/train_reply_model.py``; this module only
says how they are used.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import Literal
from zlib import crc32

_DATA_DIR = Path(__file__).parent / "data"
WEIGHTS_FILE = _DATA_DIR / "reply_model.bin"
SETTINGS_FILE = _DATA_DIR / "reply_model.json"
Head = Literal["queue", "honour"]
HEADS: tuple[Head, ...] = ("queue", "honour")
NOT_ASCII = "#not-ascii"  # a feature of its own: most replies in another script are not English or Spanish


@dataclass(frozen=True)
class Scorer:
    """One logistic regression: a weight is a signed byte times ``scale``."""

    weights: memoryview
    scale: float
    bias: float
    threshold: float  # a probability: above it, the head says yes

    def probability(self, buckets: list[int]) -> float:
        # itemgetter reads the weights in one C call (it gives a tuple from two buckets, and one int from one)
        weights = itemgetter(*buckets)(self.weights) if len(buckets) > 1 else map(self.weights.__getitem__, buckets)
        logit = self.bias + self.scale * sum(weights)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def says(self, buckets: list[int]) -> bool:
        return self.probability(buckets) > self.threshold


@dataclass(frozen=True)
class Opinion:
    queue: bool  # resembles a revocation or an unclear reply
    honour: bool  # reads as a revocation


def features(marked: str, ascii: bool = True) -> list[str]:
    """The words of each clause of the masked flat form and the pairs of neighbouring words in it."""
    found = [] if ascii else [NOT_ASCII]
    for clause in marked.split("|"):
        words = clause.split()
        found += words
        found += [f"{first} {second}" for first, second in pairwise(words)]
    return found


def buckets_of(found: list[str], buckets: int) -> list[int]:
    """Each feature's weight index: its CRC-32 modulo the number of weights (a power of two)."""
    return [crc32(feature.encode()) & (buckets - 1) for feature in found]


@cache
def scorers() -> dict[Head, Scorer]:
    settings = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    size = settings["buckets"]
    weights = memoryview(WEIGHTS_FILE.read_bytes()).cast("b")
    if size & (size - 1) or len(weights) != size * len(HEADS):
        raise ValueError(f"{WEIGHTS_FILE.name} does not hold {len(HEADS)} heads of {size} weights (a power of two)")
    found: dict[Head, Scorer] = {}
    for index, head in enumerate(HEADS):
        found[head] = Scorer(weights[index * size : (index + 1) * size], **settings["heads"][head])
    return found


def opinion(marked: str, ascii: bool = True) -> Opinion:
    """What the learned heads say of a reply's masked flat form."""
    heads = scorers()
    buckets = reply_buckets(marked, ascii)
    return Opinion(queue=heads["queue"].says(buckets), honour=heads["honour"].says(buckets))


def says(head: Head, marked: str, ascii: bool = True) -> bool:
    """What one head says of a reply's masked flat form (a verdict that only one head can change asks only it)."""
    return scorers()[head].says(reply_buckets(marked, ascii))


def reply_buckets(marked: str, ascii: bool = True) -> list[int]:
    """``buckets_of(features(marked, ascii))``, in another order: an ASCII form (most) is encoded once and hashed a
    word and a pair at a time as bytes, not a string built and encoded for each feature."""
    last = len(scorers()["queue"].weights) - 1
    if not (marked.isascii() and marked.isprintable()):  # "\x1c" is whitespace to str.split only
        return buckets_of(features(marked, ascii), last + 1)
    found = [] if ascii else [crc32(NOT_ASCII.encode()) & last]
    for clause in marked.encode().split(b"|"):
        words = clause.split()  # bytes split at ASCII whitespace, as str.split does on an ASCII string
        found += [crc32(word) & last for word in words]
        found += [crc32(b" ".join(pair)) & last for pair in pairwise(words)]
    return found
