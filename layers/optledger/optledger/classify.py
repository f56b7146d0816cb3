"""Classification of inbound message text into opt-out, opt-in, help or an ordinary message, with a review flag.

The standard is FCC 24-24 (47 CFR 64.1200(a)(10)): STOP, QUIT, END, REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE revoke
consent per se, and any other wording revokes it when a reasonable person would read it as a wish to receive no more
texts. A sender has ten business days to honour a revocation, which leaves time for a person to read the replies that
a program cannot decide. Every word list and pattern is data (``data/keywords.json``); this module only says how they
are used. Three outcomes always: a revocation (``opt_out``), a reply queued for review (``message`` with
``review=True``), or an ordinary message; keywords add ``opt_in`` and ``help``.

Order of decision, first match wins:

1. ``keyword`` - the whole reply, after trimming whitespace, case, accents and surrounding punctuation or emoji, and
   then again without courtesy words ("HELP pls", "START please", "stop thx"), is a keyword of DESIGN section 1.
   Opt-out keywords come first (``STOPALL`` has brand scope; a lone keyword asked as a question, "stop?", is queued).
   ``START``, ``UNSTOP`` and the campaign's join keywords opt in. ``YES`` and ``Y`` are ordinary messages whose
   ``matched`` names them: inbound.py alone decides whether they confirm a pending double opt-in.
2. The reply is normalised: accents, repeated letters ("STOPPP"), digits for letters ("st0p"), spaced letters
   ("s t o p"), SMS spellings in English and Spanish ("pls", "txt", "u", "xfa", "kiero", "q", "d", "msj"), and
   clause breaks kept. Then masked, clause by clause: traps ("stop by", "stop sign"), negations ("don't stop",
   "no dejen de", "replied STOP by mistake") and requests about something other than texts (emails, calls, paper,
   an order, an appointment, auto-renew, "opt out of the arbitration clause"), unless the reply names texts too.
   A reply that only says texts are welcome ("texts are fine") beside such a request is an ordinary message.
3. ``phrase`` - intents, not sentences: a directive to stop or not send with texts as its object, "take/remove me or
   my number", do-not-text lists, "no longer consent", "revoke my consent", and their Spanish forms; a stop request
   in Chinese, Korean, Vietnamese, Tagalog, Portuguese, French, Haitian Creole, Russian or Arabic; a revocation word
   in a clause of its own ("Stop. Thank you"). CANCEL, END and REMOVE revoke in a clause only when the whole reply is
   nothing else. A standalone STOP beside a request about something else is queued instead.
4. ``review`` - a revocation cue that is not certainly something else: "no", "not interested", "wrong number",
   "basta", "who is this?", "this number belongs to my late mother", partial requests, any remaining "stop"/"cancel";
   and any reply in a script or language the detector does not read (matched ``other-language``).
5. Anything else is an ordinary ``message``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

Action = Literal["opt_out", "opt_in", "help", "message"]
DetectedBy = Literal["keyword", "phrase", "review"]
Scope = Literal["sender", "brand"]


@dataclass(frozen=True)
class Classification:
    action: Action
    matched: str | None = None  # the keyword or phrase that decided it
    detected_by: DetectedBy | None = None
    scope: Scope = "sender"
    review: bool = False  # undecidable: recorded as a message and queued for a person


_DATA_DIR = Path(__file__).parent / "data"
_DATA = json.loads((_DATA_DIR / "keywords.json").read_text(encoding="utf-8"))


@cache
def _phrase_data() -> dict:
    """Everything but the keywords: read with the patterns, on the first reply that is not a keyword."""
    return json.loads((_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))


_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(.)\1+")
_MACRO = re.compile(r"\{(\w+)\}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "đ": "d", "Đ": "d", "#": " number "})
_DELETED = str.maketrans("", "", "'*")
_EMOJI_NOISE = str.maketrans("", "", "\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
OTHER_LANGUAGE = "other-language"


def _fold(text: str) -> str:
    """Lower case without accents on Latin letters, quotes unified, "#" read as "number"; other scripts kept."""
    if not text.isascii() or "#" in text or "`" in text:
        text = text.translate(_QUOTES)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        text = unicodedata.normalize("NFC", text)
    return text.casefold()


def _squeeze(flat: str) -> str:
    """Collapse repeated letters, so "STOPPP" and "stooop" read as "stop"."""
    return _REPEATS.sub(r"\1", flat)


def normalize_text(text: str) -> str:
    """Upper-case, accents removed, inner whitespace collapsed, surrounding punctuation/symbols/emoji stripped."""
    plain = text
    if not text.isascii():
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    plain = _SPACES.sub(" ", plain).strip()
    start, end = 0, len(plain)
    while start < end and not plain[start].isalnum():
        start += 1
    while end > start and not plain[end - 1].isalnum():
        end -= 1
    return plain[start:end].upper()


def _expand(pattern: str) -> str:
    vocab = _phrase_data()["vocab"]
    for _ in range(3):  # vocabulary entries may name others
        pattern = _MACRO.sub(lambda m: vocab.get(m[1], m[0]), pattern)
    return pattern


def _words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_SPACES.sub(" ", re.sub(r"[^\w#&]+", " ", _fold(w).translate(_DELETED))).strip() for w in words)


_KEYWORDS = {action: frozenset(normalize_text(k) for k in words) for action, words in _DATA["keywords"].items()}
_CONFIRMATIONS = frozenset(_DATA["confirmations"])
_BRAND_KEYWORDS = frozenset(normalize_text(k) for k in _DATA["brand_scope_keywords"])
_EMOJI_OPT_OUT = frozenset(_DATA["emoji"]["opt_out"])
_EMOJI_REVIEW = frozenset(_DATA["emoji"]["review"])


class _Patterns(NamedTuple):
    standalone: frozenset[str]
    standalone_whole: frozenset[str]
    standalone_brand: frozenset[str]
    courtesy: _WordSet
    fillers: _WordSet
    targets: frozenset[str]
    squeezed_targets: dict[str, str]
    leet: re.Pattern[str]
    spaced: re.Pattern[str]
    brand: _Rules
    sender: _Rules
    traps: _Rules
    negation: _Rules
    scope_objects: _Rules
    other: _Rules
    texts: _Rules
    keep: _Rules
    languages: _Rules
    review: _Rules
    watch: _WordSet
    markers: frozenset[str]
    other_script: re.Pattern[str]
    other_latin: re.Pattern[str]
    clause_marks: re.Pattern[str]
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
        courtesy=_WordSet(_words(data["courtesy"])),
        fillers=_WordSet(_words(data["fillers"])),
        targets=frozenset(canon["targets"]),
        squeezed_targets={_squeeze(word): word for word in canon["targets"]},
        leet=re.compile(r"(?<![\w@$])[\w@$]*[0-9@$][\w@$]*"),
        spaced=re.compile(r"(?<!\w)(?:[a-z][ .\-_*]+){2,}[a-z](?!\w)"),
        brand=_Rules(data["phrases"]["brand"]),
        sender=_Rules(data["phrases"]["sender"]),
        traps=_Rules(data["traps"]),
        negation=_Rules(data["negation"]),
        scope_objects=_Rules(scope["objects"]),
        other=_Rules(scope["other"]),
        texts=_Rules(scope["texts"]),
        keep=_Rules(scope["keep"]),
        languages=_Rules(p for patterns in data["languages"].values() for p in patterns),
        review=_Rules(data["review"]),
        watch=_WordSet(data["watch_words"]),
        markers=frozenset(data["foreign"]["markers"]),
        # letters of scripts the detector does not read: Greek to Ethiopic, Hangul Jamo, CJK, kana, Hangul syllables
        # (Latin with Vietnamese's extended block, digits, punctuation, symbols and emoji are not in it)
        other_script=re.compile("[\u0370-\u1dff\u2c00-\u2dff\u3040-\u9fff\ua000-\ud7ff\uf900-\ufaff\uff66-\uffdc]"),
        # Latin letters with marks Spanish does not use (ã, ç, è, ơ, ...): French, Portuguese, Vietnamese, Creole
        other_latin=re.compile("(?![áéíóúñüÁÉÍÓÚÑÜ])[À-ÖØ-öø-ɏḀ-ỿ]"),
        clause_marks=re.compile(r"[.!?;:,\n\r…¿¡()\[\]\"]+|\s[-–—]+\s"),
        words=re.compile(r"[\w#&@$]+|\|"),
        triples=re.compile(r"([a-z])\1{2,}"),
        spaced_hint=re.compile(r"(?<!\w)[a-z][ .\-_*]+[a-z][ .\-_*]+[a-z](?!\w)"),
        leet_hint=re.compile(r"[0-9@$]"),
        double=re.compile(r"([a-z])\1"),
    )


_PREFIX = 3  # a rule is indexed by the first letters (up to three) of the word its every match starts with


_STRUCTURE = re.compile(r"\\.|[()\[\]|]")


def _structure(source: str, start: int = 0):
    """(index, char, depth) of each bracket and bar of a pattern outside character classes, escapes skipped."""
    depth, in_class = 0, False
    for found in _STRUCTURE.finditer(source, start):
        char = found[0]
        if len(char) > 1:
            continue
        if in_class:
            in_class = char != "]"
            continue
        if char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield found.start(), char, depth


def _split_top(source: str) -> list[str]:
    """A pattern's top-level alternatives."""
    parts, start = [], 0
    for index, char, depth in _structure(source):
        if char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    return [*parts, source[start:]]


