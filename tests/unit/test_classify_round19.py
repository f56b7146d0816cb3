"""Classes found on held-out sets 20-23 once they were measured for the last time (spent): a keyword repeated ("help
help"), a keyword after "thanks but", and the Spanish "dejen de mandarme <what they send>" queued as its English and
"ya no me manden" forms are (round 17). Wordings of their own with hard negatives beside each (docs/rules.md).
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Info info", "help"),
        ("unstop unstop", "opt_in"),
        ("AYUDA AYUDA", "help"),
        ("thank you but STOP", "opt_out"),
        ("gracias pero stop", "opt_out"),
        # ...a keyword beside words that say something else
        ("help me with my order, help", "message"),
        ("thanks but stop by tomorrow instead", "message"),
    ],
)
def test_a_keyword_repeated_or_after_thanks_but_is_that_keyword(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dejen de mandarme los horóscopos", "review"),
        ("paren de mandarme los chistes del día", "review"),
        ("paren de mandarme lo de la rifa", "opt_out"),  # "lo de": what they send, said outright
        # ...a thing that does not come by text, or a negation
        ("dejen de mandarme el catálogo a la casa", "message"),
        ("no dejen de mandarme los horóscopos", "message"),
    ],
)
def test_dejen_de_mandarme_what_they_send_is_queued(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("these are costing me a fortune", "review"),
        ("all of these keep eating my data", "review"),
        # ...something else that costs
        ("the repair is costing me a fortune", "message"),
        ("these boots are eating my heels", "message"),
    ],
)
def test_texts_said_to_cost_money_without_naming_them_are_a_complaint(text, expected):
    """ "These" are the texts (docs/rules.md); the learned second opinion had read "these are costing me money" as
    unclear, until training on sets 20-23 moved it below its threshold: now a rule of the complaint class says it."""
    check(text, expected)
