"""Classes of round 9 of issue 12 for unclear replies (found on spent sets 6 and 7 and tuning5, and on the even rows
of the sixth tuning set): the replier is not the consumer, another person's texts, complaints, what STOP would do,
calls alone.

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the replier is not, or nobody by that name here
        ("who's Dana? I'm not him", "review"),
        ("nobody named Priya at this house", "review"),
        ("there's no Marcus at this number, sorry", "review"),
        ("no one by that name here", "review"),
        ("nope not derek lol", "review"),
        ("¿Quién es Lupita? aquí no vive", "review"),
        ("aquí no es, se equivocaron", "review"),
        ("this isn't the Garcias' number", "review"),
        ("never heard of your company", "review"),
        # ...hard negatives: nobody did something, no problem, a name asked about a pickup
        ("no one called me back about the leak", "message"),
        ("no problem here, see you at 3", "message"),
        ("nobody was at the front desk when I came by", "message"),
        ("who's Dr. Lee? is she the new dentist", "message"),
    ],
)
def test_the_replier_is_not_the_consumer(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another person's texts: the consumer may not be the one asking
        ("unsubscribe my ex-wife", "review"),
        ("please opt out my grandson Tyler", "review"),
        ("my roommate wants to unsubscribe", "review"),
        ("stop sending these to my teenager", "review"),
        ("quit texting my boyfriend's phone", "review"),
        ("delete my dad from the list, he doesn't use a cell", "review"),
        ("take my sister's number off pls", "review"),
        ("remove Omar, he moved out", "review"),
        ("dejen de mandarle mensajes a mi suegra", "review"),
        # ...the consumer's own request stays a revocation
        ("unsubscribe me please", "opt_out"),
        ("I want to opt out", "opt_out"),
        ("stop sending texts to my phone", "opt_out"),
        ("remove pickles please", "message"),
    ],
)
def test_another_persons_texts_are_queued(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # complaints without a request
        ("why do you guys keep sending these", "review"),
        ("we get about 4 of these a day", "review"),
        ("no idea why I'm on this list", "review"),
        ("¿por qué sigo en su lista?", "review"),
        ("oigan qué les pasa, es domingo", "review"),
        ("I'm reporting this number to the FTC... wait, to the attorney general", "review"),
        # what STOP would do
        ("would replying stop cancel my warranty too?", "review"),
        ("if we unsubscribe do we still get the school closing alerts", "review"),
        ("si me salgo, ¿me siguen llegando los avisos de pago?", "review"),
        # calls alone
        ("quit with all the robocalls", "review"),
        # ...hard negatives
        ("why do you guys close so early on sundays", "message"),
        ("we get 2 deliveries a week, can we make it one", "message"),
        ("what's wrong with my car? it makes a noise when I stop", "message"),
    ],
)
def test_complaints_stop_questions_and_calls(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the number came to the replier from someone else, or the replier was never a customer
        ("my old roommate must have put my number down", "review"),
        ("we've never been customers of yours", "review"),
        ("I never bought anything there", "review"),
        ("the phone was recently reassigned to me", "review"),
        ("we went with another dentist this year", "review"),
        ("she's away at college now", "review"),
        # another person's texts, partial requests, what STOP does, complaints
        ("grandpa is in hospice, please quit messaging him", "review"),
        ("no más ofertas, pero sí los recordatorios de mi cita", "review"),
        ("stop the weekly tips, only schedule changes", "review"),
        ("if we text back STOP will the bus alerts end too?", "review"),
        ("do you guys have to message me this often?", "review"),
        ("stop texting me every morning", "review"),
        # ...hard negatives
        ("I've never been a patient portal user, how do I log in?", "message"),
        ("do you have to text me the code again?", "message"),
    ],
)
def test_round9_tuning_classes_of_unclear_replies(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("who is this? I'm not Roberto", "review"),
        ("se equivocaron de número", "review"),
        ("whos this? im not ready to buy anything yet", "message"),
    ],
)
def test_a_name_denied_after_who_is_this(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this is no longer the Main St. dental office", "review"),
        ("so many reminders, wow", "review"),
        ("way too many alerts this week", "review"),
        ("every single day, seriously?", "review"),
        ("message me only after 5 please", "review"),
        # ...hard negatives
        ("that's a lot of food for $5", "message"),
        ("call me only if the part arrives", "message"),
        ("is this the shop on 5th? is it open?", "message"),
    ],
)
def test_round9_more_unclear_replies(text, expected):
    check(text, expected)
