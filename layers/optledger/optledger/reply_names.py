"""The business's own name beside a keyword ("STOP Luxe Nails", "HELP - Acme", "baja Tacos Don Chuy gracias"): the
name only says which sender is meant, so the reply is read without it (step 1 of ``optledger.classify``, on a reply
that is not a keyword alone). The names are the brand's name and the names of the campaigns on the number the reply
was sent to: ``optledger.inbound`` passes them. A sentence that names the business is read with the name said
"this", the way the rules read a sender ("Can you unsubscribe me from this", "why does this keep texting me"): a name's
own words ("Bolt and Board", "Public Library") are no object of the request.

A name is taken out whole, or by a run of its words that holds one of four letters or more no English or Spanish
dictionary knows ("stop luxe" for Luxe Nails), or by its first two words or more ("STOP Daily Grind" for Daily Grind
Coffee), or by its first word when that is no common word ("STOP Tonys" for Tony's Pizza) and then maybe with the
words after its next ("stop BMP Audio" for BMP Car Audio), or a Spanish name by what follows its article ("baja La
Güera" for Empeños La Güera), or by its last word written with a capital ("AYUDA Esperanza"), or by its initials,
with or without its little words ("ERV" for Envíos Rápidos del Valle): another run of ordinary words ("nails", "gym")
is what a sentence says, not a name ("cancel order" to Order Updates is about an order). A number in a name is read
in digits or in words ("HELP Lucky 7" for Lucky Seven Pawn).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from optledger.classify import _TIMES
from optledger.reply_languages import english_or_spanish, known_words
from optledger.reply_text import fold

KEYWORD_WORDS = 4  # a keyword with courtesy words beside the name: more words are a sentence
_SENTENCE_WORDS = 6  # more words are a sentence: a name's one dictionary word in it is what it says
_DISTINCTIVE_MIN = 4
_NAME_WORDS = 8
_INITIALS_MIN = 2
_SPANISH_ARTICLES = frozenset({"la", "el", "los", "las"})
_ARTICLES = _SPANISH_ARTICLES | {"the"}
_JOINING = frozenset({"of", "and", "for", "de", "del", "y", "e", "da", "das", "du", "des"})
_LITTLE = _JOINING | _ARTICLES  # the words between a name's words, which a reply may write in lower case
# a number in a name is written in digits or in words ("Lucky 7" of Lucky Seven Pawn, "Casa Dos" of Casa 2)
_NUMBER_WORDS = tuple(  # each language's words of the numbers one to ten, by their digits
    {str(number): word for number, word in enumerate(words.split(), 1)}
    for words in (
        "one two three four five six seven eight nine ten",
        "uno dos tres cuatro cinco seis siete ocho nueve diez",
    )
)
_WORD_DIGITS = {word: digit for spelt in _NUMBER_WORDS for digit, word in spelt.items()}
_NUMBERS = frozenset(_WORD_DIGITS) | frozenset(_NUMBER_WORDS[0])  # the number words and the digits a name may hold
_WORD = re.compile(r"[^\W_]+")
_AMPERSANDED = re.compile(r"&|[^\W\d_]+")  # a name's words and its "&"
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
_NAMED = "\x00"  # where the name was
# words that only lead to the name go with it in the bare reply ("HELP for Luxe Nails", "baja de la Cooperativa Sol")
_NAMED_AFTER_LEAD = re.compile(r"(?:(?<![^\W_])(?:the|from|for|to|de|del|a|al|la|el|los|las|para)[\W_]+){0,2}\x00")


class Unnamed(NamedTuple):
    bare: str  # the reply without the name: a keyword said beside it is that keyword ("STOP Luxe Nails")
    read: str  # the name said "this": how a sentence naming the sender reads ("why does this keep texting me")
    words: int  # the words left beside the name


def without_name(text: str, names: tuple[str, ...]) -> Unnamed | None:
    """The reply with the business's name taken out, when it names the business beside other words; else None."""
    plain = fold(text)
    # most replies hold no word of a name: no pattern, no dictionary (a cold start reads none for them)
    if _name_words(names).isdisjoint(_WORD.findall(plain)) or (pattern := _pattern(names)) is None:
        marked = _capital_code(text, plain, names)  # "Baja EMOR": a code of the name's words, no word of it
        if marked == plain:
            return None
    # in a sentence, a name's one word a dictionary knows is what the sentence says ("dejaron de quitarme impuestos"
    # to Impuestos Rápidos); beside a keyword it names the business ("STOP scoops" to Scoops & Cones)
    elif len(_WORD.findall(plain)) > _SENTENCE_WORDS:
        # unless the reply writes it with a capital past its first word ("Darme de baja de Acme, muchas gracias")
        capitalised = {fold(word) for word in _WORD.findall(text)[1:] if word[0].isupper()}
        marked = pattern.sub(
            lambda found: found[0] if _dictionary_word(found[0]) and found[0] not in capitalised else _NAMED, plain
        )
    else:
        marked = pattern.sub(_NAMED, plain)
    if marked == plain:
        marked = _capital_last_word(text, plain, names)
        if marked == plain and (marked := _capital_run(text, plain, names)) == plain:
            return None
    read = marked.replace(_NAMED, " this ")
    bare = _NAMED_AFTER_LEAD.sub(" ", marked)  # "STOP the Daily Grind", "baja de Tacos Don Chuy": the name goes
    if not (words := len(_WORD.findall(bare))):
        return None
    return Unnamed(bare, read, words)


