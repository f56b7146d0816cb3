"""A keyword said in a clause of its own beside clauses that ask nothing (the last step of ``optledger.classify``, on a
reply the other steps read as an ordinary message or queued): a greeting, thanks or praise before it ("Qué bolá, START
por favor", "Thank you for everything you do. END."), a farewell, a blessing or thanks after it ("End. Bless you
all", "Cancelar, pura vida"), the business's name or a word of address in a clause of its own, courtesy of any
wording before a "but" ("u guys slay but stop"), a reason after a stop word ("Parar, estoy en la bodega"). The reply
is that keyword, as it would be alone.

A clause beside the keyword is read alone and must be an ordinary message: no question, no cue, no request of its
own. It must say something social (``data/social_words.json``: greetings, farewells, praise,
softeners, and the courtesy and address words the keyword reader knows), or be a word or three no dictionary knows
(a name, a regional greeting: "Howzit", "a hui hou"). Not beside a keyword: delight or laughter after a STOP, an
exclamation ("Stop, I'm crying, this coupon is perfect"); a thing a stop word of everyday meaning may be about ("My
order never came. Cancel."); a reason after CANCEL, REMOVE or END, which may be what is cancelled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from optledger.classify import (
    _DATA,
    _KEYWORDS,
    OTHER_LANGUAGE,
    REASON_LEADS,
    RETURN_BREAK,
    Classification,
    classify,
    decisive,
)
from optledger.classify_phrases import _CLEARED
from optledger.keyword_asides import AND_COURTESY, BLESSING, DOING, RETURNED, SHIFT, WISH, goodwill, looked_back
from optledger.keyword_signatures import _role
from optledger.keyword_signoffs import _COUPLED, _DEPARTMENTS, _EVERYDAY, _ROLES, _TIMES, _UNITS, LEVEL_GROUP, PHONE
from optledger.keyword_unknown import LETTERS, unknown_aside
from optledger.keyword_words import _SUBJECTS, _words
from optledger.reply_clauses import asks_without_mark, praised
from optledger.reply_reader import LEARNED_REVIEW
from optledger.reply_rules import WordSet, phrase_data, social_data
from optledger.reply_text import fold

_CHARS = 200  # a keyword and its asides: a longer reply is a letter the phrase reader reads
_CLAUSES = 8  # a greeting, thanks, the keyword, a farewell, a signer's names
_ASIDE_WORDS = 12  # a farewell or a reason after the keyword
_KEYWORD_WORDS = 4  # a keyword's clause without its courtesy: "baja de la lista", "st op" mended
_SUBJECTS_AS_TYPED = "|".join(sorted(_SUBJECTS | {"i'm"}))  # the subjects a reason starts with, as typed
# where a clause ends: punctuation, a question's mark (kept), a spaced dash, a "but", an "and" before courtesy
_BREAK = re.compile(
    rf"\s*[,;:!.\n]+\s*|(?<=\?)\s+|\s+[-\u2013\u2014]+\s+|\s+(but|pero)\s+|{AND_COURTESY}"
    # a reason's lead before its subject ("Parar porfa que ando manejando", "STOP because I'm driving")
    rf"|\s+(?:{'|'.join(REASON_LEADS)})\s+(?=(?:{_SUBJECTS_AS_TYPED})\b)|{RETURN_BREAK}"
    r"|\s*[\u2190-\u2bff\U0001f000-\U0001faff][\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]*\s*",  # emoji
    re.IGNORECASE,
)
_BUT_FIRST = re.compile(r"(?:but|pero)\s+", re.IGNORECASE)
# a reason's lead opening a clause of its own ("Parar, que estoy en clase", "STOP. Because I'm driving")
_REASON_FIRST = re.compile(rf"(?:{'|'.join(REASON_LEADS)})\s+(?=(?:{_SUBJECTS_AS_TYPED})\b)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NOTE = re.compile(r"\s*\([^()\n]{1,40}\)")
_EXPLAINED = Classification("message", "stop word beside a reason", "review", review=True)
_CODES = frozenset({"10 4", "10-4"})  # "END. Have a safe one, 10-4": a sign-off in numbers
_RADIO = frozenset({("over",), ("out",), ("roger",), ("copy",), ("copy", "that")})  # "Help, over": a radio's sign-off
_PART_WORDS = 6  # a part of a signature after the name: "Thursday league secretary", "balcony row B seat 5"
_GROUP_WORDS = 3  # "coffee tour group 3", "Thursday league team 2"
_PLACED_UNIT = 6  # "stool 4 at the bar", "slip 6 at the co-op wharf", "puesto 14 del mercado Amazonas"
_PLACES = frozenset({"at", "in", "on", "of", "del", "de", "en"})
# a family signing ("the Harlan family", "la familia Ortiz"): an article and a word of family around the name
_FAMILY_WORDS = frozenset({"the", "family", "fam", "household", "familia", "la", "los", "las"})
_SIGNER_WORDS = 4  # "Edith R. Chambers", "Kainoa", "Dale & Marlys Kuehn" (the "&" aside)
# a reason after a stop word is the replier's own ("Alto, estoy manejando"); "Stop, you're too kind" is delight
_REASON_SUBJECTS = _SUBJECTS - {"you", "u", "youre", "ur", "they", "theyre"}
_YA_REASONS = frozenset({("ya", "me"), ("ya", "nos"), ("ya", "estoy"), ("ya", "estamos"), ("ya", "no")})  # "ya me voy"
# a reason without its subject ("Unsubscribe. Retired after 22 years on the corner", "STOP, moved to Tulsa")
_BARE_REASONS = frozenset(
    {
        "retired",
        "retiring",
        "moved",
        "moving",
        "relocated",
        "relocating",
        "graduated",
        "graduating",
        "sold",
        "selling",
        "deployed",
        "deploying",
        "transferred",
        "switched",
        "jubilado",
        "jubilada",
        "jubilados",
        "mudado",
        "mudados",
    }
)
# words of keywords said in more than one word ("darme de baja", "opt out", "stop all", "un stop")
_KEYWORD_PHRASE_WORDS = frozenset({"de", "la", "lista", "suscripcion", "dar", "darme", "me", "opt", "out", "all", "un"})
_REASONED = frozenset({"stop", "baja", "alto", "parar", "para", "unsubscribe", "stopall"})
# the words of HELP, INFO, START and UNSTOP: a keyword's clause with one asks for something, and may not revoke
_NOT_REVOKING = frozenset(word.lower() for action in ("help", "opt_in") for word in _KEYWORDS[action] if word.isalpha())
# START and UNSTOP may be followed by why the replier is back ("START please, I'm back from Tirana"), asking no more
_OPTING_IN = frozenset(word.lower() for word in _KEYWORDS["opt_in"] if word.isalpha())


class _Clause(NamedTuple):
    text: str
    words: list[str]
    after_but: bool  # said after a "but"/"pero"
    end: int  # where it ends in the reply (its notes in brackets struck out)


def keyword_in_clauses(
    text: str, join_keywords: Iterable[str], names: Iterable[str], read: Classification
) -> Classification | None:
    """The keyword a reply says in a clause of its own, every other clause an aside; None when it is not one.
    ``read``: the reader's verdict, a message or a review; a cue it read as something else ("I'll stop by
    tomorrow, thanks") is none of a keyword's."""
    if len(text) > _CHARS or not _maybe_keyword(text):
        return None
    body = _NOTE.sub("", text)  # "Luz (CNA, 2nd shift)": who sends, no clause of the reply
    clauses = _clauses(body)
    if not 1 < len(clauses) <= _CLAUSES:
        return None
    # set lookups first (most replies fail them); only a reply that passes has its clauses read alone (``classify``)
    cores = {index: core for index, clause in enumerate(clauses) if (core := _keyword_core(clause)) is not None}
    keyed = list(cores)
    if not keyed:
        return None
    # a cue the rules read as something else ("I'll stop by, thanks"), unless alone in its clause ("Cancel. Have fun")
    if read is _CLEARED and any(len(_bare_core(clauses[index])) > 1 for index in keyed):
        return None
    first, last = keyed[0], keyed[-1]
    if len(keyed) != last - first + 1:
        return None  # a clause of another kind between two keywords
    words = {word for index in keyed for word in clauses[index].words}
    kind = _Kind(
        revokes=_NOT_REVOKING.isdisjoint(words),
        everyday=not _EVERYDAY.isdisjoint(words),
        reasoned=(_NOT_REVOKING.isdisjoint(words) and not _REASONED.isdisjoint(words))
        # "Start, gracias. Ya estoy de vuelta": courtesy in a clause of its own says START as a request too
        or _opting_in(clauses[first : last + 1 + (last + 1 < len(clauses) and not _bare_core(clauses[last + 1]))]),
    )
    before, after = clauses[:first], clauses[last + 1 :]
    # laughter or delight in emoji after the keyword, the break between clauses or not ("Stop!! I hate these 😂")
    tail = body[clauses[last].end :]
    if after and not tail.isascii() and any(sign in tail for sign in _moods() if not sign.isascii()):
        return None
    if not _asides_fit(before, after, clauses[first].after_but, names, kind):
        # "Cancel. We're moving to Oshkosh in June": why, beside a stop word that may cancel something else
        return _EXPLAINED if _explained(clauses, first, last, kind) else None
    said = [_said(clauses[index], cores[index], join_keywords, names) for index in keyed]
    if any(verdict is None for verdict in said) or len({verdict.action for verdict in said if verdict}) > 1:
        return None
    verdict = said[0]
    assert verdict is not None
    if (verdict.action == "opt_out") != kind.revokes:  # "Un stop" is UNSTOP: its asides are read again as START's
        kind = kind._replace(revokes=verdict.action == "opt_out", reasoned=kind.reasoned and verdict.action != "help")
        if not _asides_fit(before, after, clauses[first].after_but, names, kind):
            return None
    reasons = [clause for clause in after if _reason(clause, kind)]
    # a phone number after a signer's other parts signs it too ("START. SSG Hill, Harlingen station, 956-555-0142")
    phones = [clause for clause in after[1:] if not clause.words and PHONE.match(clause.text.strip())]
    # a return beside START is not read alone: "back in Bethel now" alone may be a move, for review
    returns = [clause for clause in (*before, *after) if _returned(clause, kind)]
    asides = [clause for clause in (*before, *after) if clause not in (*reasons, *phones, *returns)]
    if not all(_plain(clause, join_keywords, names, objects=kind.everyday) for clause in asides):
        return None
    # a reason read alone may be unclear ("ya no mando cajas", "my washer died again"); it explains the keyword
    if not all(_plain(clause, join_keywords, names, objects=False, reason=kind) for clause in reasons):
        return None
    return verdict


