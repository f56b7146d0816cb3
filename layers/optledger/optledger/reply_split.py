"""Words a phone ran together or split apart: "takemeoffyourlist", "st op tex ting me", "un subscribe".

Part of the normalisation of ``reply_text.reading``; the word lists are ``data/split_words.json``. Two mendings:

- a run-together word, one that is neither English nor Spanish and holds a cue's letters (``hints``), is cut into
  known words by dynamic programming: fewest letters left uncovered, then the lightest words (a common word or a cue
  weighs less than an SMS spelling, and two common words less than a word only the dictionaries have: "ya no me
  manden", not "ya nome manden"), then the most cues ("stop stop", not "stops top"), the fewest letters alone and the
  longest words; the cut is read only when it holds a cue (``cues``);
- fragments that are no word ("fr", "om", "messa") are joined into a common word or a cue, and words into one of
  ``joins`` ("re move", "un subscribe"); read only when the reply then holds a cue and is mostly English or Spanish.

A mending that leaves letters uncovered ("stopsendngme") is a guess (``Mend.guessed``): ``reply_text.decided``
queues what it would otherwise honour. A reply pays one set test unless it holds a fragment, a run or the last word
of a join word met before; the word lists are read on the first reply that needs them, never at import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from optledger.classify import _DATA_DIR
from optledger.reply_languages import english_or_spanish, known_words
from optledger.reply_rules import Memo, phrase_data

_REPEATS = re.compile(r"(.)\1+")
_RUN_MIN = 6  # shorter unknown words are slips or names, and "stopit" is the shortest run worth reading
_LONGEST = 16  # no word of a segmentation is longer
_JOINED_MOST = 4  # "un sub scri be": at most four fragments make one word
_CRUMBS = 3  # a letter and a piece of two letters at most, side by side
_PIECE_SHORTEST = 3  # the pieces of cues looked for beside a fragment ("sen ding", "de jen", "baj a")
_FRAGMENT_SHORT = 3  # "fr om", "li st", "de jen": any piece this short that is no word may be a fragment
_FRAGMENT_LONGEST = 5  # "messa ging": a longer piece is a word misspelt, not a piece of one
_GUESSED_MOST = 2  # a segmentation with more letters unknown than this is no reading at all


class Mend(NamedTuple):
    """The words a run is cut into, or a reply's tokens with its fragments joined."""

    words: tuple[str, ...]
    guessed: bool  # letters or fragments left that are no word: a guess, queued rather than honoured


class _Lists(NamedTuple):
    cues: frozenset[str]
    hints: re.Pattern[str]
    joins: frozenset[str]
    # a join word cut in two words: its first ("re", "un", "man") and last ("move", "subscribe", "den") words (a
    # piece that is no word is a fragment, found as one); a reply without both (most) is skipped at two set tests
    heads: frozenset[str]
    tails: frozenset[str]
    cue_pieces: frozenset[str]  # cues and their pieces of three letters or more ("messa", "ding", "jen", "baj")
    spellings: frozenset[str]  # SMS spellings ("msgs", "pls", "ur"): words, though no dictionary has them
    abbreviations: frozenset[str]  # and those of one letter ("u", "d", "x"): no fragment of a word
    not_words: frozenset[str]
    letters: frozenset[str]
    short_words: frozenset[str]


