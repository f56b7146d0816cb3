"""Round 50 (on the sets 211-214, read once on 14c5eda): a signer's table, shop, seat or extension and a waiter's or
guide's role after HELP or AYUDA; a saint of any name blessing after a stop word; a threat to have the sender
reported; a replier's circumstance said without a request (moved, sold, buying elsewhere now, the number someone
else's); a short clause of another language with one short word a dictionary knows beside a keyword. Examples are
this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signer's place and role
        ("AYUDA - Lupe, mesera, turno noche", "help"),
        ("HELP pls - Dario, table 7", "help"),
        ("INFO - Rocío, guía, int. 21", "help"),
        ("Cancel table 3", "message"),  # the table is what is cancelled
        # a saint blessing, a threat to have the sender reported
        ("Baja. Que San Martín de Porres los cuide", "opt_out"),
        ("Text me once more and I'll have ya blocked", "opt_out"),
        # a circumstance said without a request
        ("We moved our cattle to a ranch near Lubbock", "review"),
        ("La camioneta ya se vendió", "review"),
        ("Ahora mando por Western Union", "review"),
        ("ahora pago con tarjeta, ¿está bien?", "message"),
        ("I moved my appointment to Tuesday", "message"),
        ("Este número lo tiene ahora mi sobrino", "review"),
        # a short clause of another language beside a keyword
        ("START please, tashi delek la", "opt_in"),
        ("HELP, thuk je che", "help"),
        ("Stop, ur so sus", "opt_out"),
        # a word of address that names nobody else; a time wished of any adjective
        ("Info pls kuya", "help"),
        ("Baja. Que pasen chida semana", "opt_out"),
        ("Cancel. Have a mighty weekend", "opt_out"),
    ],
)
def test_round50(text: str, expected: str) -> None:
    assert label_of(text) == expected, text


def test_a_demand_after_a_stop_word_is_no_blessing() -> None:
    # a refund asked for is what the cancelling is about: not honoured as a keyword (the model may queue it)
    assert label_of("Cancelar, que me paguen el reembolso") != "opt_out"
