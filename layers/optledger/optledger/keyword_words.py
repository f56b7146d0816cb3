"""A keyword said with words around it that leave it a keyword, or typed with a slip (step 1 of
``optledger.classify``, on a reply that is not the keyword alone). Imported by ``classify_phrases``, with the phrase
reader; set lookups on short replies, no regex.

* Courtesy words ("HELP pls", "stop thx", "VIP porfa", "🛑 please"): ``courtesy`` in ``data/phrases.json``, which
  has the common device and mail-app footers too ("STOP Sent from my iPhone") and words of emphasis ("Stop period",
  "Sorry but STOP").
* Words of address after an opt-out keyword ("STOP my friend", "stop bro", "baja mi pana"): ``address`` in
  ``data/keywords.json``; after HELP or START only those that name nobody else (``vocatives``: "HELP bro", "Ayuda
  joven"), since "START my friend" or "HELP my friend" may ask for a friend.
* A sign-off ("Help - Jim", "Start. Thanks, Bill", "CANCELAR. Gracias, Sra. Ortega"): the reply is read without it
  (``keyword_signoffs``); a note in brackets of who sends ("Cancel pls. Valerie (Jaden's mom)") too.
* A keyword broken by a space or two ("St op", "he lp"), or typed with one slip — an opt-out keyword with a letter
  typed inside it ("stoip"), two letters swapped ("hlep", "strat"), a letter left out of a long one ("ayda") — when
  the word is no English or Spanish word ("quiet", "stomp", "stat").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from optledger.classify import (
    _CONFIRMATIONS,
    _DATA,
    _KEYWORDS,
    REASON_LEADS,
    Classification,
    _keyword,
    classify,
    decisive,
    sign_with_courtesy,
)
from optledger.keyword_signoffs import without_sign_off
from optledger.keyword_unknown import keyword_beside_unknown
from optledger.reply_languages import english_or_spanish, known_words
from optledger.reply_rules import WordSet, address_data, phrase_data
from optledger.reply_text import _canonical_word, fold, phrase_words

_FOOTERS = frozenset(_DATA["footers"])  # "sent from", "enviado desde": a footer's first two words
_FOOTER_WORDS = 8  # "sent from my samsung galaxy smartphone" and its clause break
_SIGN_OFF_WORDS = 7  # three names, two titles and their clause breaks ("atte | sr | ernesto villalba")
_DIGIT = re.compile(r"\d")
_CLOSINGS = frozenset({"sincerely", "regards", "atentamente", "atte", "cordially", "respectfully", "cordialmente"})
_BREAKS = frozenset({"|", "&"})  # a clause break, and the "&" between two courtesies ("Stop please & God bless")
_LETTERS = re.compile(r"[^\W\d_]+")
_CODE_DIGITS = 3  # a short code has five or six digits, a code from a text three or more
_CODE_LETTERS = 5  # a code in capitals ("TACOTUES"): longer than a name's initials ("ERV")
_GERUNDS = ("ING", "ANDO", "IENDO")  # a stop word before one makes a sentence ("STOP YELLING"), not a code
_CODE_LEADS = frozenset(
    {"to", "number", "al", "a", "code", "codigo", "store", "tienda", "sucursal", "location", "branch"}
)
_LONG_KEYWORD = 6  # "unstop", "cancel": joined from two words, still a keyword
_SLIP_MIN = 4  # "end" with a slip is too many words ("eand", "edn", "ed"); "stop" with one is not
_JOIN_WORDS = 3  # a join keyword is a word or two: more unknown words are not one
_SPLIT_PIECES = 3  # a keyword broken by more than two spaces is spelt out, which canonical() reads already
_SPLIT_CHARS = 24  # "st op thank you": a broken keyword with courtesy words is a short reply
_PIECE_CHARS = 3
_BUTS = frozenset({"but", "pero"})  # courtesy, then "but", then the keyword ("nothing personal but STOP")
_NAME_LEADS = frozenset({"thanks", "thx", "gracias", "hi", "hey", "hello", "hola", "ok", "okay", "sorry", "perdon"})
_NAME_LEAD_PAIRS = frozenset({"appreciate you", "appreciate it", "thank you", "love you", "love ya", "good morning"})
_FIRST_CHARS = 40  # where a reply's first words are looked for (a name after thanks, a keyword before a signature)
# the stop words that revoke in a clause of their own, and the subjects a sentence typed after one starts with
_STOPS = frozenset({"stop", "unsubscribe", "unsub", "stopall", "optout", "revoke", "baja", "parar", "alto"})
_SUBJECTS = frozenset(
    {"im", "i", "ive", "ill", "you", "u", "youre", "ur", "we", "were", "they", "theyre", "its"}
    | {"estoy", "ando", "tengo", "yo", "soy", "voy", "estamos", "andamos"}  # "baja porfa estoy en el trabajo"
)
_REASON_LEADS = frozenset(REASON_LEADS)
_SUBJECT_PAIRS = frozenset({"this is", "that is", "thats a", "this has", "these are"})  # "stop already this is a lot"
_UNBROKEN_WORDS = 5  # a stop word, up to three courtesy words, the subject
_TWICE_WORDS = 3  # "STOP / BAJA / ARRET": a request said in up to three words


class _Words(NamedTuple):
    courtesy: WordSet
    known: frozenset[str]  # the words of courtesy phrases and keywords, and YES/Y, and the clause break "|"
    heads: frozenset[str]  # those and the words of standalone stop words ("cancelar", "de baja"): what is signed
    address: WordSet
    vocatives: WordSet  # words of address that name nobody else ("HELP bro"): any keyword stays one beside them
    address_words: frozenset[str]
    lexicon: frozenset[str]
    stop_words: frozenset[str]  # the standalone stop words of one word ("baja", "cancelar"): no name
    requests: frozenset[str]  # those and the keywords of one word, lower case: what a request said twice is made of


@cache
def _words() -> _Words:
    data = phrase_data()
    courtesy = phrase_words(data["courtesy"])
    known = (
        frozenset({"|"}.union(*(phrase.split() for phrase in courtesy)))
        | frozenset(word for words in _KEYWORDS.values() for keyword in words for word in fold(keyword).split())
        | frozenset(word.casefold() for word in _CONFIRMATIONS)
    )
    standalone = phrase_words([*data["standalone_opt_out"], *data["standalone_opt_out_whole_reply"]])
    return _Words(
        courtesy=WordSet(courtesy),
        known=known,
        heads=known.union(*(phrase.split() for phrase in standalone)),
        address=WordSet(address_data()["address"]),
        vocatives=WordSet(address_data()["vocatives"]),
        address_words=frozenset(word for phrase in address_data()["address"] for word in phrase.split()),
        lexicon=known_words(),
        stop_words=(stop_words := frozenset(phrase for phrase in standalone if " " not in phrase)),
        requests=stop_words
        | {keyword.lower() for keywords in _KEYWORDS.values() for keyword in keywords if keyword.isalpha()},
    )


def forms_of_address() -> WordSet:
    """Words of address ("maje", "my friend"), one set for the keyword reader and the phrase reader."""
    return _words().address


def keyword_reply(
    words: list[str], flat: str, text: str, join_keywords: Iterable[str], unknown: bool
) -> Classification | str | None:
    """The keyword a short reply is, said with words around it or typed with a slip; or, when it is signed off or ends
    in an app's footer, its flat form without them (a ``str``, for the reader to read); None when it is neither.
    ``unknown``: it has a word the detector does not know."""
    # "cancel | sent from yahoo mail for android", "STOP sent from my Verizon Galaxy smartphone"
    footed = not _footer_firsts().isdisjoint(words) and (footer := _footer_at(words))
    if footed:
        words = words[:footer]
        flat = " ".join(words)
    known, heads, addressed = _known_or_joined(join_keywords)
    if words and words[0] in _STOPS and "?" not in text and (broken := _unbroken(words, _words())):
        return broken  # "STOP im driving": read as "stop | im driving"; a question reads as it is
    if _DIGIT.search(flat) and (numbered := _numbered(words, heads, join_keywords)):
        return numbered
    # "HELP AYUDA", "STOP / BAJA", "Cancelar / Cancel": two words of requests (most replies have one, at one set test)
    twice = len(_words().requests.intersection(words)) > 1 and heads.issuperset(words)
    if twice and (verdict := _in_two_languages(words, _words(), join_keywords)):
        return verdict
    # "nothing personal but STOP", "thanks for everything but stop": courtesy of any wording, a "but", the keyword
    if (but := _but_before_keyword(words)) and (
        said := keyword_reply(but, " ".join(but), text, join_keywords, unknown)
    ):
        return said
    if known.issuperset(words):
        found = _words()
        if verdict := _courteous(words, found, join_keywords, text) or (
            _mistyped(words, flat, found, join_keywords) if _may_slip(words, unknown) else None
        ):
            return verdict
    if unknown and "?" not in text and (word := keyword_beside_unknown(words, _words(), text)):
        return _courteous([word], _words(), join_keywords, text)  # "STOP tenkyuh", "stop jan merci"
    # words of address (courtesy words too: "help you all", as "help y'all" reads), a slip, or a sign-off
    if addressed.issuperset(words):  # words of address among them ("stop my friend")
        found = _words()
        verdict = _courteous(found.address.strip(words), found, join_keywords, text)
        if verdict and verdict.action != "opt_out":  # "HELP my friend" may ask for a friend; "HELP bro" does not
            verdict = _courteous(found.vocatives.strip(words), found, join_keywords, text)
        return verdict if verdict and verdict.action != "message" else None
    if _may_slip(words, unknown) and (verdict := _mistyped(words, flat, _words(), join_keywords)):
        return verdict
    # "Thanks Maria, but stop", "Gracias Lupita, baja": a name written with its capital after thanks or a greeting
    lead = 2 if " ".join(words[:2]) in _NAME_LEAD_PAIRS else 1 if words[0] in _NAME_LEADS else 0
    if lead and len(words) > lead + 1 and words[lead] not in known and (rest := _addressed(words, text, lead)):
        return keyword_reply(rest, " ".join(rest), text, join_keywords, unknown)
    if unknown and len(words) == 2 and (verdict := _coded(words, text, join_keywords)):
        return verdict
    # a sign-off is a few words at the end after a break ("|": a comma, a period, a spaced dash; or "-J"), after
    # words a keyword is said with (most replies: a word of neither before the last few)
    if (
        # "Stop thank you Sincerely Wilma Pruitt"; a double space before the name ("baja gracias  Jesus Armenta")
        ("|" in flat or "-" in text or "  " in text.strip() or not _CLOSINGS.isdisjoint(words))
        and words[0] in heads
        and words[-1] not in known
        and heads.issuperset(words[:-_SIGN_OFF_WORDS])
        and words[-1].isalpha()
        and (unsigned := without_sign_off(words, text, _words(), known, heads))
    ):
        return unsigned
    return flat if footed else None  # "Cancelar por favor | Enviado desde mi Samsung": read without the footer


def _but_before_keyword(words: list[str]) -> list[str] | None:
    """The words without a "but" said between courtesy and a keyword or stop word, or None when there is none."""
    if _BUTS.isdisjoint(words):
        return None
    index = next(index for index, word in enumerate(words) if word in _BUTS)
    after = words[index + 1 : index + 2]
    if not 0 < index < len(words) - 1 or (after[0] not in _words().requests):
        return None
    return [*words[:index], *words[index + 1 :]]


def _may_slip(words: list[str], unknown: bool) -> bool:
    """A slip needs a word the detector does not know, or two words that make a long keyword ("un stop", "re move");
    asked only of the replies a slip could make a keyword (most never are)."""
    return unknown or _two_pieces(words)


def _two_pieces(words: list[str]) -> bool:
    """Two words that make a long keyword, courtesy aside ("un stop", "UN STOP please", "re move pls")."""
    if len(words) == 2:
        return len(words[0]) + len(words[1]) >= _LONG_KEYWORD
    # beside courtesy, one piece is short ("un", "re"): "stop texting please" is two words of their own
    if len(words) > _SPLIT_PIECES + 1 or all(len(word) > _PIECE_CHARS for word in words):
        return False
    core = _words().courtesy.strip(words)
    return len(core) == 2 and min(map(len, core)) <= _PIECE_CHARS and len(core[0]) + len(core[1]) >= _LONG_KEYWORD


def _unbroken(words: list[str], found: _Words) -> str | None:
    """The flat form with a break before a sentence typed straight after a stop word and its courtesy, with no
    punctuation between ("STOP im driving", "stop pls im on a delivery", "Stop bro I'm between orders")."""
    for index in range(1, min(len(words) - 1, _UNBROKEN_WORDS)):
        if words[index] == "|":
            return None
        # "Parar porfa que ando manejando", "STOP because you keep texting": a reason's lead before its subject goes
        lead = words[index] in _REASON_LEADS and words[index + 1] in _SUBJECTS
        if lead or words[index] in _SUBJECTS or " ".join(words[index : index + 2]) in _SUBJECT_PAIRS:
            if found.courtesy.strip(found.address.strip(words[1:index])):
                return None  # words of their own before the subject ("stop by when you can")
            return " ".join([*words[:index], "|", *words[index + lead :]])
    return None


def _addressed(words: list[str], text: str, at: int = 1) -> list[str] | None:
    """The words without the name after the lead (the first word or two), when the reply writes it as a name ("Thanks
    Skyline, but stop", "Appreciate you Kim but stop")."""
    tokens = _LETTERS.findall(text[:_FIRST_CHARS])
    if len(tokens) > at and tokens[at][0].isupper() and tokens[at][1:].islower() and fold(tokens[at]) == words[at]:
        return [*words[:at], *words[at + 1 :]]
    return None


def _footer_at(words: list[str]) -> int:
    """Where the footer of a phone or mail app begins (its clause break, when one is before it: "cancel | sent from
    yahoo mail"; else its lead: "STOP sent from my Verizon Galaxy smartphone"), or 0 when the reply ends in none."""
    for start in range(max(1, len(words) - _FOOTER_WORDS), len(words) - 1):
        if f"{words[start]} {words[start + 1]}" in _FOOTERS:
            return start - 1 if start > 1 and words[start - 1] == "|" else start
    return 0


@cache
def _footer_firsts() -> frozenset[str]:
    """The first words of the footers' leads ("sent" of "sent from"): a reply without one has no footer."""
    return frozenset(lead.split()[0] for lead in _FOOTERS)


def _courteous(words: list[str], found: _Words, join_keywords: Iterable[str], text: str) -> Classification | None:
    """A keyword or a sign said with courtesy words only."""
    if len(set(words).difference(found.known)) > _JOIN_WORDS:  # a join keyword is short
        return None
    bare = found.courtesy.said([word for word in words if word not in _BREAKS])  # "help help": the keyword repeated
    return _keyword(bare.upper(), join_keywords) if bare else sign_with_courtesy(text)


def _in_two_languages(words: list[str], found: _Words, join_keywords: Iterable[str]) -> Classification | None:
    """One request said in two languages or words, courtesy aside ("HELP AYUDA", "Parar stop stop", "Cancel
    cancelar"): each word a keyword or a one-word stop word of the same action. None for anything else."""
    said = list(dict.fromkeys(found.courtesy.strip([word for word in words if word != "|"])))
    if not 1 < len(said) <= _TWICE_WORDS:
        return None
    verdicts: list[Classification] = []
    for word in said:
        verdict = _keyword(word.upper(), join_keywords)
        if verdict is None and word in found.stop_words:
            verdict = decisive(classify(word, join_keywords=join_keywords))
        if verdict is None or (verdicts and verdict.action != verdicts[0].action):
            return None
        verdicts.append(verdict)
    return verdicts[0]


def _numbered(words: list[str], heads: frozenset[str], join_keywords: Iterable[str]) -> Classification | None:
    """A keyword or a stop word beside a code copied from the text (a short code, a promo code: "STOP 55123", "HELP
    to 77342", "Baja 30215", "STOP BREW5"), or with the "1" of a "!" typed without shift ("Stop1"). A number of one
    or two digits may be a choice from a menu ("cancel 2", "help 1"): only a STOP takes one."""
    kept: list[str] = []
    short = False
    for index, word in enumerate(words):
        if word.isalpha() or word == "|":
            kept.append(word)
        elif index == 0 and word.rstrip("1").isalpha():  # "Stop1"
            kept.append(word.rstrip("1"))
        else:
            if kept and kept[-1] in _CODE_LEADS:  # "stop to 77342", "Stop #4410" ("#" is read "number")
                kept.pop()
            short = short or (word.isdigit() and len(word) < _CODE_DIGITS)
    if not kept or kept == words or not heads.issuperset(kept) or (short and kept[0] != "stop"):
        return None
    verdict = decisive(classify(" ".join(kept), join_keywords=join_keywords))
    return None if verdict is None or (short and verdict.action != "opt_out") else verdict


def _coded(words: list[str], text: str, join_keywords: Iterable[str], *, worded: bool = False) -> Classification | None:
    """A stop word beside a code in capitals copied from the text ("STOP TACOTUES"), no word of its own; like a code
    of digits, only an opt-out takes it. ``worded``: the code may be a word, the rules having read nothing in it."""
    tokens = text.split()
    code = tokens[-1] if len(tokens) == len(words) else ""
    worded = worded and english_or_spanish(words[1])  # a word of four letters is a code too ("STOP BIDS")
    if not (len(code) >= _CODE_LETTERS - worded and code.isalpha() and code.isupper()):
        return None
    if english_or_spanish(words[1]) and not (worded and not code.endswith(_GERUNDS)):
        return None
    verdict = decisive(classify(words[0], join_keywords=join_keywords))
    return verdict if verdict is not None and verdict.action == "opt_out" else None


def coded_word(words: list[str], text: str, join_keywords: Iterable[str]) -> Classification | None:
    """A stop word beside a word in capitals in which the rules read nothing but the stop word ("STOP REFILL", "BAJA
    QUINCE"): a code copied from the text, as a code no dictionary knows is; not a verb's -ing form ("STOP YELLING")."""
    return _coded(words, text, join_keywords, worded=True)


def _mistyped(words: list[str], flat: str, found: _Words, join_keywords: Iterable[str]) -> Classification | None:
    """A keyword broken by a space or two ("St op", "he lp", "Sto p pls", "un stop"): its pieces joined, courtesy
    words aside; or a keyword or stop word typed with one slip ("stoip", "hlep pls", "cnacelar")."""
    if len(words) == 1:
        return _slipped(words[0])
    pieces = found.courtesy.strip([word for word in words if word != "|"])
    if len(pieces) == 1:  # "hlep pls", "strat please", "cancelsr porfa, gracias mil"
        return _slipped(pieces[0])
    if len(flat) > _SPLIT_CHARS:
        return None
    if not 1 < len(pieces) <= _SPLIT_PIECES:
        return None
    joined = _canonical_word("".join(pieces))
    # a broken keyword ("st op", "he lp", "sto p", "a yuda") has a piece that is no word of its own (a short piece, or
    # one no dictionary knows); a long keyword broken in two words ("un stop", "can cel") is no sentence either
    if len(joined) < _LONG_KEYWORD and all(w in found.lexicon for w in words if len(w) <= _PIECE_CHARS or w in pieces):
        return None
    return _keyword(joined.upper(), join_keywords) if joined.upper() not in _CONFIRMATIONS else None


def _slipped(word: str) -> Classification | None:
    """The verdict on a word that is a keyword or a one-word stop request typed with one slip."""
    if (meant := slipped_keyword(word)) is None:
        return None
    if (verdict := _keyword(meant.upper(), ())) is not None:
        return verdict
    return decisive(classify(meant))  # a stop word of the phrase rules ("cnacelar": cancelar)


_Known = tuple[frozenset[str], frozenset[str], frozenset[str]]
_last: tuple[object, _Known | None] = (None, None)  # the campaign of the last reply: most replies come in runs


def _known_or_joined(join_keywords: Iterable[str]) -> _Known:
    """Courtesy and keyword words; those with the words of standalone stop words; and those with words of address;
    each with a campaign's join words, remembered per tuple (the same every reply to it)."""
    global _last
    if join_keywords is _last[0] and _last[1] is not None:  # the same tuple again: no hashing it
        return _last[1]
    known = _known_or_joined_of(join_keywords if isinstance(join_keywords, tuple) else tuple(join_keywords))
    if isinstance(join_keywords, tuple):  # a tuple cannot change under its identity; a list can
        _last = (join_keywords, known)
    return known


@lru_cache(maxsize=1024)
def _known_or_joined_of(join_keywords: tuple[str, ...]) -> _Known:
    found = _words()
    joined = found.known | frozenset(word for keyword in join_keywords for word in fold(keyword).split())
    return joined, found.heads | joined, found.address_words | joined


def signed_off(words: list[str], text: str, join_keywords: Iterable[str]) -> str | None:
    """The flat form of a reply without its sign-off, or None when it has none."""
    known, heads, _ = _known_or_joined(join_keywords)
    if not words or words[-1] in known or not words[-1].isalpha():
        return None
    return without_sign_off(words, text, _words(), known, heads)


def slipped_keyword(word: str) -> str | None:
    """The keyword or one-word stop request (lower case) a word is typed with one slip, if the word is not itself an
    English or Spanish word: a letter typed inside it ("stoip", "ayduda"), two letters swapped ("hlep", "strat",
    "cnacelar", "estpo", "abja"), a neighbouring key struck ("cancek", "bsja", "jelp"; in a word of three letters
    after its first, "emd", "edn", "enf", or on it, "wnd"), or one of five letters or more with a letter left out
    after its first ("ayda", "unstp")."""
    for keyword in _slip_keywords().get(len(word), ()):
        # the first letter is typed right, or slips only on a word's own length ("jelp", "abja")
        if (word[0] == keyword[0] or len(word) == len(keyword)) and _one_slip(word, keyword):
            return None if english_or_spanish(word) else keyword
    if len(word) == _SLIP_MIN - 1:  # a short keyword slips after its first letter ("emd", "edn", "enf") or on it
        for keyword in _short_keywords():  # ("wnd", "rnd"; "snd" is SEND shortened, "dnd" a word)
            if (word[0] == keyword[0] or word[1:] == keyword[1:]) and _one_slip(word, keyword):
                return None if english_or_spanish(word) or word in _abbreviations() else keyword
    return None


@cache
def _abbreviations() -> frozenset[str]:
    """The SMS spellings the reader makes words of ("snd": send): no slip of a keyword."""
    return frozenset(phrase_data()["canon"]["abbreviations"])


def _one_slip(word: str, keyword: str) -> bool:
    if len(word) > len(keyword):  # a letter typed inside: the word without one of its inner letters is the keyword
        return any(word[:index] + word[index + 1 :] == keyword for index in range(1, len(word) - 1))
    if len(word) < len(keyword):  # a letter left out
        return any(keyword[:index] + keyword[index + 1 :] == word for index in range(1, len(keyword)))
    differ = [index for index, (typed, meant) in enumerate(zip(word, keyword, strict=True)) if typed != meant]
    if len(differ) == 1:  # a neighbouring key struck ("cancek", "bsja")
        return word[differ[0]] in _neighbours().get(keyword[differ[0]], "")
    if len(differ) != 2 or differ[1] != differ[0] + 1:  # two neighbours swapped
        return False
    first, second = differ
    return word[first] == keyword[second] and word[second] == keyword[first]


@cache
def _neighbours() -> dict[str, str]:
    """The keys around each letter of the keyboard: beside it on its row, and the two it sits between on the rows
    above and below (the rows are staggered: "s" touches "w", "e", "z", "x")."""
    rows = _DATA["keyboard"]
    around: dict[str, str] = {}
    for number, row in enumerate(rows):
        for index, letter in enumerate(row):
            near = row[max(index - 1, 0) : index] + row[index + 1 : index + 2]
            if number > 0:
                near += rows[number - 1][index : index + 2]
            if number + 1 < len(rows):
                near += rows[number + 1][max(index - 1, 0) : index + 1]
            around[letter] = near
    return around


@cache
def _slip_keywords() -> dict[int, tuple[str, ...]]:
    """Lower-case keywords, and the one-word stop requests of the phrase rules that are words, of four letters or
    more, by the length of the word a slip makes of them: a letter typed inside (one longer), two swapped (as long),
    one left out of a word of five or more (one shorter)."""
    data = phrase_data()
    # the stop words that are words ("cancelar", "parar"): a slip of a slip ("stoppe" of "stopp") is no request
    standalone = [*data["standalone_opt_out"], *data["standalone_opt_out_whole_reply"]]
    keywords = {keyword.lower() for keywords in _KEYWORDS.values() for keyword in keywords}
    words = keywords | {word for word in standalone if " " not in word and english_or_spanish(word)}
    words.update("e" + keyword for keyword in keywords if keyword.startswith("st"))  # "estop": Spanish spells STOP so
    by_length: dict[int, set[str]] = {}
    for word in words:
        if word.isalpha() and len(word) >= _SLIP_MIN:
            for length in (len(word) + 1, len(word), *((len(word) - 1,) if len(word) > _SLIP_MIN else ())):
                by_length.setdefault(length, set()).add(word)
    return {length: tuple(sorted(keywords)) for length, keywords in by_length.items()}


@cache
def _short_keywords() -> tuple[str, ...]:
    """The lower-case keywords of three letters ("end")."""
    return tuple(sorted(k.lower() for ks in _KEYWORDS.values() for k in ks if k.isalpha() and len(k) == _SLIP_MIN - 1))