def _group_end(source: str, start: int) -> int:
    """Index of the bracket closing the group that opens at ``start``, or -1."""
    for index, char, depth in _structure(source, start):
        if char == ")" and depth == 0:
            return index
    return -1


def _leading_letters(source: str) -> str:
    """The letters a pattern fragment must start with (up to three); a letter made optional ends them."""
    letters = ""
    for index, char in enumerate(source):
        if not char.isalnum() or len(letters) == _PREFIX:
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
            inner = _starts(part[position + 3 : end], part_anchored) if end > 0 else None
            after = part[end + 1 : end + 3]
            if inner is not None and (after[:1] in ("?", "*") or after == "{0"):  # an optional group: or what follows
                rest = part[end + 2 :].lstrip("?")
                following = _starts(rest, part_anchored) if rest and not rest[0].isspace() else None
                inner = None if following is None else inner | following
            if inner is None:
                return None
            found |= inner
            continue
        letters = _leading_letters(part[position:])
        if not part_anchored or not letters:
            return None
        found.add(letters)
    return frozenset(found)


class _Rules:
    """A list of patterns, each compiled on first use and tried only on replies with a word it can start at.

    One big alternation costs every reply the time of every branch at every position; indexing the rules by the
    first letters of their first word keeps a reply's cost to the few rules that could match it.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.sources = [_expand(p) for p in patterns]
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self.sources)
        self.always: list[int] = []
        self.index: dict[str, list[int]] = {}
        for number, source in enumerate(self.sources):
            starts = _starts(source)
            if starts is None:
                if source.isascii():  # a rule in another script cannot match an ASCII reply
                    self.always.append(number)
            else:
                for start in starts:
                    self.index.setdefault(start, []).append(number)
        self.keys = frozenset(self.index)
        self.cache: dict[frozenset[str] | None, list[re.Pattern[str]]] = {}

    def chosen(self, beginnings: frozenset[str] | None) -> list[re.Pattern[str]]:
        """The rules a reply with these word beginnings could match, in order; remembered per set of beginnings."""
        key = None if beginnings is None else beginnings & self.keys
        rules = self.cache.get(key)
        if rules is None:
            if key is None:
                numbers: Iterable[int] = range(len(self.sources))
            else:
                found = set(self.always)
                for beginning in key:
                    found.update(self.index[beginning])
                numbers = sorted(found)
            rules = [self._compiled(number) for number in numbers]
            if len(self.cache) >= 4096:
                self.cache.clear()
            self.cache[key] = rules
        return rules

    def _compiled(self, number: int) -> re.Pattern[str]:
        rule = self.compiled[number]
        if rule is None:
            rule = self.compiled[number] = re.compile(self.sources[number])
        return rule

    def search(self, text: str, beginnings: frozenset[str] | None) -> re.Match[str] | None:
        for rule in self.chosen(beginnings):
            if found := rule.search(text):
                return found
        return None

    def mask(self, text: str, beginnings: frozenset[str] | None, replacement: str = " ~ ") -> str:
        for rule in self.chosen(beginnings):
            text = rule.sub(replacement, text)
        return text


def _beginnings(flat: str) -> frozenset[str] | None:
    """The first one to three letters of every word of an ASCII reply; None (try every rule) for other scripts."""
    if not flat.isascii():
        return None
    return frozenset(word[:length] for word in flat.split() for length in range(1, _PREFIX + 1))


def _canonical(folded: str) -> str:
    """The flat form: SMS spellings made canonical, clause breaks written ' | ', other symbols made spaces."""
    patterns = _patterns()
    text = folded.replace("'", "").replace("*", "")
    if patterns.spaced_hint.search(text):
        text = patterns.spaced.sub(_join_spaced, text)
    words: list[str] = []
    for word in patterns.words.findall(patterns.clause_marks.sub(" | ", text)):
        if word != "|":
            words.append(_canonical_word(word))
        elif words and words[-1] != "|":
            words.append(word)
    if words and words[-1] == "|":
        words.pop()
    return " ".join(words)


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
    """One word's canonical spelling: "pls" -> "please", "st0p" -> "stop", "STOPPP" -> "stop", "kiero" -> "quiero"."""
    canon = _phrase_data()["canon"]
    if word in canon["abbreviations"]:
        return canon["abbreviations"][word]
    patterns = _patterns()
    if patterns.leet_hint.search(word) and any("a" <= ch <= "z" for ch in word):
        spelt = "".join(canon["leet"].get(ch, ch) for ch in word)
        word = _target(spelt) or word
    return _target(word) or patterns.triples.sub(r"\1\1", word)


