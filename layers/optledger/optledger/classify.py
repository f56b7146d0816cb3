"""Classification of inbound message text into opt-out, opt-in, help or an ordinary message, with a review flag.

The standard is FCC 24-24 (47 CFR 64.1200(a)(10)): STOP, QUIT, END, REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE revoke
consent per se, and any other wording revokes it when a reasonable person would read it as a wish to receive no more
texts. A sender has ten business days to honour a revocation, which leaves time for a person to read the replies that
a program cannot decide. Every word list and pattern is data (``data/keywords.json``, ``data/phrases.json``); this
module and ``classify_phrases`` (steps 2 to 5, imported on the first reply that is not a keyword, with
``reply_text``, ``reply_rules`` and ``reply_languages``) only say how they are used. Three outcomes always: a
revocation (``opt_out``), a reply queued for review (``message`` with ``review=True``), or an ordinary message;
keywords add ``opt_in`` and ``help``.

Order of decision, first match wins:

1. ``keyword`` - the whole reply, after trimming whitespace, case, accents and surrounding punctuation or emoji, and
   then again without courtesy words ("HELP pls", "START please", "stop thx"), is a keyword of DESIGN section 1.
   Opt-out keywords come first (``STOPALL`` has brand scope; a lone keyword asked as a question, "stop?", is queued).
   ``START``, ``UNSTOP`` and the campaign's join keywords opt in. ``YES`` and ``Y`` are ordinary messages whose
   ``matched`` names them: inbound.py alone decides whether they confirm a pending double opt-in.
2. The reply is normalised: accents, repeated letters ("STOPPP"), digits for letters ("st0p"), spaced letters
   ("s t o p"), SMS spellings in English and Spanish ("pls", "txt", "u", "xfa", "kiero", "q", "d", "msj"), slips of
   the thumb in a reply otherwise English or Spanish ("texing", "theese", "mandeen": ``reply_text``), and clause
   breaks kept. Then masked, clause by clause: traps ("stop by", "stop sign", a STOP quoted from the footer:
   "the text says reply STOP"), negations ("don't stop", "no dejen de", "replied STOP by mistake") and requests about
   something other than texts (emails, calls, paper, an order, an appointment, auto-renew, "opt out of the
   arbitration clause"), unless the reply names texts too.
   A reply that only says texts are welcome ("texts are fine") beside such a request is an ordinary message, and so
   is a STOP reported or sent by mistake beside texts welcomed ("I said STOP to the other company, keep sending").
3. ``phrase`` - intents, not sentences: a directive to stop or not send with texts as its object, "take/remove me or
   my number", do-not-text lists, "no longer consent", "revoke my consent", a question how to stop the texts ("how
   do I make these stop?", "¿cómo me salgo de esto?"), and their Spanish forms; a stop request in Chinese, Korean,
   Vietnamese, Tagalog, Portuguese, French, Haitian Creole, Russian, Arabic, Italian, Polish or German, romanised too
   ("bu yao zai fa", "ne pishite"), looked for only when a word is neither English nor Spanish; a revocation word
   in a clause of its own ("Stop. Thank you"). CANCEL, END and REMOVE revoke in a clause only when the whole reply is
   nothing else, or else only says it reached the wrong person ("Not Maria. Wrong number. Please remove."). A
   standalone STOP beside a request about something else is queued instead.
4. ``review`` - a revocation cue that is not certainly something else: "no", "not interested", "wrong number" (the
   replier may not be the consumer at all: a person decides, and marketing waits), "not jessica", "I quit", "basta",
   "this number belongs to my late mother", a request about another person ("take my daughter off"), a complaint without
   a request ("my plan charges me per text"), what STOP would do ("if I reply stop will I still get..."), a relationship
   said to be over ("we sold the car"; beside a request about something else it explains that request: "cancel the
   service at my old apartment, I moved" is a message), partial requests ("only text me on weekdays", "stop the promos
   but keep my reminders", "stop texting me at 6am"), any remaining "stop" or "unsubscribe"; a revocation said as a
   thought or a question ("maybe I should unsubscribe", "did I get unsubscribed?"), a cue beside texts welcomed, a
   request about calls alone ("stop calling me"); a lone STOP beside laughter alone ("STOP!! lol"; with words of delight
   of its own, "Stop, I'm crying, this coupon is perfect", it is a message; laughing at the texts, then STOP, is a
   revocation), asked alone ("¿baja?") or before a question, its mark left out or not ("Stop, when is my prescription
   ready?", "Stop. Is my prescription ready"); a refusal of texts or a masked cue beside texts named that no rule
   decides ("no more political texts", "Stop the shipping update texts"); and any reply in a script or language the
   detector does not read, Latin letters mostly in words neither English nor Spanish included (matched
   ``other-language``) unless, in a language it knows, no word of stopping, refusing, removing, texting or a wrong
   number is left and a sign of an ordinary message is (thanks, a time, an appointment); or with an eye-roll or
   thumbs-down beside its words.
5. Anything else is an ordinary ``message`` ("who is this?" included).

Where the line falls for replies that can be read more than one way is docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from optledger.reply_names import Unnamed

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
# days and months: when a reply says something happens, not who signs it or what it names ("Cancel - Monday")
_TIMES = frozenset(_DATA["times"])


_SPACES = re.compile(r"\s+")
_EMOJI_NOISE = str.maketrans("", "", "\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
OTHER_LANGUAGE = "other-language"


def _unaccented(char: str) -> str:
    return "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))


class Translation(dict[int, "int | str | None"]):
    """A ``str.translate`` table that maps a character it lacks to itself, and keeps it: a plain dict costs
    translate a KeyError raised and cleared for every character of a reply outside the table."""

    def __missing__(self, code: int) -> int:
        if len(self) < _TRANSLATED_KEPT:  # the characters replies use, bounded
            self[code] = code
        return code


_TRANSLATED_KEPT = 8192

# Latin-1 and Latin Extended-A letters to their letters without marks ("á" -> "a", "ñ" -> "n"), one table lookup each
_LATIN_ACCENTS = Translation(
    {code: plain for code in range(0xC0, 0x180) if (plain := _unaccented(chr(code))) != chr(code) and plain.isascii()}
)


_ASCII_EDGES = "".join(char for char in map(chr, range(128)) if not char.isalnum())


def normalize_text(text: str) -> str:
    """Upper-case, accents removed, inner whitespace collapsed, surrounding punctuation/symbols/emoji stripped."""
    plain = text
    if not text.isascii():
        plain = text.translate(_LATIN_ACCENTS)  # the common case (Spanish) without decomposing every character
        if not plain.isascii():
            plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    # what surrounds the first and last letter or digit goes (a regex's [\W_]), scanned: a third of a regex's cost;
    # most replies start and end with a letter or digit, and most that do not have only ASCII punctuation around
    if not (plain and plain[0].isalnum() and plain[-1].isalnum()):
        plain = plain.strip(_ASCII_EDGES)
        start, end = 0, len(plain)
        while start < end and not plain[start].isalnum():
            start += 1
        while end > start and not plain[end - 1].isalnum():
            end -= 1
        plain = plain[start:end]
    return " ".join(plain.split()).upper()


# a campaign's join keywords come with every reply to its number: normalised once, not once a reply
_join_keyword = lru_cache(maxsize=1024)(normalize_text)

_KEYWORDS = {action: frozenset(normalize_text(k) for k in words) for action, words in _DATA["keywords"].items()}
_CONFIRMATIONS = frozenset(_DATA["confirmations"])
_BRAND_KEYWORDS = frozenset(normalize_text(k) for k in _DATA["brand_scope_keywords"])
_EMOJI_OPT_OUT = frozenset(_DATA["emoji"]["opt_out"])
_EMOJI_REVIEW = frozenset(_DATA["emoji"]["review"])
_EMOJI_REVIEW_ALONE = _EMOJI_REVIEW | frozenset(_DATA["emoji"]["review_alone"])  # a lone 😡: review, not beside words


# the verdict of each keyword, built once (frozen): opt-out before opt-in, and help before a confirmation
_OPT_OUT_VERDICTS = {
    word: Classification("opt_out", word, "keyword", "brand" if word in _BRAND_KEYWORDS else "sender")
    for word in _KEYWORDS["opt_out"]
}
_OPT_IN_VERDICTS = {word: Classification("opt_in", word, "keyword") for word in _KEYWORDS["opt_in"]}
_LATER_VERDICTS = {word: Classification("message", word, "keyword") for word in _CONFIRMATIONS} | {
    word: Classification("help", word, "keyword") for word in _KEYWORDS["help"]
}


_FIRST_VERDICTS = _OPT_IN_VERDICTS | _OPT_OUT_VERDICTS  # one lookup a reply; an opt-out word over an opt-in one


def _keyword(word: str, join_keywords: Iterable[str], text: str = "") -> Classification | None:
    if (verdict := _FIRST_VERDICTS.get(word)) is not None:
        if verdict.action == "opt_out" and asked(text):  # "stop?", "Stop?? 🤔" asks what STOP does, or whether to
            return Classification("message", word, "review", review=True)  # send it
        return verdict
    if word and join_keywords:  # a campaign's join keywords: their verdicts by normalised word, built once per tuple
        keywords = join_keywords if isinstance(join_keywords, tuple) else tuple(join_keywords)
        if (verdict := _join_verdicts(keywords).get(word)) is not None:
            return verdict
    return _LATER_VERDICTS.get(word)


def asked(text: str) -> bool:
    """A question mark closes the reply, or only emoji, marks and spaces follow it ("stop?", "Stop?? 🤔")."""
    return text.rstrip().endswith("?") or bool(_ASKED.search(text))


_ASKED = re.compile(r"\?[^\w?!]*$")


@lru_cache(maxsize=1024)
def _join_verdicts(join_keywords: tuple[str, ...]) -> dict[str, Classification]:
    verdicts: dict[str, Classification] = {}
    for keyword in join_keywords:  # the first keyword a word normalises to wins, as in the order they are given
        verdicts.setdefault(_join_keyword(keyword), Classification("opt_in", keyword, "keyword"))
    return verdicts


def _symbols_only(text: str) -> Classification:
    """A reply with no letters or digits: a stop sign is a revocation, a thumbs-down is for review."""
    return _sign(text, _EMOJI_REVIEW_ALONE) or Classification("message")


def sign_with_courtesy(text: str) -> Classification | None:
    """A sign said with courtesy words only ("🛑 pls", "🚫 thanks", "👎 gracias") reads as the sign alone would,
    except an angry face, which is for review only when it is the whole reply."""
    return _sign(text, _EMOJI_REVIEW)


def _sign(text: str, review: frozenset[str]) -> Classification | None:
    symbols = set(text.translate(_EMOJI_NOISE))
    if opt_out := symbols & _EMOJI_OPT_OUT:
        return Classification("opt_out", min(opt_out), "phrase")
    if unclear := symbols & review:
        return Classification("message", min(unclear), "review", review=True)
    return None


def classify(text: str, *, join_keywords: Iterable[str] = (), names: Iterable[str] = ()) -> Classification:
    """The verdict on one reply. ``join_keywords``: the join keywords of the campaigns on the number it was sent to;
    ``names``: their brand's and campaigns' names, which beside a keyword only say which sender is meant."""
    word = normalize_text(text)
    if verdict := _keyword(word, join_keywords, text):
        return verdict
    if not word:
        return _symbols_only(text)
    if "\n" in text and (joined := _joined_across_lines(text)):
        return classify(joined, join_keywords=join_keywords, names=names)
    verdict = _read_reply(text, join_keywords, names)
    # "Qué bolá, START por favor", "End. Bless you all": a keyword in a clause of its own beside clauses asking nothing
    if verdict.action == "message" and (_BREAKS.intersection(text) or _WORD_BREAK.search(text) or not text.isascii()):
        from optledger.keyword_clauses import keyword_in_clauses

        return keyword_in_clauses(text, join_keywords, names, verdict) or verdict
    return verdict


def _joined_across_lines(text: str) -> str | None:
    """A keyword or stop word typed across a line break ("can\ncelar", "BA\nJA"), joined; None for any other reply."""
    from optledger.keyword_words import _words

    found = _BROKEN_WORD.fullmatch(text)
    if not found or (joined := found[1] + found[2]).lower() not in _words().requests:
        return None
    # courtesy after it ("Ba\nja por favor"), unless the first line is a word of its own ("Stop\nall the promos")
    return joined + found[3] if not found[3] or found[1].lower() not in _words().requests else None


def _read_reply(text: str, join_keywords: Iterable[str], names: Iterable[str]) -> Classification:
    """Steps 1 (a keyword signed, noted, beside a name or a hashtag) to 5 on a reply that is not a bare keyword."""
    if _BREAKS.intersection(text) and (verdict := _signed(text, join_keywords, names)):
        return verdict
    if ")" in text and text.rstrip().endswith(")") and (verdict := _noted(text, join_keywords, names)):
        return verdict
    # before the name is looked for: a hashtag may hold the name ("STOP #SalsaBravaClub" to Salsa Brava Club)
    if (
        "#" in text
        and (untagged := _without_hashtags(text))
        and (verdict := decisive(classify(untagged, join_keywords=join_keywords, names=names)))
    ):
        return verdict  # "STOP #SalsaBravaClub", "#KoiAndRice stop": a hashtag beside a keyword is no word of it
    if names and (verdict := _beside_name(text, join_keywords, names)):
        return verdict
    verdict = (_read or _reader())(text, join_keywords)
    # a name in capitals after "from" or "de" may be the sender's, known or not ("unsubscribe me from Golden Spoon
    # Diner", "Darme de baja de Acme, muchas gracias"): read with it said "this", a message may be a revocation (a
    # review would only be the model's)
    if verdict.action == "message" and not verdict.review and not _BEFORE_A_NAME.isdisjoint(text.split()):
        from optledger.reply_names import names_in_capitals, without_name

        # the reply as is was read above: only the reading of the name said "this" may add to it
        if (named := names_in_capitals(text)) and (unnamed := without_name(text, named)):
            said = _keyword_beside_name(unnamed, join_keywords)
            return said or decisive((_read or _reader())(unnamed.read, join_keywords)) or verdict
    return verdict


def _without_hashtags(text: str) -> str:
    """The reply without its hashtags ("#SalsaBravaClub"; not "#4410", a number), or "" when it has none or is one."""
    tokens = text.split()
    kept = [token for token in tokens if not (token[:1] == "#" and token[1:2].isalpha())]
    return " ".join(kept) if len(kept) < len(tokens) else ""


_BEFORE_A_NAME = frozenset({"from", "off", "of", "de", "del"})  # a name in capitals may follow (``names_in_capitals``)
_BROKEN_WORD = re.compile(r"\s*([^\W\d_]{1,12})\n([^\W\d_]{1,12})\b([^\n]*?)\s*")
_BREAKS = frozenset("\n,|-\u2013\u2014~.!:;")  # where a keyword may end and its signature begin
# the words that lead a reason after a stop word ("Parar porfa que ando manejando", "STOP because I'm driving")
REASON_LEADS = ("because", "cuz", "cause", "bc", "coz", "since", "que", "porque", "pq", "xq")
# a return typed straight after START, no mark between ("START pls i'm back for fall semester")
RETURN_BREAK = r"\s+(?=(?:i'm|i’m|im|i am|we're|we’re|we are)\s+(?:back|home)\b)"
# the keywords an "and" may follow in a clause of their own ("STOP y gracias"; ``keyword_asides.AND_COURTESY``)
AND_KEYWORDS = ("stop", "help", "start", "baja", "ayuda", "end", "quit")
# a clause opened by a word, not a mark: a "but" ("appreciate y'all but STOP") or a reason's lead; an "and" after a
# keyword; a question before more words ("Que tal man tu? AYUDA por favor")
_WORD_BREAK = re.compile(
    rf"\s(?:but|pero|{'|'.join(REASON_LEADS)})\s|(?:{'|'.join(AND_KEYWORDS)})\s+(?:and|y|&)\s|\?\s+\w|{RETURN_BREAK}",
    re.IGNORECASE,
)


def _signed(text: str, join_keywords: Iterable[str], names: Iterable[str]) -> Classification | None:
    """A keyword before a signature block ("Cancel. Sincerely, Harold Nguyen, P.E.", "End - Dale Hutchins, Elk")."""
    from optledger.keyword_signatures import signed

    return signed(text, join_keywords, names)


def _noted(text: str, join_keywords: Iterable[str], names: Iterable[str]) -> Classification | None:
    """A keyword signed with a note in brackets saying who sends it ("Cancel pls. Valerie (Jaden's mom)")."""
    from optledger.keyword_signatures import noted

    return noted(text, join_keywords, names)


def _beside_name(text: str, join_keywords: Iterable[str], names: Iterable[str]) -> Classification | None:
    """A reply that names the business. A keyword, a stop word or a sign said beside the name ("STOP Luxe Nails",
    "HELP - Acme") reads as it would alone. A sentence is read as it is and with the name said "this"; the reading
    that asks more of the sender stands (a revocation over a review over a message): the name's own words may be read
    as an object ("remove me from the Bolt and Board list"), never the other way round."""
    from optledger.reply_names import without_name

    unnamed = without_name(text, names if isinstance(names, tuple) else tuple(names))
    if unnamed is None:
        return None
    if verdict := _keyword_beside_name(unnamed, join_keywords):
        return verdict
    as_is = (_read or _reader())(text, join_keywords)
    as_this = (_read or _reader())(unnamed.read, join_keywords)
    return as_this if _ASKS[_outcome(as_this)] > _ASKS[_outcome(as_is)] else as_is


def _keyword_beside_name(unnamed: Unnamed, join_keywords: Iterable[str]) -> Classification | None:
    """A keyword, a stop word or a sign said beside the name ("STOP Luxe Nails"): what the few words left say."""
    from optledger.reply_names import KEYWORD_WORDS

    if unnamed.words > KEYWORD_WORDS:
        return None
    return decisive(classify(unnamed.bare, join_keywords=join_keywords))


def decisive(verdict: Classification) -> Classification | None:
    """The verdict when it answers a reply read in part (a keyword's, a revocation); None for a message or a review,
    where the whole reply must be read instead."""
    return None if verdict.review or verdict.action == "message" else verdict


def _outcome(verdict: Classification) -> str:
    return "review" if verdict.review else verdict.action


# how much a verdict asks of the sender: a keyword's own answer stands as it is
_ASKS = {"message": 0, "review": 1, "opt_out": 2, "help": 3, "opt_in": 3}


_read: Callable[[str, Iterable[str]], Classification] | None = None


def _reader() -> Callable[[str, Iterable[str]], Classification]:
    """The phrase reader is a module of its own: a cold start that only meets keywords never compiles it."""
    global _read
    from optledger.reply_reader import read

    _read = read
    return read
