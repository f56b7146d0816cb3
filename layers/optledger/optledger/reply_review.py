"""A second look at a reply every rule of ``classify_phrases`` left an ordinary message.

Unclear replies often carry no revocation word at all: "I'm not the patient", "this phone belongs to a 9 year old", "we
didn't renew the zoo pass", "solo los fines de semana porfa", "saquen a mi hija de esto", "¿por qué me siguen
escribiendo?". Their grammar is data, ``data/review_grammar.json``, one list per class of docs/rules.md ("Where the line
falls": not the consumer, a relationship over, a partial request, another person, a complaint, a refusal or a question
about STOP), written against the same flat form as ``data/phrases.json``. Each pattern names its cues, words every
match must contain; a reply is tried only against the patterns whose cues it has, so most ordinary replies pay one
set intersection and no regular expression at all.

This module only ever turns an ordinary message into one queued for review: it is asked nothing about a reply the rules
found to be a revocation, a keyword or already unclear.
"""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from typing import Any, NamedTuple

from optledger.classify import _DATA_DIR
from optledger.reply_literals import ALSO, rule_keys
from optledger.reply_rules import Beginnings, add_index, bit_numbers, expand

_MACRO = re.compile(r"\{(\w+)\}")
_CHOSEN = 4096  # sets of cues remembered
_PREFIX = 5  # reply_rules.reply_beginnings holds the first one to five letters of every word, and short words whole


_GROUPS = (
    # checked in this order; a match that its gate rejects lets the next candidate try
    ("unclear", ("other_person", "complaint", "refusal", "channel")),  # queued whatever else the reply says
    ("calls", ("calls",)),  # a request about calls alone: beside texts named, a message
    ("partial", ("partial",)),  # a request limited to some texts or times: about another channel when one is named
    ("explaining", ("not_consumer", "over")),  # unclear alone; beside a request about something else, its reason
)


class _Entry(NamedTuple):
    group: str
    source: str
    also: frozenset[str]  # cues after "&": a second word the reply must have too (empty: none)


class _Gates(NamedTuple):
    request: re.Pattern[str]
    other_channel: re.Pattern[str]
    texts_named: re.Pattern[str]
    welcome: re.Pattern[str]
    records: re.Pattern[str]