def _explained(clauses: list[_Clause], first: int, last: int, kind: _Kind) -> bool:
    """A stop word of everyday meaning alone, then the replier's reason or name and nothing asked: for a person."""
    if not (kind.everyday and kind.revokes and first == last == 0 and len(clauses[0].words) == 1):
        return False
    after = clauses[1:]
    if "?" in "".join(clause.text for clause in after) or any(not _words().requests.isdisjoint(c.words) for c in after):
        return False  # a question, or what the stop word meant said again ("I mean cancel my spot in line")
    # or a signer's full name, then their team or what is cancelled ("Cancel - Coach Dana Reyes, Lake County ski")
    return _reason(after[0], kind._replace(reasoned=True)) or (len(after[0].words) > 1 and _signer(after[0]))


def _asides_fit(before: list[_Clause], after: list[_Clause], but: bool, names: Iterable[str], kind: _Kind) -> bool:
    # courtesy of any wording before a "but" leaves an opt-out keyword one ("u guys slay but stop")
    if not all(_aside(clause, names, kind, but=but and kind.revokes) for clause in before):
        return False
    # after a signer's name, short parts are its role, place or hours ("START - Kayla Morin, service van 3"); beside
    # CANCEL or BAJA what is cancelled, beside HELP what help is asked with unless in capitals ("Help - Dana, lot B")
    signed = False
    for clause in after:
        if _after(clause, names, kind):
            signed = signed or _signer(clause, named=not kind.everyday and kind.revokes)
        elif not (signed and _signer_part(clause, kind)):
            return False
    return True


