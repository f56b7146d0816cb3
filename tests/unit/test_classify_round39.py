"""Round 39 (on the sets 153-157, read once at round 38's end): a keyword after a sentence of greeting reads as it
would alone ("Hey hope you're having a good day! HELP please"), closings of faith and service ("Love in Christ", "Su
servidora"), "ahí nos vidrios", "pos ya", "fino", "güero", delivering as a reason. Rules: "ya no me manden esos"
revokes; queued, a kind of marketing of two words refused ("no more spirit wear sale texts"), texts while at work (not
"I get these while I'm at work"), "only weekday mornings", a question after "y" without its mark; messages, "el
permiso de paso" cancelled, spam asked about further from its mark, a list of rides.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi there, hope you're doing well! HELP please", "help"),  # a keyword after a sentence of greeting
        ("Hope all is well. STOP", "opt_out"),
        ("Hi. Cancel my appointment", "message"),
        ("STOP. Love in Christ, Ruth and Abe Lyle", "opt_out"),  # closings of faith and service
        ("Cancelar gracias. Su servidor, Memo", "opt_out"),
        ("Cancelar, ahí nos vidrios", "opt_out"),  # farewells, emphasis, words of address
        ("Baja pos ya, gracias", "opt_out"),
        ("Cancelar mi pana, fino", "opt_out"),
        ("Parar porfa, gracias güera", "opt_out"),
        ("Stop please, I'm delivering all day", "opt_out"),  # a reason
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya no me manden esos, gracias", "opt_out"),
        ("no me manden esos zapatos todavía", "message"),
        ("no more booster club raffle texts", "review"),  # a kind of marketing refused alone
        ("please don't text me while I'm at school", "review"),  # a time
        ("pls stop, I get these while I'm at work", "opt_out"),  # complained of
        ("Stop. Only weekday mornings please", "review"),
        ("Baja. Y cuándo abren la tienda", "review"),  # a question after "y" without its mark
    ],
)
def test_phrases(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el vecino canceló el permiso de paso por su terreno", "message"),
        ("¿eso es spam o de veras ustedes me mandaron el enlace para pagar la factura?", "message"),
        ("quítenme de la lista de transporte del domingo", "message"),
    ],
)
def test_messages(text, expected):
    assert label_of(text) == expected
