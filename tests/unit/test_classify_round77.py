"""Round 77 (on the sets 319-322, read once on fd45a05, 1845f7e and a611cd5): a keyword asked with "please" beside
delight stays a keyword ("STOP please & thank you, love the shop tho"); a weak keyword beside thanks for what was and
a fond look back is a farewell ("Cancel. Thanks for the ride, the kids loved it"); a blessing for the sea after BAJA.
Revocations: getting off the business's texts named by what they are about, killing or having enough of such texts, a
phone that needs no more of them, "fuera mi número de sus mensajes", "ni un mensaje más", the carrier or the phone
company threatened on the next text (an hour typed inside it, "on the phone with" the carrier), a threat after texts
kept up at an hour, the number gone to the blocked contacts or "a bloqueados", a block opening a complaint about the
texts, the business's number blocked, "no sigáis mandándome"; a request before asking who sends, or after a question
of its own. Messages: praise after STOP ("the cutest thing", "se ve buenaza", "belongs in a museum", "qué X más Y",
"magical"), texts kept after a double no. Queued: a STOP before asking who to give a thing to, a STOP asked, a kind
of texts named. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unsubscribe please. Loved the pottery class, thank you!", "opt_out"),
        ("STOP please, thank you, love the bakery tho", "opt_out"),
        ("End. Thanks for the hayride, the kids enjoyed it", "opt_out"),
        ("Stop pls. Love to the whole kitchen!", "opt_out"),
        ("Baja, gracias, y buena pesca", "opt_out"),
        ("how can I get off the farmers market texts", "opt_out"),
        ("Enough with the pumpkin patch texts already, no more", "opt_out"),
        ("enough of the oil change reminder texts", "opt_out"),
        ("Kill the brunch texts, thanks", "opt_out"),
        ("my phone doesn't need any more of your raffle texts", "opt_out"),
        ("Fuera mi número de sus mensajes", "opt_out"),
        ("Ni un mensaje más de la ferretería", "opt_out"),
        ("One more of your 6 am alerts and I'm calling the carrier", "opt_out"),
        ("Next promo text and I'm on the phone with T-Mobile", "opt_out"),
        ("I will be calling my carrier if one more text comes", "opt_out"),
        ("Keep texting me at dawn and I'll report you", "opt_out"),
        ("Your number goes in my blocked contacts today", "opt_out"),
        ("Como sigan así se van a bloqueados", "opt_out"),
        ("Ya os vais a bloqueados, pesados", "opt_out"),
        ("Bloqueado. Tres mensajes antes de las ocho", "opt_out"),
        ("Blocked. Nobody asked for a deals text at dawn", "opt_out"),
        ("I'm blocking the marina number, too many texts", "opt_out"),
        ("No sigáis mandándome mensajes, gracias", "opt_out"),
        ("Stop texting me. Who even are you?", "opt_out"),
        ("Why are you messaging me on a Sunday?? Stop it. For good.", "opt_out"),
        ("STOP, the little goat in that video is the cutest thing", "message"),
        ("Stop, esa torta se ve buenaza", "message"),
        ("STOP, that quilt belongs in a museum", "message"),
        ("STOP, qué empanadas más doradas", "message"),
        ("STOP, the sunrise over the lake was magical", "message"),
        ("No, no, sigan mandándome los avisos", "message"),
        ("Stop. Who do I give the form to", "review"),
        ("Stop? Who is this", "review"),
        ("enough with the birthday club texts but keep my pickup alerts", "review"),
    ],
)
def test_round77(text: str, expected: str) -> None:
    check(text, expected)
