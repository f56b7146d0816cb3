"""Round 25 (on the spent sets 49-52): words of address from more places, a slip with courtesy, a first and a last name
after a dash, two titles before a name, a code in capitals; and rules: Spanish lists of another kind, a contract's
driver, spam from a virus or asked about, an email list left by mistake, the sender blocked in Spanish, a reason that
is no time limit. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop homie", "opt_out"),
        ("cancelar parce", "opt_out"),
        ("baja chama, gracias", "opt_out"),
        ("Help fam", "help"),  # a word of address that names nobody else
        ("Help primo", "message"),  # a cousin may be the one to help
        ("Baja, muy amable", "opt_out"),
        ("cancelar de una", "opt_out"),
        ("Parar, gracias y feliz noche", "opt_out"),
        ("cancelat porfa", "opt_out"),  # a slip of CANCELAR with courtesy, not "cancel at"
        ("cancel at noon", "message"),
        ("HELP - Rose Martin", "help"),  # a first and a last name after a dash
        ("Cancel - Monday & Friday", "not opt_out"),  # days are what is cancelled
        ("Alto. Att. Lic. Marco Ibarra", "opt_out"),  # two titles
        ("Cancel - Deacon Paul", "opt_out"),
        ("STOP SUMMERFEST", "opt_out"),  # a code in capitals copied from the text
        ("HELP SUMMERFEST", "message"),  # only an opt-out takes it
        ("STOP YELLING", "message"),  # a word of its own
    ],
)
def test_address_slips_sign_offs_and_codes(text, expected):
    if expected == "not opt_out":
        assert label_of(text) != "opt_out"
    else:
        assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quíteme de la lista de voluntarios del sábado, salgo de viaje", "message"),
        ("¿me pueden quitar de la hoja de voluntarios? tengo turno doble", "message"),
        ("quiero dar de baja al chofer adicional del seguro", "message"),
        ("My laptop got a virus and sends spam to everyone, help", "message"),
        ("is this charge real or some kind of spam?", "message"),
        ("I unsubscribed from your newsletter by mistake, how do I get it back", "message"),
        ("stop calling my office line, this cell is fine for texts and calls", "message"),
        ("ya están bloqueados", "opt_out"),
        ("los voy a bloquear", "opt_out"),
        ("This number is now blocked", "opt_out"),
        ("stop pls, I get these during work", "opt_out"),  # a reason, not a time
        ("stop texting me during work", "review"),  # a time
        ("Stop it, that sofa is the comfiest thing ever", "message"),
        ("Please stop. We sold the house. Thanks", "opt_out"),  # "sold" is no delight
    ],
)
def test_round25_rules(text, expected):
    assert label_of(text) == expected
