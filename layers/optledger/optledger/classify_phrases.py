"""How the reply detector reads a reply that is not a keyword: steps 2 to 5 of ``optledger.classify``.

Imported by ``classify`` on the first such reply, so that a cold start which only meets keywords never pays for it.
Its word lists and patterns are ``data/phrases.json``. Patterns are indexed by the first letters of the word at which
every match starts (``_starts``) and compiled on first use: a reply is tried only against the few patterns that could
match it, so a classification costs about what one alternation of every pattern would, however many patterns there are.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from optledger.classify import (
    _CONFIRMATIONS,
    _DATA_DIR,
    _EMOJI_REVIEW,
    _KEYWORDS,
    _LATIN_ACCENTS,
    _SPACES,
    OTHER_LANGUAGE,
    Classification,
    Scope,
    _keyword,
)


@cache
def _phrase_data() -> dict:
    """Everything but the keywords: read with the patterns, on the first reply that is not a keyword."""
    return json.loads((_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))


_REPEATS = re.compile(r"(.)\1+")
_MACRO = re.compile(r"\{(\w+)\}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "đ": "d", "Đ": "d", "#": " number "})
_DELETED = str.maketrans("", "", "'*")


def _fold(text: str) -> str:
    """Lower case without accents on Latin letters, quotes unified, "#" read as "number"; other scripts kept."""
    if not text.isascii() or "#" in text or "`" in text:
        text = text.translate(_QUOTES)
    if not text.isascii():
        text = text.translate(_LATIN_ACCENTS)  # the common case (Spanish) without decomposing every character
        if not text.isascii():
            text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
            text = unicodedata.normalize("NFC", text)
    return text.casefold()


def _squeeze(flat: str) -> str:
    """Collapse repeated letters, so "STOPPP" and "stooop" read as "stop"."""
    return _REPEATS.sub(r"\1", flat)


def _expand(pattern: str) -> str:
    vocab = _phrase_data()["vocab"]
    for _ in range(3):  # vocabulary entries may name others
        pattern = _MACRO.sub(lambda m: vocab.get(m[1], m[0]), pattern)
    return pattern


def _words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_SPACES.sub(" ", re.sub(r"[^\w#&]+", " ", _fold(w).translate(_DELETED))).strip() for w in words)


class _Patterns(NamedTuple):
    standalone: frozenset[str]
    standalone_whole: frozenset[str]
    standalone_brand: frozenset[str]
    standalone_words: frozenset[str]
    courtesy: _WordSet
    courtesy_or_keyword_words: frozenset[str]
    fillers: _WordSet
    targets: frozenset[str]
    squeezed_targets: dict[str, str]
    spaced: re.Pattern[str]
    brand: _Rules
    other: _Rules
    texts: _Rules
    keep: _Rules
    revocations: _Rules
    masks: _Rules
    review: _Rules
    hedges: _Rules
    channels: _Rules
    review_replies: frozenset[str]
    review_fillers: _WordSet
    watch: _WordSet
    markers: frozenset[str]
    playful: frozenset[str]
    playful_signs: tuple[str, ...]
    strong_markers: frozenset[str]
    other_script: re.Pattern[str]
    other_latin: re.Pattern[str]
    words: re.Pattern[str]
    triples: re.Pattern[str]
    spaced_hint: re.Pattern[str]
    leet_hint: re.Pattern[str]
    double: re.Pattern[str]


class _WordSet:
    """Words and short phrases, found or removed on the whole words of a reply (a set lookup a word, no regex)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(tuple(phrase.split()) for phrase in phrases if phrase.split())
        self.longest = max(map(len, self.phrases))
        self.firsts = frozenset(phrase[0] for phrase in self.phrases)

    def _length_at(self, words: list[str], index: int) -> int:
        if words[index] in self.firsts:
            for length in range(min(self.longest, len(words) - index), 0, -1):
                if tuple(words[index : index + length]) in self.phrases:
                    return length
        return 0

    def find(self, words: list[str]) -> str | None:
        for index in range(len(words)):
            if length := self._length_at(words, index):
                return " ".join(words[index : index + length])
        return None

    def strip(self, words: list[str]) -> list[str]:
        kept, index = [], 0
        while index < len(words):
            length = self._length_at(words, index)
            if not length:
                kept.append(words[index])
            index += length or 1
        return kept