def _signer_part(clause: _Clause, kind: _Kind) -> bool:
    if len(clause.words) > _PART_WORDS or "?" in clause.text:
        return False
    if _role(clause.words):  # "Remove please. Marcus Bell, dispatch desk", "Ayuda - Nerea, alumna de la mañana"
        return True
    if kind.everyday:  # or a department only
        return " ".join(clause.words) in _DEPARTMENTS
    return kind.revokes or kind.reasoned or any(token[:1].isupper() for token in clause.text.split())


class _Kind(NamedTuple):
    revokes: bool  # an opt-out keyword (HELP, INFO or START beside words of their own may ask for something)
    everyday: bool  # CANCEL, REMOVE, END, BAJA...: what it closes may be what it cancels
    reasoned: bool  # STOP, BAJA, ALTO, PARAR: a reason may follow


def _opting_in(keyed: list[_Clause]) -> bool:
    """UNSTOP, or START said as a request: in capitals or with courtesy ("START please"); "Start, I can't get the
    engine going" may be the engine."""
    words = [word for clause in keyed for word in clause.words]
    if "unstop" in words:
        return True
    return "start" in words and (len(words) > 1 or any("START" in clause.text for clause in keyed))


def _bare_core(clause: _Clause) -> list[str]:  # "Stop please", "Start, tía": courtesy and address struck out
    return _words().courtesy.strip(_words().address.strip(clause.words))


