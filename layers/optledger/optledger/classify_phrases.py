"""How the reply detector reads a reply that is not a keyword: steps 2 to 5 of ``optledger.classify``.

Imported by ``classify`` on the first such reply, so that a cold start which only meets keywords never pays for it.
Its word lists and patterns are ``data/phrases.json``; ``reply_text`` makes the flat form they are written against,
``reply_rules`` tries each pattern only on replies it could match, ``reply_languages`` tells a reply in a language the
detector does not read, ``reply_review`` takes a second look at a reply left an ordinary message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Literal, NamedTuple

from optledger import reply_clauses as rc
from optledger.classify import _EMOJI_REVIEW, OTHER_LANGUAGE, Classification, Scope
from optledger.keyword_words import coded_word, forms_of_address, keyword_reply
from optledger.reply_clauses import PhraseWords, limit_named, praised, reply_asks, spam_not_said, threat, unthanked
from optledger.reply_languages import certainly_ordinary, known_words, other_language
from optledger.reply_review import second_look
from optledger.reply_rules import Beginnings, Memo, Rules, Starts, WordSet, phrase_data, reply_beginnings, starts_of
from optledger.reply_text import decided, fold, phrase_words, reading

Mood = Literal["", "playful", "delight"]


class _Patterns(NamedTuple):
    """The word lists and rule lists of ``data/phrases.json``, as ``read`` uses them."""

    standalone: frozenset[str]
    standalone_whole: frozenset[str]
    standalone_brand: frozenset[str]
    alone: PhraseWords  # a clause is a standalone phrase only if the reply has all its words
    courtesy: WordSet
    fillers: WordSet
    courteous: WordSet  # fillers and courtesy words: "Baja posta", "Cancelar pes" are as "STOP pls"
    address: WordSet  # words of address ("maje", "asere"): a stop word said to someone is still said alone
    brand: Rules
    other: Rules
    texts: Rules
    keep: Rules
    revocations: Rules
    clause_revocations: Rules
    clause_starts: Starts | None  # the words the clause rules start with; None: one starts anywhere
    languages: Rules
    lexicon: frozenset[str]
    masks: Rules
    review: Rules
    hedges: Rules
    partial: Rules
    limits: Rules
    not_addressee: Rules
    reported: Rules
    over: Rules
    channels: Rules
    review_replies: frozenset[str]
    review_fillers: WordSet
    review_reply_words: frozenset[str]
    watch: WordSet
    playful: frozenset[str]
    playful_signs: tuple[str, ...]
    exasperated: frozenset[str]
    delight: frozenset[str]
    delight_signs: tuple[str, ...]


@cache
def _patterns() -> _Patterns:
    """Compiled on first use, not at import: keywords (most replies) never need them, and a cold start stays cheap."""
    data = phrase_data()
    scope = data["scope"]
    courtesy = phrase_words(data["courtesy"])
    return _Patterns(
        standalone=phrase_words(data["standalone_opt_out"]),
        standalone_whole=phrase_words(data["standalone_opt_out_whole_reply"]),
        standalone_brand=phrase_words(data["brand_scope_keywords"]),
        alone=PhraseWords(phrase_words([*data["standalone_opt_out"], *data["standalone_opt_out_whole_reply"]])),
        courtesy=WordSet(courtesy),
        fillers=WordSet(fillers := phrase_words(data["fillers"])),
        courteous=WordSet([*fillers, *courtesy - {"me"}]),  # "stop texting me" is no STOP
        address=forms_of_address(),
        brand=Rules(data["phrases"]["brand"]),
        # a clause rule ends its clause: at the end of the reply it is a rule like the others (the first is one)
        revocations=Rules([*data["phrases"]["sender"], *data["phrases"]["clause"][1:]]),
        clause_revocations=Rules(data["phrases"]["clause"]),
        clause_starts=None if (starts := starts_of(data["phrases"]["clause"])) is None else Starts(starts),
        languages=Rules([pattern for patterns in data["languages"].values() for pattern in patterns]),
        lexicon=known_words() | {"|"},
        masks=Rules([*data["traps"], *data["negation"], *scope["objects"]]),  # masked alike: one index, fewer calls
        other=Rules(scope["other"]),
        texts=Rules(scope["texts"]),
        keep=Rules(scope["keep"]),
        review=Rules(data["review"]),
        hedges=Rules(data["hedges"]),
        partial=Rules(data["partial"]),
        limits=Rules([*data["partial"], *data["partial_times"]]),  # what limits a revocation: kinds and times
        not_addressee=Rules(data["not_addressee"]),
        reported=Rules(data["reported"]),
        over=Rules(data["over"]),
        channels=Rules(scope["channels"]),
        review_replies=phrase_words(data["review_replies"]),
        review_fillers=WordSet(phrase_words(data["review_fillers"])),
        review_reply_words=frozenset(" ".join(phrase_words(data["review_replies"] + data["review_fillers"])).split()),
        watch=WordSet(data["watch_words"]),
        playful=frozenset(word for word in data["playful"] if word.isascii()),
        playful_signs=tuple(sign for sign in data["playful"] if not sign.isascii()),
        exasperated=frozenset(data["exasperated"]),
        delight=frozenset(word for word in data["delight"] if word.isascii()),
        delight_signs=tuple(sign for sign in data["delight"] if not sign.isascii()),
    )


_TEXTS_NAMED = rc.TEXTS_NAMED
_TEXT_WORD = re.compile(r"\b(?:text|txt|sms|messag|msg|mesag|mensaje|texto|spamm|these|those|them)")
_REFUSED_TEXTS = re.compile(
    r"\b(?:no|not|dont|never|nunca|stop|no more)\b(?:\s+\w+){0,4}?\s+"
    r"(?:te?xt\w*|txt\w*|sms|messag\w*|msgs?|mensaje\w*)\b"
)
# a question of its own, or a request asked ("Can you not text this number anymore? It's my work phone")
_ASKED_HOW = re.compile(  # "¿Me podéis quitar de los SMS? Gracias": the question is the request
    r"(?:how|what|whom?|where|can i|could i|(?:can|could|would|will) (?:you|u)|como|donde|que|me pod\w*|me pued\w*)\b"
)
_SPAM = re.compile(r"\bspam\w*")
_CALLS = re.compile(
    r"\b(?:call\w*|llama(?:das?|r))\b(?! (?:\w+ )?(?:attorney|ag|police|cops|bbb|f[ct]c|state|board|carrier|phone))"
)
_REFUSAL_WORDS = frozenset({"no", "not", "dont", "never", "nunca", "stop", "more"})  # what _REFUSED_TEXTS starts at
_NEGATED_OR_WELCOME = re.compile(r"\b(?:dont|never|not|no|cant|nunca|still|like|love|enjoy|keep|sigan|seguir)\b")
_MARKETING = re.compile(r"\b(?:promo\w*|ads|offers|deals|ofertas|promocion\w*|marketing|publicidad)\b")
_REVIEW_REPLY_WORDS = 8  # a whole reply that is only an unclear cue is short
_PLAYFUL_WORDS = 4  # "STOP lol" is still a STOP: delight needs words of its own
_BESIDE_WORDS = 5  # a reply that welcomes texts beside a revocation cue is longer than the cue alone
_COURTESY_KEYWORD_WORDS = 26  # "Muy buenas tardes. Cancelar, por favor. Que Dios los bendiga. Sra. Vidal"
_BRAND_WORDS = Starts(frozenset({"all ", "eve"}))  # every brand-scope phrase says "all", "every" or "everything"
LAST_MASKED = [("", "")]  # the flat form last read and its masked form
_MESSAGE = Classification("message")  # frozen: one for every ordinary message, not one built a reply
_CLEARED = Classification("message")  # the same, where the rules read a cue as something else: reply_reader leaves it
UNDECIDED = _TEXTS_REFUSED, _TEXTS_BESIDE_MASKED_CUE, _CLOSING = "texts refused", "texts beside a masked cue", "closing"


def _bare(clause: str) -> str:
    """The clause without courtesy and filler words, repeats of one word collapsed ("stop stop stop"); a standalone
    phrase keeps a courtesy word of its own ("me doy de baja")."""
    bare = (patterns := _patterns()).fillers.said(words := clause.split())
    return bare if bare in patterns.standalone or bare in patterns.standalone_whole else patterns.courteous.said(words)


def _unaddressed(bare: str) -> str:
    """A bare clause without the words of address it holds ("baja maje": "baja"; "maje" alone: nothing)."""
    kept = _patterns().address.strip(words := bare.split())
    return bare if kept is words else _patterns().fillers.said(kept)


def _standalone_keyword(
    clauses: list[str], beginnings: Beginnings | None, asks: str = "", mood: Callable[[], Mood] = lambda: ""
) -> Classification | None:
    """A revocation word that makes up a clause on its own, give or take courtesy words ("Stop. Thank you").

    Words with everyday meanings (CANCEL, END, REMOVE...) count only when no clause says anything else; before a
    question ("Cancel. How much is a large pizza?") such a word is queued, like a lone STOP before one.
    """
    patterns = _patterns()
    weak: str | None = None
    others = []  # the clauses that say something else: read for a wrong person only if a weak word is found
    for raw in clauses:
        clause = raw.strip()
        if (bare := _bare(clause)) and bare not in patterns.standalone and bare not in patterns.standalone_whole:
            bare = _unaddressed(bare)  # "Baja maje", "cancela ya, maje": words of address, as after STOP
            if not patterns.exasperated.isdisjoint(clause.split()):  # "stop already haha": a STOP insisted on
                bare = " ".join(word for word in bare.split() if word not in patterns.playful)
        if not bare:
            continue
        if bare not in patterns.standalone and bare not in patterns.standalone_whole:
            others.append(bare)
        elif patterns.not_addressee.search(bare, beginnings):  # "This is not Maria. Wrong number. Remove."
            continue
        elif bare in patterns.standalone:
            scope: Scope = "brand" if bare in patterns.standalone_brand else "sender"
            return Classification("opt_out", clause, "phrase", scope)
        else:
            weak = weak or clause
    only_weak = weak is not None and all(patterns.not_addressee.search(bare, beginnings) for bare in others)
    # "Cancel. How much is a large pizza?", "Remove. I was asleep.": queued (not "Cancel - Tuesday": what is cancelled)
    opens = weak is not None and clauses[0].strip() == weak and not weak.startswith("cancel")
    if not weak or only_weak:
        return Classification("opt_out", weak, "phrase") if weak else None
    if rc.weak_done(w := _bare(weak.strip()), others, [c for r in clauses if (c := r.strip()) and c != weak], asks):
        return Classification("opt_out", weak, "phrase")
    if (asks and _bare(clauses[-1].strip()) != w) or opens:
        return _review(weak.strip())
    # "Hope you're having a nice day. Cancel, please.": closing the reply, queued; after praise or thanks, honoured
    closes = " " not in w and [b for c in clauses if (b := _bare(c.strip()))][-1] == w
    if not closes:
        return None
    return Classification("opt_out", weak, "phrase") if mood() == "delight" else _review(_CLOSING)


def _mask_scope(marked: str, flat: str, beginnings: Beginnings | None) -> tuple[str, bool, bool]:
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


_review = Memo(lambda found: Classification("message", found, "review", review=True), 4096).__getitem__
_PHRASES = Memo(lambda found: Classification("opt_out", found, "phrase"), 4096)  # frozen: one a wording, ~0.6 us


def _plain(marked: str) -> str:
    if "|" not in marked and "~" not in marked:
        return marked  # the flat form has single spaces already
    return " ".join(marked.replace("|", " ").split())


def _decide(
    marked: str,
    beginnings: Beginnings | None,
    *,
    scoped: bool,
    mood: Callable[[], Mood] = lambda: "",
    asks: str = "",
    foreign: bool = True,
) -> Classification | None:
    """Revocation, review, or None, on a reply whose traps, negations and other-scope clauses are masked.

    ``foreign``: the reply has a word that is neither English nor Spanish, or another script; only then are the stop
    requests of other languages looked for (their first words, "me", "pa", "ne", "par", often start English ones).
    """
    patterns = _patterns()
    masked = _plain(marked)
    if (beginnings is None or _BRAND_WORDS.any_in(beginnings)) and (found := patterns.brand.search(masked, beginnings)):
        return Classification("opt_out", found[0], "phrase", "brand")
    found = patterns.revocations.search(masked, beginnings)
    # "no texts please, email only": a clause rule ending an inner clause (each starts with one of a few words)
    if (
        found is None
        and "|" in marked
        and (beginnings is None or patterns.clause_starts is None or patterns.clause_starts.any_in(beginnings))
    ):
        found = patterns.clause_revocations.search(marked, beginnings)
    if found is None and foreign:
        found = patterns.languages.search(masked, beginnings)
    if found:
        # "maybe I should unsubscribe", "did I get unsubscribed?": a thought or a question, not a request
        if found.start() and (hedge := patterns.hedges.search(masked, beginnings)):
            return _review(hedge[0])
        # "UNSUBSCRIBE. Also what's my account number?": a lone keyword before a question ("How do I get off?": asked)
        if asks and not _ASKED_HOW.match(found[0]) and _before_question(marked, found[0], asks):
            return _review(found[0])
        return _PHRASES[found[0]]
    words = masked.split()
    if patterns.alone.any_in(words) and (verdict := _standalone_keyword(marked.split("|"), beginnings, asks, mood)):
        # "Stop!! Is this about my account?": a STOP before a question may be an exclamation ("Who is this? STOP": no)
        clauses, stop = [c.strip() for c in marked.split("|") if c.strip()], (verdict.matched or "").strip()
        # "Loved the festival, thank you. Estop.": a STOP closing praise in a clause of its own is no exclamation
        closing = len(said := [c for c in clauses if _bare(c)]) > 1 and said[-1] == stop
        # "¿baja?": a lone stop word asked, like a lone keyword asked; else a STOP before a question
        asked = asks and (clauses[-1] != stop or len(clauses) == 1) and rc.question_follows(asks, marked, stop)
        # "wow 4 texts today, love that for me. stop.": laughter about the texts, and STOP last, is no joke
        joking = (feeling := mood()) == "playful" and not (clauses[-1] == stop and _TEXTS_NAMED.search(masked))
        # "STOP ALREADY omg": a STOP insisted on is no joke, whatever laughter or pause is beside it
        if feeling and not patterns.exasperated.isdisjoint(words):
            joking, feeling = False, ""
        if (scoped and feeling != "delight") or asked or joking or (feeling and len(words) < _PLAYFUL_WORDS):
            if feeling == "delight" and (not scoped if closing else asked):  # "STOP, new kayaks?? So excited"
                return verdict if closing else _MESSAGE
            return _review(verdict.matched or "stop")
        if hedge := patterns.hedges.search(masked, beginnings):  # 'sorry that "stop" was meant for someone else'
            return _review(hedge[0])
        # "Stop, I'm crying, this coupon is perfect": a lone STOP in delight, with words enough to say so
        delighted = feeling == "delight" and not closing and not rc.pleased(stop, clauses)
        return _MESSAGE if delighted else verdict
    if (
        len(words) <= _REVIEW_REPLY_WORDS
        and patterns.review_reply_words.issuperset(words)  # most replies have a word of neither list: no strip
        and (bare := " ".join(patterns.review_fillers.strip(words))) in patterns.review_replies
    ):
        return _review(bare)
    if found := patterns.review.search(masked, beginnings):
        return _review(found[0])
    # "I moved", "we sold the car": unclear alone, but beside a request about something else it explains that request
    if "~" not in marked and (found := patterns.over.search(masked, beginnings)):
        return _review(found[0])
    if word := patterns.watch.find(words):
        # "STOP I just saw the lineup, I'm screaming": a STOP opening delight that names no texts is an exclamation
        if word == "stop" and words[0] == "stop" and mood() == "delight":
            return None
        return _review(word)
    return None


def _before_question(marked: str, found: str, text: str) -> bool:
    """The match is a whole clause of its own, give or take courtesy words, and a question follows it."""
    clauses = [clause for clause in marked.split("|") if clause.strip()]
    return any(_bare(clause.strip()) == found for clause in clauses[:-1]) and rc.question_follows(text, marked, found)


def _mood(words: list[str], text: str, flat: str) -> Mood:
    """Delight that names no texts ("that's amazing"), laughter or a pause ("lol", "wait"), or neither."""
    patterns = _patterns()
    emoji = not text.isascii() and len(words) > 1  # a lone word with emoji is a keyword with emoji ("baja ❤️")
    signs = emoji and any(sign in text for sign in patterns.delight_signs)
    # praise of a thing is delight too ("STOP, qué nítido quedó el aro"); thanks for an awesome week is none
    said = words if (kept := unthanked(flat)) == flat else kept.split()
    if (not patterns.delight.isdisjoint(said) or praised(kept) or signs) and not _TEXTS_NAMED.search(flat):
        return "delight"
    if not patterns.playful.isdisjoint(words) or (emoji and any(sign in text for sign in patterns.playful_signs)):
        return "playful"
    return ""


def read(text: str, join_keywords: Iterable[str]) -> Classification:
    """Steps 2 to 5 of ``optledger.classify`` on a reply that is not a keyword (the rules alone: see reply_reader)."""
    return decided(text, reading(fold(text)), lambda flat: _read_flat(text, flat, join_keywords))


def _read_flat(text: str, flat: str, join_keywords: Iterable[str]) -> Classification:
    verdict = _read_words(text, flat, join_keywords)
    # "STOP REFILL": a code in capitals beside a stop word, the only word the rules read
    if verdict.review and flat.count(" ") == 1 and verdict.matched == (words := flat.split())[0]:
        return coded_word(words, text, join_keywords) or verdict
    return verdict


def _read_words(text: str, flat: str, join_keywords: Iterable[str]) -> Classification:
    words = flat.split()
    patterns = _patterns()
    unknown = not patterns.lexicon.issuperset(words)
    if len(words) < _COURTESY_KEYWORD_WORDS and (said := keyword_reply(words, flat, text, join_keywords, unknown)):
        # "Help - Jim", "Start. Thanks, Bill": a keyword signed off is read without its sign-off
        return said if isinstance(said, Classification) else _read_flat(text, said, join_keywords)

    beginnings = reply_beginnings(flat, words)
    marked = patterns.masks.mask(flat, beginnings)
    LAST_MASKED[0] = flat, marked  # what the learned second opinion reads next, masked once

    # a lone "stop" beside laughter may be a joke ("STOP!! lol"): queued, not honoured; in delight, not a revocation
    def mood() -> Mood:
        found = _mood(words, text, flat) if "|" in words or len(words) < _PLAYFUL_WORDS else ""
        if found:  # a farewell is courtesy, not delight: "Stop. Have a great day" is a STOP
            found = _mood(patterns.courtesy.strip(words), text, flat)
        return found

    asks = text if reply_asks(text, flat) else ""  # "¿" opens a question too, a question tag alone none
    foreign = unknown or not text.isascii()
    if verdict := _decide(marked, beginnings, scoped=False, mood=mood, asks=asks, foreign=foreign):
        # "I said STOP to the other company, keep sending the alerts": told, not asked (the rarer words searched first)
        if patterns.reported.search(flat, beginnings) and patterns.keep.search(flat, beginnings):
            return _message(flat, beginnings)
        # "stop texting me at 6am", "stop the promos but keep my reminders": a limit on the texts, which a person reads
        limits = patterns.limits, patterns.partial, patterns.revocations
        if limit := limit_named(flat, verdict.matched or "", verdict.action == "opt_out", limits, beginnings):
            return _review(limit)
        # "is one of them spam?", "¿eso es spam?": spam asked about, not said; or the meat named ("my own Spam")
        if verdict.action == "opt_out" and _SPAM.search(verdict.matched or "") and spam_not_said(text, bool(asks)):
            # unless the reply refuses the texts besides ("esto es spam?? no me escriban")
            again = _decide(_SPAM.sub("~", marked), beginnings, scoped=False, mood=mood, asks=asks, foreign=foreign)
            return again if again and again.action == "opt_out" and not again.review else _message(flat, beginnings)
        if (  # "add me to your do not call list": a request about calls alone, which a person reads
            verdict.action == "opt_out"
            and ("call" in (matched := verdict.matched or "") or "llam" in matched)
            and _CALLS.search(matched)
            and _CALLS.search(flat)  # not "I'm calling my carrier", a threat
            and not _TEXTS_NAMED.search(flat)
        ):
            return _review(verdict.matched or "")
        # "I'm no longer a member at that gym": a relationship over, said alone, names the business it was with
        if verdict.review and "|" not in flat and "~" not in marked and patterns.over.search(flat, beginnings):
            return verdict
        # a revocation naming texts is about texts whatever else is named; a STOP in delight praises what it names
        if verdict is _MESSAGE or (verdict.action == "opt_out" and _TEXT_WORD.search(verdict.matched or "")):
            return _CLEARED if verdict is _MESSAGE else verdict
        scoped_marked, scoped, only_welcomed = _mask_scope(marked, flat, beginnings)
        if only_welcomed:  # "stop calling, texting is fine": unless it limits the texts too ("only text me at 9")
            found = patterns.review.search(_plain(scoped_marked), beginnings)
            return _review(found[0]) if found else _message(flat, beginnings, welcomed=True)
        if scoped_marked != marked:
            rescoped = _decide(scoped_marked, beginnings, scoped=scoped, mood=mood, asks=asks, foreign=foreign)
            # "I'm just the grandma, I don't know this appointment": a review phrase beside other business is no rule's
            if not rescoped and verdict.review and " " in (verdict.matched or ""):
                return _no_cue(text, flat, marked, beginnings, known=not unknown)
            verdict = rescoped or _unscoped(verdict, flat, beginnings)
        elif (
            verdict.action == "opt_out"
            and len(words) > _BESIDE_WORDS
            and (found := patterns.keep.search(flat, beginnings))
            and not threat(verdict.matched or "")  # "Keep sending shift offers and I'm reporting you"
        ):
            return _review(found[0])  # "I said STOP to the other company, keep sending": a cue beside texts welcomed
        return _CLEARED if verdict is _MESSAGE else verdict
    if (
        ("~" in marked or not _REFUSAL_WORDS.isdisjoint(words))
        and "?" not in text
        and _TEXTS_NAMED.search(marked)
        and not patterns.keep.search(flat, beginnings)
    ):
        # "No autorizo que me manden mensajes": a refusal before texts in one clause, no rule says what it is
        if any(_REFUSED_TEXTS.search(clause) for clause in marked.split("|")):
            return _review(_TEXTS_REFUSED)
        # "Stop the shipping update texts": a cue read as being about something else, yet texts are its object
        if not _NEGATED_OR_WELCOME.search(flat) and any("~" in c and _TEXTS_NAMED.search(c) for c in marked.split("|")):
            return _review(_TEXTS_BESIDE_MASKED_CUE)
    return _no_cue(text, flat, marked, beginnings, known=not unknown)


def _message(flat: str, beginnings: Beginnings | None, *, welcomed: bool = False) -> Classification:
    """An ordinary message the rules decided, unless ``reply_review`` finds an unclear reply with no revocation word."""
    found = second_look(flat, beginnings, welcomed=welcomed)
    return _review(found) if found else _CLEARED


def _no_cue(text: str, flat: str, marked: str, beginnings: Beginnings | None, known: bool) -> Classification:
    """A reply with no cue: an ordinary message, unless it is in a language the detector does not read."""
    if other_language(text, flat, known) and not certainly_ordinary(marked):
        return _review(OTHER_LANGUAGE)
    if not text.isascii() and (unclear := _EMOJI_REVIEW.intersection(text)):
        return _review(min(unclear))  # "otra vez?? 🙄"
    return _MESSAGE if (found := _message(flat, beginnings)) is _CLEARED else found  # no cue: reopenable


def _unscoped(verdict: Classification, flat: str, beginnings: Beginnings | None) -> Classification:
    """A revocation whose clause was about something else: queued when it named marketing texts ("stop the promos
    but keep appointment reminders"), or when it was about calls alone; otherwise an ordinary message."""
    if verdict.action != "opt_out":
        return _message(flat, beginnings)
    if _MARKETING.search(verdict.matched or ""):
        return _review(verdict.matched or "")
    return _channel(flat, beginnings)


def _channel(flat: str, beginnings: Beginnings | None) -> Classification:
    """A request about calls alone ("stop calling me") may mean all contact: queued, unless texts are welcome."""
    if found := _patterns().channels.search(flat, beginnings):
        return _review(found[0])
    return _message(flat, beginnings)
