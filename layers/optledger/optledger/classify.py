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
from functools import cache
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


_DATA = json.loads((Path(__file__).parent / "data" / "keywords.json").read_text(encoding="utf-8"))

_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(.)\1+")
_MACRO = re.compile(r"\{(\w+)\}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "đ": "d", "Đ": "d", "#": " number "})
_DELETED = str.maketrans("", "", "'*")
_EMOJI_NOISE = str.maketrans("", "", "\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
OTHER_LANGUAGE = "other-language"


def _fold(text: str) -> str:
    """Lower case without accents on Latin letters; quotes unified; other scripts kept as written (Hangul recomposed)."""
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
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _SPACES.sub(" ", plain).strip()
    start, end = 0, len(plain)
    while start < end and not plain[start].isalnum():
        start += 1
    while end > start and not plain[end - 1].isalnum():
        end -= 1
    return plain[start:end].upper()


def _expand(pattern: str) -> str:
    vocab = _DATA["vocab"]
    for _ in range(3):  # vocabulary entries may name others
        pattern = _MACRO.sub(lambda m: vocab.get(m[1], m[0]), pattern)
    return pattern


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_expand(p)})" for p in patterns))


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
    courtesy: re.Pattern[str]
    fillers: re.Pattern[str]
    abbreviations: re.Pattern[str]
    targets: re.Pattern[str]
    leet: re.Pattern[str]
    spaced: re.Pattern[str]
    brand: re.Pattern[str]
    sender: re.Pattern[str]
    traps: re.Pattern[str]
    negation: re.Pattern[str]
    scope_objects: re.Pattern[str]
    other: re.Pattern[str]
    texts: re.Pattern[str]
    keep: re.Pattern[str]
    languages: re.Pattern[str]
    review: re.Pattern[str]
    watch: re.Pattern[str]
    markers: frozenset[str]