@cache
def _lists() -> _Lists:
    data = json.loads((_DATA_DIR / "split_words.json").read_text(encoding="utf-8"))
    joins = frozenset(data["joins"])
    abbreviations = phrase_data()["canon"]["abbreviations"]

    def whole(piece: str) -> bool:  # asked of pieces of two letters at most: no dictionary read
        return piece in abbreviations or piece in data["letters"] or (len(piece) > 1 and english_or_spanish(piece))

    return _Lists(
        cues=frozenset(data["cues"]),
        hints=re.compile("|".join(map(re.escape, data["hints"]))),
        joins=joins,
        heads=frozenset(head for head, _ in data["join_pieces"]),
        tails=frozenset(tail for _, tail in data["join_pieces"]),
        cue_pieces=frozenset(
            piece
            for word in [*data["cues"], *joins]
            for cut in range(len(word))
            for piece in (word[cut:], word[: len(word) - cut])
            if len(piece) >= _PIECE_SHORTEST or not whole(piece)  # (a shorter piece is no dictionary word)
        ),
        # a slip of a cue ("sstop", "stopt", "sto") is no spelling a cut may use: "saysstop" is "says stop", not
        # "say sstop", and "wantstoopt" is not "want sto opt"
        spellings=frozenset(
            word
            for word, spelt in abbreviations.items()
            if len(word) > 1
            and (word in data["cues"] or (spelt not in data["cues"] and not any(cue in word for cue in data["cues"])))
        ),
        abbreviations=frozenset(abbreviations),
        not_words=frozenset(data["not_words"]),
        letters=frozenset(data["letters"]),
        short_words=frozenset(data["short_words"]),
    )


@cache
def _rule_words() -> frozenset[str]:
    """The long words the rules spell out ("parenle", "listahan"): read as they are, never cut."""
    return frozenset(re.findall(rf"[a-z]{{{_RUN_MIN},}}", (_DATA_DIR / "phrases.json").read_text(encoding="utf-8")))


def _word(piece: str, lists: _Lists) -> bool:
    """A word a segmentation or a join may give: English, Spanish or an SMS spelling, not a stray letter."""
    return _WEIGHTS[piece] > 0


# the weight of every piece a cut or a join tried, at one dict lookup (a cut tries each piece of each run)
_WEIGHTS: Memo[int] = Memo(lambda piece: _weight(piece, _lists()), 16384)


_COMMON = 2  # the weight of a cue, a curated word, one of its inflections ("wants", "stops"), "a", "i" or "u"
_SPELT = 3  # of another letter or an SMS spelling
_RARE = 5  # of a word only the dictionaries have: more than two common ones, so "ya no me" is not "ya nome"
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")


def _weight(piece: str, lists: _Lists) -> int:
    """What a word costs a segmentation (0: no word): a common word less than a rare one ("please stop", not
    "pleas estop"). Between cuts of one weight the one with more cues wins ("stop stop", not "stops top")."""
    if len(piece) == 1:
        return (_COMMON if piece in "aiu" else _SPELT) if piece in lists.letters else 0  # "a", "i", "u" for "you"
    if piece in lists.not_words:
        return 0
    if piece in lists.cues or piece in known_words() or piece in lists.short_words or piece in _rule_words():
        return _COMMON  # a word the rules spell out ("parenle") too: "yaparenleconlos" is "ya parenle con los"
    if piece in lists.spellings:
        return _SPELT
    if not english_or_spanish(piece):
        return 0
    known = known_words()
    inflected = any(piece.endswith(end) and piece[: -len(end)] in known for end in _INFLECTIONS)
    return _COMMON if inflected else _RARE


@lru_cache(maxsize=4096)  # asked once a word by reply_text's memo of spellings, but once a reply of spaced letters
def run_together(word: str) -> Mend | None:
    """The words of an unknown word run together ("stoptextingme"), when they hold a cue; else None."""
    if len(word) < _RUN_MIN or not word.isalpha():
        return None
    lists = _lists()
    if not lists.hints.search(word) or word in _rule_words() or english_or_spanish(word):
        return None  # a word of its own ("nonstop", "endless"), asked at two set lookups
    if run := _cut(word, lists):
        return run
    # "stopitttt" (read "stopitt"): stretched, then run together; read only when cut cleanly ("stoppedby" is no
    # "stop ed by")
    squeezed = _REPEATS.sub(r"\1", word)
    return run if squeezed != word and (run := _cut(squeezed, lists)) and not run.guessed else None


