"""The words every match of a rule must contain, read from its parsed regex: a finer index than its first word.

``reply_rules`` chooses a rule list for a reply only when the reply has a word that some rule of the list needs. A
rule's first word is often a common one ("i", "please", "no", "the"), while most rules also need a rarer one ("stop",
"text", "unsub"): this module reads, from the pattern as ``re`` parses it, every word a match must hold (as an AND of
ORs of word beginnings, written as ``rule_starts`` writes them: up to five letters, or a short whole word and a space),
and picks the rarest of them, and up to two more that a reply must hold as well (``rule_keys``). Parsing every rule
costs a cold start tens of milliseconds, so the keys of the shipped rules are kept in ``data/rule_keys.json``
(``python training/write_rule_keys.py`` writes it); a rule missing from it (new or changed data) is read on first use,
and its keys are the same either way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import import_module
from typing import Any
from zlib import adler32, crc32

from optledger.classify import _DATA_DIR
from optledger.reply_starts import _PREFIX, rule_starts

# the parse tree of ``re`` is the ground truth of what a pattern matches (its modules are private, so not typed)
sre: Any = import_module("re._constants")
sre_parse: Any = import_module("re._parser")
KEYS_FILE = _DATA_DIR / "rule_keys.json"

_STATES = 32  # more open word beginnings than this at one point of a pattern: the word is not followed further
# the commonest words of replies, English and Spanish: a rule indexed by one of them is tried on most replies
_COMMON_WORDS = (
    "i me my you your u ur we us our it is a an the to of in on at for and or but so do dont not no this that these "
    "those be am are was will can please pls plz thanks thank ok yes just all any more get have from with what how "
    "de la el los las que y en por favor lo mi mis te tu se ya si es un una para con"
)
_COMMON = frozenset(_COMMON_WORDS.split())
Clause = frozenset[str]  # a match holds a word with one of these beginnings
_States = frozenset[str] | None  # the beginnings the word being read may have ("" at a word start), None unknown
Rarity = Callable[[Clause], float]  # how likely a reply is to satisfy a clause (the lower, the better an index)


def _is_word(code: int) -> bool:
    char = chr(code)
    return char.isalnum() or char == "_"


def _key(prefix: str, ended: bool) -> str:
    return f"{prefix} " if ended and len(prefix) <= _PREFIX else prefix[:_PREFIX]


def weight(key: str) -> float:
    """How often a reply may hold a word with this beginning: a guess by its length, common words aside."""
    if key.endswith(" "):
        word = key[:-1]
        return 1.0 if word in _COMMON else (0.6, 0.3, 0.1, 0.04, 0.02)[min(len(word), _PREFIX) - 1]
    if key in _COMMON or len(key) == 1:
        return 1.0
    return (0.5, 0.15, 0.05, 0.02)[len(key) - 2]


def rarity(clause: Clause) -> float:
    return sum(map(weight, clause))


class _Reader:
    """One pass over a parse tree: the clauses every match needs, and the beginnings of the word open at the end."""

    def __init__(self, rarity: Rarity) -> None:
        self.rarity = rarity
        self.clauses: list[Clause] = []

    def emit(self, states: _States, ended: bool) -> None:
        if states and "" not in states:
            self.clauses.append(frozenset(_key(prefix, ended) for prefix in states))

    def sequence(self, items: Iterable[tuple[Any, Any]], states: _States) -> _States:
        items = list(items)
        for index, (op, av) in enumerate(items):
            states = self.item(op, av, states, items[index + 1 :])
        return states

    def item(self, op: Any, av: Any, states: _States, rest: Sequence[tuple[Any, Any]]) -> _States:
        if op is sre.LITERAL:
            if _is_word(av):
                return None if states is None else frozenset(prefix[: _PREFIX + 1] + chr(av) for prefix in states)
            self.emit(states, ended=chr(av).isspace())
            return frozenset({""})
        if op is sre.AT:
            if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                return frozenset({""})
            if av is sre.AT_BOUNDARY:
                self.emit(states, ended=False)  # a word ends here, at a character that may not be a space
                return frozenset({""})
            self.emit(states, ended=av in (sre.AT_END, sre.AT_END_STRING))
            return None
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            body = av[-1] if op is sre.SUBPATTERN else av
            if op is sre.SUBPATTERN and (av[1] or av[2]):
                raise _Unread  # inline flags change what matches: the rule is not indexed by its words
            return self.sequence(body, states)
        if op is sre.BRANCH:
            return self.branch(av[1], states)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            return self.repeat(low, high, body, states)
        if op is sre.ASSERT and av[0] == 1:  # a lookahead: what it needs, the match needs
            inner = _Reader(self.rarity)
            inner.emit(inner.sequence(av[1], states), ended=False)
            self.clauses += inner.clauses
            return states
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            return states  # zero width: the word being read goes on
        spaces = op is sre.IN and _spaces(av)
        self.emit(states, ended=spaces)
        return frozenset({""}) if spaces else None

    def branch(self, alternatives: list[Any], states: _States) -> _States:
        readers = [_Reader(self.rarity) for _ in alternatives]
        ends = [reader.sequence(alternative, states) for reader, alternative in zip(readers, alternatives, strict=True)]
        merged = None if None in ends else frozenset().union(*(end for end in ends if end is not None))
        if merged is None or len(merged) > _STATES:  # the word open after the branch is not followed further:
            for reader, end in zip(readers, ends, strict=True):
                reader.emit(end, ended=False)  # each alternative's beginning of it stands
            merged = None
        if all(reader.clauses for reader in readers):  # each alternative needs a word: the branch one of them
            self.clauses.append(frozenset().union(*(min(reader.clauses, key=self.rarity) for reader in readers)))
        return merged

    def repeat(self, low: int, high: int, body: Any, states: _States) -> _States:
        inner = _Reader(self.rarity)
        end = inner.sequence(body, states)
        if low >= 1:
            self.clauses += inner.clauses
            if high == 1:
                return end
            self.emit(end, ended=False)  # more of the body may follow: its word's beginning stands
            return end if end == frozenset({""}) else None
        if high == 1:  # optional: either what was open, or what the body left open
            if states is None or end is None or len(states | end) > _STATES:
                self.emit(states, ended=False)
                return None
            return states | end
        self.emit(states, ended=False)
        return states if states == end == frozenset({""}) else None


def _spaces(members: list[tuple[Any, Any]]) -> bool:
    """A character class of spaces only (``\\s``, ``[ ]``): the word before it ends."""
    return all(
        (op is sre.LITERAL and chr(av).isspace()) or (op is sre.CATEGORY and av is sre.CATEGORY_SPACE)
        for op, av in members
    )


class _Unread(Exception):
    """A pattern whose words this reading does not follow."""


def required(source: str, rarity: Rarity = rarity) -> list[Clause]:
    """Every clause a match of the pattern satisfies: each an OR of word beginnings, all of them ANDed (of a branch's
    alternatives, the rarest clause of each)."""
    reader = _Reader(rarity)
    parsed = sre_parse.parse(source)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return []  # the words as written are not the words matched
    try:
        reader.emit(reader.sequence(parsed, None), ended=False)  # a match may start inside a word
    except _Unread:
        return []
    return reader.clauses


def needed(source: str, rarity: Rarity = rarity) -> list[Clause]:
    """The clauses of ``required`` and the beginnings of the rule's first word (``rule_starts``), when it has one."""
    starts = rule_starts(source)
    return [*required(source, rarity), *([starts] if starts else [])]


