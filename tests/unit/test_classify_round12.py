"""Classes of round 12 of issue 12, revocations recorded as ordinary messages (found on the spent set tuning7): a slip
of the thumb in a small word beside a clear request (a key beside the right one, two letters swapped, "you" or "youre"
for "your", "loose" for "lose"), the texts' object named with a modifier ("gym promos": the sender's promos are its
texts), "enough w", and Spanish and Portuguese shorthand ("num", "yano", "sus promos", "pare de me mandar").

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a key beside the right one, or two letters swapped, in a short word of the rules
        ("pls dont tetx me anymore", "opt_out"),
        ("stpo texting me", "opt_out"),
        ("get me off yoir list", "opt_out"),
        ("opt oyt", "opt_out"),
        # "you", "youre" or "teh" for "your" or "the" before the list
        ("please take us off you mailing list", "opt_out"),
        ("delete my number from youre list thanks", "opt_out"),
        ("remove me from teh list", "opt_out"),
        # "loose" for "lose"
        ("loose this number please", "opt_out"),
        # a real word beside "opt" is no certain OUT: a person reads it
        ("opt oyr", "review"),
        # ...real words stay what they say
        ("my jeans are too loose", "message"),
        ("I lost my phone, this is my new one", "message"),
        ("take me off the schedule for friday", "message"),
        ("can you text me the list of times?", "message"),
        ("opt in", "message"),
        ("opt our plan for the cheaper one", "message"),
    ],
)
def test_slips_in_small_words_beside_a_request(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modifier before promo, offer or deal nouns: still the sender's texts
        ("quit sending me spa deals", "opt_out"),
        ("stop sending me loyalty offers", "opt_out"),
        ("stop sending me appointment coupons", "opt_out"),
        # ...another channel or object named stays a message
        ("stop sending me email deals", "message"),
        ("stop sending me paper coupons", "message"),
        ("stop sending me the gym newsletter", "message"),
        ("cancel my gym membership", "message"),
    ],
)
def test_modifiers_before_promo_nouns(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("enuff w these msgs", "opt_out"),
        ("enough w the promos!!", "opt_out"),
        # Spanish and Portuguese shorthand
        ("no me interesan sus promos gracias", "opt_out"),
        ("quiten mi num porfa", "opt_out"),
        ("yano me envien nada", "opt_out"),
        ("pare de me enviar sms", "opt_out"),
        ("dejen de me mandar mensajes", "opt_out"),
        ("Cancelar susc.", "opt_out"),
        ("cancelar mi susc de la revista", "message"),
        # ...hard negatives: an old number, a promotion still wanted, a phone to stop at
        ("borren mi num viejo, les paso el nuevo", "message"),
        ("no terminen la promo del mes porfa", "message"),
        ("no dejen de mandarme las promos", "message"),
        ("enough w the jokes lol", "message"),
    ],
)
def test_shorthand_requests(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no dejen de" with a pronoun between keeps its negation: the consumer wants the texts to go on
        ("no me dejen de enviar las ofertas", "message"),
        ("no nos dejen de avisar del horario", "message"),
        ("no le paren de mandar recordatorios a mi mamá", "message"),
        # ...a "no" that answers, then a request of its own, is still the request
        ("no. dejen de enviarme mensajes", "opt_out"),
        ("no, y dejen de mandarme mensajes", "opt_out"),
    ],
)
def test_a_negation_with_a_pronoun_between(text, expected):
    check(text, expected)
