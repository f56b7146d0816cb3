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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spam the food, and the spam folder of an inbox
        ("is the Spam still on sale or did it end?", "message"),
        ("¿el Spam está de oferta esta semana?", "message"),
        ("your newsletter keeps going to spam, can you text me the link?", "message"),
        ("los correos se me van al spam, mejor mándenme mensaje", "message"),
        # ...spam said of the texts
        ("these texts are spam", "opt_out"),
        ("puro spam, ya no me escriban", "opt_out"),
    ],
)
def test_spam_the_food_and_the_folder_are_not_the_texts(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the replier stops bothering the business
        ("ok I'll stop bugging you now, thanks!", "message"),
        ("sorry, I'll quit texting you guys so late", "message"),
        # ...the business asked to stop
        ("quit bugging me", "opt_out"),
        ("stop texting me", "opt_out"),
    ],
)
def test_the_replier_stopping_is_not_a_revocation(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nada por correo, avísenme por mensaje cuando llegue", "message"),
        ("no me manden cartas, avísame por texto", "message"),
        ("no me manden mensajes, avísenme por correo", "opt_out"),
    ],
)
def test_mail_refused_with_texts_asked_for(text, expected):
    check(text, expected)