def _capital_last_word(text: str, plain: str, names: tuple[str, ...]) -> str:
    """The folded reply with the last word of a name taken out where the reply writes it with a capital, not first
    ("AYUDA Esperanza" to Centro de Adultos Mayores Esperanza, "baja Ramírez" to Seguros Ramírez): a word of its own
    ("cancel delivery") is what a reply says, a capital marks a name. A sentence is read with it said "this" too
    ("Darme de baja de Fuente de Vida, muchas gracias" to Iglesia Fuente de Vida)."""
    last = _last_words(names)
    tokens = _WORD.findall(text)
    for index, token in enumerate(tokens[1:], 1):
        if token[0].isupper() and (word := fold(token)) in last:
            # "Baja Bella Rosa" to Salón Bella Rosa: the name's last words, each with its capital, go with it
            words = [word]
            for run in last[word]:
                written = tokens[index - len(run) + 1 : index]
                fits = index - len(run) >= 0 and [fold(w) for w in written] == list(run[:-1])
                # the little words between capitals stay in lower case ("Cancelar Sol y Luna" to Yoga Sol y Luna)
                if fits and written[0][0].isupper() and all(w[0].isupper() or fold(w) in _JOINING for w in written):
                    words = list(run)
                    break
            if len(words) == 1 and len(word) < _DISTINCTIVE_MIN:
                continue  # a short last word ("Mar" of Mariscos Del Mar) names the business only with the words before
            pattern = r"[\W_]+".join(map(re.escape, words))
            return re.sub(r"(?<![^\W_])" + pattern + r"(?![^\W_])", _NAMED, plain, count=1)
    return plain


def _capital_run(text: str, plain: str, names: tuple[str, ...]) -> str:
    """The folded reply with two or more words of a name in a row taken out where the reply writes each with a
    capital ("Baja Sonido Bravo" to Disquera Sonido Bravo Fan Club, "Baja Garaje Ya" to Venta de Garaje Ya); the
    little words between them may stay in lower case."""
    tokens = _WORD.findall(text)
    folded = [fold(token) for token in tokens]
    for words in sorted(_spellings(names), key=len, reverse=True):
        for size in range(len(words) - 1, 1, -1):
            for start in range(len(words) - size + 1):
                run = words[start : start + size]
                if sum(word not in _LITTLE for word in run) < 2:
                    continue
                for index in range(1, len(tokens) - size + 1):  # not the reply's first word: its capital says nothing
                    written = tokens[index : index + size]
                    if tuple(folded[index : index + size]) == run and all(
                        token[0].isupper() or fold(token) in _LITTLE for token in written
                    ):
                        pattern = r"[\W_]+".join(map(re.escape, run))
                        return re.sub(r"(?<![^\W_])" + pattern + r"(?![^\W_])", _NAMED, plain, count=1)
    return plain