def _maybe_keyword(text: str) -> bool:
    """A request's word in the reply (set lookups on its words: most replies have none)."""
    return not _words().requests.isdisjoint(LETTERS.findall(fold(text)))


def _clauses(text: str) -> list[_Clause]:
    """The clauses between breaks, each with its words (folded as the reader folds them) and whether a "but" or "pero"
    opens it."""
    clauses: list[_Clause] = []
    start, but = 0, False
    for cut in [*_BREAK.finditer(text), None]:
        end = cut.start() if cut else len(text)
        part = text[start:end].strip().lstrip("-\u2013\u2014 ")  # "STOP 🛑 - Gabe": a dash after an emoji
        if _BUT_FIRST.match(part):  # ", but stop"
            part, but = _BUT_FIRST.sub("", part), True
        part = _REASON_FIRST.sub("", part, count=1) if clauses else part
        if part:
            clauses.append(_Clause(part, LETTERS.findall(fold(part).replace("'", "")), but, end))
        if cut:
            start, but = cut.end(), bool(cut.group(1))
    return clauses


def _keyword_core(clause: _Clause) -> list[str] | None:
    """The words of a clause that may be a keyword's, courtesy and words of address struck out: a request's word and
    one word more at most, no dictionary's (a slip); None for any other clause."""
    found = _words()
    if not clause.words or found.requests.isdisjoint(clause.words) or _DIGIT.search(clause.text):
        return None  # a number beside a keyword may be what it is about ("cancel PO 4471")
    core = found.courtesy.strip(found.address.strip(clause.words))
    other = [word for word in core if word not in found.requests and word not in _KEYWORD_PHRASE_WORDS]
    # not a sentence ("I can't stop laughing"), which the reader has read
    if len(core) > _KEYWORD_WORDS or len(other) > 1 or (other and other[0] in found.lexicon):
        return None
    return core


def _said(
    clause: _Clause, core: list[str], join_keywords: Iterable[str], names: Iterable[str]
) -> Classification | None:
    """The keyword a clause is alone (a stop word with courtesy: "cancela pues", "de baja pfv"), else None."""
    found = _words()
    verdict = decisive(classify(clause.text, join_keywords=join_keywords, names=names))
    if verdict is None or verdict.detected_by == "keyword":
        return verdict
    # a stop word with courtesy is the Spanish keyword ("Cancela pues", "de baja porfavor"), not a sentence
    return verdict if found.stop_words.union(_KEYWORD_PHRASE_WORDS).issuperset(core) else None


def _aside(clause: _Clause, names: Iterable[str], kind: _Kind, *, but: bool) -> bool:
    """A clause before the keyword, by its words: a greeting ("Guten Tag! Info, bitte"), thanks, praise, a name;
    before a "but", courtesy of any wording (``_plain`` reads it alone after)."""
    unknown = unknown_aside(clause.words, pair=not kind.everyday)
    return but or _social(clause, names, praise=True) or unknown or _returned(clause, kind)


def _reason(clause: _Clause, kind: _Kind) -> bool:
    """Why the replier stops or is back, after the keyword: led by the replier ("I'm at work", "ya no mando cajas"),
    a move or a retirement without a subject, what the replier is busy with ("rowing clients on the Madison"); after
    START or UNSTOP any clause that asks nothing."""
    if not kind.reasoned or not clause.words:
        return False
    first = clause.words[0]
    if first in _REASON_SUBJECTS or first in _BARE_REASONS or tuple(clause.words[:2]) in _YA_REASONS:
        return True
    return bool(DOING.match(" ".join(clause.words))) if kind.revokes else "?" not in clause.text