def _keyword(word: str, join_keywords: Iterable[str], *, question: bool = False) -> Classification | None:
    if word in _KEYWORDS["opt_out"]:
        if question:  # "stop?" asks what STOP does, or whether to send it
            return Classification("message", word, "review", review=True)
        return Classification("opt_out", word, "keyword", "brand" if word in _BRAND_KEYWORDS else "sender")
    if word in _KEYWORDS["opt_in"]:
        return Classification("opt_in", word, "keyword")
    for keyword in join_keywords:
        if word and normalize_text(keyword) == word:
            return Classification("opt_in", keyword, "keyword")
    if word in _KEYWORDS["help"]:
        return Classification("help", word, "keyword")
    if word in _CONFIRMATIONS:
        return Classification("message", word, "keyword")
    return None


def _courtesy_keyword(flat: str, join_keywords: Iterable[str]) -> Classification | None:
    """A keyword said with courtesy words only ("HELP pls", "START please", "stop thx", "VIP porfa")."""
    bare = " ".join(_patterns().courtesy.strip([word for word in flat.split() if word != "|"]))
    if not bare:
        return None
    return _keyword(bare.upper(), join_keywords)


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


def _symbols_only(text: str) -> Classification:
    """A reply with no letters or digits: a stop sign is a revocation, a thumbs-down is for review."""
    symbols = set(text.translate(_EMOJI_NOISE)) - {" ", "\n", "\t", "\r"}
    if opt_out := symbols & _EMOJI_OPT_OUT:
        return Classification("opt_out", min(opt_out), "phrase")
    if unclear := symbols & _EMOJI_REVIEW:
        return Classification("message", min(unclear), "review", review=True)
    return Classification("message")


