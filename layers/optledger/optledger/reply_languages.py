"""Replies in a language the detector does not read (step 4 of ``optledger.classify``).

A reply in another script, or in Latin letters with marks Spanish does not use, or with enough words of another
language, or mostly of words that are neither English nor Spanish (``foreign.known_words``: romanised Chinese,
Russian, Arabic, Hindi, Creole...), is never silently an ordinary message: it is queued, unless the revocation
patterns of its language found nothing and it is certainly something else. In ``data/phrases.json``:
``foreign.objects`` masks requests about an appointment or order and negated stops, ``foreign.cues`` are words (of
stopping, refusing, removing, texting, a wrong number) that keep a reply queued whatever else it says,
``foreign.ordinary`` the signs of an ordinary message (thanks, a greeting, a visit, a time, an appointment or order).
A word outside ``foreign.known_words`` is still English or Spanish when the dictionaries (``data/words_en.txt.gz``,
``data/words_es.txt.gz``) have it and it has four letters or more.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from typing import NamedTuple

from optledger.classify import _DATA_DIR
from optledger.reply_rules import phrase_data


class _Foreign(NamedTuple):
    markers: frozenset[str]
    strong_markers: frozenset[str]
    min_markers: int
    known: frozenset[str]
    known_share: float
    suffixes: tuple[str, ...]
    markers_unknown: bool  # no marker is a known word: a reply of known words alone has none


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


@cache
def known_words() -> frozenset[str]:
    """The curated English and Spanish words (``foreign.known_words``): read, not compiled, so the phrase reader can
    ask whether a reply has an unknown word without paying for the language rules."""
    return frozenset(phrase_data()["foreign"]["known_words"].split())


@cache
def _foreign() -> _Foreign:
    foreign = phrase_data()["foreign"]
    return _Foreign(
        markers=frozenset(foreign["markers"]),
        strong_markers=frozenset(foreign["strong_markers"]),
        min_markers=foreign["min_markers"],
        known=known_words(),
        known_share=foreign["known_share"],
        suffixes=tuple(foreign["known_suffixes"]),
        markers_unknown=known_words().isdisjoint(foreign["markers"])
        and known_words().isdisjoint(foreign["strong_markers"]),
    )


class _Unread(NamedTuple):
    """What reads a reply that is not all ASCII, or one in another language: compiled on the first such reply, not on
    a cold start's first English one (the CJK alternations and the Unicode ranges are the costliest to compile)."""

    other_script: re.Pattern[str]
    other_latin: re.Pattern[str]
    objects: re.Pattern[str]
    cues: re.Pattern[str]
    ordinary: re.Pattern[str]


@cache
def _unread() -> _Unread:
    foreign = phrase_data()["foreign"]
    return _Unread(
        # letters of scripts the detector does not read: Greek to Ethiopic, Hangul Jamo, CJK, kana, Hangul syllables
        # (Latin with Vietnamese's extended block, digits, punctuation, symbols and emoji are not in it)
        other_script=re.compile("[\u0370-\u1dff\u2c00-\u2dff\u3040-\u9fff\ua000-\ud7ff\uf900-\ufaff\uff66-\uffdc]"),
        # Latin letters with marks Spanish does not use (ã, ç, è, ơ, ...): French, Portuguese, Vietnamese, Creole
        other_latin=re.compile("(?![áéíóúñüÁÉÍÓÚÑÜ])[À-ÖØ-öø-ɏḀ-ỿ]"),
        objects=_alternation(foreign["objects"]),
        cues=_alternation(foreign["cues"]),
        ordinary=_alternation(foreign["ordinary"]),
    )


_MIN_STEM = 3
# the dictionary is trusted from four letters: shorter words are shared with the languages the detector does
# not read ("ko", "na", "ne", "pa", "bon"), and the curated known_words cover the short English and Spanish ones
_DICTIONARY_MIN = 4
_WRITTEN_WITH_DIGITS = re.compile(r"[a-z]+\d+[a-z]")  # "stains" -> "stain", but not "as" -> "a"


