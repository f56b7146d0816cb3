"""Round 41 (on the sets 168-172, read once at round 40's end): asides of a keyword's clause read further — emoji
as a break ("stop please ma'am 🙏 Lord bless you"), apostrophes out of words of address ("ma'am", "y'all"), a signer's
unit with its number ("slip 15", "bodega 44"), "venga" and "ajá" as openings, "ora" as "ahora", "thnaks"; a clause the
model alone would queue ("pura vida") is an aside. Rules: "ya los bloqué" revokes; messages, Spam fed to a dog, Spam
and crackers packed, spamming the business with photos, "quítame la barba", "make the end of the month".
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop pls sir 🙏 God bless you", "opt_out"),  # emoji as a break
        ("Start please ma'am, thank you Lord 🙌", "opt_in"),  # "ma'am" with its apostrophe
        ("Info please - dock 12, Marisol", "help"),  # a signer's unit with its number
        ("Venga, ayuda por favor. Gracias", "help"),  # an opening
        ("Ajá, info porfa", "help"),
        ("Help, pura vida", "help"),  # a farewell the model alone would queue
        ("baja ora carnal", "opt_out"),  # "ora" as "ahora"
        ("stop thnaks", "opt_out"),  # a slip of thanks
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya te bloqué, no me escribas", "opt_out"),  # blocked said done
        ("ya los bloqué", "opt_out"),
        ("can my dog eat spam? she got into the pantry", "message"),  # Spam the food
        ("llevamos spam y arroz para el viaje", "message"),
        ("sorry for spamming you with pictures lol, which color is best?", "message"),
        ("quítame el bigote también porfa", "message"),
        ("we can't make the end of the season party", "message"),
        ("make it end please", "opt_out"),
    ],
)
def test_phrases(text, expected):
    assert label_of(text) == expected