def rarest(source: str, rarity: Rarity = rarity) -> Clause | None:
    """The clause of ``needed`` a reply is least likely to satisfy, or None when a match needs no word."""
    return min(needed(source, rarity), key=rarity, default=None)


def digest(source: str) -> str:
    # two 32-bit checksums (hashlib's first import costs a cold start 3 ms); the file is a few hundred rules of ours
    data = source.encode()
    return f"{crc32(data):08x}{adler32(data):08x}"


Index = tuple[Clause | None, Clause | None]  # a rule's first-word beginnings (``rule_starts``) and its keys
ALSO = 2  # the clauses a rule is indexed by besides its key: a reply must hold a word of each too


@cache
def _shipped() -> dict[str, str]:
    """Each rule's entry, one string (a cold start reads a string faster than a list): its first-word beginnings, its
    keys and its other clauses, separated by ";", the beginnings of a clause by "," and the other clauses by "|"."""
    try:
        data: dict[str, str] = json.loads(KEYS_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return data


def write_entry(starts: Clause | None, keys: Clause | None, also: Iterable[Clause]) -> str:
    """A rule's entry in ``data/rule_keys.json`` (``_shipped``)."""
    also_written = "|".join(map(_written, also))
    entry = f"{_written(starts)};{_written(keys)}" + (f";{also_written}" if also_written else "")
    if any(not (char.isalnum() or char in " _\x00;,|") for char in entry) or entry.count(";") > 2:
        raise ValueError(f"a beginning of {entry!r} holds a separator")
    return entry


def _written(clause: Clause | None) -> str:
    return ",".join(sorted(clause or ()))


def _clause(written: str) -> Clause | None:
    return frozenset(written.split(",")) if written else None


def also_needed(source: str, keys: Clause | None, rarity: Rarity = rarity) -> tuple[Clause, ...]:
    """Up to ``ALSO`` clauses of ``needed`` besides the key, rarest first: a reply that lacks a word of one of them
    cannot match either. Only for a rule in ASCII (a rule in another script may match inside a reply's word)."""
    if keys is None or not source.isascii():
        return ()
    others = {clause for clause in needed(source, rarity) if not implied(clause, keys)}
    return tuple(sorted(others, key=lambda clause: (rarity(clause), sorted(clause)))[:ALSO])


def implied(clause: Clause, keys: Clause) -> bool:
    """Whether every reply holding a word of the keys holds one of the clause: "stop" after "stop " or "stopp"."""
    return all(any(key.startswith(beginning) for beginning in clause) for key in keys)


def rule_keys(source: str) -> tuple[Clause | None, Clause | None, tuple[Clause, ...]]:
    """An expanded pattern's ``rule_starts``, the clause it is indexed by (``rarest``; None: the rule needs no word)
    and the others (``also_needed``), from ``data/rule_keys.json`` when it holds the pattern (the keys chosen there by
    how often replies hold each word), else read now."""
    if (shipped := _shipped().get(digest(source))) is None:
        keys = rarest(source)
        return rule_starts(source), keys, also_needed(source, keys)
    fields = shipped.split(";")
    clauses = fields[2].split("|") if len(fields) > 2 else ()
    return _clause(fields[0]), _clause(fields[1]), tuple(frozenset(clause.split(",")) for clause in clauses)


def rule_index(source: str) -> Index:
    """``rule_keys`` without the other clauses: the rule's first-word beginnings and its keys."""
    starts, keys, _ = rule_keys(source)
    return starts, keys


def rule_also(source: str) -> tuple[Clause, ...]:
    """``rule_keys``'s other clauses: a reply must hold a word of each as well as one of the keys."""
    return rule_keys(source)[2]
