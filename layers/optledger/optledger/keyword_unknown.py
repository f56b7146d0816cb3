"""Words no dictionary knows beside a keyword: "STOP tenkyuh", "stop jan, merci", "HELP kiitos". Every register brings
words of thanks and address no list holds yet; beside an opt-out keyword with no everyday meaning (STOP, UNSUBSCRIBE)
a word or two of them leave it that keyword, and beside HELP or START a short one typed in lower case (a word in
capitals may name what is asked about: "HELP SUMMERFEST", "INFO Xfinity"). Not beside a stop word of everyday meaning
(CANCEL, END, BAJA: "cancel zumba" names what it cancels); not a word the dictionaries know or one of its inflections
("STOP YELLING", "stop brunch": a thing it may be about), nor laughter, delight or insistence however spelled ("stop
jsjsjs", "omggg stop"), which a STOP is read beside."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from optledger.reply_languages import english_or_spanish_inflected, known_words
from optledger.reply_rules import phrase_data
from optledger.reply_text import MARKED, fold

if TYPE_CHECKING:
    from optledger.keyword_words import _Words

# opt-out keywords with no everyday meaning
_UNMISTAKABLE = frozenset({"stop", "unsubscribe", "unsub", "stopall", "optout", "revoke"})
# HELP and START: beside them a word in capitals may name what is asked about ("HELP SUMMERFEST", "INFO Xfinity"); a
# short one in lower case is thanks or address ("HELP kiitos", "START ačiū")
_ASKING = frozenset({"help", "info", "ayuda", "start", "unstop"})
_ASKING_LETTERS = 10
_MOST = 2  # "STOP tenkyuh", "Stop pls cô em": a word or two; more is a sentence the phrase reader reads
_REPEATS = re.compile(r"(.)\1+")  # "omggg", "stahhp"
# the letters of a word, with the vowel signs of the Indic, Thai, Lao, Tibetan, Myanmar and Khmer scripts ("नमस्कार"
# is one word, not three): the words of a clause beside a keyword
LETTERS = re.compile(rf"(?:[^\W\d_]|[{MARKED}])+")
_MARKS = frozenset({"Mn", "Mc"})  # the vowel signs and marks of Thai, Devanagari, Tamil, Khmer...
_ASIDE_WORDS = 3  # "Howzit", "a hui hou", "Kainoa": words no dictionary knows, a name or a greeting
_SHORT_KNOWN = 3  # "la", "che", "je": a short word a dictionary knows may belong to another language's phrase
_DETERMINERS = frozenset({"my", "mi", "mis", "tu", "su", "the", "el", "la", "a", "an", "our", "your", "his", "her"})
_TO_ALL = frozenset({("a", "todos"), ("a", "todas"), ("to", "all"), ("to", "everyone"), ("para", "todos")})
# laughter spelled any way ("jsjsjs", "hahah", "lmaooo", "xdd", "kkkk"); not one syllable ("ji", a Hindi honorific)
_LAUGHTER = re.compile(
    r"(?:[hj]+[aeiou]+){2,}[hj]*|(?:js)+j?|l+o+l+[lo]*|l+m+f*a+o+|x+d+|k{3,}|(?:ha|he|ja|je|ka|ks)+|rofl"
)


def keyword_beside_unknown(words: list[str], found: _Words, text: str) -> str | None:
    """The keyword of a short reply that is STOP, UNSUBSCRIBE, HELP or START, courtesy, and a word or two no dictionary
    knows (beside HELP or START short and in lower case as typed); None for any other reply."""
    rest = found.courtesy.strip(found.address.strip(words))
    keywords = [word for word in rest if word in found.requests]
    others = [word for word in rest if word not in found.requests]
    if len(keywords) != 1 or not _names_nothing(others, found.lexicon):
        return None
    if keywords[0] in _UNMISTAKABLE:
        return keywords[0]
    if keywords[0] in _ASKING and all(len(word) <= _ASKING_LETTERS for word in others):
        typed = {fold(token): token for token in LETTERS.findall(text)}
        # a script without capitals names nothing by them ("HELP நன்றி")
        if all(typed.get(word, "").islower() or word.upper() == word.lower() for word in others):
            return keywords[0]
    return None


def unknown_aside(words: list[str], *, pair: bool = False) -> bool:
    """A clause of a word or three no dictionary knows beside a keyword's own: a name, a greeting or farewell of a
    language or region ("Howzit"); of three, two unknown and a short one known ("thuk je che", "Tashi delek la": a
    dictionary knows "che" and "la"); wished to everyone or not ("Sărbători fericite a todos"). ``pair``: of two, one
    may be such a short one ("Dobar dan": "dan"), beside a keyword that names nothing it could cancel."""
    if len(words) > 2 and tuple(words[-2:]) in _TO_ALL:
        words = words[:-2]
    if not 0 < len(words) <= _ASIDE_WORDS:
        return False
    lexicon = known_words()
    known = [word for word in words if word in lexicon]
    if not known:
        return True
    short = len(known) == 1 and len(known[0]) <= _SHORT_KNOWN
    # of two, not "my zumba": a determiner names what follows
    paired = pair and len(words) == _ASIDE_WORDS - 1 and known[0] not in _DETERMINERS
    return short and (len(words) == _ASIDE_WORDS or paired)


def _names_nothing(others: list[str], lexicon: frozenset[str]) -> bool:
    """A word or two that no dictionary knows, and no laughter, delight or insistence."""
    if not 0 < len(others) <= _MOST:
        return False
    moods = _moods()
    for word in others:
        squeezed = _REPEATS.sub(r"\1", word)
        if not _lettered(word) or _LAUGHTER.fullmatch(word) or word in moods or squeezed in moods:
            return False
        if word in lexicon or english_or_spanish_inflected(word) or english_or_spanish_inflected(squeezed):
            return False
    return True


def _lettered(word: str) -> bool:
    """Letters only, with the marks that scripts such as Thai or Devanagari write on them ("ขอบคุณครับ", "धन्यवाद")."""
    return word.isalpha() or all(char.isalpha() or unicodedata.category(char) in _MARKS for char in word)


@cache
def _moods() -> frozenset[str]:
    """Laughter, delight and insistence (``data/phrases.json``)."""
    data = phrase_data()
    return frozenset(word for name in ("playful", "delight", "exasperated") for word in data[name])
