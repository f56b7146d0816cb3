"""Round 31 (on the sets 110-114, read once): a stop word beside a word in capitals the rules read nothing in ("STOP
REFILL": a code copied from the text); a month that is a first name before a surname ("Julio Peña"); a driver's truck
or route and a room with its number after the signer; words of address stretched ("bruhhh") and from more places
("compai", "ve", "we", "padre"); "no hard feelings but" and other courtesy before a "but"; a letter's greeting and
closing ("Dear Sir or Madam", "Yours faithfully"); "a todos" after a farewell. Rules: the sender blocked or reported
said more ways ("adding you to my blocked contacts", "if these texts don't stop I'm reporting the number", "ya los
tengo en bloqueados"), "cero mensajes de aquí en adelante", a wrong number's "bórrenlo de su lista"; messages are a
person sent ("dejen de mandar al mismo técnico"), a thing given "de baja" ("el seguro", "el contenedor"), "baja" as
low ("la espalda baja", "baja de precio"), a permit cancelled ("se canceló el permiso"), one's own number forgotten
or kept ("sin perder mi número"), spam sent by someone else or apologised for, paper notes home, a STOP reported
beside texts welcomed; queued: texts too many ("no me manden tantos"), a membership not renewed, no texts of one
time. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP TUTORING", "message"),  # a verb's -ing form makes a sentence, as "STOP YELLING" does
        ("STOP BRUNCH", "opt_out"),  # a code in capitals: the rules read only the stop word
        ("BAJA VERANO", "opt_out"),
        ("stop brunch", "review"),  # as before: a code is written in capitals
        ("STOP DELIVERY", "message"),  # as before: the rules read a delivery stopped
        ("HELP BRUNCH", "message"),  # as before: only an opt-out takes a code
        ("Cancel - June Whitaker", "opt_out"),  # a month that is a first name
        ("Parar por favor. Att. Sr. Julio Cárdenas", "opt_out"),
        ("Stop - Dwayne, truck 14", "opt_out"),  # a driver's truck with its number
        ("Cancelar. Rosa, cuarto 3", "opt_out"),
        ("STOP ALREADY bruhhhh", "opt_out"),  # a word of address stretched
        ("cancelar compai", "opt_out"),
        ("alto ve", "opt_out"),
        ("stop padre", "opt_out"),
        ("baja xfis", "opt_out"),  # "xfis": "por favor"
        ("cancelar alv", "opt_out"),  # emphasis
        ("no offense but STOP", "opt_out"),  # courtesy before a "but"
        ("love you guys but cancel", "opt_out"),
        ("Dear Sir or Madam, stop. Yours faithfully, Grace Holloway", "opt_out"),  # a letter's greeting and closing
        ("Baja. Bendiciones a todos", "opt_out"),  # a farewell to everyone
        ("Cancelar. Feliz día a todos", "opt_out"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("putting you in my blocked contacts", "opt_out"),  # the sender blocked
        ("ya te tengo en bloqueados", "opt_out"),
        ("bloqueadísimas", "opt_out"),
        ("if the texts don't stop I'm reporting you", "opt_out"),  # a threat on the texts going on
        ("if I get one more of these I'm reporting this number", "opt_out"),
        ("cero textos de ahora en adelante", "opt_out"),
        ("No soy Marta. Bórrenla de su lista por favor", "opt_out"),  # a wrong number deleted from the list
        ("Mi papá no lee inglés. please stop send", "opt_out"),
        ("ya no me manden tantos", "review"),  # too many, not none
        ("ya no me manden tantos, mejor ninguno", "opt_out"),
        ("we didn't renew our membership this year", "review"),  # a relationship over
        ("no more late night texts", "review"),  # texts of one time refused
    ],
)
def test_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "dejen de mandar al mismo electricista, no arregló nada",  # a person sent
        "No me vuelvan a mandar al muchacho de la instalación",
        "denle de baja al seguro de la moto, ya la vendí",  # a thing given "de baja"
        "me duele la espalda baja, tienen cita el jueves?",  # "baja" as low
        "el sillón baja más de precio en enero?",
        "se canceló el permiso de la obra?",  # a permit cancelled
        "como cambio de plan sin perder mi numero?",  # one's own number kept
        "I forgot my number for the rewards card, can you look it up?",
        "sorry for all the text spam, one last question",  # spam apologised for
        "somebody keeps sending me spam texts with your logo, just so you know",  # spam sent by someone else
        "that's spam right? the call about my car warranty",  # spam asked about
        "dejen de mandar papeles en la carpeta, todo lo veo en la app",  # paper notes home
        "that stop was meant for another store, keep sending the coupons",  # a STOP reported, texts welcomed
        "if I dont text back I'm on shift",
    ],
)
def test_messages(text):
    assert label_of(text) == "message"
