"""Round 42 (on the sets 173-177, read once at round 41's end): "darme de baja de una vez" and "darme de baja de" the
business are requests, not something else given up; "baby" beside START, openings of the morning, an apology after the
keyword, "it's" opening a reason after STOP, "plesae"; Spam in a dish is the food.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("denme de baja de una vez", "opt_out"),  # "once and for all", not a thing
        ("Quiero darme de baja de ustedes, gracias", "opt_out"),
        ("quiero dar de baja el plan de datos", "message"),  # a thing given up stays one
        ("Start baby 🙏", "opt_in"),
        ("Mornin. Info please. Have a good one", "help"),
        ("START please, sorry about that", "opt_in"),
        ("STOP. It's midnight and I work at 5", "opt_out"),
        ("stop plesae", "opt_out"),
        ("hi, my wifi stop working this morning, please help", "message"),  # a problem beside HELP
        ("Can you bring spam musubi to the picnic?", "message"),
        ("pastelitos de spam para la fiesta, ¿los hacen?", "message"),
    ],
)
def test_round42(text, expected):
    assert label_of(text) == expected


def test_the_business_named_after_darme_de_baja():
    assert label_of("Darme de baja de Panadería Luna, saludos", ("Panadería Luna",)) == "opt_out"
