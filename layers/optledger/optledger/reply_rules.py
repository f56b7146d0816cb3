"""The rule index of the reply detector: patterns of ``data/phrases.json`` tried only where they can match.

Patterns merged by the first letters of the word every match starts at (``rule_starts``) are one alternation, compiled
on first use and tried only on a reply holding, for one of its rules, the rarest word that rule needs and a word of each
of up to two other clauses it needs (``reply_literals``). When only one rule of the alternation can match the reply,
that rule is searched alone: the same match, without trying the other branches at every position.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, reduce
from operator import or_
from typing import Any, TypeVar

from optledger.classify import _DATA_DIR
from optledger.reply_literals import Clause, rule_index, rule_keys
from optledger.reply_starts import _PREFIX
from optledger.reply_starts import _split_top as _split_top  # the names tests and modules read here
from optledger.reply_starts import rule_starts as rule_starts

_MACRO = re.compile(r"\{(\w+)\}")
_CHOICES_KEPT, _WORDS_KEPT = 8192, 16384  # sets of merged lists a rule list keeps; words whose bits are kept
_WORD_PARTS = re.compile(r"\w+")
_OTHER_SCRIPT_KEY = "\x00"  # the index key of rules that only a reply in another script can match
_UNSEEN: Any = object()


@cache
def phrase_data() -> dict[str, Any]:
    """Everything but the keywords: read with the patterns, on the first reply that is not a keyword."""
    data: dict[str, Any] = json.loads((_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))
    return data


@cache
def address_data() -> dict[str, list[str]]:
    """The words of address said beside a keyword ("STOP bro", "baja mi pana"), read with the phrase reader."""
    data: dict[str, list[str]] = json.loads((_DATA_DIR / "address_words.json").read_text(encoding="utf-8"))
    return data


@cache
def social_data() -> dict[str, list[str]]:
    """Greetings, farewells, softeners, praise and the things a stop word may cancel (``data/social_words.json``), read
    with the clause and signature readers."""
    data: dict[str, list[str]] = json.loads((_DATA_DIR / "social_words.json").read_text(encoding="utf-8"))
    return data


def expand(pattern: str) -> str:
    vocab = phrase_data()["vocab"]
    for _ in range(3):  # vocabulary entries may name others
        pattern = _MACRO.sub(lambda m: vocab.get(m[1], m[0]), pattern)
    return pattern


_Value = TypeVar("_Value")


class Memo(dict[str, _Value]):
    """A bounded memo of a function of one word: a hit is one dict lookup at C speed; when full, it starts afresh."""

    def __init__(self, function: Callable[[str], _Value], kept: int) -> None:
        super().__init__()
        self.function = function
        self.kept = kept

    def __missing__(self, key: str) -> _Value:
        if len(self) >= self.kept:
            self.clear()
        value = self[key] = self.function(key)
        return value


class WordSet:
    """Words and short phrases, found or removed on the whole words of a reply (a set lookup a word, no regex)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(tuple(phrase.split()) for phrase in phrases if phrase.split())
        self.firsts = frozenset(phrase[0] for phrase in self.phrases)
        # the lengths of the phrases each first word starts, longest first: only those are tried at that word
        lengths: dict[str, set[int]] = {}
        for phrase in self.phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self.lengths = {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}

    def _length_at(self, words: list[str], index: int) -> int:
        lengths = self.lengths.get(words[index])
        if lengths is not None:
            rest = len(words) - index
            for length in lengths:
                if length == 1:
                    return 1  # the word is a phrase of its own
                if length <= rest and tuple(words[index : index + length]) in self.phrases:
                    return length
        return 0

    def find(self, words: list[str]) -> str | None:
        if self.firsts.isdisjoint(words):
            return None  # the common case, without a loop
        for index in range(len(words)):
            if length := self._length_at(words, index):
                return " ".join(words[index : index + length])
        return None

    def said(self, words: list[str]) -> str:
        """What the words say once these are struck out, a word or two repeated alone said once ("stop stop", "help
        help", "stop it stop it")."""
        kept = self.strip(words)
        if len(kept) > 1 and len(set(kept)) == 1:
            return kept[0]
        if len(kept) in (4, 6) and kept[:2] * (len(kept) // 2) == kept:
            return " ".join(kept[:2])
        return " ".join(kept)

    def strip(self, words: list[str]) -> list[str]:
        if self.firsts.isdisjoint(words):
            return words
        kept, index, count = [], 0, len(words)
        while index < count:
            # a word that starts no phrase (most) is kept without a call
            if words[index] in self.lengths and (length := self._length_at(words, index)):
                index += length
            else:
                kept.append(words[index])
                index += 1
        return kept


def starts_of(sources: Iterable[str]) -> frozenset[str] | None:
    """The word beginnings every match of these rules starts at, as ``reply_beginnings`` lists them, or None."""
    starts = [rule_index(expand(source))[0] for source in sources]
    return None if not all(starts) else frozenset().union(*(start for start in starts if start))


def _looking_at(starts: frozenset[str]) -> str:
    """A lookahead for the beginnings every match starts with: a rule that opens with lookbehinds ("not after 'why
    do you'") then tests them only where a match can start, not at every word of the reply. It changes no match."""
    return "(?=" + "|".join(start.strip() + ("\\b" if start.endswith(" ") else "") for start in sorted(starts)) + ")"


def _first_letter(letters: frozenset[str] | None, source: str) -> str:
    """A word boundary and a test of the first letter every match starts with, before a merged rule list: a position
    inside a word, or at another letter, then fails on two tests, not on each rule. It changes no match: ``rule_starts``
    found each match of every rule of the list starts at a word boundary (``\\b`` or ``^``) with one of them."""
    if letters is None or _OTHER_SCRIPT_KEY in letters:
        return source
    return "\\b(?=[" + "".join(re.escape(letter) for letter in sorted(letters)) + "])(?:" + source + ")"


@dataclass(slots=True)
class _Choice:
    """The rules a set of word beginnings could match, and the compiled patterns of those a reply reached so far."""

    numbers: list[int]
    rules: list[re.Pattern[str]] = field(default_factory=list)
    complete: bool = False  # every rule compiled: a search tests one flag, not two lengths
    ascii: bool = True  # for ASCII replies, which read the same under re.ASCII, whose \b and \w cost less


class Beginnings:
    """A reply's words as every index (rule lists, review cues, ``Starts``) chooses by: a bit for each rule list (or
    cue, or test) a word may serve, every index side by side in one integer; the key of every list's memo."""

    __slots__ = ("_bits", "_version", "ascii", "words")

    def __init__(self, words: tuple[str, ...], ascii_reply: bool) -> None:
        self.words = words
        self.ascii = ascii_reply  # all ASCII: no other-script rule, and rules compiled with re.ASCII
        self._version = -1
        self._bits = 0

    def bits(self) -> int:
        # the version first: an index added meanwhile (another thread) then has the words read again on the next call
        if self._version != (version := _indexes.version):
            found = reduce(or_, filter(None, map(_indexes.of_word.__getitem__, self.words)), 0)  # 0s not OR-ed
            self._bits = found if self.ascii else found | _indexes.key_bits.get(_OTHER_SCRIPT_KEY, 0)
            self._version = version
        return self._bits


class _Indexes:
    """The bits of each word beginning some index looks for, each index at its offset; grown as indexes are built (a
    rule list on first use), when the version tells a ``Beginnings`` read before to read again."""

    def __init__(self) -> None:
        self.key_bits: dict[str, int] = {}
        self.width = 0
        self.version = 0
        self.of_word: Memo[int] = Memo(self._word_bits, _WORDS_KEPT)

    def _word_bits(self, word: str) -> int:
        # the first one to five letters of the word, and the word and a space if it is that short (a whole word)
        key_bits, bits = self.key_bits, 0
        # "me@", "ok&stop": a rule's \\b also finds the words inside a reply's word
        for part in (word,) if word.isalnum() else (word, *_WORD_PARTS.findall(word)):
            bits |= key_bits.get(f"{part} ", 0) if len(part) <= _PREFIX else 0
            for length in range(1, min(len(part), _PREFIX) + 1):
                bits |= key_bits.get(part[:length], 0)
        return bits

    def add(self, key_bits: dict[str, int], width: int) -> int:
        """An index's bits for each beginning, ``width`` of them: the offset they are read at."""
        offset, self.width = self.width, self.width + width
        for key, bits in key_bits.items():
            self.key_bits[key] = self.key_bits.get(key, 0) | bits << offset
        self.of_word = Memo(self._word_bits, _WORDS_KEPT)  # a new memo: a word read meanwhile is stored in the old one
        self.version += 1
        return offset


_indexes = _Indexes()
add_index = _indexes.add


class Starts:
    """Whether a reply has a word starting with one of some beginnings (as ``rule_starts`` writes them)."""

    def __init__(self, starts: frozenset[str]) -> None:
        self.starts = starts
        self.offset = add_index(dict.fromkeys(starts, 1), 1)

    def any_in(self, beginnings: Beginnings) -> bool:
        return bool(beginnings.bits() >> self.offset & 1)


class Rules:
    """A list of patterns, each compiled on first use and tried only on replies with a word each of its matches needs
    (one big alternation costs every reply the time of every branch at every position)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = list(patterns)
        self.built = False  # indexed on first use: a cold start pays only for the rules its first reply needs

    def _build(self) -> None:
        # patterns whose words start with the same letters are one alternation, chosen by the words each of its rules
        # needs: the rarest (its first word or another: reply_literals) and up to two more (``rule_also``)
        merged: dict[frozenset[str] | None, list[tuple[str, Clause | None, tuple[Clause, ...], str]]] = {}
        for pattern in self.patterns:
            source = expand(pattern)
            starts, keys, also = rule_keys(source)  # read from data/rule_keys.json for the shipped rules
            if starts and source.startswith(("(?<", "\\b(?<")):
                source = _looking_at(starts) + source
            if starts is None and not source.isascii():
                starts = keys = frozenset({_OTHER_SCRIPT_KEY})  # a rule in another script cannot match an ASCII reply
            letters = None if starts is None else frozenset(start[0] for start in starts)
            alone = _first_letter(letters, source)  # the rule's own alternation of one, guarded as its list is
            merged.setdefault(letters, []).append((source, keys, also, alone))
        self._sources = [
            _first_letter(letters, "|".join(f"(?:{rule[0]})" for rule in rules)) for letters, rules in merged.items()
        ]
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)
        self.compiled_ascii: list[re.Pattern[str] | None] = [None] * len(self._sources)
        # a bit for each rule in each of ``planes`` ranges: the first set by a word of its key, the others by a word of
        # each other clause it needs (or always, when it needs fewer; every range, when it needs no word). A rule a
        # reply may match has its bit in every range: its list is tried, or the rule alone when the only one there.
        rules = [(number, *rule) for number, group in enumerate(merged.values()) for rule in group]
        count = self.rule_count = len(rules)
        self.planes = planes = 1 + max((len(also) for *_, also, _ in rules), default=0)
        self.group_of = [number for number, *_ in rules]
        self._alone = [alone for *_, alone in rules]
        self.alone: list[re.Pattern[str] | None] = [None] * count  # compiled on first use, as the lists are
        self.alone_ascii: list[re.Pattern[str] | None] = [None] * count
        key_bits: dict[str, int] = {}
        filled = [0] * planes  # in each range, the rules that need no word there
        for rule, (_, _, keys, also, _) in enumerate(rules):
            clauses = (keys, *also) if keys is not None else ()
            for plane, clause in enumerate(clauses):
                for key in clause:
                    key_bits[key] = key_bits.get(key, 0) | 1 << (plane * count + rule)
            for plane in range(len(clauses), planes):
                filled[plane] |= 1 << rule
        self.unkeyed, self.filled = filled[0], filled[1:]
        # the other-script key also sets one bit past them, so that replies in other scripts, searched with Unicode
        # patterns, never share a choice with ASCII replies, searched with ASCII ones
        key_bits[_OTHER_SCRIPT_KEY] = key_bits.get(_OTHER_SCRIPT_KEY, 0) | 1 << (planes * count)
        self.offset = add_index(key_bits, planes * count + 1)
        self.rule_mask = (1 << count) - 1
        self.keys_at = self.rule_mask << self.offset  # the first range (keys) and all of this list's, in place
        self.own_at = ((2 << (planes * count)) - 1) << self.offset
        self.by_bits: dict[int, _Choice] = {}  # a choice for each set of rules (and script) replies chose
        self.by_found: dict[int, _Choice | None] = {}  # the choice (or None) of each set of this list's bits
        self.built = True

    @property
    def sources(self) -> list[str]:
        if not self.built:
            self._build()
        return self._sources

    def chosen(self, beginnings: Beginnings | None) -> _Choice:
        """The rules a reply with these word beginnings could match, shared by every reply choosing the same rules."""
        if not self.built:
            self._build()
        # without beginnings, every list, as a reply in another script
        bits = self._bits(beginnings) if beginnings is not None else -1
        return self.by_bits.get(bits) or self._choice(bits)

    def _bits(self, beginnings: Beginnings) -> int:
        """The rules a reply may match (a bit each) and the bit of a reply in another script after them; 0 when it may
        match no rule."""
        return self._bits_found((beginnings.bits() & self.own_at) >> self.offset)

    def _bits_found(self, found: int) -> int:
        """``_bits`` of this list's own bits, read out of the reply's."""
        if not (rules := found & self.rule_mask | self.unkeyed):
            return 0  # no rule's key (most lists, most replies): as cheap as one key a rule
        count = self.rule_count
        for plane, filled in enumerate(self.filled, 1):
            rules &= found >> plane * count | filled
        return rules | (found >> self.planes * count & 1) << count if rules else 0

    def _choice(self, bits: int) -> _Choice:
        """The lists (or rules alone) a set of rules chose are tried in the lists' order: a list with one rule the
        reply may match is that rule alone, whose search skips the others' branches at every position (they cannot
        match: the reply lacks a word each needs), and finds the same match."""
        if len(self.by_bits) >= _CHOICES_KEPT:
            self.by_bits.clear()
        count = self.rule_count
        ascii_reply = bits >= 0 and not bits >> count
        numbers: list[int] = []
        if bits < 0:
            numbers = list(range(len(self._sources)))
        else:
            chose: dict[int, list[int]] = {}
            for one in bit_numbers(bits & self.rule_mask):
                chose.setdefault(self.group_of[one], []).append(one)
            # a list is numbered as it is; a rule alone, past the lists (unless its list is compiled and it is not:
            # a list compiled serves every rule of it, a rule alone is compiled for that rule only)
            compiled, alone = (self.compiled_ascii, self.alone_ascii) if ascii_reply else (self.compiled, self.alone)
            numbers = [
                len(self._sources) + members[0]
                if len(members) == 1 and (alone[members[0]] is not None or compiled[group] is None)
                else group
                for group, members in chose.items()
            ]
        # the rules compiled already (for replies of this script) are the choice's from the start
        rules: list[re.Pattern[str]] = []
        for number in numbers:
            if (rule := self._compiled_as(number, ascii_reply)) is None:
                break
            rules.append(rule)
        self.by_bits[bits] = _Choice(numbers, rules, len(rules) == len(numbers), ascii_reply)
        return self.by_bits[bits]

    def _compiled_as(self, number: int, ascii_reply: bool, compile: bool = False) -> re.Pattern[str] | None:
        """A list (``number`` under the number of lists) or a rule alone (past them), compiled for a reply of this
        script, or None when it was not compiled yet (and ``compile`` is false)."""
        lists = len(self._sources)
        if number < lists:
            compiled, source = (self.compiled_ascii if ascii_reply else self.compiled), self._sources
        else:
            compiled, source, number = (self.alone_ascii if ascii_reply else self.alone), self._alone, number - lists
        rule = compiled[number]
        if rule is None and compile:
            rule = compiled[number] = re.compile(source[number], re.ASCII if ascii_reply else 0)
        return rule

    def _compiled(self, entry: _Choice) -> Iterator[re.Pattern[str]]:
        """The entry's rules not compiled for it yet, compiled one by one as they are reached."""
        for number in entry.numbers[len(entry.rules) :]:
            rule = self._compiled_as(number, entry.ascii, compile=True)
            assert rule is not None
            entry.rules.append(rule)
            yield rule
        entry.complete = True

    def _entry(self, beginnings: Beginnings | None) -> _Choice | None:
        """``chosen``, or None when the reply has none of the words the rules need (most replies, most lists)."""
        if beginnings is None or not self.built:
            return self.chosen(beginnings)
        # ``_bits``, written out: asked of every list a reply reaches, most of which it has no key of. An AND of two
        # positive integers reads only the shorter one's digits: the test below reads the reply's bits up to this
        # list's keys, a shift would copy every bit above them (all the indexes built after this one)
        # ``bits()`` read in place when no index was added since (the calls of a few lists a reply cost a tenth)
        bits = beginnings._bits if beginnings._version == _indexes.version else beginnings.bits()
        if not (bits & self.keys_at or self.unkeyed):
            return None
        found = (bits & self.own_at) >> self.offset  # this list's ranges only: a few hundred bits
        # the replies reaching a list share few sets of its bits: the choice of each is kept, not worked out again
        if (entry := self.by_found.get(found, _UNSEEN)) is _UNSEEN:
            entry = self._by_found(found)
        return entry

    def _by_found(self, found: int) -> _Choice | None:
        rules = self._bits_found(found)
        entry = (self.by_bits.get(rules) or self._choice(rules)) if rules else None
        if len(self.by_found) >= _CHOICES_KEPT:
            self.by_found.clear()
        self.by_found[found] = entry
        return entry

    def search(self, text: str, beginnings: Beginnings | None) -> re.Match[str] | None:
        if (entry := self._entry(beginnings)) is None:
            return None
        for rule in entry.rules:
            if found := rule.search(text):
                return found
        if entry.complete:
            return None
        for rule in self._compiled(entry):
            if found := rule.search(text):
                return found
        return None

    def mask(self, text: str, beginnings: Beginnings | None, replacement: str = " ~ ") -> str:
        if (entry := self._entry(beginnings)) is None:
            return text
        if not entry.complete:
            for _ in self._compiled(entry):
                pass
        for rule in entry.rules:
            if rule.search(text):  # most rules find nothing, and a search that fails costs less than a sub
                text = rule.sub(replacement, text)
        return text


def bit_numbers(bits: int) -> list[int]:
    """The numbers of the bits set, lowest first."""
    numbers = []
    while bits:
        low = bits & -bits
        numbers.append(low.bit_length() - 1)
        bits ^= low
    return numbers


def reply_beginnings(flat: str, words: Iterable[str] | None = None) -> Beginnings:
    """A reply's words as the rule lists choose by (``Beginnings``), one object a flat form (not a long one)."""
    found = _INTERNED.get(flat)
    if found is None:
        found = Beginnings(tuple(flat.split() if words is None else words), flat.isascii())
        if len(flat) <= _INTERNED_CHARS:
            if len(_INTERNED) >= _INTERNED_KEPT:
                _INTERNED.clear()
            _INTERNED[flat] = found
    return found


_INTERNED: dict[str, Beginnings] = {}
_INTERNED_KEPT = 4096
_INTERNED_CHARS = 480  # three SMS segments