@cache
def _dictionary() -> frozenset[str]:
    """English and Spanish words of four letters or more, folded: SCOWL's American English list
    (``data/words_en.txt.gz``, 87k words) and a list of everyday Spanish words and their inflections written for this
    project (``data/words_es.txt.gz``, 30k). Read on the first reply with a word the curated list does not know."""
    words: set[str] = set()
    for name in ("words_en.txt.gz", "words_es.txt.gz"):
        with gzip.open(_DATA_DIR / name, "rt", encoding="utf-8") as handle:
            words.update(handle.read().split())
    return frozenset(words)


def in_dictionary_read(word: str) -> bool:
    """A word of four letters or more in the dictionaries, if they were read already (False if not: asking never
    reads them, so a cheap first test before a costly one that reads them only in some cases keeps a cold start's)."""
    return len(word) >= _DICTIONARY_MIN and _dictionary.cache_info().currsize > 0 and word in _dictionary()


def english_or_spanish(word: str) -> bool:
    """A curated English or Spanish word, or one of four letters or more in the dictionaries."""
    return word in known_words() or (len(word) >= _DICTIONARY_MIN and word in _dictionary())


def english_or_spanish_inflected(word: str) -> bool:
    """An English or Spanish word or one of its inflections ("yelling", "tutoring")."""
    return _known(word, _foreign())


def _known(word: str, foreign: _Foreign) -> bool:
    """An English or Spanish word, or one of its inflections ("worked", "arrives", "texting")."""
    if english_or_spanish(word):
        return True
    for suffix in foreign.suffixes:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if len(stem) >= _MIN_STEM and (stem in foreign.known or stem + "e" in foreign.known):
                return True
    return False


def mostly_unknown(words: list[str]) -> bool:
    """Latin letters in words English and Spanish do not have ("bu yao zai fa le", "Retire m nan lis la"): at most
    ``known_share`` of the (distinct) words known and two unknown, or a single word that is unknown."""
    foreign = _foreign()
    distinct = set(words)
    rest = distinct.difference(foreign.known)  # the common case: a few words left, checked one by one
    known = len(distinct) - len(rest)
    if not rest or (known and known > foreign.known_share * len(distinct)):
        return False  # mostly known words whatever the rest are
    # "t3ido": letters with digits inside are a word too (Arabic in Latin letters); "2pm", "3rd" and "|" are not
    words = [word for word in rest if word.isalpha() or (word.isalnum() and _WRITTEN_WITH_DIGITS.match(word))]
    unknown = sum(1 for word in words if not _known(word, foreign))
    known += len(words) - unknown  # an inflection or a dictionary word is a known word too
    if known + unknown == 1:
        return unknown == 1
    return unknown >= 2 and known <= foreign.known_share * (known + unknown)


def other_language(text: str, flat: str, known: bool = False) -> bool:
    """Whether the reply is (at least partly) in a language the detector does not read. ``known``: every word of the
    flat form is a curated English or Spanish word (or "|"), so that only its script can say another language."""
    if not text.isascii():
        if (unread := _unread()).other_script.search(text) or unread.other_latin.search(text):
            return True
    elif known and _foreign().markers_unknown:
        return False  # no marker, and no unknown word for mostly_unknown to count
    foreign = _foreign()
    words = flat.split()
    if foreign.markers.isdisjoint(words) and foreign.strong_markers.isdisjoint(words):
        return mostly_unknown(words)
    return (
        len(foreign.markers.intersection(words)) >= foreign.min_markers
        or not foreign.strong_markers.isdisjoint(words)
        or mostly_unknown(words)
    )


def certainly_ordinary(marked: str) -> bool:
    """A reply in another language that is certainly not a revocation: once requests about an appointment or order
    and negated stops are masked, it has no word of stopping, refusing, removing or a wrong number in any language the
    detector knows, and it has a sign of an ordinary message (thanks, a greeting, a time, a visit, an order)."""
    foreign = _unread()
    rest = foreign.objects.sub(" ~ ", marked)
    # a masked span ("~") is a negated stop or another object: read, and not a revocation
    return foreign.cues.search(rest) is None and ("~" in rest or foreign.ordinary.search(marked) is not None)
