"""Round 23 (on the spent sets 38-42 and the tuning sets 43 and 47): long courtesy, blessings and sign-offs, emphasis,
dictated punctuation, a keyword broken around a piece no dictionary knows, and a business known by its initials without
its little words, by a number in digits or words, or by its first word and its last. Examples are this file's own,
not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Muy buenas tardes. Baja, por favor. Gracias y que Dios lo bendiga. Sra. Leticia Ortiz", "opt_out"),  # 17
        ("Parar por favor. Gracias y feliz dia", "opt_out"),
        ("Alto por favor. Muchas bendiciones para usted y su familia", "opt_out"),
        ("Cancelar. Atte. Familia Ortiz", "opt_out"),  # a family's sign-off: "familia" stays a name's word
        ("Info, gracias mil", "help"),
        ("Cancelar hermana, bendiciones", "opt_out"),  # a word of address
        ("Buenas tardes señorita, ayuda por favor", "help"),  # "señorita" names nobody else: HELP too
        ("Help hermana", "message"),  # "hermana" may be the one to help
        ("Quit already geez", "opt_out"),
        ("ugh stop", "opt_out"),
        ("Cancel comma thanks", "opt_out"),  # dictated punctuation
        ("omg stop 😂", "review"),  # delight or a request: a person decides
    ],
)
def test_courtesy_blessings_and_emphasis(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a yuda", "help"),  # "yuda" is no word: a keyword broken by a space
        ("ay uda", "help"),
        ("a top", "message"),  # two words of their own
    ],
)
def test_a_keyword_broken_around_a_piece_no_dictionary_knows(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Traje tortas de spam para todos", "message"),  # the canned meat, in Spanish
        ("arroz con spam el domingo?", "message"),
        ("ya no quiero spam", "opt_out"),
    ],
)
def test_spam_the_food_in_spanish(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Baja TDM", ("Tortillería del Mar",), "opt_out"),  # initials without "del"
        ("STOP BOA", ("Bank of Avalon",), "opt_out"),
        ("Help Pizza 3", ("Pizza Three",), "help"),  # a number in digits or words
        ("stop casa dos", ("Casa 2",), "opt_out"),
        ("cancel KLM Repair", ("KLM Auto Repair",), "opt_out"),  # its first word and its last
    ],
)
def test_a_name_by_initials_numbers_or_first_and_last_words(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish requests about something else: a volunteer sheet, a fee, a job, spam calls or a text asked about
        ("Sáquenme de la hoja de firmas del lunes, ya no puedo", "message"),
        ("Quítenme el recargo porfa, ya pagué", "message"),
        ("A mi esposo le dieron de baja del trabajo, ¿hay descuento?", "message"),
        ("¿Me ayudan a bloquear las llamadas de spam?", "message"),
        ("¿Este mensaje es spam o sí son ustedes?", "message"),
        ("ya no quiero sus mensajes de spam", "opt_out"),
        ("Sáquenme de la lista", "opt_out"),
        # "I never gave you permission to have my number" is a complaint: a person reads it
        ("Nunca les di permiso de guardar mi numero", "review"),
        ("Nunca les di permiso de mandarme mensajes", "opt_out"),
        # a kind of texts still wanted, said after the stop ("pero … sí")
        ("Baja de las promociones pero los recordatorios sí", "review"),
        # a STOP meant for another chat: a message only beside texts wanted
        ("that STOP was meant for the school group", "review"),
        ("ese stop era para otro chat, yo sí quiero los avisos", "message"),
        # delight after a lone STOP
        ("Stop, that cake is unreal 🔥", "message"),
        ("stop, me encanta ese vestido", "message"),
        # a relationship over: the phone given to someone else
        ("I gave this phone to my nephew", "review"),
        ("we're good for the moment", "review"),
    ],
)
def test_round23_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you're blocked now, bye", "opt_out"),  # the number said blocked, as "consider yourself blocked"
        ("youre blocked on my end", "opt_out"),
        ("you are blocked from the portal until you reset it", "message"),
    ],
)
def test_you_are_blocked(text, expected):
    assert label_of(text) == expected
