"""A keyword signed off ("Help - Jim", "Start. Thanks, Bill", "CANCELAR. Gracias, Sra. Ortega", "HELP - Maria, office
manager"): where the names at the end of a short reply begin, and whether they are a sign-off (step 1 of
``optledger.classify``, for ``keyword_words``; set lookups on the reply's words, no regex).

A sign-off is one to three capitalised names or initials after a dash, a comma or a period, a title or two before
them ("Lic.", "Capt.", "Mr. and Mrs."), a suffix after them ("Sr.", ", CPA") and a role after a comma ("office
manager"). A name the detector knows as a word ("Tuesday", "Bill") counts only after a courtesy word ("Thanks, Bill"),
a title, a role, or as a first and a last name after a dash: "Cancel. Tuesday" is no sign-off.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING

from optledger.classify import _DATA, _DATA_DIR, _KEYWORDS, _TIMES
from optledger.reply_rules import phrase_data
from optledger.reply_text import fold

if TYPE_CHECKING:
    from optledger.keyword_words import _Words

_TITLES = frozenset(_DATA["titles"])  # "Sra. Ortega", "Mr Lee", "Atte. Jorge": before a name of the sign-off
_MONTH_NAMES = frozenset({"april", "abril", "may", "june", "julio"})  # months that are also first names
# stop words with an everyday meaning: what they close may be what they cancel ("My order never came. Cancel.",
# "Cancel - Jim, flt 2214"); read by the clause and the signature readers
_EVERYDAY = frozenset({"cancel", "cancelar", "cancela", "cancele", "remove", "end", "quit", "baja", "parar", "alto"})
# a signer's phone number, a country code or initials before it or not ("+1 956-555-0142", "A.M. 492 555 0150")
PHONE = re.compile(r"(?:[A-Z]\.?\s?){0,4}(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}$")
_SIGNER = json.loads((_DATA_DIR / "signer_words.json").read_text(encoding="utf-8"))
_ROLES = frozenset(_DATA["roles"])  # "Maria, office manager": a signer's role after the name
# the group a signer is in, by its level ("Ilir Gashi, beginner class", "Drita, grupo avanzado"): who, not what about
_GROUP_WORDS = r"(?:class|group|team|level|section|squad|league|clase|grupo|equipo|nivel|liga)"
LEVEL_GROUP = re.compile(
    r"^(?:(?:the|el|la|los|las|grupo|clase|nivel) )?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|morning|evening|weekend|lunes|martes|miercoles|jueves|viernes|sabado|domingo) )?(?:"
    # a level, its group word said or not ("beginner", "beginner class"); an age or a rank only with one ("kids team")
    rf"(?:beginners?|intermediate|advanced|novice|principiantes?|intermedi[oa]s?|avanzad[oa]s?)(?: {_GROUP_WORDS})?"
    rf"|(?:junior|senior|varsity|jv|kids|adults?|infantil|juvenil) {_GROUP_WORDS}"
    # a belt rank ("Camila, white belt", "cinta azul")
    r"|(?:white|yellow|orange|green|blue|purple|brown|black|red|gray|grey) belt|(?:cinta|cinturon|faixa) \w+)$"
)
# the last word of a role ("manager"; "tech" of "pharmacy tech", "clerk" of "unit clerk")
_ROLE_ENDS = frozenset(role.split()[-1] for role in _ROLES) | frozenset(_SIGNER["role_heads"])
_DEPARTMENTS = frozenset(_SIGNER["departments"])  # "Deb, unit clerk, 3 North", "Enf. Lupita, piso 3, hemodiálisis"
_DASHES = "-\u2013\u2014~"
_SEPARATORS = ",." + _DASHES
_SIGN_OFF_NAMES = 3  # "Frank Delgado Sr.", "Rosa María Quintero"
_FULL_NAME = 2  # a first and a last name after a dash sign a reply even when words ("START - Bill Turner")
# and middle initials: no name of their own to count
_NAME_SUFFIXES = frozenset(
    {"sr", "jr", "ii", "iii", "iv", "cpa", "esq", "md", "dds", "dmd", "phd", "rn", "dvm", "mba"}
    | set(_SIGNER["credentials"])  # "Marcus T., CNA", "Q.F. Paola Suárez"
)
_NAME_ARTICLES = frozenset({"the", "los", "las"})  # "Thx, the Hendersons", "Gracias, los Ortiz"
_COUPLED = frozenset({"&", "and", "y"})  # between two names signed together ("Marvin & Opal Greene", "José y Ana")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# a unit before or after the signer's name ("Depto 4, Martha", "Apt 12B - Linda"), as a flat reply writes it
_UNITS = frozenset(
    {"apt", "apto", "depto", "dept", "unit", "unidad", "suite", "ste", "lote", "lot", "space", "number", "room"}
    | {"cuarto", "truck", "camion", "troca", "trailer", "rig", "route", "ruta", "bus", "van"}  # "Héctor, camión 9"
    | set(_SIGNER["units"])  # "piso 3", "espacio 14", "ext. 4417"
)


def without_sign_off(
    words: list[str], text: str, found: _Words, known: frozenset[str], heads: frozenset[str]
) -> str | None:
    """The flat form of a reply without its sign-off, when the rest is a keyword or a standalone stop word with
    courtesy words; None when it has no sign-off. Its last word is a word of neither."""
    roled = False
    before, comma, after = text.rpartition(",") if words[-1] in _ROLE_ENDS else ("", "", "")
    role = _LETTERS.findall(fold(after)) if comma else []
    # "HELP - Maria, office manager": the signer's role after the name goes with it
    if role and " ".join(role) in _ROLES and len(words) > len(role) + 1 and words[-len(role) - 1 :] == ["|", *role]:
        words, text, roled = words[: -len(role) - 1], before, True
    start, units, initials = len(words), 0, set()
    # back over the names to the words a keyword is said with (a stop word ends them too: "BAJA -Ramón y Lupita")
    while (
        start
        and words[start - 1] not in known
        and words[start - 1] not in found.stop_words
        and words[start - 1].isalpha()
    ):
        start -= 1
        if (
            start >= 2
            and words[start - 1] == "|"
            and (words[start - 2] in _TITLES or (len(words[start - 2]) == 1 and words[start - 2].isalpha()))
        ):
            start -= 1  # "Sra. Ortega", "Raymond T. Ortiz"
        elif start >= 2 and words[start - 1] in _COUPLED and (name := words[start - 2]) not in known and name.isalpha():
            start -= 1  # "Marvin & Opal Greene": two names signed together
        elif start >= 3 and words[start - 1] in _COUPLED and words[start - 2] == "|" and words[start - 3] in _TITLES:
            start -= 2  # "Mr. and Mrs. Lowell": two titles signed together
        elif start >= 2 and words[start - 1] == "|" and words[start] in _NAME_SUFFIXES:
            start -= 1  # "Tom Baker, CPA"
        elif start >= 4 and words[start - 1] == "|" and _DIGIT.search(words[start - 2]) and words[start - 3] in _UNITS:
            start -= 3  # "Cancelar. Depto 4, Martha": a unit before the name
            units += 2
        elif start >= 3 and words[start - 1] == "|" and _initial_read_as_word(words[start - 2], text):
            start -= 2  # "Tomás R. Ibáñez": the flat form read the initial "R." as "are"
            initials.add(words[start])
    signed = [word for word in words[start:] if word != "|"]
    names = [word for word in signed[units:] if word not in _COUPLED]
    written = len(names)  # the names of the sign-off as written, title included, not the "&" between two
    if names and names[0] in _TITLES:
        names = names[1:]
    head = words[:start]
    while head and head[-1] == "|":
        head.pop()
    # a stop word is no name ("Re: Baja")
    given = [
        name for name in names if len(name) > 1 and name not in _NAME_SUFFIXES and name not in initials
    ]  # "Raymond T. Ortiz Sr."
    if not (names and len(given) <= _SIGN_OFF_NAMES and head and heads.issuperset(head)) or not heads.isdisjoint(given):
        return None
    if roled and not _TIMES.isdisjoint(given):  # "Cancel - Monday, nights": what is cancelled, and when
        return None
    courteous = head[-1] in known and not _keyword_word(head[-1])  # "Thanks, Bill": any name after thanks
    # a title says a name follows ("End - Mr. Patel"), and so do a first and a last name after a dash ("START - Bill
    # Turner"); "Cancel. Tuesday" or "Cancel - Tuesday" is no sign-off
    if (written_tail := _written_tail(text, len(signed) - units)) is None:
        return None
    tail, dash_before, before = written_tail
    # a first and a last name, or three words led by one no dictionary knows ("Remove - Sanchez Auto Body": a
    # business customer signs with its company)
    full = len(given) == _FULL_NAME or (len(given) == _SIGN_OFF_NAMES and given[0] not in found.lexicon)
    dashed = full and dash_before and (_TIMES.isdisjoint(given) or month_named(tail))
    if not (courteous or dashed or roled or written > len(names)) and not found.lexicon.isdisjoint(
        set(names) - initials
    ):
        return None
    # the names as written start with a capital, after a dash, a comma or a period ("- Jim", "-J", ", Bill", ". Thanks,
    # Sra. Ortega"), or after a courtesy word ("cancelar. atentamente Jorge Ramírez")
    if not (dash_before or courteous or before[-1] in _SEPARATORS):
        return None
    capitalised = all(
        name in _COUPLED
        or name in _NAME_ARTICLES
        or (name[:1].isupper() and name.rstrip(".:,").replace(".", "").isalpha())
        or (index + 1 < len(tail) and fold(name).rstrip(".:,") in _TITLES)  # "doña Marta": a title in lower case
        for index, name in enumerate(tail)
    )
    return " ".join(head) if capitalised else None


def month_named(tokens: list[str]) -> bool:
    """Whether each day or month among these words as written is a first name before a surname ("Julio Peña", "June
    Carter"), not a time ("Cancel - Monday & Friday", "Cancel - June 5")."""
    folded = [fold(token).strip(".,:;") for token in tokens]
    return all(
        word in _MONTH_NAMES
        and index + 1 < len(tokens)
        and tokens[index][:1].isupper()
        and tokens[index + 1][:1].isupper()
        and folded[index + 1].isalpha()
        and folded[index + 1] not in _TIMES
        for index, word in enumerate(folded)
        if word in _TIMES
    )


def _keyword_word(word: str) -> bool:
    return any(word.upper() in keywords for keywords in _KEYWORDS.values())


def _written_tail(text: str, count: int) -> tuple[list[str], bool, str] | None:
    """The last ``count`` words of the reply as written (a dash before the first taken off), whether a dash is before
    them ("- Bill Turner", "-Bill Turner"), and the word before them; None when the reply has no word before them."""
    tokens = text.split()
    if len(tokens) <= count:
        return None
    tail, before = tokens[-count:], tokens[-count - 1]
    dashed = tail[0][0] in _DASHES or before in _DASHES
    tail[0] = tail[0].lstrip(_DASHES)
    return tail, dashed, before


def _initial_read_as_word(word: str, text: str) -> bool:
    """The flat word is how an SMS spelling reads a single letter ("are" for "r", "me" for "m"), and the reply as
    written has that letter as an initial ("R."), capitalised."""
    letters = _letters_read_as().get(word, frozenset())
    return bool(letters) and any(
        len(token) == 2 and token[1] == "." and token[0].isupper() and token[0].lower() in letters
        for token in text.split()
    )


@cache
def _letters_read_as() -> dict[str, frozenset[str]]:
    """The words SMS spellings read single letters as, with those letters ("are": {"r"}, "you": {"u"})."""
    found: dict[str, set[str]] = {}
    for spelt, word in phrase_data()["canon"]["abbreviations"].items():
        if len(spelt) == 1 and spelt.isalpha():
            found.setdefault(word, set()).add(spelt)
    return {word: frozenset(letters) for word, letters in found.items()}