_SAID_IN_CAPITALS = frozenset(
    {"all", "now", "yes", "off", "out", "end", "not", "ask", "pls", "plz", "asap", "bye", "ya"}
)


def _capital_code(text: str, plain: str, names: tuple[str, ...]) -> str:
    """The folded reply with a code in capitals taken out where the code is made of the first letters of a name's
    words in a row, from its first ("EMOR" of Envíos Moroleón, "SUNFAB" of Sunrise Fabrics): a word of its own in
    capitals no dictionary knows, not the reply's first."""
    for token in _WORD.findall(text)[1:]:
        code = fold(token)
        if len(code) < _INITIALS_MIN + 1 or not token.isupper() or not code.isalpha():
            continue
        # a word only where it is the initials of every word of a name ("BAJA GET" to Guaguas Excursiones Timanfaya)
        if english_or_spanish(code) and (code in _SAID_IN_CAPITALS or code not in _whole_initials(names)):
            continue
        if any(_abbreviates(code, words) for words in _spellings(names)):
            return re.sub(r"(?<![^\W_])" + re.escape(code) + r"(?![^\W_])", _NAMED, plain, count=1)
    return plain


@lru_cache(maxsize=1024)
def _whole_initials(names: tuple[str, ...]) -> frozenset[str]:
    """The initials of every word of a name, and of its words without the little ones."""
    return frozenset(
        "".join(word[0] for word in words if not little or word not in _LITTLE)
        for words in _spellings(names)
        for little in (False, True)
        if len(words) > _INITIALS_MIN
    )


def _abbreviates(code: str, words: tuple[str, ...], used: int = 0) -> bool:
    """The code is the beginnings of two or more of the words in a row, from the first; little words may be
    left out between them."""
    if not code:
        return used >= _INITIALS_MIN
    if not words:
        return False
    word = words[0]
    if used and word in _LITTLE and _abbreviates(code, words[1:], used):
        return True
    return any(
        _abbreviates(code[length:], words[1:], used + 1)
        for length in range(min(len(word), len(code)), 0, -1)
        if code[:length] == word[:length]
    )


