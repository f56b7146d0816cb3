"""Round 76 (on the sets 315-318, read once on 0183b57, 1845f7e and a611cd5): asides beside a keyword: Asturian "guaje",
courage wished with what the sender does ("Ánimo con las clases, majos"), a wish to the whole crew. Revocations: the
business's list named by its food with "y'all" after it, the BBB threatened on the next text or one more ad, a
complaint to a regulator threatened in Spanish ("me quejo en la CNBS"), the block list with "the", the black list
threatened "como sigáis con los SMS", a complaint threatened "como me llegue otro SMS", the magic word to get off,
texts to be "had stopped", "I do not care for these messages", a text thing to get off, "Number's blocked" after a
farewell. Messages: praise with STOP inside it ("I need that on my wall immediately", "just looking at the picture"),
a text found in the spam folder in Spanish, Spam with something, old panels removed, a card reader blocked. Queued:
texts before sunrise, one text a month being enough, Thursday's yes and Saturday's no, only the snow report ones, a
late father's number, a visitor, a house sold, a front desk phone, a pastime given up, "maybe next year". Examples
are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parar, guaje, gracias", "opt_out"),
        ("Baja. Ánimo con los exámenes, majos", "opt_out"),
        ("Cancel please. Wishing the whole team a great season", "opt_out"),
        ("take my number off the crawfish list y'all", "opt_out"),
        ("Next text from you and I'm calling the BBB", "opt_out"),
        ("Si siguen mandando mensajes me quejo en Profeco", "opt_out"),
        ("you're going on the block list", "opt_out"),
        ("Como sigáis con los mensajes os meto en la lista negra", "opt_out"),
        ("Os denuncio como me llegue otro SMS", "opt_out"),
        ("what's the magic word to get off these texts", "opt_out"),
        ("Please have them stopped. Thank you.", "opt_out"),
        ("I do not care for these messages", "opt_out"),
        ("I need to get off this text thing", "opt_out"),
        ("Have a good one. Number's blocked.", "opt_out"),
        ("the quilt you posted, STOP, I need that on my wall", "message"),
        ("that cake, STOP, I'm hungry just looking at the picture", "message"),
        ("Su mensaje estaba en spam, ¿sigue la oferta?", "message"),
        ("Spam con huevo, así desayunaba mi abuelo", "message"),
        ("Please remove the old boards when you finish the deck", "message"),
        ("Se os bloqueó el datáfono, os pago mañana", "message"),
        ("can you not text before sunrise, I sleep days", "review"),
        ("Un mensaje al mes está bien", "review"),
        ("Los avisos del lunes sí, los del viernes no", "review"),
        ("I only want the weather closure ones", "review"),
        ("Ese era el número de mi abuela", "review"),
        ("I was only visiting for a week", "review"),
        ("house is sold, thanks for everything", "review"),
        ("This is the hotel's front desk phone", "review"),
        ("I don't fish anymore, my knees gave out", "review"),
        ("Maybe next year", "review"),
    ],
)
def test_round76(text: str, expected: str) -> None:
    check(text, expected)
