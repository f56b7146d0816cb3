"""Round 75 (on the sets 311-314, read once on 2e39d1d, 1845f7e and a611cd5): asides beside a keyword: a signer's
role as a crew or a patrol and a base by its number, "cap" as a word of address, Norwegian, Hawaiian and a biker's
farewells, good walks wished "por el Cajas", good fishing "to all of y'all", greetings to all at the
place. Revocations: "stop spamming me with" packages (spamming names the texts), "bloqueaítos os tengo", a phone that
blocks the sender, "a ver cuándo paráis de mandar", texts wished to quit coming ("I'd be obliged"), "ur blocked", a
report threatened if one more SMS comes, a phone lit up, "pa bloqueados" and "a la lista negra" in Andalusian,
Venezuelan and Caribbean words, a relative relaying no more texts to this phone, texts disliked "no more please",
text notices discontinued, "les agradecería que dieran de baja mi número", texts wanted gone, who to text to get off,
no more promos to this phone, texts refused with e-mail preferred, the BBB threatened if texts go on, texts of no
interest, "¿cómo quito mi número de los mensajes?". Messages: one receipt taken off, a costume group left, praise
after STOP ("vaya pinta", "se ve demasiado bueno", "looks just like", "going on the Christmas card"), spam of other
senders (a number saying it's the business, "spam I assume", "was spam and not you"), Spam in the cooler, a STOP
sent to another business with the texts kept. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HELP - Dana Ruiz, ski patrol, base 3", "help"),
        ("Info pls cap", "help"),
        ("STOP tusen takk", "opt_out"),
        ("STOP mahalo nui loa", "opt_out"),
        ("STOP. Keep the rubber side down", "opt_out"),
        ("Baja. Buenas caminatas por el Ajusco", "opt_out"),
        ("Remove please. Good fishing to all of you", "opt_out"),
        ("Remove, thanks. Greetings to all at the library", "opt_out"),
        ("stop spamming me with season ticket packages", "opt_out"),
        ("Bloqueaditos os tengo ya", "opt_out"),
        ("From today this phone blocks you", "opt_out"),
        ("A ver cuándo dejáis de mandarme mensajes", "opt_out"),
        ("I'd be obliged if the texts quit coming", "opt_out"),
        ("Ur blocked lol", "opt_out"),
        ("Si me llega otro mensaje de la tienda los denuncio", "opt_out"),
        ("quit lighting my phone up with these deals", "opt_out"),
        ("Pa bloqueados, que ya van tres hoy", "opt_out"),
        ("Te fuiste a la lista negra, compa", "opt_out"),
        ("Mi mamá dice que ya no le manden nada a este número", "opt_out"),
        ("Love the shop, hate the texts, no more please", "opt_out"),
        ("Please discontinue the text notices to this phone", "opt_out"),
        ("Le agradecería que dieran de baja mi número", "opt_out"),
        ("I never asked for these and I want them gone", "opt_out"),
        ("Who do I text to get off this list?", "opt_out"),
        ("no more sale promos to this number thx", "opt_out"),
        ("Mensajes de la tienda ya no, mejor por correo", "opt_out"),
        ("keep texting me and the FCC hears about it", "opt_out"),
        ("Your coupon texts don't interest me", "opt_out"),
        ("¿Cómo quito mi número de la lista?", "opt_out"),
        ("Me cobrasteis dos recibos, quitadme uno", "message"),
        ("Quítenme del grupo de las del catering, ya no ayudo", "message"),
        ("STOP, vaya pinta tiene ese cocido", "message"),
        ("STOP, ese pastel se ve demasiado bueno", "message"),
        ("Stop it, the quilt looks just like my mother's", "message"),
        ("Stop, that photo is going on the fridge", "message"),
        ("Got a text from a 888 number saying it's you. Spam I assume?", "message"),
        ("That refund text was spam and not you, right?", "message"),
        ("Spam in the cooler again, anyway when can I launch?", "message"),
        ("Replied stop to the other shop, not you! Keep mine coming", "message"),
    ],
)
def test_round75(text: str, expected: str) -> None:
    check(text, expected)
