"""How the clauses of a flat reply stand to one another (``optledger.reply_text.canonical`` writes them " | "):
whether the last one is a question left without its mark, and which clause is said in sarcasm.

Read by ``optledger.classify_phrases``: a lone STOP before a question is queued, not honoured; a limit said in sarcasm
("love getting texts at 6am, said no one") limits nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_QUESTION_STARTS = frozenset(
    {"is", "are", "when", "whens", "where", "wheres", "what", "whats", "how", "do", "does", "cuando", "donde", "cuanto"}
)
# "STOP. Are you kidding me", "Stop. How many times": a complaint, not a question of its own
_NOT_QUESTIONS = frozenset(
    {"is this", "is that", "are you", "are u", "how many", "how dare", "how often", "what the", "what part", "do not"}
)
_QUESTION_WORDS = 3
_ASIDES = frozenset({"btw", "also", "oh", "and", "plus", "anyway", "ps"})  # a word before the question
_SARCASM = re.compile(r"(?:[^|]*\| )?[^|]*\bsaid no ?(?:one|body)(?: ever)?\b[^|]*")  # and the clause it mocks


def asks_without_mark(flat: str) -> bool:
    """The last clause is a question without its mark ("Stop. Is my prescription ready for pickup")."""
    last = flat.rsplit("|", 1)[-1].split()
    if last and last[0] in _ASIDES:  # "Unsubscribe. btw what's my balance"
        last = last[1:]
    return len(last) >= _QUESTION_WORDS and last[0] in _QUESTION_STARTS and " ".join(last[:2]) not in _NOT_QUESTIONS


def sincere(flat: str) -> str:
    """The reply without a clause said in sarcasm and the clause it mocks ("love texts at 6am, said no one")."""
    return _SARCASM.sub(" ", flat) if "said no" in flat else flat


class PhraseWords:
    """Whether a reply has all the words of one of some phrases: the phrases are indexed by their longest word, so
    a reply looks up its words once, and tests the few phrases that share one (most replies have none). A clause
    can be one of the phrases, give or take other words, only if the reply has all its words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        index: dict[str, list[frozenset[str]]] = {}
        for phrase in phrases:
            words = phrase.split()
            index.setdefault(max(words, key=len), []).append(frozenset(words))
        self.index = {word: tuple(needed) for word, needed in index.items()}
        self.keys = frozenset(self.index)

    def any_in(self, words: list[str]) -> bool:
        if self.keys.isdisjoint(words):
            return False  # most replies, at one set test
        present = set(words)
        return any(needed <= present for word in self.keys & present for needed in self.index[word])