@cache
def _patterns() -> _Patterns:
    """Compiled on first use, not at import: keywords (most replies) never need them, and a cold start stays cheap."""
    data = _phrase_data()
    canon = data["canon"]
    scope = data["scope"]
    return _Patterns(
        standalone=_words(data["standalone_opt_out"]),
        standalone_whole=_words(data["standalone_opt_out_whole_reply"]),
        standalone_brand=_words(data["brand_scope_keywords"]),
        standalone_words=frozenset(
            word
            for phrase in _words([*data["standalone_opt_out"], *data["standalone_opt_out_whole_reply"]])
            for word in phrase.split()
        ),
        courtesy=_WordSet(_words(data["courtesy"])),
        courtesy_or_keyword_words=frozenset({"|"}.union(*(phrase.split() for phrase in _words(data["courtesy"]))))
        | frozenset(word for words in _KEYWORDS.values() for keyword in words for word in _fold(keyword).split())
        | frozenset(word.casefold() for word in _CONFIRMATIONS),
        fillers=_WordSet(_words(data["fillers"])),
        targets=frozenset(canon["targets"]),
        squeezed_targets={_squeeze(word): word for word in canon["targets"]},
        spaced=re.compile(r"(?<!\w)(?:[a-z][ .\-_*]+){2,}[a-z](?!\w)"),
        brand=_Rules(data["phrases"]["brand"]),
        revocations=_Rules([*data["phrases"]["sender"], *(p for ps in data["languages"].values() for p in ps)]),
        # traps, negations and other objects are all masked the same way: one index, fewer calls
        masks=_Rules([*data["traps"], *data["negation"], *scope["objects"]]),
        other=_Rules(scope["other"]),
        texts=_Rules(scope["texts"]),
        keep=_Rules(scope["keep"]),
        review=_Rules(data["review"]),
        hedges=_Rules(data["hedges"]),
        channels=_Rules(scope["channels"]),
        review_replies=_words(data["review_replies"]),
        review_fillers=_WordSet(_words(data["review_fillers"])),
        watch=_WordSet(data["watch_words"]),
        markers=frozenset(data["foreign"]["markers"]),
        playful=frozenset(word for word in data["playful"] if word.isascii()),
        playful_signs=tuple(sign for sign in data["playful"] if not sign.isascii()),
        strong_markers=frozenset(data["foreign"]["strong_markers"]),
        # letters of scripts the detector does not read: Greek to Ethiopic, Hangul Jamo, CJK, kana, Hangul syllables
        # (Latin with Vietnamese's extended block, digits, punctuation, symbols and emoji are not in it)
        other_script=re.compile("[\u0370-\u1dff\u2c00-\u2dff\u3040-\u9fff\ua000-\ud7ff\uf900-\ufaff\uff66-\uffdc]"),
        # Latin letters with marks Spanish does not use (ã, ç, è, ơ, ...): French, Portuguese, Vietnamese, Creole
        other_latin=re.compile("(?![áéíóúñüÁÉÍÓÚÑÜ])[À-ÖØ-öø-ɏḀ-ỿ]"),
        words=re.compile(r"[\w#&@$]+|[.!?;:,\n\r…¿¡()\[\]\"|]+|\s[-–—]+\s"),
        triples=re.compile(r"([a-z])\1{2,}"),
        spaced_hint=re.compile(r"(?<!\w)[a-z][ .\-_*]+[a-z][ .\-_*]+[a-z](?!\w)"),
        leet_hint=re.compile(r"[0-9@$]"),
        double=re.compile(r"([a-z])\1"),
    )


_TEXT_WORDS = ("text", "txt", "sms", "messag", "msg", "mesag", "mensaje", "texto", "these", "those", "them")
_REVIEW_REPLY_WORDS = 8  # a whole reply that is only an unclear cue is short
_BESIDE_WORDS = 5  # a reply that welcomes texts beside a revocation cue is longer than the cue alone
_CLAUSE_CHARS = frozenset('.!?;:,\n\r…¿¡()[]"| \t')
_BRAND_WORDS = frozenset({"all ", "eve"})  # every brand-scope phrase says "all", "every" or "everything"
_PREFIX = 3  # a rule is indexed by the first letters (up to three) of the word its every match starts with
_OTHER_SCRIPT_KEY = "\x00"  # the index key of rules that only a reply in another script can match


