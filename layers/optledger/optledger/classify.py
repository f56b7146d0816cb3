"""Classification of inbound message text into opt-out, opt-in, help or an ordinary message.

The standard is FCC 24-24 (47 CFR 64.1200(a)(10)): STOP, QUIT, END, REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE revoke
consent per se, and any other wording revokes it when a reasonable person would read it as a wish to receive no more
texts. A sender has ten business days to honour a revocation, which leaves time for a person to read the replies that
a program cannot decide. Every word list is data (``data/keywords.json``); this module only says how they are used.

Order of decision, first match wins:

1. ``keyword`` - the whole reply, after trimming whitespace, case, accents and surrounding punctuation or emoji, is a
   keyword of DESIGN section 1. Opt-out keywords come first; ``STOPALL``/``STOP ALL`` have brand scope. Opt-in
   keywords are ``START, UNSTOP, YES`` and the campaign's join keywords (``matched`` is then the join keyword as the
   campaign spells it). ``Y`` is an opt-in keyword too: it is the short ``YES`` that double opt-in accepts, and a
   reply of one letter has no other reading. Opt-in is strict on purpose: "yes please" or "UNSTOP please" are
   messages, because recording consent nobody gave is the costly mistake on that side. ``AYUDA`` is help in Spanish.
2. ``phrase`` - other wording a reasonable person reads as revocation, found on a normalised form of the reply after
   masking trap patterns ("stop by", "can't stop laughing", "stop sign", "stop the delivery", "don't cancel"...):
   requests to stop or no longer receive texts, to remove a number from a list, "unsubscribe"/"opt out"/"revoke"
   anywhere, typos of STOP ("stpo", "STOPPP"), Spanish ("alto", "baja", "no me envíen más mensajes"), a keyword in a
   clause of its own ("Stop. Thank you", "wrong number, stop"), hostile dismissals ("leave me alone", "go away") and
   a reply made only of stop-sign emoji. Decisions taken here:
   - "wrong number" is an opt-out: whoever answers never consented, and further texts to them have no consent at all.
   - "spam", "reported as spam", "I'm blocking this number" are opt-outs: they say the texts are unwanted.
   - "how do I unsubscribe?" is an opt-out: asking how to revoke is wanting to revoke.
   - CANCEL, END and REMOVE (and Spanish "cancelar", "para", "fin") have everyday meanings, so they revoke in a
     clause only when the whole reply is nothing else ("Cancel please"); "cancel my appointment" is a message.
   - Brand scope also comes from phrases that name everything ("unsubscribe from all", "stop all texts").
3. ``review`` - replies that may be a revocation but whose meaning depends on the conversation: "no", "not
   interested", "no thanks", "how did you get my number?", "I never signed up", "too many texts", partial requests
   ("don't text after 9pm", "only text me about appointments", "email me instead"), "cancel my subscription" (the
   subscription may be the product), "pause", "this isn't Maria", a thumbs-down, and any remaining "stop" that no
   rule explained. They are recorded as ``message`` with ``review=True``, ``detected_by="review"`` and ``matched`` set
   to the suspicious words, for a person to decide in time. "who is this?" is an ordinary question, not a review.
4. Anything else is an ordinary ``message``.
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
_NOT_FLAT = re.compile(r"[^a-z0-9#&]+")
_CLAUSE_BREAK = re.compile(r"[^\w\s'*&#-]+|\s[-–—]+\s")
_REPEATS = re.compile(r"(.)\1+")
_MACRO = re.compile(r"\{(\w+)\}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DELETED = str.maketrans("", "", "'*")
_EMOJI_NOISE = str.maketrans("", "", "\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


def _fold(text: str) -> str:
    """Lower case without accents; quotes unified."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text.casefold()


def _flatten(folded: str) -> str:
    return _NOT_FLAT.sub(" ", folded.translate(_DELETED)).strip()


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


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    vocab = _DATA["vocab"]
    expanded = (_MACRO.sub(lambda m: vocab.get(m[1], m[0]), p) for p in patterns)
    return re.compile("|".join(f"(?:{p})" for p in expanded))


