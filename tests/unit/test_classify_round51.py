"""Round 51 (on the sets 215-218, read once on 2c393d5): a text or a coupon that landed in the spam folder is no
refusal; Spam the food in more Spanish dishes and trades; Hawaiian Pidgin "moa" and "numba"; a qualifier before the
texts made to stop; a belt rank signing a keyword. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # filtered into the spam folder, not refused
        ("Su aviso me cayó en spam, ¿todavía hay lugar el sábado?", "message"),
        ("Me llegó la promo directo a spam, ¿sigue vigente?", "message"),
        ("los reporté como spam", "opt_out"),
        ("me llegan puro spam de ustedes, ya basta", "opt_out"),
        # Spam the food
        ("¿Tienen sanguches de spam?", "message"),
        ("¿Venden spam para llevar?", "message"),
        # Pidgin, a qualifier before the texts
        ("no moa texts to dis numba please", "opt_out"),
        ("how do I make the promo texts stop", "opt_out"),
        ("make the engine stop making that noise", "message"),
        # a belt rank signs
        ("HELP pls - Marco, blue belt", "help"),
    ],
)
def test_round51(text: str, expected: str) -> None:
    assert label_of(text) == expected, text
