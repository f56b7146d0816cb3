"""Classes of round 16 of issue 12 (found on the spent held-out sets 16-19): a campaign's specials named as what it
sends ("stop sending me the taco specials"), the sender's list named with an insult or as whichever list it is ("off
your dumb list", "off whatever list I am on"), "no stop texting" read as a stop rather than a negation, and permission
taken back ("I take back my consent").

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quit sending me the lunch specials", "opt_out"),
        ("stop sending the happy hour specials pls", "opt_out"),
        # ...specials asked about, or sent somewhere else
        ("what are the lunch specials today?", "message"),
        ("stop sending specials to my email", "message"),
    ],
)
def test_specials_are_what_the_sender_texts(text, expected):
    """A campaign's specials are its texts, as its deals and offers are."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remove me from your dumb list", "opt_out"),
        ("get my number off whichever list it is on", "opt_out"),
        # ...a list of another kind, insulted or not
        ("take me off the waiting list, we found a spot", "message"),
        ("can you get me off the stupid waiting list and into the 5pm class?", "message"),
    ],
)
def test_the_senders_list_named_with_an_insult_or_as_whichever(text, expected):
    """'Your stupid list', 'whatever list you have me on' is the sender's list, as 'your list' is."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("haha no stop messaging me", "opt_out"),
        ("no stop sending these", "opt_out"),
        # ...a real negation
        ("no dont stop texting me, I like the deals", "message"),
        ("please dont stop sending the reminders", "message"),
    ],
)
def test_no_before_a_stop_of_the_texts_is_not_a_negation(text, expected):
    """'no stop texting me' is 'no, stop texting me': the 'no' refuses, it does not negate the stop."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am taking back my consent to be texted", "opt_out"),
        ("I took back my permission for the texts yesterday", "opt_out"),
        # ...a slip or a form taken back
        ("can I take back the permission slip tomorrow?", "message"),
        ("I need to take back my consent form, I signed the wrong line", "message"),
    ],
)
def test_permission_taken_back(text, expected):
    """Taking back permission or consent is revoking it; a permission slip or a consent form is paper."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("los descuentos ya no los quiero en mi celular", "opt_out"),
        ("sus ofertas ya no las necesito", "opt_out"),
        # ...paper coupons, or the offers wanted by text
        ("los cupones de papel ya no los quiero, mejor por mensaje", "message"),
        # a question whether the offers stopped, because they were missed
        ("did u stop sending the coupons? havent gotten any lately", "message"),
        ("did you quit sending the promos? I didnt get one this week", "message"),
    ],
)
def test_offers_no_longer_wanted_and_offers_missed(text, expected):
    """'Sus cupones ya no los quiero' refuses the texts; 'did you stop the deals? haven't seen one' misses them."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("todo bien con el pago, nada mas les pido que ya no me mandan promociones", "opt_out"),
        ("les ruego que no me escriben mas", "opt_out"),
        # ...a request for something to be sent
        ("les pido que me mandan el recibo del mes", "message"),
    ],
)
def test_a_request_not_to_be_texted_misspelt_in_the_indicative(text, expected):
    """'Les pido que ya no me textean' asks, with the verb misspelt, what 'que ya no me texteen' asks."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOPPE!!", "opt_out"),
        ("Bloqueado, adios", "opt_out"),
        ("ya te bloquie", "opt_out"),
        ("ok blocking you now", "opt_out"),
        # ...a question about the word, blocked by mistake, time blocked out, a farewell alone
        ("Stoppe?", "review"),
        ("te bloquee sin querer, me pueden volver a mandar el codigo?", "message"),
        ("ok blocking out friday afternoon for the install", "message"),
        ("adios, nos vemos el lunes", "message"),
    ],
)
def test_stoppe_and_the_sender_blocked(text, expected):
    """'Stoppe' is STOP stretched; a clause saying the sender is blocked revokes, a farewell beside it too."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pls take me off right now", "opt_out"),
        ("unsubscribe me from theses", "opt_out"),
        ("take meoff ur list", "opt_out"),
        ("borrn mi numero ya", "opt_out"),
        ("these alerts are totally unwanted", "opt_out"),
        ("cero mensajes de promociones", "review"),  # a kind of marketing refused alone (docs/rules.md)
        # ...something else taken off, texts asked about or missed
        ("take me off the right side of the schedule", "message"),
        ("she wrote two theses on it", "message"),
        ("the reminders are not unwanted, keep them coming", "message"),
        ("cero mensajes llegaron hoy, que paso?", "message"),
    ],
)
def test_slips_right_now_and_texts_unwanted(text, expected):
    """Slips run together or misspelt, 'right now' after 'take me off', texts called unwanted, 'cero mensajes'."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k blocking. whatever", "opt_out"),
        ("cero mensajes de ofertas, gracias", "opt_out"),
        ("give the promos a break for a while", "opt_out"),
        # ...time blocked out, texts that did not come, a break of another kind or on some days only
        ("ok blocking out monday for the movers", "message"),
        ("cero mensajes de ustedes hoy, se cayo el sistema?", "message"),
        ("give the dog a rest after the walk", "message"),
        ("give the reminders a break on weekends", "review"),
    ],
)
def test_a_clause_that_blocks_or_refuses_and_texts_given_a_rest(text, expected):
    """'Blocking', 'cero mensajes de X' as a clause of their own; texts given a rest or a break (for a while too)."""
    check(text, expected)