def _returned(clause: _Clause, kind: _Kind) -> bool:
    """A return said beside START or UNSTOP (``RETURNED``), asked nothing."""
    return (
        kind.reasoned and not kind.revokes and "?" not in clause.text and bool(RETURNED.match(" ".join(clause.words)))
    )


def _after(clause: _Clause, names: Iterable[str], kind: _Kind) -> bool:
    """A clause after the keyword, by its words: a farewell, a blessing, thanks, a name; a reason after a stop
    word (``_plain`` reads it alone after)."""
    if tuple(clause.words) in _social_sets().closings.phrases or tuple(clause.words) in _RADIO:
        return True
    if _wish(clause.words, names):
        return True  # a farewell said whole, delight's words and all ("One love", "Have a great season")
    if goodwill(said := " ".join(clause.words), kind.reasoned):
        return True  # "Thanks for a great stay", "End. You guys are great": no delight; ``_plain`` reads what it names
    if _returned(clause, kind):
        return True  # "START. Back in Bethel now": why the replier opts in again
    moods = _moods()
    delight = not moods.isdisjoint(clause.words) or (not clause.text.isascii() and any(s in clause.text for s in moods))
    if delight and (kind.revokes or not kind.reasoned):  # beside START it is why ("we booked again, can't wait")
        return False  # "Stop, I'm crying, this coupon is perfect", "Stop, she looks like a princess 😭": delight
    if len(clause.words) > _ASIDE_WORDS and kind.revokes:  # why START may take longer to say
        return False
    if praised(said):
        return False  # "Stop, the chicken kelaguen was the best I've had": praise of a thing, delight
    if kind.reasoned and kind.revokes and _reason(clause, kind):
        return True  # "Parar, estoy en la bodega trabajando", "Parar, ya me regreso a Apatzingán"
    if len(clause.words) <= 4 and clause.words[-1:] == ["here"] and " ".join(clause.words[:-1]) in _ROLES:
        return True  # "band mom here": who writes
    if not kind.everyday and SHIFT.match(said):
        return True  # "STOP - DeAndre, scorekeeper, Saturday shift"
    if kind.reasoned and not kind.revokes and _reason(clause, kind):
        return True  # "START, season's open and I need the fuel dock texts again": why START, read alone by _plain
    signer = _signer(clause, named=not kind.everyday and kind.revokes)
    return (
        _social(clause, names, praise=False)
        or signer
        or _unit_or_role(clause)
        or unknown_aside(clause.words, pair=not kind.everyday)
    )


def _signer(clause: _Clause, *, named: bool = False) -> bool:
    """A name or two and initials in capitals after the keyword ("Thank you, Edith R. Chambers"): who signs it.
    ``named``: a first name alone may be a dictionary's word ("Stop - Jess, feedlot crew"), as after STOP."""
    tokens = [token for token in clause.text.replace(".", " ").split() if token not in _COUPLED]  # "Dale & Marlys"
    # a family signing by its name, a dictionary's word or not ("the Harlan family", "Patel family")
    if family := len(tokens) > 1 and bool({tokens[0].lower(), tokens[-1].lower()} & _FAMILY_WORDS):
        tokens = [token for token in tokens if token.lower() not in _FAMILY_WORDS]
    # "Help - Monday": a day is when, not who ("Walter & June Lindqvist": a month before a surname is a name)
    surname = [token[:1].isupper() and fold(token) not in _words().lexicon for token in [*tokens[1:], ""]]
    dated = any(fold(token) in _TIMES and not surname[index] for index, token in enumerate(tokens))
    if not 0 < len(tokens) <= _SIGNER_WORDS or dated:
        return False
    # a name no dictionary knows or an initial ("Cancel - Free Pizza Night" names what is cancelled)
    unknown = any(len(word) == 1 or word not in _words().lexicon for word in clause.words)
    named = ((named or family) and len(tokens) == 1) or unknown
    return named and all(token[0].isupper() and token.replace("-", "").isalpha() for token in tokens)  # Jean-Baptiste


def _unit_or_role(clause: _Clause) -> bool:
    """A signer's unit with its number ("lot 9", "slip 15", "bodega 44"), role ("site supervisor") or group by its
    level ("beginner class")."""
    words = clause.words
    if words and words[0] in _UNITS and _DIGIT.search(clause.text):  # "stool 4 at the bar"
        return len(words) <= 2 or (len(words) <= _PLACED_UNIT and words[1] in _PLACES)
    if 0 < len(words) <= _GROUP_WORDS and words[-1] in _UNITS and clause.text.rstrip(" .").split()[-1].isdigit():
        return True  # "coffee tour group 3": a group by its number
    return " ".join(clause.words) in _ROLES or bool(LEVEL_GROUP.match(" ".join(clause.words)))


