"""Round 63 (on the sets 263-266, read once on c83819b): Bambara and Blackfoot courtesy beside a keyword ("i ni ce",
"i ni sogoma", "oki"); the people praised after a keyword that is no exclamation ("End. You all are wonderful"), or
with a "though" after any ("Stop. Love y'all though"); what the replier is busy with after a stop word ("STOP,
hauling hay till dark"); a longer reason after START. Revocations: "os hemos metido en bloqueados", "ya les di
bloquear", "desafíliame de los mensajes", "cero SMS de esta tienda", a third party taken off the text list, "¿cómo
doy de baja estos mensajes?", "ya basta de mandarme mensajes", "enough already with the texting". Messages: Spam the
meat bought, baited or asked for, a phone's filter, the replier's side spamming the business, a thing wanted ("I need
it") or said to look criminal after STOP, "texting's fine" beside a request about calls, "trabajo de noche" as why.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP. I ni ce", "opt_out"),
        ("Help, i ni sogoma", "help"),
        ("Oki, START please", "opt_in"),
        ("End. You all are wonderful", "opt_out"),
        ("Cancel. Thank you for everything, you guys are awesome", "opt_out"),
        ("Stop. Love y'all though", "opt_out"),
        ("Quit. Love ya anyway", "opt_out"),
        ("STOP, hauling hay till dark and the phone keeps going off", "opt_out"),
        ("Stop pls, running the night crew at the cannery", "opt_out"),
        ("START. Bought the second food truck and I want your produce deals again please", "opt_in"),
        ("Os hemos metido en bloqueados", "opt_out"),
        ("Ya les di bloquear", "opt_out"),
        ("Desafíliame de los mensajes ya", "opt_out"),
        ("Cero SMS de esta tienda", "opt_out"),
        ("Please take my husband's shop off your text list", "opt_out"),
        ("¿Cómo doy de baja los mensajes?", "opt_out"),
        ("Ya basta de mandarnos textos", "opt_out"),
        ("Enough already with the messaging", "opt_out"),
        ("Stop, that brisket looks criminal", "message"),
        ("Stop it, those boots are perfect, I need them", "message"),
        ("Spam as bait for channel cats, who knew", "message"),
        ("¿Venden spam? Lo quiero para unos tacos", "message"),
        ("Mi tía compró spam en Texas, ¿lo pueden freír?", "message"),
        ("Sorry, my kid spammed your phone with emoji", "message"),
        ("Tenía sus mensajes filtrados como spam, ¿sigue el descuento?", "message"),
        ("Texting's fine, just stop calling my work line", "message"),
        ("No me manden nada antes de las 8, trabajo de noche", "review"),
    ],
)
def test_round63(text: str, expected: str) -> None:
    check(text, expected)