def _cut(word: str, lists: _Lists) -> Mend | None:
    """Fewest unknown letters, then fewest and commonest words, then the most cues, then the fewest letters alone
    ("de la lista", not "del a lista"), then the longest words; read only with a cue among two words at least."""
    count = len(word)
    # best[end]: (unknown letters, weight of the words, minus the cues, letters alone, minus the sum of the squared
    # lengths of the words) of the best cut of word[:end], and where its last word starts
    best: list[tuple[int, int, int, int, int, int] | None] = [None] * (count + 1)
    best[0] = (0, 0, 0, 0, 0, 0)
    for end in range(1, count + 1):
        for start in range(max(0, end - _LONGEST), end):
            before = best[start]
            if before is None:
                continue
            unknown, weights, cues, letters, square, _ = before
            piece = word[start:end]
            alone = letters + (end - start == 1 and piece not in "iu")  # "de la", not "del a"; "i never", not "in ever"
            if weight := _WEIGHTS[piece]:
                cost = (unknown, weights + weight, cues - (piece in lists.cues), alone, square - len(piece) ** 2, start)
            elif end - start == 1:  # a letter no word covers
                cost = (unknown + 1, weights + _RARE, cues, alone, square - 1, start)
            else:
                continue
            current = best[end]
            if current is None or cost[:5] < current[:5]:
                best[end] = cost
    pieces: list[str] = []
    end = count
    while end:
        step = best[end]
        assert step is not None  # a letter alone always reaches every end
        pieces.append(word[step[5] : end])
        end = step[5]
    pieces.reverse()
    found = best[count]
    assert found is not None
    words = _merged(pieces, lists)
    if len(words) < 2 or _crumbs(words) or found[0] > _GUESSED_MOST or lists.cues.isdisjoint(words):
        return None
    return Mend(tuple(words), guessed=found[0] > 0)


def _crumbs(words: list[str]) -> bool:
    """A letter before another short piece, or last after one ("text i en", "stop e a me", "stop it u"): an ending
    cut into crumbs ("textien", "stopeame"), not words run together ("how do i unsubscribe" is; so is "a mi hijo":
    "a" is the Spanish preposition)."""
    if len(words[-1]) == 1 and len(words[-2]) <= _CRUMBS - 1:
        return True
    return any(len(first) == 1 and first != "a" and len(second) <= _CRUMBS - 1 for first, second in pairwise(words))


def _merged(pieces: list[str], lists: _Lists) -> list[str]:
    """Adjacent unknown letters of a cut as one fragment ("stop tx t ng me" -> "stop txtng me")."""
    merged: list[str] = []
    loose = False
    for piece in pieces:
        alone = len(piece) == 1 and not _word(piece, lists)
        if alone and loose:
            merged[-1] += piece
        else:
            merged.append(piece)
        loose = alone
    return merged


def could_join(tokens: list[str], fragments: set[str]) -> bool:
    """Whether a reply's tokens may hold a word split apart: a first and a last piece of a join word, or a fragment
    and a cue or a piece of one of three letters or more. A few set tests, for every reply (the rarer first)."""
    lists = _lists()
    if not lists.tails.isdisjoint(tokens) and not lists.heads.isdisjoint(tokens):
        return True
    return bool(fragments) and not fragments.isdisjoint(tokens) and not lists.cue_pieces.isdisjoint(tokens)


def join_tails() -> frozenset[str]:
    """The last words of join words cut in two ("move", "subscribe", "ting")."""
    return _lists().tails


def fragment(token: str) -> bool:
    """A short piece of letters that is no word nor SMS spelling ("fr", "om", "jen"), or a longer piece of a cue
    ("messa", "ging"): a word split apart, maybe. Asked once a word met (``reply_text``): a word of three letters at
    most costs no dictionary lookup, a longer one one set lookup."""
    if len(token) > _FRAGMENT_SHORT and (len(token) > _FRAGMENT_LONGEST or token not in _lists().cue_pieces):
        return False
    return token.isalpha() and _piece(token, _lists())