def _words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_squeeze(_flatten(_fold(w))) for w in words)


_KEYWORDS = {action: frozenset(normalize_text(k) for k in words) for action, words in _DATA["keywords"].items()}
_BRAND_KEYWORDS = frozenset(normalize_text(k) for k in _DATA["brand_scope_keywords"])
_STANDALONE = _words(_DATA["standalone_opt_out"])
_STANDALONE_WHOLE = _words(_DATA["standalone_opt_out_whole_reply"])
_STANDALONE_BRAND = _words(_DATA["brand_scope_keywords"])
_EMOJI_OPT_OUT = frozenset(_DATA["emoji"]["opt_out"])
_EMOJI_REVIEW = frozenset(_DATA["emoji"]["review"])


class _Patterns(NamedTuple):
    fillers: re.Pattern[str]
    brand: re.Pattern[str]
    sender: re.Pattern[str]
    traps: re.Pattern[str]
    review: re.Pattern[str]
    watch: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compiled on first use, not at import: keywords (most replies) never need them, and a cold start stays cheap."""
    fillers = sorted(map(re.escape, _words(_DATA["fillers"])), key=len, reverse=True)
    return _Patterns(
        fillers=re.compile(r"\b(?:" + "|".join(fillers) + r")\b"),
        brand=_union(_DATA["phrases"]["brand"]),
        sender=_union(_DATA["phrases"]["sender"]),
        traps=_union(_DATA["traps"]),
        review=_union(_DATA["review"]),
        watch=_union(rf"\b{re.escape(w)}\b" for w in _DATA["watch_words"]),
    )


def _bare(clause: str) -> str:
    """The clause without courtesy and filler words, repeats of one word collapsed ("stop stop stop")."""
    words = _patterns().fillers.sub(" ", _squeeze(clause)).split()
    if len(words) > 1 and len(set(words)) == 1:
        return words[0]
    return " ".join(words)


def _standalone_keyword(folded: str) -> Classification | None:
    """A revocation word that makes up a clause on its own, give or take courtesy words ("Stop. Thank you").

    Words with everyday meanings (CANCEL, END, REMOVE...) count only when no clause says anything else.
    """
    weak: str | None = None
    only_weak = True
    for raw in _CLAUSE_BREAK.split(folded):
        clause = _flatten(raw)
        bare = _bare(clause)
        if not bare:
            continue
        if bare in _STANDALONE or _squeeze(clause) in _STANDALONE:
            return Classification("opt_out", clause, "phrase", "brand" if bare in _STANDALONE_BRAND else "sender")
        if bare in _STANDALONE_WHOLE:
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


def classify(text: str, *, join_keywords: Iterable[str] = ()) -> Classification:
    word = normalize_text(text)
    if word in _KEYWORDS["opt_out"]:
        return Classification("opt_out", word, "keyword", "brand" if word in _BRAND_KEYWORDS else "sender")
    if word in _KEYWORDS["opt_in"]:
        return Classification("opt_in", word, "keyword")
    for keyword in join_keywords:
        if normalize_text(keyword) == word and word:
            return Classification("opt_in", keyword, "keyword")
    if word in _KEYWORDS["help"]:
        return Classification("help", word, "keyword")
    if not word:
        return _symbols_only(text)

    folded = _fold(text)
    flat = _flatten(folded)
    patterns = _patterns()
    masked = patterns.traps.sub(" ~ ", flat)
    if found := patterns.brand.search(masked):
        return Classification("opt_out", found[0], "phrase", "brand")
    if found := patterns.sender.search(masked):
        return Classification("opt_out", found[0], "phrase")
    if verdict := _standalone_keyword(folded):
        return verdict
    if found := patterns.review.search(flat) or patterns.watch.search(masked):
        return Classification("message", found[0], "review", review=True)
    return Classification("message")
