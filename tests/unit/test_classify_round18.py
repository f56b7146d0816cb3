"""Classes of round 18 of issue 12 (found on the fresh tuning sets 17 and 18): the list named by what the business
is ("the taco list"), a stop for a few days or weeks, formal and signed removal requests ("my telephone number",
"remove please my number", "retiraran mi número", "dejaran de enviarme"), "kill the texts", a stop beside a threat to
report, an app's permission revoked, spam from other numbers, a Spanish removal from a session; and their hard
negatives.

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pls take me off the taco list", "opt_out"),
        ("get me off the nail salon list thanks", "opt_out"),
        # ...lists that are not the sender's texts
        ("take me off the waiting list, we found a sitter", "message"),
        ("can you take me off the prayer list, I'm feeling better", "message"),
        ("remove me from the guest list for Saturday", "message"),
    ],
)
def test_the_list_named_by_the_business(text, expected):
    """'The taco list' ending its clause is the sender's list; a waiting, prayer or guest list is not."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop for a couple weeks pls", "opt_out"),
        ("ok. stop for two months", "opt_out"),
        # ...a vehicle or a trip that stops for days
        ("the van will stop for a few days while they fix the road", "message"),
        ("we'll stop for a couple of days in Austin on the way", "message"),
    ],
)
def test_a_stop_for_days_or_weeks(text, expected):
    """A stop limited in time only is a stop; a stop told of a vehicle or a trip is a message."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear sir, kindly delete my telephone number from your messaging list. Regards, Walter", "opt_out"),
        ("delete please my number from the texts", "opt_out"),
        ("I do not want the dental office texting my cell anymore", "opt_out"),
        ("kill the promos please", "opt_out"),
        ("Les pido que borraran mi número de sus mensajes", "opt_out"),
        ("Quisiera que dejaran de mandarme promociones", "opt_out"),
        ("stop before I report this number", "opt_out"),
        # ...a telephone number updated, lights killed, a bus that did not stop
        ("please update my telephone number on file, it changed", "message"),
        ("kill the lights in the garage when you leave", "message"),
        ("the driver didn't stop before the gate was blocked", "message"),
    ],
)
def test_formal_and_signed_removals(text, expected):
    """A removal in a formal register, with its words in an unusual order or mood, is a removal."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I revoke my consent to be texted", "opt_out"),
        # ...an app's permission, spam from other numbers, a session left
        ("should I revoke camera permission for the app and try again", "message"),
        ("getting spam texts from unknown numbers all week, can you block those", "message"),
        ("Sáquenme de la clase del sábado, tengo boda", "message"),
        ("sáquenme de la lista por favor", "opt_out"),
    ],
)
def test_permissions_spam_from_others_and_sessions(text, expected):
    """An app's permission revoked, spam from other numbers and a class left are not the sender's texts refused."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please take my name off the music list, we leave at 8", "message"),
        ("nunca pedí que dejaran de mandarme los recordatorios", "review"),
        ("can you take Thursday off my calendar? I'll be out of town", "message"),
        ("can I get the reminders in English instead?", "message"),
        ("shutting down my email, so only texts from here on", "message"),
    ],
)
def test_ordinary_messages_beside_the_words_of_the_round(text, expected):
    """A song or music list, a stop never asked for, a day taken off a calendar, the texts wanted in another
    language or alone: none refuses the sender's texts."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not by text, thanks. Call me instead.", "opt_out"),
        ("keep ur promos to yourselves", "opt_out"),
        ("I don't want one more message from you guys", "opt_out"),
        # ...texts refused for one receipt, a reminder not needed, services no longer needed
        ("can you send the invoice by mail, not by text?", "message"),
        ("I don't need another reminder, see you Tuesday", "message"),
        ("la verdad ya no necesito los servicios", "review"),
    ],
)
def test_texts_refused_in_other_words(text, expected):
    """'Not by text' opening a reply, texts kept to the sender, not one more text wanted: the texts refused."""
    check(text, expected)