def _piece(token: str, lists: _Lists) -> bool:
    """No word: neither a curated word ("st", "dr", which a cut may not use), an SMS spelling, nor a dictionary's; a
    letter is a word only as a cut may use it ("i", "a") or as an SMS spelling ("u", "d"): "of f" is "off"."""
    if token in lists.abbreviations:
        return False
    if len(token) == 1:
        return token not in lists.letters
    return token not in known_words() and not _word(token, lists)


def rejoined(tokens: list[str], fragments: Container[str]) -> Mend | None:
    """Fragments joined ("re move me fr om this li st" -> "remove me from this list"): into a word of ``joins``, or,
    when a piece is no word of its own, into a common word or a cue; read only when a join was made, the reply then
    holds a cue and is mostly English or Spanish. Punctuation and digits are never joined. A fragment left beside a
    join makes it a guess ("st op tx tng me"). ``fragments``: the reply's tokens that are fragments may be in it."""
    lists = _lists()
    mended = _mendings(tokens, fragments, lists)
    if not mended:
        return None  # the common case: a name or a code ("jen", "bbq") is a fragment that joins nothing
    joined: list[str] = []
    index, guessed, last_join = 0, False, -2  # the index in ``joined`` of the last join made
    for start, size in mended:
        for token in tokens[index:start]:
            guessed = guessed or (last_join == len(joined) - 1 and fragment(token))
            joined.append(token)
        guessed = guessed or (bool(joined) and fragment(joined[-1]))  # a fragment just before a join is left over
        last_join = len(joined)
        joined.append("".join(tokens[start : start + size]))
        index = start + size
    for token in tokens[index:]:
        guessed = guessed or (last_join == len(joined) - 1 and fragment(token))
        joined.append(token)
    if lists.cues.isdisjoint(joined) or not mostly_known(joined):
        return None
    return Mend(tuple(joined), guessed)


def _mendings(tokens: list[str], fragments: Container[str], lists: _Lists) -> list[tuple[int, int]]:
    """``(start, size)`` of each join, left to right."""
    # where a join may start: at a fragment or up to three tokens before it, or at the head of a join word
    starts: set[int] = set()
    for index, token in enumerate(tokens):
        if token in fragments:
            starts.update(range(max(0, index - _JOINED_MOST + 1), index + 1))
        elif token in lists.heads:
            starts.add(index)
    mended: list[tuple[int, int]] = []
    end = 0
    for index in sorted(starts):
        if index >= end and (size := _join_at(tokens, index, lists)) > 1:
            mended.append((index, size))
            end = index + size
    return mended


def mostly_known(words: Iterable[str]) -> bool:
    """At least half the words of more than one letter are curated English or Spanish words: a reply in Tagalog or
    Portuguese ("na to", "tira da") is not mended into English or Spanish."""
    known = known_words()
    others = [word for word in words if len(word) > 1 and word.isalpha()]
    return sum(1 for word in others if word in known) * 2 >= len(others)


def _join_at(tokens: list[str], index: int, lists: _Lists) -> int:
    """How many tokens from ``index`` make one word (1: the token stays): a join word, longest first; or a common
    word or a cue made of fragments of which one at least is no word of its own."""
    if not tokens[index].isalpha():
        return 1
    candidates: list[tuple[int, bool]] = []
    word, known = tokens[index], known_words()
    for size, token in enumerate(tokens[index + 1 : index + _JOINED_MOST], 2):
        if not token.isalpha():
            break
        word += token
        if word in lists.joins:
            candidates.append((size, True))
        elif (word in lists.cues or word in known) and any(
            _piece(part, lists) for part in tokens[index : index + size]
        ):
            candidates.append((size, False))
    # a join word first ("re move" before "there"), then the longest
    return max(candidates, key=lambda found: (found[1], found[0]))[0] if candidates else 1
