"""Round 74 (on the sets 307-310, read once on ef317f4, 1845f7e and a611cd5): asides beside a keyword: Indic scripts
read whole with their vowel signs ("नमस्ते", "ధన్యవాదాలు"), "capt" and "teacher" as words of address, a role said
"here" ("railfan here"), "break a leg", "tight lines", a wish of any object ("Wishing you a full
house"), the season's colors along a place, the ride enjoyed, a business's initials written with its "&" after a
possessive ("THB&T" of Tate's Hell Bait & Tackle). Revocations: a Portuguese request to take the contact off the
list, "ya no sigan mandándome", "ni uno más", "¿cómo se da uno de baja?", "¿cómo me desapunto?", no one on the line
needing the texts, "¿qué hago pa que no me lleguen?", a threat if they write again, the number blocked already,
Pidgin "no send me no moa", texts kept to the sender's self, texts discontinued by their name. Messages: praise
after STOP in new words ("glorious", "qué tuani", "se me hace la boca agua", "de locos", "bigger than my head"), a
text claiming to be the business, Spam put in a dish, a seat off a boat or a recital, a van given "de baja", a plow
route paused. Queued: a service asked after STOP ("Can you fill Thursday"), not coming back, a season sat out, a
pastime given up, a shared cabin or ranch phone, a new officer's phone, texts asked for on one day or without a kind.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("नमस्ते! HELP कृपया", "help"),
        ("STOP please, ధన్యవాదాలు", "opt_out"),
        ("help pls capt", "help"),
        ("STOP please teacher, thanks", "opt_out"),
        ("Info please, season pass holder here", "help"),
        ("Info please. Break a leg tonight!", "help"),
        ("STOP, tight lines", "opt_out"),
        ("Cancel. Wishing you a sold-out summer", "opt_out"),
        ("END. Enjoy the fall colors along the river", "opt_out"),
        ("Remove, thanks, enjoyed the tour", "opt_out"),
        ("Retirem o meu número desta lista, obrigado", "opt_out"),
        ("Ya no sigan enviándome esas promociones", "opt_out"),
        ("SMS al móvil, ni uno más", "opt_out"),
        ("¿Cómo se da uno de baja de esto?", "opt_out"),
        ("¿Qué hago para que no me lleguen más mensajes?", "opt_out"),
        ("Me vuelven a mandar algo y los reporto", "opt_out"),
        ("Ya tienen su número bloqueado", "opt_out"),
        ("no send me no moa texts brah", "opt_out"),
        ("Keep your weekly deal texts to yourself", "opt_out"),
        ("Please discontinue the coupon text messages", "opt_out"),
        ("Stop the job texts please, I'm hired full time now", "opt_out"),
        ("Stop, that sunset photo is glorious", "message"),
        ("Stop, qué tuani el mural nuevo", "message"),
        ("Stop, esa tarta de la foto está de locos", "message"),
        ("Got a text claiming to be your clinic asking for my card, spam right?", "message"),
        ("¿Ponéis spam en la pizza hawaiana?", "message"),
        ("Sáquenme del recital del sábado, estoy resfriado", "message"),
        ("Dadme de baja el coche viejo, que ya lo vendí", "message"),
        ("Take us off the snowplow route until March please", "message"),
        ("Stop. Can you fill Saturday instead", "review"),
        ("We won't be back after the last visit", "review"),
        ("We'll sit this year out", "review"),
        ("I don't golf anymore", "review"),
        ("This is the shop phone, whoever's working has it", "review"),
        ("Can you just send the prices on Fridays", "review"),
        ("Mándenme las citas pero no lo de las ofertas", "review"),
        ("Ahora uso otra farmacia", "review"),
    ],
)
def test_round74(text: str, expected: str) -> None:
    check(text, expected)


def test_a_business_initials_after_a_possessive_name_it():
    assert label_of("STOP TCB&G", ("Tom's Cove Bait & Grill",)) == "opt_out"