class _Grammar:
    """The classes of ``data/review_grammar.json`` in one index of cues: each pattern is tried only on a reply with
    one of its cue words, so most replies pay one set intersection. A cue ``word`` is a whole word, ``word*`` any word
    starting with it (its first five letters), as ``reply_rules.reply_beginnings`` lists a reply's words."""

    def __init__(self, data: dict[str, Any]) -> None:
        vocab: dict[str, str] = data["vocab"]
        groups: dict[str, str] = data["cue_groups"]

        def own(pattern: str) -> str:
            # this file's macros first (they may name phrases.json ones, which reply_rules.expand fills in)
            for _ in range(2):
                pattern = _MACRO.sub(lambda m: vocab.get(m[1], m[0]), pattern)
            return expand(pattern)

        self.entries: list[_Entry] = []
        index: dict[str, list[int]] = {}
        for group, names in _GROUPS:
            for name in names:
                for cues, pattern in data[name]:
                    first, _, also = cues.partition("&")
                    for key in _cue_keys(first, groups):
                        index.setdefault(key, []).append(len(self.entries))
                    self.entries.append(_Entry(group, own(pattern), _cue_keys(also, groups)))
        self.index = {key: tuple(numbers) for key, numbers in index.items()}
        # the second words are keys too: the candidates of a reply are remembered by the cues it has of either kind
        self.keys = frozenset(index).union(*(entry.also for entry in self.entries))
        # one bit a pattern for its first cues, and one a pattern, further up, for its second: a reply's candidates
        # are the patterns with a first cue whose second cue, if any, it has too
        count = len(self.entries)
        key_bits = {key: sum(1 << number for number in numbers) for key, numbers in self.index.items()}
        self.unkeyed = 0  # and a third range: the rarest word every match needs (reply_literals), when it has one
        # and two more: a word of each other clause every match needs (reply_literals.rule_keys), when it has them
        self.unclaused = [0] * ALSO
        for number, entry in enumerate(self.entries):
            for key in entry.also:
                key_bits[key] = key_bits.get(key, 0) | 1 << (count + number)
            _, keys, clauses = rule_keys(entry.source)
            if keys is None:
                self.unkeyed |= 1 << number
            for key in keys or ():
                key_bits[key] = key_bits.get(key, 0) | 1 << (2 * count + number)
            for plane in range(ALSO):
                for key in clauses[plane] if plane < len(clauses) else ():
                    key_bits[key] = key_bits.get(key, 0) | 1 << ((3 + plane) * count + number)
                if plane >= len(clauses):
                    self.unclaused[plane] |= 1 << number
        self.offset = add_index(key_bits, (3 + ALSO) * count)
        self.own = ((1 << (3 + ALSO) * count) - 1) << self.offset
        self.all = (1 << count) - 1
        self.alone = sum(1 << number for number, entry in enumerate(self.entries) if not entry.also)  # no second cue
        self.chosen: dict[int, tuple[int, ...]] = {}
        self.by_reply: dict[Beginnings, tuple[int, ...]] = {}
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self.entries)  # for ASCII replies, re.ASCII
        self.compiled_unicode: list[re.Pattern[str] | None] = [None] * len(self.entries)
        self._gate_sources: dict[str, str] = data["gates"]

    @cached_property
    def gates(self) -> _Gates:
        """Compiled on the first match a gate must let through: most replies have no candidate, or no match."""
        return _Gates(*(re.compile(self._gate_sources[name]) for name in _Gates._fields))

    def candidates(self, beginnings: Beginnings | None) -> tuple[int, ...]:
        """The numbers of the patterns whose cues the reply has, in the order of ``_GROUPS``."""
        if beginnings is None:
            return tuple(range(len(self.entries)))
        # reply_beginnings returns a reply met before as that very object: found by identity
        if (numbers := self.by_reply.get(beginnings)) is not None:
            return numbers
        if len(self.by_reply) >= _CHOSEN:
            self.by_reply.clear()
        count = len(self.entries)
        bits = (beginnings.bits() & self.own) >> self.offset  # its ranges only (an AND reads only the shorter's digits)
        cued = bits & self.all & (self.alone | bits >> count) & (self.unkeyed | bits >> 2 * count)
        for plane, unclaused in enumerate(self.unclaused, 3):
            if not cued:
                break
            cued &= unclaused | bits >> plane * count
        numbers = self.by_reply[beginnings] = self._cued(cued)
        return numbers

    def _cued(self, bits: int) -> tuple[int, ...]:
        numbers = self.chosen.get(bits)
        if numbers is None:
            if len(self.chosen) >= _CHOSEN:
                self.chosen.clear()
            numbers = self.chosen[bits] = tuple(bit_numbers(bits))
        return numbers

    def rule(self, number: int, ascii_reply: bool) -> re.Pattern[str]:
        # an ASCII reply (almost every one) reads the same under re.ASCII, whose \b and \w cost less
        compiled = self.compiled if ascii_reply else self.compiled_unicode
        rule = compiled[number]
        if rule is None:
            rule = compiled[number] = re.compile(self.entries[number].source, re.ASCII if ascii_reply else 0)
        return rule

    def gate_lets(self, group: str, flat: str, found: re.Match[str]) -> bool:
        """Whether a match of the group counts in this reply."""
        if group == "calls":  # "stop calling, texting is fine": the rules' business
            return not self.gates.texts_named.search(flat)
        if group == "partial":  # "cancel email alerts, keep the texts": about emails
            return not self.gates.other_channel.search(flat)
        if group == "explaining":  # "I quit the gym, why was I charged?": the reason for a question
            # the rest of the reply, its clause marks kept ("when she turned 18" starts no clause of its own)
            rest = f"{flat[: found.start()]} ~ {'| ' if found[0].endswith('|') else ''}{flat[found.end() :]}"
            # "this number belongs to a business now, please update your records": no other business asked about
            gates = self.gates
            return not gates.request.search(gates.records.sub(" ", rest))
        return True


def _cue_keys(cues: str, groups: dict[str, str]) -> frozenset[str]:
    """The reply beginnings that stand for a pattern's cues ("anymo*" -> "anymo"; "now" -> "now ")."""
    words = [word for cue in cues.split() for word in (groups[cue].split() if cue.startswith("@") else [cue])]
    return frozenset(
        word[:-1][:_PREFIX] if word.endswith("*") else (f"{word} " if len(word) <= _PREFIX else word[:_PREFIX])
        for word in words
    )


@cache
def _grammar() -> _Grammar:
    """Read and indexed on the first reply that reaches it; each pattern is compiled when a reply first needs it."""
    return _Grammar(json.loads((_DATA_DIR / "review_grammar.json").read_text(encoding="utf-8")))


def second_look(flat: str, beginnings: Beginnings | None, *, welcomed: bool = False) -> str | None:
    """The words that make an ordinary-looking reply unclear, or None: ``flat`` is the reply's flat form.

    ``welcomed``: the rules read some texts as wanted ("keep my reminders"); only a partial request is looked for.
    """
    grammar = _grammar()
    if not (numbers := grammar.candidates(beginnings)):
        return None  # most replies: no cue, nothing more to compute
    ascii_reply = flat.isascii()
    for number in numbers:
        group = grammar.entries[number].group
        if welcomed and group != "partial":
            continue
        found = grammar.rule(number, ascii_reply).search(flat)
        if found and grammar.gate_lets(group, flat, found):
            # "no me den de baja, cambié de teléfono": texts wanted, said outright (beside a partial request the
            # rules saw it already: "keep sending my reminders" is what makes "stop the promos" partial)
            return None if not welcomed and grammar.gates.welcome.search(flat) else found[0].strip(" |")
    return None
