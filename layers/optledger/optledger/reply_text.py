"""Normalisation of a reply before the detector reads it (step 2 of ``optledger.classify``).

``fold`` lower-cases and removes accents from Latin letters (other scripts kept); ``canonical`` gives the flat form
every pattern of ``data/phrases.json`` is written against: SMS spellings made canonical ("pls", "txt", "xfa",
"kiero"), digits for letters ("st0p"), stretched and spaced-out letters ("STOPPP", "s t o p"), words run together or
split apart ("takemeoffyourlist", "re move": ``reply_split``), clause breaks written " | " and other symbols made
spaces. ``reading`` says too what was mended, and ``decided`` how far the mending may decide a verdict.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from optledger.classify import _LATIN_ACCENTS, _SPACES, Classification, Translation, asked
from optledger.near_words import NearWords
from optledger.reply_languages import english_or_spanish, in_dictionary_read, known_words
from optledger.reply_rules import Memo, address_data, phrase_data
from optledger.reply_split import (
    _RUN_MIN,
    Mend,
    could_join,
    fragment,
    join_tails,
    mostly_known,
    rejoined,
    run_together,
)

_REPEATS = re.compile(r"(.)\1+")
_GUESSED = "words run together"  # what a guess queued for review names when no rule matched
# "đ" and "ł" have no decomposition: Vietnamese and Polish read without them ("dung", "wysylac")
_QUOTES = Translation(
    str.maketrans(
        {"’": "'", "‘": "'", "`": "'", "´": "'", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "#": " number "}
    ).items()
)
_DELETED = str.maketrans("", "", "'*")
# scripts whose vowel signs and marks spell their words (Indic, Thai, Lao, Tibetan, Myanmar, Khmer): kept whole
MARKED = "\u0900-\u0fff\u1000-\u109f\u1780-\u17ff"
_NOT_WORD = re.compile(rf"[^\w#&{MARKED}]+")
_SPACING = re.compile(r"[ .\-_*]+")
CLAUSE_CHARS = frozenset('.!?;:,\n\r…¿¡()[]"| \t')


def fold(text: str) -> str:
    """Lower case without accents on Latin letters, quotes unified, "#" read as "number"; other scripts kept."""
    if not text.isascii() or "#" in text or "`" in text:
        text = text.translate(_QUOTES)
    if not text.isascii():
        text = text.translate(_LATIN_ACCENTS)  # the common case (Spanish) without decomposing every character
        if not text.isascii():
            decomposed = unicodedata.normalize("NFKD", text)
            if _MARKED_SCRIPTS.search(text):
                text = unicodedata.normalize("NFC", "".join(_without_marks(decomposed)))
            else:  # no script whose marks spell its words: every mark goes, each distinct one looked up once
                marks = [ch for ch in set(decomposed) if unicodedata.combining(ch)]
                text = unicodedata.normalize("NFC", decomposed.translate(dict.fromkeys(map(ord, marks))))
    return text.casefold()


_MARKED_SCRIPTS = re.compile(f"[{MARKED}\u3040-\u30ff]")


def _keeps_marks(char: str) -> bool:
    """Indic, Thai or Khmer vowel signs and the kana voicing marks spell the word ("मुझे", "で"): not accents to drop."""
    return _MARKED_SCRIPTS.match(char) is not None  # read only on replies in those scripts (``fold``)


def _without_marks(decomposed: str) -> Iterator[str]:
    keep = False
    for char in decomposed:
        if not unicodedata.combining(char):
            keep = _keeps_marks(char)
        elif not keep:
            continue
        yield char


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
    spaced_hint_ascii: re.Pattern[str]
    words: re.Pattern[str]
    words_ascii: re.Pattern[str]
    triples: re.Pattern[str]
    leet_hint: re.Pattern[str]
    double: re.Pattern[str]
    fuzzy: NearWords


@cache
def _spelling() -> _Spelling:
    canon = phrase_data()["canon"]
    return _Spelling(
        abbreviations=canon["abbreviations"],
        leet=canon["leet"],
        targets=frozenset(canon["targets"]),
        # courtesy words and words of address stretch too ("stop plzzz", "thanksss", "bruhhh"): the stretch of a
        # target, a courtesy word or a word of address reads as it
        squeezed_targets={squeeze(word): word for word in [*_words_that_stretch(), *canon["targets"]]},
        spaced=re.compile(r"(?<!\w)(?:[a-z][ .\-_*]+){2,}[a-z](?!\w)"),
        # \b before a letter is (?<!\w) there, and a test re runs faster; under re.ASCII faster still
        spaced_hint=re.compile(r"\b[a-z][ .\-_*]+[a-z][ .\-_*]+[a-z](?!\w)"),
        spaced_hint_ascii=re.compile(r"\b[a-z][ .\-_*]+[a-z][ .\-_*]+[a-z](?!\w)", re.ASCII),
        words=re.compile(rf"[\w#&@${MARKED}]+|[.!?;:,\n\r…¿¡()\[\]\"|]+|\s[-–—]+\s"),
        # the same on an ASCII reply (most), whose \w re.ASCII tests faster: \s spelt out as str.isspace has it there
        words_ascii=re.compile(r"[\w#&@$]+|[.!?;:,\n\r()\[\]\"|]+|[\t-\r\x1c-\x1f ]-+[\t-\r\x1c-\x1f ]", re.ASCII),
        triples=re.compile(r"([a-z])\1{2,}"),
        leet_hint=re.compile(r"[0-9@$]"),
        double=re.compile(r"([a-z])\1"),
        fuzzy=NearWords(canon["fuzzy"]),
    )


def _words_that_stretch() -> list[str]:
    """Courtesy words and words of address of three letters or more, one word each ("plz", "thanks", "bruh")."""
    return [
        word for word in [*address_data()["address"], *phrase_data()["courtesy"]] if word.isalpha() and len(word) > 2
    ]


def canonical(folded: str) -> str:
    """The flat form: SMS spellings made canonical, clause breaks written ' | ', other symbols made spaces."""
    return reading(folded)[0]


# A reply's flat form; whether it was mended with letters left that are no word ("stoptxtngme": queued rather than
# honoured); and the flat form without the mending, when there was one. A plain tuple: one is built every reply.
Reading = tuple[str, bool, str | None]


def reading(folded: str) -> Reading:
    """``canonical``, with what ``reply_split`` mended in it."""
    spelling = _spelling()
    text = folded.replace("'", "").replace("*", "")
    if (spelling.spaced_hint_ascii if text.isascii() else spelling.spaced_hint).search(text):
        text = spelling.spaced.sub(_join_spaced, text)
    tokens = (spelling.words_ascii if text.isascii() else spelling.words).findall(text)
    words = list(map(_canonical_word, tokens))  # a fragment or a run ("fr", "stopit") is noted as it is spelt
    if (_PIECES or _pieces()).isdisjoint(tokens):  # most replies: nothing to mend, at one set test
        return _flat(words), False, None
    plain, guessed = words, False
    # "re move me", "st op tex ting", "messa ging": a word split apart
    if could_join(tokens, _FRAGMENTS) and (joined := rejoined(tokens, _FRAGMENTS)):
        guessed = joined.guessed
        words = list(map(_canonical_word, joined.words))
    if _RUNS and not _RUNS.keys().isdisjoint(words):  # "takemeoffyourlist"
        words, guessed = _unrun(words, guessed)
    if words is plain:
        return _flat(words), False, None
    return _flat(words), guessed, _flat(plain)


def _flat(words: list[str]) -> str:
    if _SLIPS and not _SLIPS.keys().isdisjoint(words):  # most replies have no slip: one set test, not one a word
        words = _mended(words)
    flat = " ".join(words)
    while "| |" in flat:
        flat = flat.replace("| |", "|")
    return flat.strip(" |")


_KEYWORD_SLIP_CHARS = 12  # the longest keyword, UNSUBSCRIBE, with a letter typed inside
_COURTEOUS_SLIP_CHARS, _COURTEOUS_SLIP_WORDS = 24, 3  # "cancelat gracias", "stpo pls thx"


def decided(text: str, found: Reading, read: Callable[[str], Classification]) -> Classification:
    """The verdict ``read`` gives the reply's flat form, as far as a mending may decide it. Read through a guess
    ("stopsendngme": letters left that no word covers), a revocation or an ordinary message is queued instead, for a
    person to read (what it mended holds a revocation's word). A mending that reads as an ordinary message keeps the
    doubt of the reply as written ("yaparenleconlosmensajes" cut into words no rule reads stays queued), and a keyword
    it is as written ("cancelat", a slip of CANCELAR, alone or with courtesy) stays that keyword. A keyword
    mended or said with courtesy words and asked ("unsu bscribe?", "st op??") is queued like a keyword asked."""
    flat, guessed, unmended = found
    if unmended is None:
        return _asked_keyword(text, read(flat), guessed)
    # "cancelqr": CANCELAR typed with a slip, not "cancel qr" cut by a guess (a slip is a word of a keyword's size)
    slip = len(unmended) <= _KEYWORD_SLIP_CHARS and " " not in unmended
    as_written = read(unmended) if slip and guessed else None
    if as_written is not None and as_written.detected_by and not as_written.review:
        return as_written
    verdict = _asked_keyword(text, read(flat), guessed)
    if verdict.review and unmended.count(" ") == 1 and (code := text.split()[-1]).isalpha() and code.isupper():
        # "STOP ADOPTFEST": a stop word beside a code in capitals copied from the text, which a guess cut into words
        as_written = as_written or read(unmended)
        return as_written if as_written.action == "opt_out" and not as_written.review else verdict
    if verdict.action == "message" and not verdict.review:
        # a keyword typed with a slip is no words run together ("cancelat" is CANCELAR, not "cancel at"), or with a
        # courtesy word or two ("cancelat gracias"), the size of a keyword said with courtesy
        as_written = as_written or read(unmended)
        slip = slip or (
            len(unmended) <= _COURTEOUS_SLIP_CHARS
            and 0 < unmended.count(" ") < _COURTEOUS_SLIP_WORDS
            and all(len(word) <= _KEYWORD_SLIP_CHARS for word in unmended.split())
        )
        return as_written if as_written.review or (slip and as_written.action != "message") else verdict
    return verdict


def _asked_keyword(text: str, verdict: Classification, guessed: bool) -> Classification:
    """A verdict read through a guess is queued when it revokes or says nothing; a keyword mended and asked too."""
    if guessed and (verdict.action == "opt_out" or (verdict.action == "message" and verdict.detected_by is None)):
        return Classification("message", verdict.matched or _GUESSED, "review", review=True)
    if verdict.detected_by == "keyword" and verdict.action == "opt_out" and asked(text):
        return Classification("message", verdict.matched, "review", review=True)
    return verdict


def _unrun(words: list[str], guessed: bool) -> tuple[list[str], bool]:
    """Words run together cut into their words, when the rest of the reply is English or Spanish ("Stuur me geen
    smsjes meer" is Dutch, whatever "smsjes" may be cut into)."""
    if not mostly_known(word for word in words if word not in _RUNS):
        return words, guessed
    unrun: list[str] = []
    for word in words:
        if (run := _RUNS.get(word)) is None:
            unrun.append(word)
        else:
            unrun.extend(map(_canonical_word, run.words))
            guessed = guessed or run.guessed
    return unrun, guessed


def _join_spaced(match: re.Match[str]) -> str:
    letters = _SPACING.sub("", match[0])
    if target := _target(letters):
        return target
    # "s t o p  t e x t i n g  m e": letters spelt out are words run together; read only when cut cleanly
    run = run_together(letters)
    return " ".join(run.words) if run and not run.guessed else match[0]


def _target(word: str) -> str | None:
    """The target word this spelling stretches ("stopp", "stooop", "mee"), if any."""
    spelling = _spelling()
    if word in spelling.targets:
        return word
    return spelling.squeezed_targets.get(squeeze(word)) if spelling.double.search(word) else None


def _spelt(word: str) -> str:
    """One word's canonical spelling: "pls" -> "please", "st0p" -> "stop", "STOPPP" -> "stop", "kiero" -> "quiero".

    A run of clause punctuation is "|".
    """
    token = word
    if word[0] in CLAUSE_CHARS:
        return "|"
    spelling = _spelling()
    if (spelt := spelling.abbreviations.get(word)) is not None:
        return spelt
    # a stretched abbreviation ("STAHPPP", "plsss"); from four letters, so "xx" or "mm" are not "por" or "me"
    if (
        spelling.double.search(word)
        and len(squeezed := squeeze(word)) >= _SQUEEZED_MIN
        and (spelt := spelling.abbreviations.get(squeezed)) is not None
    ):
        return spelt
    if spelling.leet_hint.search(word) and any("a" <= ch <= "z" for ch in word):
        word = _target("".join(spelling.leet.get(ch, ch) for ch in word)) or word
    if (target := _target(word)) is not None:
        word = target
    elif spelling.triples.search(word):  # a search that fails costs less than a sub that changes nothing
        word = spelling.triples.sub(r"\1\1", word)
    # an English or Spanish word (most words met once) is neither a slip nor words run together: both say so, later
    known = word in known_words() or in_dictionary_read(word)
    slip = (
        None if known or len(word) < _SMALL_MIN else _misspelt(word) if len(word) >= _FUZZY_MIN else _small_slip(word)
    )
    if slip:
        _bounded(_SLIPS)
        _SLIPS[word] = slip  # read once a word, like the rest of its spelling; mended in context by canonical()
    # a slip of one word ("textimg") before words run together ("text img")
    elif not known and len(word) >= _RUN_MIN and (run := run_together(word)):
        _bounded(_RUNS, _PIECES)
        _RUNS[word] = run  # mended in context by canonical(), like a slip
        (_PIECES or _pieces()).update((token, word))
    elif fragment(word):
        _bounded(_FRAGMENTS, _PIECES)
        _FRAGMENTS.add(word)
        (_PIECES or _pieces()).add(word)  # the join words' last words first
    return word


def _bounded(memo: dict[str, _Slip] | dict[str, Mend] | set[str], *also: set[str]) -> None:
    """A memo of the words read so far is bounded like the cache of spellings, and forgotten with it (and with the
    index built from it), so that every word it held is read again."""
    if len(memo) >= _SLIPS_KEPT:
        memo.clear()
        for index in also:
            index.clear()
        _SPELLINGS.clear()


_SPELLINGS = Memo(_spelt, 16384)  # the spelling of every word met (up to ~2.5 MB), at one dict lookup a word
_canonical_word = _SPELLINGS.__getitem__


_SQUEEZED_MIN = 4
_SLIPS_KEPT = 4096
_SMALL_MIN = 3  # two letters are a slip away from too many words
_FUZZY_MIN = 5  # shorter words are one letter away from too many others ("tex", "sms"): abbreviations spell them


class _Slip(NamedTuple):
    word: str
    undoubled: bool  # a doubled letter undone, to any English or Spanish word (not only a word of the rules)
    small: bool = False  # a short word's slip ("txet"): mended only as the one unknown word of its reply


_FRAGMENTS: set[str] = set()  # the short pieces read so far that are no word ("fr", "om", "messa")
_PIECES: set[str] = set()  # those, runs met and the last words of join words ("move", "ting"): a reply mended has one


def _pieces() -> set[str]:
    _PIECES.update(join_tails())
    return _PIECES


_RUNS: dict[str, Mend] = {}  # the words read so far that are words run together, and their words
_SLIPS: dict[str, _Slip] = {}  # the words read so far that are slips of the thumb, and their mending


@lru_cache(maxsize=8192)
def _misspelt(word: str) -> _Slip | None:
    """The word a slip of the thumb made unknown: a letter doubled ("theese", "repply", "borrenmme") undone when that
    gives an English or Spanish word; or one edit away (two from ten letters) from a word of the rules
    (``canon.fuzzy``: "texing", "dtexting", "mesajes", "subscripcion"). Never an English or Spanish word itself."""
    spelling = _spelling()
    if not word.isalpha() or word in spelling.fuzzy or word in known_words() or in_dictionary_read(word):
        return None  # a known word is no slip (the dictionaries are read only once a slip is found)
    doubled = spelling.double.search(word) is not None
    nearest = spelling.fuzzy.nearest(word)
    # the dictionary is read only for a word with a doubled letter or a slip away from a rule's word
    if (nearest is None and not doubled) or english_or_spanish(word):
        return None
    for double in spelling.double.finditer(word) if doubled else ():
        if english_or_spanish(undoubled := word[: double.start()] + word[double.start() + 1 :]):
            return _Slip(_canonical_word(undoubled), undoubled=nearest is None)
    return _Slip(nearest, undoubled=False) if nearest else None


# the keys beside each letter on a QWERTY keyboard: a short word's slip is a neighbouring key or two letters swapped
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {
    row[index]: frozenset(row[beside] for beside in (index - 1, index + 1) if 0 <= beside < len(row))
    for row in _ROWS
    for index in range(len(row))
}


@lru_cache(maxsize=8192)
def _small_slip(word: str) -> _Slip | None:
    """A short word of the rules (``canon.small``: "text", "out", "your") that a slip of the thumb made unknown: one
    letter changed to a key beside it ("iut", "yout") or two letters swapped ("txet"). Below five letters a slip of
    any kind is one edit from too many words; these two are the commonest, and never an English or Spanish word."""
    if not word.isalpha() or not word.isascii():
        return None
    found = None
    for target in _small():
        if len(target) != len(word) or target == word:
            continue
        differ = [index for index, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        first, last = differ[0], differ[-1]
        swapped = len(differ) == 2 and last == first + 1 and (word[first], word[last]) == (target[last], target[first])
        beside = len(differ) == 1 and word[first] in _BESIDE[target[first]]
        if swapped or beside:
            if found is not None:
                return None  # near two words of the rules: which one is a guess
            found = target
    # the word lists are read only for a word a slip away from one of the rules
    if found is None or word in known_words() or english_or_spanish(word):
        return None
    return _Slip(found, undoubled=False, small=True)


@cache
def _small() -> tuple[str, ...]:
    return tuple(phrase_data()["canon"]["small"])


def _mended(words: list[str]) -> list[str]:
    """Slips of the thumb mended, when the rest of the reply is English or Spanish: in a reply in German or French
    ("Falsche Nummer", "Bonne annee") a word near an English one is a word of that language, and says so. The words
    read must be as many as the others, slips included, and more when a slip is mended to any dictionary word."""
    slips = {index: slip for index, word in enumerate(words) if (slip := _SLIPS.get(word))}
    known = known_words()
    # one letter ("n", "a", "y") is a word of too many languages to say which one the reply is in
    others = [word for index, word in enumerate(words) if index not in slips and word.isalpha() and len(word) > 1]
    read = sum(1 for word in others if word in known)
    unread = len(others) - read + len(slips)
    # a long word of the rules one slip away, the whole reply ("unsbscribe"): no other word says another language
    alone = not others and len(slips) == 1 and not any(slip.small or slip.undoubled for slip in slips.values())
    if (not alone and read < unread) or (read == unread and any(slip.undoubled for slip in slips.values())):
        return words
    if read < len(others) or len(slips) > 1:  # "tkae me off the lisy": beside another slip, a short one is a guess
        slips = {index: slip for index, slip in slips.items() if not slip.small}
    return [slips[index].word if index in slips else word for index, word in enumerate(words)]
