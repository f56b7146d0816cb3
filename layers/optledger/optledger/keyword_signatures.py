"""A keyword signed as a letter is (step 1 of ``optledger.classify``, before the phrase reader): a request above or
before a signature block, and a note in brackets of who sends it. The reply is read without them.

* A signature block: after the request, a sign-off ("Best regards,", "Atentamente,", "Thanks,"), then parts split by
  commas, bars or lines, each a name, a title, a credential, a company, a town, a role, an e-mail address or a
  number, in capitals as names are written: "Cancel. Sincerely, Harold Nguyen, P.E.", "Help. Thanks, Wanda Beasley,
  Sulphur Springs", "Cancel. Best, K. Patel | VP Operations | Redline Logistics". Without a sign-off the block starts
  after a dash or on a line of its own ("End - Dale Hutchins, Elk City OK", "remove please / Rick Olsen | Olsen
  Framing"). A greeting line above the request is no part of it ("Good afternoon,", "Distinguida Academia:").
* A note in brackets of who sends: "Cancel pls. Valerie (Jaden's mom)", "Baja (mamá de Sofía)", "STOP (Ruth Ann Pike)".

Days and months are what is cancelled, not a signer ("Cancel - Monday & Friday"), and without a sign-off a signer
written only in words of the dictionary is a thing named ("Cancel - Order Confirmation").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from optledger.classify import _DATA, Classification, classify, decisive
from optledger.keyword_signoffs import (
    _DEPARTMENTS,
    _EVERYDAY,
    _NAME_SUFFIXES,
    _ROLE_ENDS,
    _ROLES,
    _TIMES,
    _TITLES,
    _UNITS,
    LEVEL_GROUP,
    PHONE,
    month_named,
)
from optledger.keyword_words import _FIRST_CHARS, _FOOTERS, _words
from optledger.reply_rules import WordSet, phrase_data, social_data
from optledger.reply_text import fold, phrase_words

_SIGNED_CHARS = 240  # a keyword and its signature block: longer replies are letters the reader reads
_CUTS = 4  # where a request ends: its first few breaks are tried
_HEAD_WORDS = 8  # "Cancelar suscripción. Atte. Dra. Lucía Fernández" above a company's line
_PARTS = 10  # "Ing. Rafael Méndez | Gerente | Constructora Méndez & Hijos / Tel. (305) 555-0198 / an address"
_PART_WORDS = 8
_PHONE_DIGITS = 7
_NOTE_WORDS = 4
_GREETING_WORDS = 4
_SIGN_OFF_WORDS = 4  # "reciban un cordial saludo" before a name on its line
# where a request may end and its signature begin: a line, a bar, a comma, a dash, the end of a sentence
_BREAK = re.compile(r"\s*(?:\n+|\||,|(?:^|\s)[-\u2013\u2014~]+|(?<=[.!:;])\s)\s*")
_PART_BREAK = re.compile(r"\s*(?:\n+|\||,|\s[-\u2013\u2014~]+\s|(?<=[.!])\s)\s*")
_EDGES = " \t\n|,.-\u2013\u2014~"
_GREETING = re.compile(r"([^.!?\n]{1,40}[.!]+)\s+")  # a first sentence, which may be a greeting
_LETTERS = re.compile(r"[^\W\d_]+")
_NOTE = re.compile(r"\s*\([^()\n]{1,40}\)")
_RELATIONS = frozenset(_DATA["relations"])  # "(Jaden's mom)", "la abuelita Teodora": who sends a keyword
# lower-case words of a signer's part: "Mr. and Mrs. Lowe", "Kline & Shah LLP", "la abuelita Teodora", "office manager"
_JOINERS = frozenset({"&", "and", "y", "e", "de", "del", "la", "las", "los", "el", "of", "the", "van", "von", "da"})
_ROLE_WORDS = 5  # "supervisor de turno noche", "encargado de cámara de frío"
_NAME_WORDS = 3  # "Ana María Duarte"
_DESCRIBED_WORDS = 4  # "Sunday learn to skate", "CLT base, flt 2214"
_NEGATIONS = frozenset({"no", "not", "dont", "never", "nunca", "ni", "nada"})
# where a role ends and the place it serves begins, named in capitals ("organista de Santa Maria")
_AT_A_PLACE = re.compile(r"\s(?:de|del|at|of|en|for)\s+(?=[A-ZÁÉÍÓÚÑ])")
# words that make a role's words a sentence ("ask the manager", "call my supervisor"), not a signer's role
_NOT_ROLE_WORDS = frozenset({"my", "your", "the", "a", "an", "to", "ask", "call", "text", "mi", "su", "tu", "al", "el"})


def signed(text: str, join_keywords: Iterable[str], names: Iterable[str]) -> Classification | None:
    """The verdict on a request signed as a letter is, when the request alone is decisive (a keyword's, a
    revocation); None for anything else."""
    if len(text) > _SIGNED_CHARS:
        return None
    body = _without_greeting(text)
    # "Hey hope you're having a good day! HELP please": a keyword after a sentence of greeting reads as it alone
    if len(body) < len(text.strip()) and (
        verdict := decisive(classify(body, join_keywords=join_keywords, names=names))
    ):
        return verdict
    cuts = list(_BREAK.finditer(body))[:_CUTS]
    if "\n" not in body and (
        not cuts or body[cuts[0].end() :].islower() or _first_word(body) not in _words().heads
    ):  # most replies: a sentence that starts with no keyword nor courtesy word, or no capital after its first break
        return None
    for cut in cuts:
        head, tail = body[: cut.start()].strip(_EDGES), body[cut.start() :]
        if not head:
            continue
        lined = "\n" in cut.group()
        words = _LETTERS.findall(fold(head))
        if not _head_words().issuperset(words) and not (lined and len(words) <= _HEAD_WORDS):
            if "\n" not in tail:
                return None  # a longer head holds this one's words: only a line of its own may still sign it
            continue  # a request said in words is signed on a line of its own, or the phrase reader reads it
        # after the request's full stop, a signer in two parts or more ("Remove please. Bernice Hollis, Boca Raton")
        everyday = not _EVERYDAY.isdisjoint(words)  # what CANCEL or END closes may be what it cancels
        if _signature(tail, lined, sentenced=body[cut.start() - 1 : cut.start()] in (".", "!"), everyday=everyday):
            return decisive(classify(head, join_keywords=join_keywords, names=names))
    return None


@cache
def _head_words() -> frozenset[str]:
    """The words a signed request is made of: keywords, stop words, courtesy and words of address ("Ayuda joven")."""
    return _words().heads | _words().address_words


def _first_word(text: str) -> str:
    found = _LETTERS.search(text[:_FIRST_CHARS])
    return fold(found[0]) if found else ""


def _without_greeting(text: str) -> str:
    """The reply without a greeting line above the request ("Good afternoon,", "Distinguida Academia:")."""
    first, newline, rest = text.strip().partition("\n")
    first = first.strip()
    if (sentence := _GREETING.match(first)) and _courtesy_only(sentence[1]) and first[sentence.end() :]:
        return _without_greeting(first[sentence.end() :] + newline + rest)  # "Muy buenas noches. Cancelar..."
    if not newline and ": " in first:  # "Estimados señores: cancelar. Atentamente, Dr. Ernesto Salcedo"
        first, rest = first.split(": ", 1)
        first, newline = first + ":", "\n"
    greeting = bool(newline and rest.strip()) and first[-1:] in ",:" and len(first.split()) <= _GREETING_WORDS
    if not greeting or not _words().requests.isdisjoint(_LETTERS.findall(fold(first))):
        return text
    # "Good afternoon,", "Hi Team,"; a salutation before a colon ("Estimados señores:")
    if _courtesy_only(first) or all(token[0].isupper() for token in first.split() if token[0].isalpha()):
        return rest.strip()
    return rest.strip() if first.endswith(":") and first[0].isupper() else text


def _signature(tail: str, lined: bool, sentenced: bool = False, everyday: bool = True) -> bool:
    """Whether the rest of a reply is a signature block: a sign-off, then a signer's parts; a signer alone after a
    dash, on lines of its own or after a title ("Sr. Ernesto Villarreal, Saltillo")."""
    if "?" in tail:
        return False
    if "(" in tail:  # a note in brackets is no part of the signer ("Lorraine (RN, nights)")
        tail = _NOTE.sub("", tail)
    dashed = lined or tail.lstrip(" \t|,.")[:1] in "-\u2013\u2014~\n"
    parts = [part for part in _PART_BREAK.split(tail.strip(_EDGES)) if part.strip(_EDGES)]
    signed_off = False
    while parts and _courtesy_only(parts[0]):  # "Best regards", "Reciban un cordial saludo."
        parts, signed_off = parts[1:], True
    if parts and (rest := _after_sign_off(parts[0])) is not None:  # "Atte. Lic. Rogelio Tamez", "atentamente Jorge"
        parts, signed_off = [rest, *parts[1:]] if rest else parts[1:], True
    if signed_off:  # a farewell after the signer ("Thanks Guardian Shield, have a good one")
        parts = [part for part in parts if not _courtesy_only(part)]
    if not parts:
        return signed_off
    named = [word for part in parts for word in _LETTERS.findall(fold(part))]
    # a title before the first or second part's name ("Sr. Ernesto Villarreal", "Dpto 302, Sra. Graciela Rivas")
    titled = any(words[0] in _TITLES for part in parts[:2] if (words := _LETTERS.findall(fold(part))))
    # a name, then a role ("Kevin Tran, night shift lead, Westside Distribution"): a signer without a sign-off
    # or a credential ("Kendra, RN")
    titled = titled or (len(parts) > 1 and any(_role_or_credential(part) for part in parts))
    # a phone number or an e-mail address: only a signer adds one after a request ("Ayuda. A.M. 492 555 0150")
    titled = titled or any("@" in part or PHONE.match(part.strip()) for part in parts)
    # after a full stop, a name first that no dictionary knows ("Bernice Hollis, Boca Raton"; not "Main Street, Apt 4")
    sentenced = sentenced and len(parts) > 1 and not _words().lexicon.issuperset(_LETTERS.findall(fold(parts[0])))
    if not (signed_off or dashed or titled or sentenced) or len(parts) > _PARTS:
        return False
    # a dash, then a name in capitals: the parts after it say who signs, in the signer's words ("HELP - Olivia Tran,
    # cello", "End - Capt. Rob Whitaker, CLT base, flt 2214")
    # ("Cancel - Marcus Hill, Tigers baseball #31"): after CANCEL or END, only beside a person's name, one with an
    # initial, a title or a word no dictionary knows; "Cancel - Order Confirmation, 4471" names what is cancelled
    described = dashed and _capitalised_name(parts[0]) and (not everyday or _personal_name(parts[0]))
    if not all(_signer_part(part, signed_off) or (described and _described(part)) for part in parts):
        return False
    # without a sign-off, a signer is a name no dictionary knows, or titled, or an initial: not "Order Confirmation"
    return signed_off or titled or not _words().lexicon.issuperset(named) or any(len(word) == 1 for word in named)


def _capitalised_name(part: str) -> bool:
    """A name of up to three words in capitals, a title before it or not ("Donna", "Capt. Ana Duarte")."""
    tokens = part.split()
    if tokens and fold(tokens[0].rstrip(".")) in _TITLES:
        tokens = tokens[1:]
    return 0 < len(tokens) <= _NAME_WORDS and all(
        token[0].isupper() and token.rstrip(".").isalpha() for token in tokens
    )


def _personal_name(part: str) -> bool:
    """A name a person signs with: a title, an initial or a word no dictionary knows ("Capt. Rob Whitaker", "R.
    Dumas", "Tom Reilly")."""
    tokens = part.split()
    if fold(tokens[0].rstrip(".")) in _TITLES or any(len(token.rstrip(".")) == 1 for token in tokens):
        return True
    return not _words().lexicon.issuperset(_LETTERS.findall(fold(part)))


def _described(part: str) -> bool:
    """A few words that describe a signer after the name, with a number or an acronym ("grade 8 ref", "MIA base"): no
    request, negation, possessive, day or month."""
    words = _LETTERS.findall(fold(part))
    if LEVEL_GROUP.match(" ".join(words)):
        return True  # "Info pls - Drita, beginner group": the signer's group by its level
    return (
        0 < len(part.split()) <= _DESCRIBED_WORDS
        and (any(char.isdigit() for char in part) or any(len(token) > 1 and token.isupper() for token in part.split()))
        and _NOT_ROLE_WORDS.isdisjoint(words)
        and _objects().isdisjoint(words)  # "Help - Jim, order 4471": what the help is about
        and _words().requests.isdisjoint(words)
        and _NEGATIONS.isdisjoint(words)
        and _TIMES.isdisjoint(words)
    )


@cache
def _objects() -> frozenset[str]:
    """Things a request may be about (``objects`` of ``data/social_words.json``: an order, an account, a class)."""
    return frozenset(social_data()["objects"])


def _after_sign_off(part: str) -> str | None:
    """The rest of a part that starts with a closing ("Atentamente Jorge Ramírez": "Jorge Ramírez"), or None."""
    tokens = part.split()
    for count in range(min(len(tokens) - 1, _SIGN_OFF_WORDS), 0, -1):
        if _courtesy_only(" ".join(tokens[:count])):
            return " ".join(tokens[count:])
    return None


def _signer_part(part: str, signed_off: bool) -> bool:
    """A name, a title, a credential, a company, a town, a role, an e-mail address or a number, as written."""
    # a note in brackets after the name is no part of it ("Judge R. Whitley (ret.)")
    tokens = [token for token in part.split() if any(char.isalnum() for char in token) and token[0] != "("]
    if not tokens or len(tokens) > _PART_WORDS:
        return False
    if "@" in part or sum(char.isdigit() for char in part) >= _PHONE_DIGITS:
        return True
    if len(tokens) == 1 and tokens[0].endswith(".") and fold(tokens[0][:-1]) in _UNITS:
        return True  # "ext." cut from its number by the period's break ("ext. 4417")
    words = _LETTERS.findall(fold(" ".join(tokens)))
    if " ".join(words[:2]) in _FOOTERS:  # "Sent from my iPad" below the signature
        return True
    if not _words().requests.isdisjoint(words) or (
        not signed_off and not _TIMES.isdisjoint(words) and not month_named(tokens)
    ):
        return False  # "Thanks, stop": a request, not a name; "Cancel - Monday & Friday": what is cancelled
    # a role of its kind ("equipment manager", "4th grade teacher", "night shift supervisor"): its words in lower case
    role = _role(words)
    numbered = any(char.isdigit() for char in part)  # "unit 7", "apt 4B"
    capitalised = 0
    for token in tokens:
        letters = _LETTERS.findall(token)
        if token[0].isupper() or (letters and letters[0][0].isupper()) or any(char.isdigit() for char in token):
            capitalised += 1
        elif not (letters and (role or _lower_case_signer_word(fold(letters[0]), numbered))) and (
            " ".join(fold(letter) for letter in letters) not in _DEPARTMENTS  # "step-down", "med-surg"
        ):
            return False
    # a department or a shift in lower case ("hemodiálisis", "night shift"): where the signer works
    return capitalised > 0 or role or not _DEPARTMENTS.isdisjoint(words) or " ".join(words) in _DEPARTMENTS


def _role_or_credential(part: str) -> bool:
    """A role, a credential ("RN") or a unit with its number ("Unit 304"): what only a signer adds after the name."""
    words = _LETTERS.findall(fold(part))
    if len(words) == 1 and words[0] in _UNITS and any(char.isdigit() for char in part):
        return True
    if _role(words) or (len(words) == 1 and words[0] in _NAME_SUFFIXES and part.strip(" .").isupper()):
        return True
    # "organista de Santa Maria de Maó", "deacon at St. Luke's": a role, then the place it serves in capitals
    if not (found := _AT_A_PLACE.search(part)):
        return False
    place = part[found.end() :].split()
    return _role(_LETTERS.findall(fold(part[: found.start()]))) and all(w[:1].isupper() or w in _JOINERS for w in place)


def _role(words: list[str]) -> bool:
    """A role of its kind, in English or Spanish order ("night shift lead", "supervisor turno noche")."""
    return (
        0 < len(words) <= _ROLE_WORDS
        and (words[-1] in _ROLE_ENDS or words[0] in _ROLE_ENDS or words[-1].removesuffix("s") in _ROLE_ENDS)
        and _NOT_ROLE_WORDS.isdisjoint(words)
    )


def _lower_case_signer_word(word: str, numbered: bool) -> bool:
    return word in _lower_case_signer_words() or (numbered and word in _UNITS)


def _courtesy_only(part: str) -> bool:
    words = _LETTERS.findall(fold(part).replace("'", ""))  # "hope you're well": words as the rules spell them
    return bool(words) and not _sign_offs().strip(words)


@cache
def _sign_offs() -> WordSet:
    """Courtesy words and the closings of a letter ("Reciban un cordial saludo", "Respectfully")."""
    return WordSet(phrase_words([*phrase_data()["courtesy"], *_DATA["sign_offs"]]))


@cache
def _lower_case_signer_words() -> frozenset[str]:
    """The words a signer's part may hold in lower case: joiners, relations, departments and the words of roles."""
    return (
        _JOINERS | _RELATIONS | _DEPARTMENTS | _ROLE_ENDS | frozenset(word for role in _ROLES for word in role.split())
    )


def noted(text: str, join_keywords: Iterable[str], names: Iterable[str]) -> Classification | None:
    """A keyword or a stop word signed with a note in brackets of who sends it, a relation ("Cancel pls. Valerie
    (Jaden's mom)", "Baja (mamá de Sofía)") or a name ("STOP (Ruth Ann Pike)"); None for anything else ("Cancel (my
    appointment)": what is cancelled)."""
    body, _, note = text.rstrip()[:-1].rpartition("(")
    tokens = note.split()
    if not body.strip() or ")" in note or not 0 < len(tokens) <= _NOTE_WORDS:
        return None
    related = not _RELATIONS.isdisjoint(_LETTERS.findall(fold(note)))
    if not related and not all(token[0].isupper() for token in tokens if token[0].isalpha()):
        return None
    return decisive(classify(body, join_keywords=join_keywords, names=names))
