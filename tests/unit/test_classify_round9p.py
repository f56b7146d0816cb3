"""Classes of round 9 of issue 12, revocation side (found on spent sets 6 and 7 and tuning5, and on the even rows of
the sixth tuning set).

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it: the
rule is for the class. Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question how to stop the texts: what to reply, type or do so that they stop
        ("what should I type so the promo texts go away", "opt_out"),
        ("what do i send back to stop getting these", "opt_out"),
        ("what do we have to do to stop these", "opt_out"),
        ("what do I text so these alerts quit coming?", "opt_out"),
        ("is there a code word to stop these texts", "opt_out"),
        ("q tengo q hacer pa que ya no me lleguen", "opt_out"),
        ("¿qué hay que mandar para dejar de recibir?", "opt_out"),
        # ...but a question what to do for anything else is a question
        ("what do I have to do to get a refund", "message"),
        ("what should I reply to confirm", "message"),
        ("what do I say so my kids stop fighting", "message"),
        ("¿qué tengo que hacer para recibir las ofertas?", "message"),
    ],
)
def test_how_to_stop_questions(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish: a possessive, a courtesy frame, "todos los", "ni un ... más"
        ("quiero cancelar la suscripción por favor", "opt_out"),
        ("Cancelen mi subscripcion gracias", "opt_out"),
        ("nos quitan de su lista ya", "opt_out"),
        ("me hacen el favor y me borran de la lista", "opt_out"),
        ("paren todos los mensajes porfa", "opt_out"),
        ("que suspendan ya todas las promociones", "opt_out"),
        ("ni un texto mas", "opt_out"),
        ("Ni una promoción más, gracias", "opt_out"),
        ("not one more text please", "opt_out"),
        ("dejen de escribirle a mi celular", "opt_out"),
        ("ya no me manden mensajitos, gracias", "opt_out"),
        # ...hard negatives: a subscription box, a waiting list, a text that did not come, another person
        ("cancelen mi suscripcion de la caja", "message"),
        ("me sacan de la lista de espera por favor", "message"),
        ("ni un mensaje me llegó ayer", "message"),
    ],
)
def test_spanish_possessives_courtesy_and_quantifiers(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # heavy slips in "take me off your list": short words no dictionary can mend; a person reads them
        ("tak me of yor lsit", "review"),
        ("tkae me off the lisy", "review"),
        ("gey me off ur lisst", "opt_out"),  # the stretched word is mended: a request in full
    ],
)
def test_heavy_slips_in_a_removal_request_are_queued(text, expected):
    check(text, expected)
