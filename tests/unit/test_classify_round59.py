"""Round 59 (on the sets 247-250, read once on 3263675): Catalan courtesy beside AYUDA or INFO ("bon dia", "si us
plau", "gràcies"), "se te quiere", a plural role or a role and the place it serves after a signer's name, a team or
crew number, "God love ya" after "Stop y'all", Haitian "Arèt". Requests: blocking said and done in new ways ("os
tengo bloqueaos", "ya bloqueé a la óptica", "every text goes to the block list", "...? Blocked." closing a complaint
about the texts), threats naming the AG, a labor board or the OCU, "your texts can stop now", "which word do I send
so these quit", "¿cómo se deja de recibir esto?", vosotros requests; an hour complained of beside a block, a threat
or a request said again without it. Unclear replies queued: another member of the family is the customer, the wrong
person, the number passed on, a trade, a place or animals given up, fewer texts or some kinds only, a question of
why the texts come, another channel asked for. Fewer false opt-outs: Spam the food, spam of a doorbell or of another
sender, stitches removed, a betting pool, a bus stop in French, juice brought down, STOP almost sent. Examples are
this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # keywords
        ("Bon dia, INFO si us plau", "help"),
        ("AYUDA. Bona tarda i moltes gràcies", "help"),
        ("Baja, se les quiere", "opt_out"),
        ("REMOVE - Jo & Al Petty, owner operators", "opt_out"),
        ("Cancelar. Atentamente, Pau Riera, sacristán de San Francisco de Palma", "opt_out"),
        ("HELP, thanks. Sam Ortiz, surveyor, crew 4", "help"),
        ("END y'all, God love ya", "opt_out"),
        ("Arèt. Mèsi anpil", "opt_out"),
        # requests
        ("Ya los tengo bloqueaos, pesaos", "opt_out"),
        ("Ya bloqueé a la peluquería", "opt_out"),
        ("every message from you goes straight to the block list", "opt_out"),
        ("Three texts before breakfast? Blocked.", "opt_out"),
        ("One more text and I'm reporting you to the AG", "opt_out"),
        ("Otro SMS más y reclamo a consumo", "opt_out"),
        ("Si siguen textiando los denuncio", "opt_out"),
        ("Your texts can stop now, the job is finished", "opt_out"),
        ("What word do I send so these stop?", "opt_out"),
        ("¿Cómo se deja de recibir esto?", "opt_out"),
        ("Me borro de estos mensajes, gracias", "opt_out"),
        ("Blocking you now, four messages before 7am", "opt_out"),
        ("Dejen de mandarme mensajes a las 5 de la mañana, no quiero más mensajes", "opt_out"),
        ("can you not send me texts anymore", "opt_out"),
        ("Retirez mon numéro s'il vous plaît", "opt_out"),
        # limits and unclear replies
        ("stop texting me before 8, thanks", "review"),
        ("no promos please, just the reminders", "review"),
        ("My wife is the one who rides, not me", "review"),
        ("this is the wrong Gunderson", "review"),
        ("We switched to another contractor last fall", "review"),
        ("Ya no tenemos vacas, las vendimos", "review"),
        ("Escriban menos, me llegan cuatro al día", "review"),
        ("who keeps signing me up for these", "review"),
        # not revocations
        ("Spam musubi on the menu again?", "message"),
        ("The kids spam my doorbell, can you fix the chime?", "message"),
        ("Do the stitches need to be removed at the clinic?", "message"),
        ("Sácame de la porra del domingo, que no veo el partido", "message"),
        ("C'est à quel arrêt, le bureau ?", "review"),  # French the detector does not read: queued, never honoured
        ("Bájenme tres cocos del camión cuando pasen", "message"),
        ("Casi le doy STOP, pensé que era spam. ¿Es el tour de mañana?", "message"),
        ("Mejor avísenme por mensaje, el correo no lo reviso", "message"),
        ("Ya bloqueé la tarjeta que perdí", "message"),
    ],
)
def test_round59(text: str, expected: str) -> None:
    check(text, expected)
