"""Round 60 (on the sets 251-254, read once on a2f6f70): vosotros requests read as ustedes ones ("Borrad mi número
de vuestra lista", "Parad ya de escribirme", "Me salgo de vuestra lista"), "os acabo de meter en bloqueados",
threats naming ACODECO, Profeco or a complaint filed, "un SMS más y pongo una reclamación", "keep sending X and I'm
reporting you" (a threat beside no texts welcomed), "how do I get off the X text alerts", "¿qué botón le pico
para salirme?"; a block done or a threat is limited by no hour nor kind. Keywords: Galician and Catalan thanks and
greetings, a blessing or a farewell to "os", luck wished with what the sender does, START with courtesy in a clause
of its own before a return. Unclear replies queued: the account someone else's, an office line now, a trade given
up, some kinds of text welcomed and others not, texts too many in a day, why a far-off business writes. Fewer false
opt-outs: spam asked about ("was the text about my account spam?"), Spam dishes, an e-mail address unsubscribed from
a newsletter, an order paused for a month, "que no se os ocurra dejar de mandarme". Examples are this file's own,
not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # keywords
        ("INFO, bo día e moitas grazas", "help"),
        ("Parar. Que la Virgen del Carmen os guarde", "opt_out"),
        ("Baja, gracias, y suerte con la temporada", "opt_out"),
        ("Start, thanks. Back from the slope", "opt_in"),
        ("Start, I can't get the mower going", "message"),
        # requests
        ("Borrad mi número, por favor", "opt_out"),
        ("Quitad mi número de vuestros mensajes", "opt_out"),
        ("Os acabo de meter en bloqueados", "opt_out"),
        ("Un SMS más y pongo una denuncia", "opt_out"),
        ("Un mensaje más y llamo a Profeco", "opt_out"),
        ("Keep sending job offers and I'm reporting you", "opt_out"),
        ("How do I get off the dock text alerts?", "opt_out"),
        ("¿Qué botón le pico para salirme de sus mensajes?", "opt_out"),
        ("¿Dónde me borro de sus avisos?", "opt_out"),
        ("Me quiero salir de sus avisos por mensaje", "opt_out"),
        ("Bórrenme el número, gracias", "opt_out"),
        # unclear replies and limits
        ("The pickup texts are fine, the sale blasts not so much", "review"),
        ("Solo avísenme de la feria", "review"),
        ("Tres mensajes en un día, ¿qué pasa?", "review"),
        ("¿Por qué me escriben de Lima si yo vivo en Cusco?", "review"),
        ("La cuenta es de mi mamá, yo solo le ayudo", "review"),
        ("I'm just the crew admin, ask the office", "review"),
        ("no promos please, just the reminders", "review"),
        # not revocations
        ("Was the text about my refill spam? It had a weird link", "message"),
        ("¿La oferta del 2x1 era spam o es de verdad?", "message"),
        ("Spam fritters at the fair were wild", "message"),
        ("Please unsubscribe jo.k@mail.com from the newsletter, that address is closed", "message"),
        ("El pedido semanal, ¿lo puedo dar de baja en julio?", "message"),
        ("Que no se os ocurra dejar de mandarme lo de la vendimia", "message"),
        ("Bórrenme el número viejo y dejen este", "message"),
        ("My phone blocked your number by mistake, unblocked it now, keep sending", "message"),
    ],
)
def test_round60(text: str, expected: str) -> None:
    check(text, expected)
