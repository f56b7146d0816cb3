"""Words no dictionary knows beside STOP: "STOP tenkyuh", "stop jan, merci", "STOP oui". Every register brings words
of thanks and address no list holds yet; beside an opt-out keyword with no everyday meaning (STOP, UNSUBSCRIBE) a word
or two of them leave it that keyword. Not beside a stop word of everyday meaning (CANCEL, END, BAJA: "cancel zumba"
names what it cancels) nor a keyword of another action ("INFO zumba" may ask about it); not a word the dictionaries
know or one of its inflections ("STOP YELLING", "stop brunch": a thing it may be about), nor laughter, delight or
insistence however spelled ("stop jsjsjs", "omggg stop"), which a STOP is read beside."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from optledger.reply_languages import english_or_spanish_inflected
from optledger.reply_rules import phrase_data

if TYPE_CHECKING:
    from optledger.keyword_words import _Words

# opt-out keywords with no everyday meaning
_UNMISTAKABLE = frozenset({"stop", "unsubscribe", "unsub", "stopall", "optout", "revoke"})
_MOST = 2  # "STOP tenkyuh", "Stop pls cô em": a word or two; more is a sentence the phrase reader reads
_REPEATS = re.compile(r"(.)\1+")  # "omggg", "stahhp"
# laughter spelled any way ("jsjsjs", "hahah", "lmaooo", "xdd", "kkkk"); not one syllable ("ji", a Hindi honorific)
_LAUGHTER = re.compile(
    r"(?:[hj]+[aeiou]+){2,}[hj]*|(?:js)+j?|l+o+l+[lo]*|l+m+f*a+o+|x+d+|k{3,}|(?:ha|he|ja|je|ka|ks)+|rofl"
)


def keyword_beside_unknown(words: list[str], found: _Words) -> str | None:
    """The keyword of a short reply that is STOP or UNSUBSCRIBE, courtesy, and a word or two no dictionary knows;
    None for any other reply."""
    rest = found.courtesy.strip(found.address.strip(words))
    keywords = [word for word in rest if word in found.requests]
    others = [word for word in rest if word not in found.requests]
    if len(keywords) == 1 and keywords[0] in _UNMISTAKABLE and _names_nothing(others, found.lexicon):
        return keywords[0]
    return None


def _names_nothing(others: list[str], lexicon: frozenset[str]) -> bool:
    """A word or two that no dictionary knows, and no laughter, delight or insistence."""
    if not 0 < len(others) <= _MOST:
        return False
    moods = _moods()
    for word in others:
        squeezed = _REPEATS.sub(r"\1", word)
        if not word.isalpha() or _LAUGHTER.fullmatch(word) or word in moods or squeezed in moods:
            return False
        if word in lexicon or english_or_spanish_inflected(word) or english_or_spanish_inflected(squeezed):
            return False
    return True


@cache
def _moods() -> frozenset[str]:
    """Laughter, delight and insistence (``data/phrases.json``)."""
    data = phrase_data()
    return frozenset(word for name in ("playful", "delight", "exasperated") for word in data[name])
