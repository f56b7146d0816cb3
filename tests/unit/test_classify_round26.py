"""Round 26 (on the spent sets 53-56): words of address from more places, after a Spanish stop word too; titles of rank
and office, two titles signed together, a name's suffix, a signer's role, a note in brackets of who sends; a name's
last words; END's last letter slipped; a slip read before a guessed cut; and rules: spam the food, a sender compared,
"keep me posted", texts wanted stopped. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baja asere", "opt_out"),  # a word of address after a Spanish stop word
        ("cancelar, gracias maje", "opt_out"),
        ("baja oiga por favor", "opt_out"),
        ("STOP mi socio", "opt_out"),
        ("Help vos", "help"),  # names nobody else
        ("ayuda boss lady", "help"),
        ("Help primo", "message"),  # still: a cousin may be the one to help
        ("stop frfr", "opt_out"),
        ("STOP ngl", "opt_out"),
        ("Info, xoxo", "help"),
    ],
)
def test_address_and_emphasis(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unsubscribe - Sgt. Lee Park", "opt_out"),  # a title of rank
        ("Cancelar. Familia Quintero", "opt_out"),  # a family signs
        ("Stop. God bless. Mr. and Mrs. Abbott", "opt_out"),  # two titles signed together
        ("Cancel. Best regards, Ann Cole, CPA", "opt_out"),  # a suffix after a comma
        ("Help - Dana, parking lot", "message"),  # no role of the list: no sign-off read
        ("Help - Dana, receptionist", "help"),  # a role after the name
        ("Baja. Atte. Irma Soto, gerente", "opt_out"),
        ("Remove please. Greg (Noah's dad)", "opt_out"),  # a note in brackets of who sends
        ("Baja (abuela de Mateo)", "opt_out"),
        ("Cancel (the Tuesday class)", "not opt_out"),  # what is cancelled
        ("BAJA -Lalo y Mari", "opt_out"),  # a couple after a dash, the stop word no name
        ("Cancel. Regards, P. Shah", "opt_out"),  # an initial, as before
    ],
)
def test_sign_offs(text, expected):
    if expected == "not opt_out":
        assert label_of(text) != "opt_out"
    else:
        assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Baja Dulce Luna", ("Pastelería Dulce Luna",), "opt_out"),  # a name's last words, with their capitals
        ("baja dulce luna", ("Pastelería Dulce Luna",), "review"),  # without them: what the words say is unsure
        ("cancel the car wash", ("Sunny Car Wash",), "message"),  # a sentence with the name's words
    ],
)
def test_a_names_last_words(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("enx", "opt_out"),  # END, its last key struck beside d
        ("cancelqr", "opt_out"),  # CANCELAR with a slip, not "cancel qr"
        ("stopitnow", "opt_out"),  # words run together, as before
    ],
)
def test_slips(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is spam safe for cats? mine stole a slice", "message"),
        ("¿venden empanadas de spam los domingos?", "message"),
        ("that other shop is spam, but you guys are fine", "message"),
        ("the smoke detector keeps chirping and I can't make it stop", "message"),
        ("I told the other gym stop, not you, keep me posted on classes", "message"),
        ("My wife wants these texts stopped", "opt_out"),
        ("we need them stopped today", "opt_out"),
        ("this is spam", "opt_out"),  # as before
    ],
)
def test_round26_rules(text, expected):
    assert label_of(text) == expected
