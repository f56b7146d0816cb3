"""Round 28 (on the spent sets 62-66): one request said in two languages, words of address from Mexico to the Andes, a
unit before the signer, a signature block split by "|"; and rules: the sender blocked in Spanish, "ya páreles", the
texts refused by name, Arabic and Korean requests to remove a number; Spam the food, the replier's own texting;
queued: a count of texts, texts that cost, a day refused, a plan switched. Examples are this file's own, not rows of
the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INFO / AYUDA", "help"),  # one request in two languages
        ("Stop - baja - arret", "opt_out"),
        ("cancelar cancel pls", "opt_out"),
        ("START / UNSTOP", "opt_in"),
        ("stop start", "review"),  # two requests that differ: as before
        ("Baja plebe", "opt_out"),
        ("ayuda caserita", "help"),
        ("Stop, much appreciated", "opt_out"),
        ("cancelar de una vez por todas", "opt_out"),
        ("Remove - Apt 3C, Doris Kemp", "opt_out"),  # a unit before the signer
        ("Cancel. Tomás R. Ibáñez", "opt_out"),  # an initial, as before
        ("Stop\n--\nJune Park | Office Lead | Park & Lee Realty\n(555) 301-2200", "opt_out"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya las tenemos bloqueadas", "opt_out"),
        ("nunca pedí esto, ya páreles", "opt_out"),
        ("esos textos de la rifa ya no, gracias", "opt_out"),
        ("¿cómo me salgo de la lista de ustedes? no quiero más", "opt_out"),
        ("احذفوا رقمي من فضلكم", "opt_out"),
        ("제 번호 지워 주세요", "opt_out"),
        ("can I swap spam and eggs for bacon?", "message"),
        ("I'll stop texting you so much, promise", "message"),
        ("no vayan a dejar de mandarme las ofertas", "message"),
        ("5 today??", "review"),
        ("me cobran cada mensaje que llega", "review"),
        ("could you not send them after 9pm", "review"),
        ("never shopping there again", "review"),
        ("I switched to another carrier", "review"),
        ("this is spam", "opt_out"),  # as before
        ("u r blocked on my phone now", "opt_out"),  # after the final reading: two revocations set 70 lost
        ("ya no me sigan mandando sus promociones ni sus cosas", "opt_out"),
        ("ya no me sigan mandando las cosas a la casa", "message"),  # things to the house
    ],
)
def test_round28_rules(text, expected):
    assert label_of(text) == expected