@lru_cache(maxsize=1024)
def _last_words(names: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The last word of each name of two words or more, of three letters or more, with the runs of the name's last
    words it ends (two or more, not the whole name), longest first."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for words in _spellings(names):
        if len(words) > 1 and len(words[-1]) >= _DISTINCTIVE_MIN - 1 and words[-1].isalpha():
            found.setdefault(words[-1], set()).update(words[start:] for start in range(1, len(words) - 1))
    return {last: tuple(sorted(runs, key=len, reverse=True)) for last, runs in found.items()}


def _dictionary_word(run: str) -> bool:
    return run.isalpha() and english_or_spanish(run)


def _distinctive(word: str) -> bool:
    """A word of four letters or more no dictionary knows ("luxe", "kjam", "fitzone"); a shorter one may be any
    abbreviation ("spa", "bus")."""
    return len(word) >= _DISTINCTIVE_MIN and word.isalpha() and not english_or_spanish(word)


@lru_cache(maxsize=1024)
def _spellings(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The words of each name: "Bolt & Board" written "Bolt and Board" too ("Giros & Más" "Giros y Más"), "The Laugh
    Vault" without its article, "Empeños La Güera" by "La Güera"."""
    spelt = {spelling for name in names for spelling in (name, name.replace("&", " and "), name.replace("&", " y "))}
    found = {words for spelling in spelt if (words := tuple(_WORD.findall(fold(spelling))))}
    found.update(words[1:] for words in list(found) if len(words) > 1 and words[0] in _ARTICLES)
    # its numbers in digits or in words, English or Spanish
    found.update(
        spelt
        for words in list(found)
        if not _NUMBERS.isdisjoint(words)
        for spelt in (
            tuple(_WORD_DIGITS.get(word, word) for word in words),
            *(tuple(names.get(word, word) for word in words) for names in _NUMBER_WORDS),
        )
    )
    # a Spanish name by what follows an article inside it, the part that tells it apart ("El Toro" of Gimnasio de Box
    # El Toro, "La Güera" of Empeños La Güera), article kept: "toro" alone is any bull
    found.update(
        words[start:]
        for words in list(found)
        for start in range(1, len(words) - 1)
        if words[start] in _SPANISH_ARTICLES and words[start - 1] not in _ARTICLES
    )
    return tuple(sorted(found))


_DASHED = re.compile(r"\s[-–—|]\s")


@lru_cache(maxsize=1024)
def _initials(names: tuple[str, ...]) -> frozenset[str]:
    """Short forms a name is known by: its first word written in capitals ("KQ" of KQ 105.3, "JB" of JB Motors) and
    the initials of a name of two words or more ("PCL" of Pine County Library, "CTCU" of Cascade Teachers CU), when
    no common word."""
    short: set[str] = set()
    # a name and its parts around a dash ("CX" of Casa Xoana – Tortilla de Betanzos: the name before its tagline)
    for named in {part.strip() for name in names for part in (name, *_DASHED.split(name)) if part.strip()}:
        name = _POSSESSIVE.sub("", named)  # "THB&T" of Tate's Hell Bait & Tackle: the "'s" is no word of it
        cased = [word for word in _WORD.findall(name.replace("&", " ")) if word.casefold() not in _ARTICLES]
        if cased and len(cased[0]) >= _INITIALS_MIN and cased[0].isupper() and cased[0].isalpha():
            short.add(fold(cased[0]))
        # the initials of the whole name, and of its first words ("NCFC" of North County FC Youth), of three letters
        for end in range(len(cased), 1, -1):
            short.update(form for form in _initials_of(cased[:end]) if end == len(cased) or len(form) > _INITIALS_MIN)
        # without a first word that says what the business is ("FAO" of Taquilla Festival Acordeón de Oro)
        if len(cased) > _INITIALS_MIN + 1:
            short.update(form for form in _initials_of(cased[1:]) if len(form) > _INITIALS_MIN)
        # with its articles too ("SLC" of Salón Los Candiles)
        every = [word for word in _WORD.findall(name.replace("&", " ")) if word[0].isupper()]
        if len(every) > len(cased):
            short.update(_initials_of(every))
        # with its "&" where the name has it ("DG&F" of Desert Glass & Film, "LG&CC" of Lakeshore Golf & Country Club)
        if "&" in name and len(marked := _AMPERSANDED.findall(name)) > _INITIALS_MIN:
            short.add(fold("".join(word if word == "&" else word[0] for word in marked)))
    return frozenset(word for word in short if word not in known_words())


def _initials_then_word(names: tuple[str, ...]) -> set[tuple[str, str]]:
    """A name's first words by their initials, its little words' among them or not, the word after them written out
    ("SLV Sheep" of San Luis Valley Sheep Co., "CLP Tortillas" of Casa Los Primos Tortillas), when the initials are no
    common word."""
    found: set[tuple[str, str]] = set()
    for name in names:
        words = _WORD.findall(name.replace("&", " "))
        for kept in ([word for word in words if word.casefold() not in _LITTLE], [w for w in words if w[0].isupper()]):
            for end in range(_INITIALS_MIN, len(kept)):
                found.update((form, fold(kept[end])) for form in _initials_of(kept[:end]) if form not in known_words())
    return found


def _initials_of(cased: list[str]) -> set[str]:
    """The initials of a name's words: every one's; without the little words between them ("ERV" of Envíos Rápidos
    del Valle, "BTB" of Bank of the Bay); with a word in capitals kept whole ("CTCU" of Cascade Teachers CU)."""
    if len([word for word in cased if word[0].isalpha()]) < _INITIALS_MIN:
        return set()
    return {
        fold("".join(word[0] for word in cased if word[0].isalpha())),
        fold("".join(word[0] for word in cased if word[0].isalpha() and fold(word) not in _JOINING)),
        fold("".join(word if word.isupper() else word[0] for word in cased if word[0].isalpha())),
    }


@lru_cache(maxsize=1024)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    """Every word a reply may write a name with: its words, or a run of them written as one ("Tonys", "FitZone")."""
    found: set[str] = set()
    for words in _spellings(names):
        found.update(words)
        found.add(words[-1] + "s")  # "stop yellowjacket boosters" to Clayton Yellowjacket Booster Club
        found.add("".join(words))
        if len(words) <= _NAME_WORDS:
            runs = (words[start:end] for start in range(len(words)) for end in range(start + 2, len(words)))
            found.update("".join(run) for run in runs)
    coupled = {form for first, second in _coupled_initials(names) for form in (first, first + second)}
    # "dg&f": the words a reply's "DG&F" is read as ("dg", "f")
    ampersanded = {part for form in _initials(names) if "&" in form for part in _WORD.findall(form)}
    return frozenset(found | _initials(names) | coupled | ampersanded)


@lru_cache(maxsize=1024)
def _coupled_initials(names: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The initials of the two words an "&" joins in a name ("R&O" of Ruiz & Ortega Immigration), a run of two
    letters the reply may write with the "&" or without."""
    found = set()
    for name in names:
        for before, after in re.findall(r"([^\W\d_]+)\s*&\s*([^\W\d_]+)", name):
            found.add((fold(before[0]), fold(after[0])))
    return frozenset(found)


@lru_cache(maxsize=1024)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern of each name and each run of its words that holds a word no dictionary knows, or its first words,
    longest first, as whole words (any punctuation or none between them: "Rudys" is "Rudy's")."""
    runs: set[tuple[str, ...]] = set()
    for words in _spellings(names):
        runs.add(words)
        if len(words) > _NAME_WORDS:  # a long name (128 characters are allowed) is taken out whole only
            continue
        # its first words: two or more ("Daily Grind" of Daily Grind Coffee), or one that is no common word ("Tony's")
        first = 1 if len(words[0]) >= _DISTINCTIVE_MIN - 1 and words[0] not in known_words() else 2
        runs.update(words[:end] for end in range(first, len(words)))
        if first == 1:  # a first word that tells the name apart, with the words after its next ("BMP Audio")
            runs.update(words[:1] + words[2:end] for end in range(3, len(words) + 1))
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                run = words[start:end]
                if any(_distinctive(word) for word in run):
                    runs.add(run)
    runs.update((word,) for word in _initials(names))
    runs.update(_coupled_initials(names))
    runs.update(_initials_then_word(names))
    if not runs:
        return None
    # longest first: "map&d" before "map" (both initials of Mahoning Ave Pierogi & Deli)
    ordered = sorted(runs, key=lambda run: (-len(run), -len("".join(run)), run))
    alternatives = (r"[\W_]*".join(map(re.escape, run)) + ("s?" if run[-1][-1:].isalpha() else "") for run in ordered)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


# a name in capitals after "from", "de" or "off" ("unsubscribe me from Golden Spoon Diner", "darme de baja de
# Panadería Luna"): two words or more in capitals, little words between them
_NAMED_AFTER = re.compile(
    r"\b(?:from|off|of|de|del)\s+((?:[A-ZÁÉÍÓÚÑ][\w'’.-]*)(?:\s+(?:(?:de|del|la|las|los|el|y|of|the|and|&)\s+)?"
    r"[A-ZÁÉÍÓÚÑ][\w'’.-]*)+)"
)


def names_in_capitals(text: str) -> tuple[str, ...]:
    """The names a reply writes in capitals after "from", "de" or "off": a sentence that names its sender may be read
    with the name said "this", whether or not the name is one the sender is known by. A reply written in capitals
    throughout names nothing by them; days and months are when, not who."""
    if text.isupper() or text.istitle():
        return ()
    return tuple(name for name in _NAMED_AFTER.findall(text) if _TIMES.isdisjoint(_WORD.findall(fold(name))))
