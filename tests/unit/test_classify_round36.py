"""Round 36 (on the sets 138-142, read once at round 35's end): a reason typed after a Spanish stop word with no break
("baja porfa estoy en el trabajo"), a sentence after "this is", a name after "appreciate you" or "thank you", a store
number beside the keyword ("stop store 214"), a signer after a double space, a phrase said twice ("stop it stop it"),
END with its first key slipped ("wnd"; "snd" is SEND shortened), being in class or off shift as a reason. Rules: a
kind of marketing refused by a stop of its sending ("stop sending the survey texts") and texts at midnight or on one
Sunday are queued, so are "is this spam or what", a number given out by someone else, promos cut out beside updates
kept, volunteering given up, a cancellation said done, "just X, not every Y", a death in Vietnamese; whether STOP
would shut off other alerts is a question. Messages: "arrêter au magasin", Spam in more dishes and bags, someone else
who has to stop ("he has to stop all contact drills").
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("baja porfa estoy manejando el camión", "opt_out"),  # a reason after a Spanish stop word, no break
        ("alto ando en el trabajo", "opt_out"),
        ("stop this is the fourth one today", "opt_out"),  # a sentence after "this is"
        ("stop this order", "message"),
        ("Appreciate you Dana but stop", "opt_out"),  # a name after a courtesy lead
        ("Thank you Rosa, but stop", "opt_out"),
        ("stop store 118", "opt_out"),  # a store number
        ("baja gracias  Maria Elena Ruiz", "opt_out"),  # a signer after a double space
        ("stop it stop it", "opt_out"),  # a phrase said twice
        ("wnd", "opt_out"),  # END with its first key slipped
        ("snd", "message"),  # SEND shortened
        ("snd me the address pls", "message"),
        ("STOP im in class", "opt_out"),  # being in class or off shift is a reason
        ("Stop. I just got off shift, it's 5am", "opt_out"),
        ("cancel my shift", "message"),
        ("can you move my class to friday", "message"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop sending the event texts", "review"),  # a kind of marketing refused alone
        ("quit texting me the newsletter messages", "review"),
        ("stop sending me texts", "opt_out"),
        ("stop texting me at midnight", "review"),  # a time
        ("en sábado no me escriban porfa", "review"),
        ("is this spam or not", "review"),
        ("my ex gave you my number", "review"),  # a number given out by someone else
        ("keep the order updates but cut out the ads", "review"),
        ("I can't donate anymore, sorry", "review"),  # volunteering or giving given up
        ("ya no puedo donar", "review"),
        ("I can't make it today", "message"),
        ("already cancelled it months ago", "review"),
        ("just the big sales please, not every coupon", "review"),
        ("just the receipt please, not the bag", "message"),
        ("Bà tôi đã qua đời", "review"),  # a death, in Vietnamese
        ("Tôi đã trả tiền rồi", "message"),
        ("does replying STOP also end the appointment reminders?", "review"),  # what STOP would do, asked
    ],
)
def test_phrases(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je vais arrêter chez vous demain matin", "message"),
        ("the spam arepas were the best thing on the menu", "message"),
        ("el sándwich con spam estuvo buenísimo", "message"),
        ("do you still sell the spam singles?", "message"),
        ("coach says she has to stop all contact for a week", "message"),
        ("this is spam, stop", "opt_out"),
    ],
)
def test_messages(text, expected):
    assert label_of(text) == expected