def _plain(
    clause: _Clause, join_keywords: Iterable[str], names: Iterable[str], *, objects: bool, reason: _Kind | None = None
) -> bool:
    """No question (with its mark or without), no thing a stop word of everyday meaning may cancel ("a la orden" is
    no order), and read alone an ordinary message (beside an opt-out keyword, one the model would queue too); a
    ``reason`` may be unclear alone, and beside an opt-out keyword a request of its own."""
    sets = _social_sets()
    greeting = tuple(clause.words) in sets.openings.phrases  # asked whole or not ("¿Quihubo? Baja, compadre")
    if "?" in clause.text and not greeting:
        return False  # a question, but not a greeting asked whole ("How are you? STOP")
    if _wish(clause.words, names) or looked_back(" ".join(clause.words)):
        return True  # "Cancel. Have a great season", "Remove. Thanks for a lovely tour": no season or tour cancelled
    if objects and not sets.objects.isdisjoint(sets.social.strip(clause.words)):
        return False
    if _unit_or_role(clause):
        return True  # "lot 9": a number, which is no choice here
    if not clause.words:  # emoji; not a number, which may be a choice ("10-4" signs off)
        return not _DIGIT.search(clause.text) or clause.text.strip(" .!") in _CODES
    if asks_without_mark(" ".join(clause.words)) and not greeting:
        return False  # "Stop. Is the queen on sale still" ("Que tal man tu? AYUDA": a greeting)
    verdict = classify(clause.text, join_keywords=join_keywords, names=names)
    if reason is not None:
        return verdict.action == "message" or (reason.revokes and verdict.action == "opt_out")
    if verdict.action != "message":
        return False
    # a clause the model alone would queue ("pura vida") is no request of its own: the words chose it as an aside
    return not verdict.review or verdict.matched in (OTHER_LANGUAGE, LEARNED_REVIEW)


def _social(clause: _Clause, names: Iterable[str], *, praise: bool) -> bool:
    """A greeting, a farewell, a blessing, a softener, a closing (or, before the keyword, thanks or praise); a clause
    of courtesy and words of address only; the business's name, whole or in part ("Iron Crane" of Iron Crane Dojo)."""
    sets, words = _social_sets(), clause.words
    if sets.closings.find(words) is not None or (praise and sets.openings.find(words) is not None):
        return True
    if _wish(words, names):
        return True
    if not sets.courtesy.strip(sets.address.strip(words)):
        return True
    return any(set(words) <= set(LETTERS.findall(fold(name))) for name in names)


def _wish(words: list[str], names: Iterable[str]) -> bool:
    """A good wish ("have a great season"), the business's name after it or not ("... Ridgeback")."""
    named = {word for name in names for word in LETTERS.findall(fold(name))}
    while words and words[-1] in named:
        words = words[:-1]
    said = " ".join(words)
    return bool(WISH.match(said) or BLESSING.match(said))


class _Sets(NamedTuple):
    closings: WordSet  # farewells, blessings, a letter's closings: on either side of the keyword
    openings: WordSet  # greetings, softeners, thanks and praise: before it only ("Stop, you're too kind" is delight)
    social: WordSet  # all of them, struck out before things a stop word may cancel are looked for ("a la orden")
    courtesy: WordSet
    address: WordSet
    objects: frozenset[str]


@cache
def _social_sets() -> _Sets:
    social = social_data()
    return _Sets(
        closings=WordSet([*social["farewells"], *_DATA["sign_offs"]]),
        openings=WordSet([*social["greetings"], *social["softeners"], *social["praise"]]),
        social=WordSet([*social["greetings"], *social["farewells"], *social["softeners"], *_DATA["sign_offs"]]),
        courtesy=_words().courtesy,
        address=_words().address,
        objects=frozenset(social["objects"]),
    )


@cache
def _moods() -> frozenset[str]:
    """Words of delight and laughter (``delight`` and ``playful`` of ``data/phrases.json``)."""
    data = phrase_data()
    return frozenset(data["delight"]) | frozenset(data["playful"])
