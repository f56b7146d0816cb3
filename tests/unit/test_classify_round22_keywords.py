"""Round 22 (keywords, on the spent sets 34-37 and 39): Spanish words of address and emphasis, vocatives after HELP,
sign-offs after a courtesy word or with a title and initials, closings in a signature block, an app's footer on its
own line, more slips, a Spanish name by what follows its article, initials with a word in capitals. Examples are
this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop carnal", "opt_out"),
        ("cancelar jefe", "opt_out"),
        ("Baja mi hermano, gracias", "opt_out"),
        ("baja en serio", "opt_out"),
        ("Cancelar de verdad", "opt_out"),
        ("Baja pana", "opt_out"),
        ("HELP boss", "help"),  # words of address that name nobody else: any keyword
        ("info joven", "help"),
        ("Ayuda compa por favor", "help"),
        ("Help my friend", "message"),  # may ask for a friend
        ("START my buddy", "message"),
    ],
)
def test_words_of_address_and_emphasis(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. Kind regards, Helen", "opt_out"),
        ("Cancelar. Cordialmente, Sra. Ibarra", "opt_out"),
        ("parar. atentamente Luis Mena", "opt_out"),  # a name after a courtesy word needs no comma
        ("End - Dr. Brooks", "opt_out"),  # a title says a name follows, even a word's ("Brooks")
        ("Quit. Thanks. Walter J. Hayes Jr.", "opt_out"),  # initials and Jr. count no name of their own
        ("Cancel. Tuesday", "message"),  # no title, a word: not a sign-off
        ("Re: Parar", "opt_out"),  # a stop word is no name
        ("Stop please, have nice weekend", "opt_out"),
        ("Unsubscribe. Blessings", "opt_out"),
        ("Baja. Que pase buen dia", "opt_out"),
        ("Alto, saludos y bendiciones", "opt_out"),
    ],
)
def test_sign_offs_and_farewells(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parar\n\nEnviado desde mi Motorola", "opt_out"),  # the footer on a line of its own
        ("Help\nSent from my Galaxy Note", "help"),
        ("see you at 5\nSent from my iPhone", "message"),
        ("STOP\nWarm regards,\nDiana Cole\nCole Dental Lab", "opt_out"),  # a closing line in the block
        ("Baja\nSaludos,\nIng. Pedro Salas\n(555) 201-7788", "opt_out"),
    ],
)
def test_footers_and_signature_blocks(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ebd", "opt_out"),  # END: the middle key struck beside n
        ("enf", "opt_out"),  # the last key struck beside d (round 26: set 54 labelled it END)
        ("Edn", "opt_out"),  # its last two letters swapped
        ("tsop", "opt_out"),  # the first two swapped
        ("hwlp", "help"),
        ("gelp", "help"),  # the first key struck beside h
        ("atop", "message"),  # a word of its own
        ("Esotp", "opt_out"),  # ESTOP, how Spanish speakers may spell STOP, with a slip
        ("Cancelsr", "opt_out"),
        ("cancelat", "opt_out"),  # a slip of CANCELAR, not "cancel at"
        ("parsr", "opt_out"),
    ],
)
def test_more_slips(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("parar 🙏", "opt_out"), ("baja 💕", "opt_out"), ("cancelar 😅", "opt_out"), ("stop lol", "review")],
)
def test_a_lone_stop_word_with_emoji_is_a_keyword_with_emoji(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Baja La Esquinita", ("Taquería La Esquinita",), "opt_out"),  # what follows the article tells it apart
        ("stop el gallo", ("Panadería El Gallo",), "opt_out"),
        ("Ayuda Los Primos", ("Mudanzas Los Primos",), "help"),
        ("baja gallo", ("Panadería El Gallo",), "review"),  # without its article "gallo" is any rooster
        ("cancel the order", ("Pizza The Order Co",), "message"),  # English "the" inside a name: not taken
        ("STOP MFCU", ("Mesa Firefighters CU",), "opt_out"),  # initials with a word in capitals kept whole
        ("Baja Villalobos", ("Abogados Villalobos",), "opt_out"),  # a name's last word written with a capital
        ("HELP Serenity", ("Centro de Bienestar Serenity",), "help"),
        ("cancel delivery", ("Pizza Delivery",), "message"),  # no capital: what the reply says
    ],
)
def test_a_name_by_its_article_its_capital_last_word_or_initials(text, names, expected):
    assert label_of(text, names) == expected
