"""Round 24 (on the spent sets 44-48): a couple signing together, blessings and laughter beside an insisted STOP, a
phone's footer with no break before it, a business by the initials an "&" joins or named after "de la"; a name's one
dictionary word read as what a sentence says; and rules: calls refused beside a cell that texting suits, the replier's
own spamming, spam asked about or sent by someone else, a technician or someone's permission stopped in Spanish,
"cero mensajes", "ya no me los sigan mandando", a name and number taken off a list. Examples are this file's own, not
rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. God bless, Ruth & Harold Pike", "opt_out"),  # a couple signs together
        ("Baja. Saludos, Ana y Luis Mena", "opt_out"),
        ("Parar, gracias, Dios se lo pague", "opt_out"),
        ("Alto. Que Dios te bendiga", "opt_out"),
        ("Baja seño", "opt_out"),
        ("STOP already lmfao", "opt_out"),  # a STOP insisted on beside laughter
        ("stop lmao", "review"),  # laughter alone: a person decides
        ("quit for real tho", "opt_out"),
        ("END sent from my Verizon Pixel phone", "opt_out"),  # a footer with no break before it
        ("Help sent via Messenger Lite", "help"),
    ],
)
def test_courtesy_laughter_and_footers(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Cancel M&T", ("Mason & Tate Plumbing",), "opt_out"),  # the initials an "&" joins
        ("stop MT", ("Mason & Tate Plumbing",), "opt_out"),
        ("baja de la Panadería Sol", ("Panadería Sol",), "opt_out"),  # two words leading to the name
        ("Cómo me salgo de la lista de Panadería Sol?", ("Panadería Sol",), "opt_out"),
        # a name's one dictionary word in a sentence is what the sentence says
        ("En el trabajo dejaron de quitarme impuestos, ¿qué hago?", ("Impuestos Express",), "message"),
        ("STOP impuestos", ("Impuestos Express",), "opt_out"),  # beside a keyword it names the business
    ],
)
def test_names_joined_by_and_or_led_by_de_la(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop calling the house phone please, texting my cell is better", "message"),
        ("sorry, I'm done bugging you with questions, see you at 3", "message"),
        ("Got a fake text saying it's you and asking for my password, is that real?", "review"),
        ("¿Esto lo mandaron ustedes o es spam?", "message"),
        ("Mi hermana dice que mande stop, pero yo sí quiero las ofertas", "message"),
        ("Dejen de mandar al plomero en la mañana, mejor en la tarde", "message"),
        ("Mi ex ya no tiene permiso de recoger a la niña", "message"),
        ("Cero mensajes por favor", "opt_out"),
        ("Ya no me las sigan enviando", "opt_out"),
        ("Please take my name and phone number off your text list", "opt_out"),
        ("Stop it, that kitten photo made me cry. Adopting her now", "message"),  # a STOP in delight
        ("We switched pharmacies", "review"),  # a relationship over
    ],
)
def test_round24_rules(text, expected):
    assert label_of(text) == expected


def test_days_joined_by_and_are_no_couple_signing():
    assert label_of("Cancel - Monday & Friday") != "opt_out"  # no courtesy word, dictionary words: no sign-off