def _mask_scope(marked: str, flat: str, beginnings: frozenset[str] | None) -> tuple[str, bool, bool]:
    """Clauses about something other than texts masked; whether any was, and whether texts are only welcomed."""
    patterns = _patterns()
    keep = patterns.keep.search(flat, beginnings) is not None
    if not keep and not patterns.other.search(flat, beginnings):
        return marked, False, False
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
    return len(patterns.markers.intersection(flat.split())) >= _phrase_data()["foreign"]["min_markers"]


def _plain(marked: str) -> str:
    return _SPACES.sub(" ", marked.replace("|", " ")).strip()


def _decide(marked: str, beginnings: frozenset[str] | None, *, scoped: bool) -> Classification | None:
    """Revocation, review, or None, on a reply whose traps, negations and other-scope clauses are masked."""
    patterns = _patterns()
    masked = _plain(marked)
    if found := patterns.brand.search(masked, beginnings):
        return Classification("opt_out", found[0], "phrase", "brand")
    if found := patterns.sender.search(masked, beginnings) or patterns.languages.search(masked, beginnings):
        return Classification("opt_out", found[0], "phrase")
    if verdict := _standalone_keyword(marked.split("|")):
        return _review(verdict.matched or "stop") if scoped else verdict
    if found := patterns.review.search(masked, beginnings):
        return _review(found[0])
    if word := patterns.watch.find(masked.split()):
        return _review(word)
    return None


def classify(text: str, *, join_keywords: Iterable[str] = ()) -> Classification:
    word = normalize_text(text)
    if verdict := _keyword(word, join_keywords, question=text.rstrip().endswith("?")):
        return verdict
    if not word:
        return _symbols_only(text)

    flat = _canonical(_fold(text))
    if flat.count(" ") < 6 and (verdict := _courtesy_keyword(flat, join_keywords)):
        return verdict

    patterns = _patterns()
    beginnings = _beginnings(flat)
    marked = patterns.traps.mask(flat, beginnings)
    marked = patterns.negation.mask(marked, beginnings)
    marked = patterns.scope_objects.mask(marked, beginnings)
    if verdict := _decide(marked, beginnings, scoped=False):
        # only a reply with a cue pays for the scope test: it can only turn a cue into something else, and a
        # revocation that names texts ("stop texting me") is about texts whatever else the reply mentions
        if verdict.action == "opt_out" and patterns.texts.search(
            verdict.matched or "", _beginnings(verdict.matched or "")
        ):
            return verdict
        scoped_marked, scoped, only_welcomed = _mask_scope(marked, flat, beginnings)
        if only_welcomed:  # "stop calling, texting is fine": unless it limits the texts too ("only text me at 9")
            found = patterns.review.search(_plain(scoped_marked), beginnings)
            return _review(found[0]) if found else Classification("message")
        if scoped_marked != marked:
            verdict = _decide(scoped_marked, beginnings, scoped=scoped) or Classification("message")
        return verdict
    if _other_language(text, flat):
        return _review(OTHER_LANGUAGE)
    return Classification("message")