def _word_union(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


def _target_pattern(targets: Iterable[str]) -> re.Pattern[str]:
    """Each target word with any letter repeated ("stooop", "stopp"); a letter the word doubles must stay doubled."""
    branches = []
    for index, word in enumerate(targets):
        runs = "".join(f"{m[1]}{{{len(m[0])},}}" if len(m[0]) > 1 else f"{m[1]}+" for m in re.finditer(r"(.)\1*", word))
        branches.append(f"(?P<t{index}>{runs})")
    return re.compile(r"\b(?:" + "|".join(branches) + r")\b")


@cache
def _patterns() -> _Patterns:
    """Compiled on first use, not at import: keywords (most replies) never need them, and a cold start stays cheap."""
    canon = _DATA["canon"]
    scope = _DATA["scope"]
    return _Patterns(
        standalone=_words(_DATA["standalone_opt_out"]),
        standalone_whole=_words(_DATA["standalone_opt_out_whole_reply"]),
        standalone_brand=_words(_DATA["brand_scope_keywords"]),
        courtesy=_word_union(_words(_DATA["courtesy"])),
        fillers=_word_union(_words(_DATA["fillers"])),
        abbreviations=_word_union(canon["abbreviations"]),
        targets=_target_pattern(canon["targets"]),
        leet=re.compile(r"(?<![\w@$])[\w@$]*[0-9@$][\w@$]*"),
        spaced=re.compile(r"(?<!\w)(?:[a-z][ .\-_*]+){2,}[a-z](?!\w)"),
        brand=_union(_DATA["phrases"]["brand"]),
        sender=_union(_DATA["phrases"]["sender"]),
        traps=_union(_DATA["traps"]),
        negation=_union(_DATA["negation"]),
        scope_objects=_union(scope["objects"]),
        other=_union([scope["other"]]),
        texts=_union([scope["texts"]]),
        keep=_union([scope["keep"]]),
        languages=_union(p for patterns in _DATA["languages"].values() for p in patterns),
        review=_union(_DATA["review"]),
        watch=_union(rf"\b{re.escape(w)}\b" for w in _DATA["watch_words"]),
        markers=frozenset(_DATA["foreign"]["markers"]),
    )


# Letters of scripts the detector does not read: Greek to Ethiopic, Hangul Jamo, CJK, kana, Hangul syllables.
# Latin (with Vietnamese's extended block), digits, punctuation, symbols and emoji are not in it.
_OTHER_SCRIPT = re.compile("[\u0370-\u1dff\u2c00-\u2dff\u3040-\u9fff\ua000-\ud7ff\uf900-\ufaff\uff66-\uffdc]")
# Latin letters with marks Spanish does not use (ã, ç, è, ơ, đ, ...): French, Portuguese, Vietnamese, Creole.
_OTHER_LATIN = re.compile("(?![áéíóúñüÁÉÍÓÚÑÜ])[À-ÖØ-öø-ɏḀ-ỿ]")
_CLAUSE_MARKS = re.compile(r"[.!?;:,\n\r…¿¡()\[\]\"]+|\s[-–—]+\s")
_NOT_FLAT = re.compile(r"[^\w#&|]+")
_BARS = re.compile(r"(?:\s*\|\s*)+")
_TRIPLES = re.compile(r"([a-z])\1{2,}")


def _canonical(folded: str) -> str:
    """The flat form: SMS spellings made canonical, clause breaks written ' | ', other symbols made spaces."""
    patterns = _patterns()
    abbreviations = _DATA["canon"]["abbreviations"]
    leet = _DATA["canon"]["leet"]
    targets = _DATA["canon"]["targets"]
    text = folded.translate(_DELETED)

    def spaced(match: re.Match[str]) -> str:
        joined = re.sub(r"[ .\-_*]+", "", match[0])
        return joined if patterns.targets.fullmatch(joined) else match[0]

    def digits_for_letters(match: re.Match[str]) -> str:
        token = match[0]
        if not any("a" <= ch <= "z" for ch in token):
            return token
        word = "".join(leet.get(ch, ch) for ch in token)
        return word if patterns.targets.fullmatch(word) else token

    text = patterns.spaced.sub(spaced, text)
    if any(ch.isdigit() or ch in "@$" for ch in text):
        text = patterns.leet.sub(digits_for_letters, text)
    text = _CLAUSE_MARKS.sub(" | ", text)
    text = _NOT_FLAT.sub(" ", text)
    text = _TRIPLES.sub(r"\1\1", text)
    text = patterns.targets.sub(lambda m: targets[int(m.lastgroup[1:])], text)  # type: ignore[index]
    text = patterns.abbreviations.sub(lambda m: abbreviations[m[0]], text)
    return _BARS.sub(" | ", f" {text} ").strip(" |")


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
    bare = _SPACES.sub(" ", _patterns().courtesy.sub(" ", flat.replace("|", " "))).strip()
    if not bare:
        return None
    return _keyword(bare.upper(), join_keywords)


def _bare(clause: str) -> str:
    """The clause without courtesy and filler words, repeats of one word collapsed ("stop stop stop")."""
    words = _patterns().fillers.sub(" ", _squeeze(clause)).split()
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
        if bare in patterns.standalone or _squeeze(clause) in patterns.standalone:
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


def _mask_scope(marked: str, flat: str) -> tuple[str, bool, bool]:
    """Clauses about something other than texts masked; whether any was, and whether texts are only welcomed."""
    patterns = _patterns()
    keep = patterns.keep.search(flat) is not None
    named = patterns.texts.search(patterns.keep.sub(" ", patterns.other.sub(" ", flat))) is not None
    scoped = False
    if keep or not named:
        clauses = marked.split("|")
        for index, clause in enumerate(clauses):
            if patterns.other.search(clause) and not patterns.texts.search(patterns.other.sub(" ", clause)):
                clauses[index] = " ~ "
                scoped = True
        marked = "|".join(clauses)
    return marked, scoped, keep and not named


def _review(found: str) -> Classification:
    return Classification("message", found, "review", review=True)


def _other_language(text: str, flat: str) -> bool:
    if _OTHER_SCRIPT.search(text) or _OTHER_LATIN.search(text):
        return True
    markers = _patterns().markers
    return len({word for word in flat.split() if word in markers}) >= _DATA["foreign"]["min_markers"]


def classify(text: str, *, join_keywords: Iterable[str] = ()) -> Classification:
    word = normalize_text(text)
    if verdict := _keyword(word, join_keywords, question=text.rstrip().endswith("?")):
        return verdict
    if not word:
        return _symbols_only(text)

    flat = _canonical(_fold(text))
    if verdict := _courtesy_keyword(flat, join_keywords):
        return verdict

    patterns = _patterns()
    marked = patterns.traps.sub(" ~ ", flat)
    marked = patterns.negation.sub(" ~ ", marked)
    marked = patterns.scope_objects.sub(" ~ ", marked)
    marked, scoped, only_welcomed = _mask_scope(marked, flat)
    if only_welcomed:  # "stop calling, texting is fine": unless it limits the texts too ("only text me on weekdays")
        found = patterns.review.search(_SPACES.sub(" ", marked.replace("|", " ")).strip())
        return _review(found[0]) if found else Classification("message")
    masked = _SPACES.sub(" ", marked.replace("|", " ")).strip()
    if found := patterns.brand.search(masked):
        return Classification("opt_out", found[0], "phrase", "brand")
    if found := patterns.sender.search(masked):
        return Classification("opt_out", found[0], "phrase")
    if found := patterns.languages.search(masked):
        return Classification("opt_out", found[0], "phrase")
    if verdict := _standalone_keyword(marked.split("|")):
        return _review(verdict.matched or "stop") if scoped else verdict
    if found := patterns.review.search(masked) or patterns.watch.search(masked):
        return _review(found[0])
    if _other_language(text, flat):
        return _review(OTHER_LANGUAGE)
    return Classification("message")
