"""Round 40 (on the sets 163-167, read once at the session's start): a keyword said in a clause of its own beside
clauses that ask nothing (``optledger.keyword_clauses``): a greeting, thanks or praise before it, a farewell, a
blessing, thanks, a signer or the business's name after it, courtesy of any wording before a "but", a reason after a
stop word; and what stays as it was: a question, a thing CANCEL may be about, delight after a STOP, a problem beside
HELP.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good evening folks! START please", "opt_in"),  # a greeting before the keyword
        ("Howzit! HELP pls", "help"),  # a greeting no dictionary knows
        ("Thanks for all the help this season. STOP", "opt_out"),  # thanks before it
        ("We loved the class, thank you. Unsubscribe.", "opt_out"),
        ("Cancelar, que le vaya bien", "opt_out"),  # a farewell after it
        ("Baja, que diosito lo cuide", "opt_out"),  # a blessing
        ("END. Have a safe one, 10-4", "opt_out"),  # a sign-off in numbers
        ("Info, que Dios le bendiga", "help"),
        ("Remove pls. Odette (RN, nights)", "opt_out"),  # a note in brackets of who sends
        ("Hello, hope all is well. INFO please. Thanks, Marguerite T. Oyelaran", "help"),  # a signer's names
        ("you all are wonderful but stop", "opt_out"),  # courtesy of any wording before a "but"
        ("No offense, Sunrise Bakery, but stop", "opt_out"),
        ("Alto, estoy manejando", "opt_out"),  # a reason after a stop word
    ],
)
def test_keyword_beside_asides(text, expected):
    assert label_of(text) == expected


def test_the_business_name_in_a_clause_of_its_own():
    assert label_of("Cancel, Harbor Glass. Have a good one", ("Harbor Glass Co",)) == "opt_out"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. Is the sofa still on sale", "review"),  # a question without its mark
        ("Unsubscribe, when does the sale end?", "review"),
        ("Thanks for the reminder about my appointment. Cancel.", "review"),  # what CANCEL may be about
        ("Cancel, we hired someone else", "review"),  # a reason after CANCEL
        ("Stop, I'm crying, this dress is perfect", "message"),  # delight after a STOP
        ("Stop, she looks like a queen 😭 thank you", "message"),
        ("Help, the gate code is not working", "message"),  # a problem beside HELP
        ("Please help, my package never came", "message"),
        ("Cancel - Free Taco Tuesday", "message"),  # dictionary words in capitals name what is cancelled
        ("Help - Friday", "message"),  # a day is when, not who
    ],
)
def test_what_stays_as_it_was(text, expected):
    assert label_of(text) == expected
