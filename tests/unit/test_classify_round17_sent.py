"""Round 17 of issue 12: a stop whose object the rules read as a thing, yet which may be what the sender texts.

"Stop sending me the dollar rates" and "ya no me manden lo del karaoke" name no texts: the rules masked them as a
request about something else, like "stop sending me the paper bills", and they ended as ordinary messages. A business
that texts exchange rates or karaoke nights is sending exactly those, so such a stop is queued for a person, unless
what it names is a thing that does not come by text (bills, catalogs, parts, a technician) or the stop is negated or
asked about. Each class is tested with wordings of its own and hard negatives beside it (docs/rules.md).
"""

from __future__ import annotations

import pytest

from optledger.classify import classify
from tests.support.replies import check


@pytest.mark.parametrize(
    "text",
    [
        "stop sending me the gas prices every morning",
        "quit sending me the daily horoscope",
        "omg stop sending the lottery numbers",
        "ya no me manden lo de las rifas",
        "ya no me manden lo del bingo porfa",
    ],
)
def test_a_stop_naming_what_the_sender_may_text_is_queued(text):
    verdict = classify(text)
    assert (verdict.action, verdict.review) == ("message", True), verdict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # things that do not come by text
        ("stop sending me the paper statements", "message"),
        ("please stop sending the printed calendar, we never use it", "message"),
        ("quit sending the plumber who broke the pipe", "message"),
        ("stop sending me the red ones, I asked for green", "message"),
        ("ya no me manden la revista a la casa", "message"),
        ("ya no me manden los paquetes a esta dirección", "message"),
        # negated or asked: texts wanted
        ("don't stop sending me the gas prices, they save me money", "message"),
        ("never stop sending the daily horoscope lol", "message"),
        ("did you stop sending the lottery numbers? haven't had one", "message"),
        # texts named: a revocation as before
        ("stop sending me your gas prices", "opt_out"),
    ],
)
def test_things_negations_and_questions_beside_it(text, expected):
    check(text, expected)