_STRUCTURE = re.compile(r"\\.|[()\[\]|]")


def _brackets(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` for each bracket and bar of a pattern outside character classes, escapes skipped;
    ``depth`` is the group depth after the char (the one scan behind both helpers below)."""
    depth, in_class = 0, False
    for found in _STRUCTURE.finditer(source, start):
        char = found[0]
        if len(char) > 1:
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield found.start(), char, depth


@lru_cache(maxsize=4096)
def _split_top(source: str) -> tuple[str, ...]:
    """A pattern's top-level alternatives: bars outside brackets and character classes, escapes skipped."""
    if "|" not in source:
        return (source,)
    parts, start = [], 0
    for index, char, depth in _brackets(source):
        if char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    return (*parts, source[start:])


def _group_end(source: str, start: int) -> int:
    """Index of the bracket closing the group that opens at ``start``, or -1."""
    return next((index for index, char, depth in _brackets(source, start) if char == ")" and depth == 0), -1)


def _leading_letters(source: str) -> str:
    """The letters a pattern fragment must start with (up to three); a letter made optional ends them.

    A whole word of three letters or fewer ("i ", "no ", "do ") ends with a space: it is looked up among the reply's
    short words, not among the beginnings of longer ones ("is", "not", "does").
    """
    letters = ""
    for index, char in enumerate(source):
        if not char.isalnum() or len(letters) == _PREFIX:
            ends_word = char == " " and source[index + 1 : index + 2] not in ("?", "*", "{")
            if ends_word or source.startswith(("\\b", "$"), index):
                letters += " "
            break
        after = source[index + 1 : index + 3]
        if after[:1] in ("?", "*") or after == "{0":
            break
        letters += char
        if after[:1] == "+" or after[:1] == "{":
            break
    return letters


def _starts(source: str, anchored: bool = False) -> frozenset[str] | None:
    """The beginnings (up to three letters) of the word at which every match of a pattern starts.

    None when a match may start elsewhere than at a word start or with a letter the scan cannot tell: such a rule
    always runs. The scan reads lookbehinds, ``\\b``/``^`` anchors, groups and alternations; anything else stops it.
    """
    found: set[str] = set()
    for part in _split_top(source):
        position, part_anchored = 0, anchored
        while True:
            if part.startswith(("(?<!", "(?<=", "(?!"), position):
                position = _group_end(part, position) + 1
            elif part.startswith("\\b", position):
                position, part_anchored = position + 2, True
            elif part.startswith("^", position):
                position, part_anchored = position + 1, True
            else:
                break
        if part.startswith("(?:", position):
            end = _group_end(part, position)
            if end < 0:
                return None
            quantifier = re.match(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??", part[end + 1 :])
            tail = part[end + 1 + (quantifier.end() if quantifier else 0) :]
            optional = quantifier is not None and quantifier[0][0] in "?*{" and not quantifier[0].startswith("{1")
            # each alternative read with what follows the group, so that "(?:i|we) want" is the short word "i"
            follows = "" if quantifier else tail
            for alternative in _split_top(part[position + 3 : end]):
                inner = _starts(alternative + follows, part_anchored)
                if inner is None:
                    return None
                found |= inner
            if optional:  # or the group is skipped
                following = _starts(tail, part_anchored) if tail and not tail[0].isspace() else None
                if following is None:
                    return None
                found |= following
            continue
        letters = _leading_letters(part[position:])
        if not part_anchored or not letters.strip():
            return None
        found.add(letters)
    return frozenset(found)


class _Rules:
    """A list of patterns, each compiled on first use and tried only on replies with a word it can start at.

    One big alternation costs every reply the time of every branch at every position; indexing the rules by the
    first letters of their first word keeps a reply's cost to the few rules that could match it.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = list(patterns)
        self.built = False  # indexed on first use: a cold start pays only for the rules its first reply needs

    def _build(self) -> None:
        # patterns whose words start with the same letters are one alternation: one regex call instead of several
        merged: dict[frozenset[str] | None, tuple[set[str], list[str]]] = {}
        for pattern in self.patterns:
            source = _expand(pattern)
            starts = _starts(source)
            if starts is None and not source.isascii():
                starts = frozenset({_OTHER_SCRIPT_KEY})  # a rule in another script cannot match an ASCII reply
            letters = None if starts is None else frozenset(start[0] for start in starts)
            group = merged.setdefault(letters, (set(), []))
            group[0].update(starts or ())
            group[1].append(source)
        self._sources = ["|".join(f"(?:{source})" for source in sources) for _, sources in merged.values()]
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)
        self.always: list[int] = []
        self.index: dict[str, list[int]] = {}
        for number, (letters, (starts, _)) in enumerate(merged.items()):
            if letters is None:
                self.always.append(number)
            else:
                for start in starts:
                    self.index.setdefault(start, []).append(number)
        self.keys = frozenset(self.index)
        self.cache: dict[frozenset[str] | None, list] = {}
        self.built = True

    @property
    def sources(self) -> list[str]:
        if not self.built:
            self._build()
        return self._sources

    def chosen(self, beginnings: frozenset[str] | None) -> list:
        """The rules a reply with these word beginnings could match, remembered per set of beginnings: their numbers in
        order, and their compiled patterns once every one of them has been compiled (None until then). A rule is
        compiled when a reply first reaches it, so a search that matches early on a cold start compiles no more.
        """
        if not self.built:
            self._build()
        key = None if beginnings is None else beginnings & self.keys
        entry = self.cache.get(key)
        if entry is None:
            if key is None:
                numbers = list(range(len(self._sources)))
            else:
                found = set(self.always)
                for beginning in key:
                    found.update(self.index[beginning])
                numbers = sorted(found)
            if len(self.cache) >= 4096:
                self.cache.clear()
            entry = self.cache[key] = [numbers, None]
        return entry

    def _compiled(self, number: int) -> re.Pattern[str]:
        rule = self.compiled[number]
        if rule is None:
            rule = self.compiled[number] = re.compile(self._sources[number])
        return rule

    def search(self, text: str, beginnings: frozenset[str] | None) -> re.Match[str] | None:
        entry = self.chosen(beginnings)
        if (rules := entry[1]) is not None:
            for rule in rules:
                if found := rule.search(text):
                    return found
            return None
        for number in entry[0]:
            if found := self._compiled(number).search(text):
                return found
        entry[1] = [self.compiled[number] for number in entry[0]]  # every rule was reached, so compiled
        return None

    def mask(self, text: str, beginnings: frozenset[str] | None, replacement: str = " ~ ") -> str:
        entry = self.chosen(beginnings)
        rules = entry[1]
        if rules is None:
            rules = entry[1] = [self._compiled(number) for number in entry[0]]
        for rule in rules:
            if rule.search(text):  # most rules find nothing, and a search that fails costs less than a sub
                text = rule.sub(replacement, text)
        return text


def _beginnings(flat: str, words: list[str] | None = None) -> frozenset[str] | None:
    """The first one to three letters of every word of an ASCII reply; None (try every rule) for other scripts."""
    if not flat.isascii():
        return None
    return frozenset().union(*map(_word_beginnings, flat.split() if words is None else words))


@lru_cache(maxsize=8192)
def _word_beginnings(word: str) -> tuple[str, ...]:
    short = (f"{word} ",) if len(word) <= _PREFIX else ()
    return (*(word[:length] for length in range(1, min(len(word), _PREFIX) + 1)), *short)


def _canonical(folded: str) -> str:
    """The flat form: SMS spellings made canonical, clause breaks written ' | ', other symbols made spaces."""
    patterns = _patterns()
    text = folded.replace("'", "").replace("*", "")
    if patterns.spaced_hint.search(text):
        text = patterns.spaced.sub(_join_spaced, text)
    flat = " ".join(map(_canonical_word, patterns.words.findall(text)))
    while "| |" in flat:
        flat = flat.replace("| |", "|")
    return flat.strip(" |")


def _join_spaced(match: re.Match[str]) -> str:
    joined = re.sub(r"[ .\-_*]+", "", match[0])
    return _target(joined) or match[0]


def _target(word: str) -> str | None:
    """The target word this spelling stretches ("stopp", "stooop", "mee"), if any."""
    patterns = _patterns()
    if word in patterns.targets:
        return word
    return patterns.squeezed_targets.get(_squeeze(word)) if patterns.double.search(word) else None


@lru_cache(maxsize=8192)
def _canonical_word(word: str) -> str:
    """One word's canonical spelling: "pls" -> "please", "st0p" -> "stop", "STOPPP" -> "stop", "kiero" -> "quiero".

    A run of clause punctuation is "|".
    """
    if word[0] in _CLAUSE_CHARS:
        return "|"
    canon = _phrase_data()["canon"]
    if word in canon["abbreviations"]:
        return canon["abbreviations"][word]
    patterns = _patterns()
    if patterns.leet_hint.search(word) and any("a" <= ch <= "z" for ch in word):
        spelt = "".join(canon["leet"].get(ch, ch) for ch in word)
        word = _target(spelt) or word
    return _target(word) or patterns.triples.sub(r"\1\1", word)


def _courtesy_keyword(words: list[str], join_keywords: Iterable[str]) -> Classification | None:
    """A keyword said with courtesy words only ("HELP pls", "START please", "stop thx", "VIP porfa")."""
    patterns = _patterns()
    if not patterns.courtesy_or_keyword_words.issuperset(words):  # a word that is neither: no keyword, unless joined
        joins = {word for keyword in join_keywords for word in _join_words(keyword)}
        if not joins or not (patterns.courtesy_or_keyword_words | joins).issuperset(words):
            return None
    bare = " ".join(patterns.courtesy.strip([word for word in words if word != "|"]))
    if not bare:
        return None
    return _keyword(bare.upper(), join_keywords)


@lru_cache(maxsize=1024)
def _join_words(keyword: str) -> tuple[str, ...]:
    return tuple(_fold(keyword).split())


def _bare(clause: str) -> str:
    """The clause without courtesy and filler words, repeats of one word collapsed ("stop stop stop")."""
    words = _patterns().fillers.strip(clause.split())
    if len(words) > 1 and len(set(words)) == 1:
        return words[0]
    return " ".join(words)


def _standalone_keyword(clauses: list[str]) -> Classification | None:
    """A revocation word that makes up a clause on its own, give or take courtesy words ("Stop. Thank you").

    Words with everyday meanings (CANCEL, END, REMOVE...) count only when no clause says anything else.
    """
    patterns = _patterns()
    weak: str | None = None
    only_weak = True
    for raw in clauses:
        clause = raw.strip()
        bare = _bare(clause)
        if not bare:
            continue
        if bare in patterns.standalone:
            scope: Scope = "brand" if bare in patterns.standalone_brand else "sender"
            return Classification("opt_out", clause, "phrase", scope)
        if bare in patterns.standalone_whole:
            weak = weak or clause
        else:
            only_weak = False
    return Classification("opt_out", weak, "phrase") if weak and only_weak else None


def _mask_scope(marked: str, flat: str, beginnings: frozenset[str] | None) -> tuple[str, bool, bool]:
    """Clauses about something other than texts masked; whether any was, and whether texts are only welcomed."""
    patterns = _patterns()
    if not patterns.other.search(flat, beginnings):  # nothing but texts is named: nothing to mask
        return marked, False, False
    keep = patterns.keep.search(flat, beginnings) is not None
    rest = patterns.keep.mask(patterns.other.mask(flat, beginnings, " "), beginnings, " ")
    named = patterns.texts.search(rest, beginnings) is not None
    scoped = False
    if keep or not named:
        clauses = marked.split("|")
        for index, clause in enumerate(clauses):
            if patterns.other.search(clause, beginnings) and not patterns.texts.search(
                patterns.other.mask(clause, beginnings, " "), beginnings
            ):
                clauses[index] = " ~ "
                scoped = True
        marked = "|".join(clauses)
    return marked, scoped, keep and not named


def _review(found: str) -> Classification:
    return Classification("message", found, "review", review=True)


def _other_language(text: str, flat: str) -> bool:
    patterns = _patterns()
    if not text.isascii() and (patterns.other_script.search(text) or patterns.other_latin.search(text)):
        return True
    words = flat.split()
    if patterns.markers.isdisjoint(words) and patterns.strong_markers.isdisjoint(words):
        return False  # the common case, without counting
    foreign = _phrase_data()["foreign"]
    return len(patterns.markers.intersection(words)) >= foreign[
        "min_markers"
    ] or not patterns.strong_markers.isdisjoint(words)


def _plain(marked: str) -> str:
    if "|" not in marked and "~" not in marked:
        return marked  # the flat form has single spaces already
    return _SPACES.sub(" ", marked.replace("|", " ")).strip()


def _decide(marked: str, beginnings: frozenset[str] | None, *, scoped: bool) -> Classification | None:
    """Revocation, review, or None, on a reply whose traps, negations and other-scope clauses are masked."""
    patterns = _patterns()
    masked = _plain(marked)
    if (beginnings is None or not _BRAND_WORDS.isdisjoint(beginnings)) and (
        found := patterns.brand.search(masked, beginnings)
    ):
        return Classification("opt_out", found[0], "phrase", "brand")
    if found := patterns.revocations.search(masked, beginnings):
        # "maybe I should unsubscribe", "did I get unsubscribed?": a thought or a question, not a request
        if found.start() and (hedge := patterns.hedges.search(masked, beginnings)):
            return _review(hedge[0])
        return Classification("opt_out", found[0], "phrase")
    words = masked.split()
    if not patterns.standalone_words.isdisjoint(words) and (verdict := _standalone_keyword(marked.split("|"))):
        return _review(verdict.matched or "stop") if scoped else verdict
    if len(words) <= _REVIEW_REPLY_WORDS and (bare := " ".join(patterns.review_fillers.strip(words))) in (
        patterns.review_replies
    ):
        return _review(bare)
    if found := patterns.review.search(masked, beginnings):
        return _review(found[0])
    if word := patterns.watch.find(words):
        return _review(word)
    return None


def _playful(words: list[str], text: str) -> bool:
    patterns = _patterns()
    if not patterns.playful.isdisjoint(words):
        return True
    return not text.isascii() and any(sign in text for sign in patterns.playful_signs)  # the signs are emoji


def read(text: str, join_keywords: Iterable[str]) -> Classification:
    """Steps 2 to 5 of ``optledger.classify`` on a reply that is not a keyword."""
    flat = _canonical(_fold(text))
    words = flat.split()
    if len(words) < 7 and (verdict := _courtesy_keyword(words, join_keywords)):
        return verdict

    patterns = _patterns()
    beginnings = _beginnings(flat, words)
    marked = patterns.masks.mask(flat, beginnings)
    # a lone "stop" beside laughter and more words may be a joke ("lol stop, that's hilarious"): queued, not honoured
    playful = "|" in words and _playful(words, text)
    if verdict := _decide(marked, beginnings, scoped=playful):
        # only a reply with a cue pays for the scope test: it can only turn a cue into something else, and a
        # revocation that names texts ("stop texting me") is about texts whatever else the reply mentions
        if verdict.action == "opt_out" and any(
            word.startswith(_TEXT_WORDS) for word in (verdict.matched or "").split()
        ):
            return verdict
        scoped_marked, scoped, only_welcomed = _mask_scope(marked, flat, beginnings)
        if only_welcomed:  # "stop calling, texting is fine": unless it limits the texts too ("only text me at 9")
            found = patterns.review.search(_plain(scoped_marked), beginnings)
            return _review(found[0]) if found else Classification("message")
        if scoped_marked != marked:
            verdict = _decide(scoped_marked, beginnings, scoped=scoped or playful) or (
                _channel(flat, beginnings) if verdict.action == "opt_out" else Classification("message")
            )
        elif (
            verdict.action == "opt_out"
            and len(words) > _BESIDE_WORDS
            and (found := patterns.keep.search(flat, beginnings))
        ):
            return _review(found[0])  # "I said STOP to the other company, keep sending": a cue beside texts welcomed
        return verdict
    if _other_language(text, flat):
        return _review(OTHER_LANGUAGE)
    if not text.isascii() and (unclear := _EMOJI_REVIEW.intersection(text)):
        return _review(min(unclear))  # "otra vez?? 🙄"
    return Classification("message")


def _channel(flat: str, beginnings: frozenset[str] | None) -> Classification:
    """A request about calls alone ("stop calling me") may mean all contact: queued, unless texts are welcome."""
    if found := _patterns().channels.search(flat, beginnings):
        return _review(found[0])
    return Classification("message")
