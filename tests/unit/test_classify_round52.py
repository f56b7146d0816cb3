"""Round 52 (on the sets 219-222, read once on 6c3606c and 39b6799): a stop word with regional courtesy is honoured as a
keyword with courtesy is ("Baja posta", "Cancelar pes"); a keyword typed across a line break; a return beside START
or UNSTOP; more greetings and farewells of other languages beside a keyword; crew positions and shifts signing; a
request relayed for someone at home; a question how to make "this" stop arriving; words of address after a list; "stop
testing me" said in earnest. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stop word with courtesy or address of a region, as "STOP pls" is a keyword
        ("Baja posta, gracias", "opt_out"),
        ("Cancelar pes, joven", "opt_out"),
        ("Baja de favor, mija", "opt_out"),
        ("de baja machín", "opt_out"),
        ("Baja el precio pes", "message"),  # lower the price: no stop word alone
        ("me doy de baja", "opt_out"),  # a standalone phrase keeps its own "me"
        ("Stop texting me. Also when is my bill due?", "opt_out"),
        # a keyword typed across a line break
        ("can\ncel", "opt_out"),
        ("BA\nJA", "opt_out"),
        ("un\nsubscribe", "opt_out"),
        ("HELP\nME", "help"),
        # a return beside START or UNSTOP
        ("START please, back from Guam", "opt_in"),
        ("UNSTOP, ya regresamos de Oaxaca", "opt_in"),
        ("Ya volví de Lima. START porfa", "opt_in"),
        ("Start, back pain again?", "message"),
        ("back from Dakar? START", "message"),  # asked: not a return said
        # greetings and farewells of other languages and regions
        ("¿Qué pasión? STOP", "opt_out"),
        ("STOP. Quyana", "opt_out"),
        # crew positions and shifts signing
        ("HELP - Marko, first mate, boat 7", "help"),
        ("Ayuda - Rosa, turno tarde", "help"),
        ("STOP - Jo, deckhand", "opt_out"),
        # a request relayed for someone at home
        ("my wife says tell you quit texting her phone", "opt_out"),
        ("did you quit texting?", "message"),
        # how to make it stop arriving
        ("¿cómo hago para que no me llegue más esto?", "opt_out"),
        ("¿cómo hago para que no me llegue tarde el pedido?", "message"),
        # words of address after the list
        ("take me off the bakery list guys", "opt_out"),
        ("take me off the wait list guys", "message"),
        # "testing" for "texting", in earnest; in jest it stays what it says
        ("stop testing me, I asked you already", "opt_out"),
        ("stop testing me lol", "message"),
        ("Quit testing me on the quiz", "message"),
    ],
)
def test_round52(text: str, expected: str) -> None:
    check(text, expected)
