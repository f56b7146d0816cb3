"""Round 62 (on the sets 259-262, read once on 5597024): a vessel's watch after a signer's role, "mi joven" and
"ombe" as words of address, the fish wished biting after END; "os bloqueo" closing a complaint, "os he bloqueado",
"a mi lista negra", a shop added to the blocked contacts, "these texts are getting blocked", threats to call the
phone company, "how do I get off this list", "este número ya no quiere recibir nada", "texts from you need to stop",
Catalan "prou de mensajes", "ya estuvo de mensajes", "páranle a los mensajes", "dejen esa vaina de los mensajes",
French "supprimer mon numéro". Messages: "sacadme dos botillos" (bring me), a boat's list left, "spam me the pics",
streets blocked, a text nearly filtered as spam, Spam on a patacón. Examples are this file's own, not rows of the
sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HELP - Ray Boone, deckhand, M/V Delta Queen, after watch", "help"),
        ("Ayuda, mi joven", "help"),
        ("Baja ombe", "opt_out"),
        ("End, thanks. Hope the walleye are biting", "opt_out"),
        ("Ya está bien de SMS. Os bloqueo", "opt_out"),
        ("Os he bloqueado", "opt_out"),
        ("Uno más y se van directo a mi lista negra", "opt_out"),
        ("Adding the salon to my blocked contacts", "opt_out"),
        ("These texts are getting blocked today", "opt_out"),
        ("how do I get off this list", "opt_out"),
        ("Este número ya no quiere recibir nada", "opt_out"),
        ("Texts from you need to stop", "opt_out"),
        ("Prou de mensajes", "opt_out"),
        ("Ya estuvo de mensajes, compa", "opt_out"),
        ("Ya páranle a los mensajes", "opt_out"),
        ("Dejen esa vaina de los mensajes", "opt_out"),
        ("Merci de supprimer mon numéro", "opt_out"),
        ("Sacadme tres chorizos para el domingo", "message"),
        ("Quitadnos de la lista del barco de las 9", "message"),
        ("Spam me the pics of the new trucks", "message"),
        ("Están bloqueadas las calles del centro, ¿abren?", "message"),
        ("Your text almost got filtered as spam, glad I saw it", "message"),
        ("¿Tienen arroz con spam?", "message"),
    ],
)
def test_round62(text: str, expected: str) -> None:
    check(text, expected)
