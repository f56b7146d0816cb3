"""Normalisation of a reply before the detector reads it (step 2 of ``optledger.classify``).

``fold`` lower-cases and removes accents from Latin letters (other scripts kept); ``canonical`` gives the flat form
every pattern of ``data/phrases.json`` is written against: SMS spellings made canonical ("pls", "txt", "xfa",
"kiero"), digits for letters ("st0p"), stretched and spaced-out letters ("STOPPP", "s t o p"), clause breaks
written " | " and other symbols made spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from optledger.classify import _LATIN_ACCENTS, _SPACES
from optledger.reply_rules import phrase_data

_REPEATS = re.compile(r"(.)\1+")
# "đ" and "ł" have no decomposition: Vietnamese and Polish read without them ("dung", "wysylac")
_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "#": " number "}
)
_DELETED = str.maketrans("", "", "'*")
_NOT_WORD = re.compile(r"[^\w#&]+")
_SPACING = re.compile(r"[ .\-_*]+")
CLAUSE_CHARS = frozenset('.!?;:,\n\r…¿¡()[]"| \t')


def fold(text: str) -> str:
    """Lower case without accents on Latin letters, quotes unified, "#" read as "number"; other scripts kept."""
    if not text.isascii() or "#" in text or "`" in text:
        text = text.translate(_QUOTES)
    if not text.isascii():
        text = text.translate(_LATIN_ACCENTS)  # the common case (Spanish) without decomposing every character
        if not text.isascii():
            text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
            text = unicodedata.normalize("NFC", text)
    return text.casefold()


def squeeze(flat: str) -> str:
    """Collapse repeated letters, so "STOPPP" and "stooop" read as "stop"."""
    return _REPEATS.sub(r"\1", flat)


def phrase_words(words: Iterable[str]) -> frozenset[str]:
    """Word-list entries in the form of the words of a flat reply (folded, apostrophes gone, single spaces)."""
    return frozenset(_SPACES.sub(" ", _NOT_WORD.sub(" ", fold(w).translate(_DELETED))).strip() for w in words)


class _Spelling(NamedTuple):
    abbreviations: dict[str, str]
    leet: dict[str, str]
    targets: frozenset[str]
    squeezed_targets: dict[str, str]
    spaced: re.Pattern[str]
    spaced_hint: re.Pattern[str]
    words: re.Pattern[str]
    triples: re.Pattern[str]
    leet_hint: re.Pattern[str]
    double: re.Pattern[str]


@cache
def _spelling() -> _Spelling:
    canon = phrase_data()["canon"]
    return _Spelling(
        abbreviations=canon["abbreviations"],
        leet=canon["leet"],
        targets=frozenset(canon["targets"]),
        # courtesy words stretch too ("stop plzzz", "thanksss"): the stretch of a target or a courtesy word reads as it
        squeezed_targets={squeeze(word): word for word in [*_single_courtesy_words(), *canon["targets"]]},
        spaced=re.compile(r"(?<!\w)(?:[a-z][ .\-_*]+){2,}[a-z](?!\w)"),
        spaced_hint=re.compile(r"(?<!\w)[a-z][ .\-_*]+[a-z][ .\-_*]+[a-z](?!\w)"),
        words=re.compile(r"[\w#&@$]+|[.!?;:,\n\r…¿¡()\[\]\"|]+|\s[-–—]+\s"),
        triples=re.compile(r"([a-z])\1{2,}"),
        leet_hint=re.compile(r"[0-9@$]"),
        double=re.compile(r"([a-z])\1"),
    )


def _single_courtesy_words() -> list[str]:
    return [word for word in phrase_data()["courtesy"] if word.isalpha() and len(word) > 2]


def canonical(folded: str) -> str:
    """The flat form: SMS spellings made canonical, clause breaks written ' | ', other symbols made spaces."""
    spelling = _spelling()
    text = folded.replace("'", "").replace("*", "")
    if spelling.spaced_hint.search(text):
        text = spelling.spaced.sub(_join_spaced, text)
    flat = " ".join(map(_canonical_word, spelling.words.findall(text)))
    while "| |" in flat:
        flat = flat.replace("| |", "|")
    return flat.strip(" |")


def _join_spaced(match: re.Match[str]) -> str:
    return _target(_SPACING.sub("", match[0])) or match[0]


def _target(word: str) -> str | None:
    """The target word this spelling stretches ("stopp", "stooop", "mee"), if any."""
    spelling = _spelling()
    if word in spelling.targets:
        return word
    return spelling.squeezed_targets.get(squeeze(word)) if spelling.double.search(word) else None


@lru_cache(maxsize=8192)
def _canonical_word(word: str) -> str:
    """One word's canonical spelling: "pls" -> "please", "st0p" -> "stop", "STOPPP" -> "stop", "kiero" -> "quiero".

    A run of clause punctuation is "|".
    """
    if word[0] in CLAUSE_CHARS:
        return "|"
    spelling = _spelling()
    if (spelt := spelling.abbreviations.get(word)) is not None:
        return spelt
    if spelling.leet_hint.search(word) and any("a" <= ch <= "z" for ch in word):
        word = _target("".join(spelling.leet.get(ch, ch) for ch in word)) or word
    return _target(word) or spelling.triples.sub(r"\1\1", word)
