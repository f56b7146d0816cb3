"""Round 61 (on the sets 255-258, read once on adf2af9): a season wished to the team and
Valencian courtesy after CANCELAR or BAJA ("Buen verano a todo el equipo", "bon dia", "xe"); a block announced or
begun ("Blocking you. Had it with the 5am texts", "going straight to block"), a number taken off the text list,
"no me mensajeen", "fuera de vuestra lista", a phone or number of one's own removed ("borren mi celu"), threats to
call corporate or to block ("keep sending these and I'll block ya"). "Don't drop me from the reminder texts" is no
request to be dropped; praise of the food or the photos after a STOP, Spam on a tostada, a class group left are
messages; "a cada rato" is how often texts come, not whom they go to; "after 40 years" is no hour. Examples are this
file's own, not rows of the sets. Thanks for what was is thanks after a STOP, whatever its adjectives ("Stop, thanks for
a great summer"), read before delight."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baja. Feliz verano a todo el equipo", "opt_out"),
        ("Cancelar, gracias, bona tarda", "opt_out"),
        ("Baja xe", "opt_out"),
        ("STOP, thanks for a wonderful season on the lake", "opt_out"),
        ("Blocking you. Had it with the 6am texts", "opt_out"),
        ("Going straight to block, too many of these", "opt_out"),
        ("Take the shop number off your text list please", "opt_out"),
        ("Ya no me mensajeen", "opt_out"),
        ("Fuera de vuestra lista, gracias", "opt_out"),
        ("Borren mi celu de sus mensajes", "opt_out"),
        ("Keep sending these and I'll block ya", "opt_out"),
        ("Keep texting me and I'm calling corporate", "opt_out"),
        ("Dejen de escribirme a cada rato", "opt_out"),
        ("Se van pa' bloqueados", "opt_out"),
        ("Como sigáis mandando mensajes os bloqueo", "opt_out"),
        ("Прошу прекратить рассылку", "opt_out"),
        ("Please don't drop me from the reminder texts", "message"),
        ("STOP, qué lindas las fotos de la playa", "message"),
        ("¿El spam de la tostada es de lata?", "message"),
        ("Sacame del grupo de tango, me paso al de salsa", "message"),
        ("take my mom off the text list", "review"),
        ("spam spam spam", "opt_out"),
    ],
)
def test_round61(text: str, expected: str) -> None:
    check(text, expected)
