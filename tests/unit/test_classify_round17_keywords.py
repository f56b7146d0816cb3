"""Keyword classes of round 17 of issue 12 (found on tuning set 15): a keyword signed off with a name or initials after
a dash, comma or period ("Help - Jim"), followed by a phone's or mail app's footer ("STOP Sent from my iPhone"), said
with words of emphasis or address ("Stop period", "Sorry but STOP", "STOP my friend"), and spelt with a letter typed
inside it ("stoip"), hyphenated ("un-stop") or with "subscripción" ("cancelar subscripsion").

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls", and DESIGN section 1 (a keyword followed only by courtesy words
is that keyword).
"""

from __future__ import annotations

import pytest

from optledger.keyword_words import signed_off
from optledger.reply_text import canonical, fold
from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UNSUBSCRIBE - Marisol", "opt_out"),
        ("Stop please, Dwayne", "opt_out"),
        ("Stop thx - T.J.", "opt_out"),
        ("Stop - Ana Lucia", "opt_out"),
        ("HELP. Thanks, Priya", "help"),
        ("START - Rosalind", "opt_in"),
        ("Baja. Gracias, Sr. Fuentes", "opt_out"),
        ("AYUDA - Rosaura", "help"),
        # ...a name that is the object, a word that is no name, a sentence after the keyword
        ("stop Dwayne from texting me?", "review"),
        ("Help Priya with her refund", "message"),
        ("START time?", "message"),
        ("Help - Monday", "message"),
        ("Help - Jim can't log in", "message"),
        ("Start - Rosa wants the sale texts", "message"),
    ],
)
def test_a_keyword_signed_off_with_a_name_is_that_keyword(text, expected):
    """One or two capitalised names or initials after a dash, comma or period sign a reply: it is read without them."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Cancel. Friday", None),
        ("cancelar - lunes", None),
        ("END. Tomorrow", None),
        ("Stop - Happy Hour Specials", None),  # three words led by a dictionary word ("Stop - Jim Bob Lee" signs)
        ("START - gloria", None),
        ("Cancel. Thanks, Bill", "cancel | thanks"),
    ],
)
def test_a_word_the_detector_knows_signs_off_only_after_a_courtesy_word(text, head):
    """A day after CANCEL or END may be what is cancelled ("Cancel. Friday"); after "thanks" it is a name."""
    flat = canonical(fold(text))
    assert signed_off(flat.split(), text, ()) == head


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unsubscribe Sent from my Samsung Galaxy smartphone", "opt_out"),
        ("HELP Sent from my iPad", "help"),
        ("START Get Outlook for iOS", "opt_in"),
        ("Baja Enviado desde mi iPhone", "opt_out"),
        # ...a footer under a message or a question
        ("what time do you open? Sent from my iPhone", "message"),
        ("I never got the code Sent from my iPhone", "message"),
        ("sent from my iphone", "message"),
    ],
)
def test_a_keyword_above_a_device_footer_is_that_keyword(text, expected):
    """A phone's or mail app's footer ("Sent from my iPhone", "Get Outlook for Android") is no word of the reply."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unsubscribe period", "opt_out"),
        ("cancelar y punto", "opt_out"),
        ("Sorry but unsubscribe", "opt_out"),
        ("lo siento pero baja", "opt_out"),
        ("Help thank you very much", "help"),
        ("STOP buddy", "opt_out"),
        ("stop amigo", "opt_out"),
        # ...an address after START or HELP may say who it is for; a friend who is the object
        ("START my buddy too", "message"),
        ("Help my friend", "message"),
        ("stop my friend from getting these", "review"),
        ("period", "message"),
    ],
)
def test_a_keyword_with_emphasis_or_address_is_that_keyword(text, expected):
    """Words that only add emphasis or politeness ("period" of voice-to-text, "sorry but", "y punto") leave any keyword
    one; words of address ("my friend", "buddy") leave an opt-out keyword one."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stiop", "opt_out"),
        ("canceul", "opt_out"),
        ("UN-STOP", "opt_in"),
        ("cancelar subscripción", "opt_out"),
        ("cancelar mi subscripción", "opt_out"),
        # ...words of their own one letter from a keyword
        ("stomp", "message"),
        ("quiet", "message"),
        ("stops", "message"),
        ("un-stoppable", "message"),
    ],
)
def test_a_keyword_spelt_with_a_slip_is_that_keyword(text, expected):
    """An opt-out keyword with one letter typed inside it, UNSTOP hyphenated, "subscripción" for "suscripción"."""
    check(text, expected)
