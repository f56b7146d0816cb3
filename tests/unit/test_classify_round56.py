"""Round 56 (on the sets 235-238, read once on 58e3905): a couple or a hyphenated name signs; a day or pastime wished
happy, the weather wished on, a storm wished away; a shift with its days; "band mom here"; a reason after PARAR that
opens with "ya me"; more threats (a state board, Cofepris, "pongo queja"), blocking "the number", "y'all blocked";
"stand down on the texting", Hawaiian "no text me", a number removed, "how do I remove myself", "cut out the
texting", "me voy de su lista", "cero mensajes"; French and Tagalog requests. The asides' wordings now live in
``keyword_asides``. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # signers, wishes, shifts
        ("Cancel please. Have a good winter, Ray & Lois Hendricks", "opt_out"),
        ("HELP - Marie-Claire Dubois, crew 3", "help"),
        ("END. Happy Diwali to all of you", "opt_out"),
        ("Remove. Happy fishing this fall", "opt_out"),
        ("STOP. Keep the snow coming", "opt_out"),
        ("Baja. Que no les pegue la tormenta", "opt_out"),
        ("STOP - Lupe, turno de noche lunes a jueves", "opt_out"),
        ("help pls, team mom here", "help"),
        ("Parar, ya me voy a Morelia", "opt_out"),
        # threats and blocking
        ("one more of these texts and I'm calling the state board", "opt_out"),
        ("otro de estos y pongo queja en Profeco", "opt_out"),
        ("Si me vuelven a escribir me voy a quejar con el procurador", "opt_out"),
        ("I'm blocking the number now", "opt_out"),
        ("y'all blocked", "opt_out"),
        # other wordings
        ("Stand down on the texts please", "opt_out"),
        ("no text me anymore k", "opt_out"),
        ("Remove 555 201 3344 from your list", "opt_out"),
        ("How can I remove myself?", "opt_out"),
        ("cut out the texting already", "opt_out"),
        ("Ya me voy de su lista, gracias", "opt_out"),
        ("Cero mensajes a este número, por favor", "opt_out"),
        ("cero mensajes llegaron hoy, ¿qué pasó?", "message"),
        ("Merci de ne plus m'envoyer de messages", "opt_out"),
        ("Ayoko na pong makatanggap ng text", "opt_out"),
    ],
)
def test_round56(text: str, expected: str) -> None:
    check(text, expected)
