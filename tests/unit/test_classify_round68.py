"""Round 68 (on the sets 283-286, read once on 0c622bb and a611cd5): asides beside a keyword: courtesy in a script
that writes marks on its letters ("ขอบคุณ", "धन्यवाद"; beside HELP a script without capitals names nothing), a dash
after an emoji, a signer at the bag room, a greeting of two words before INFO, a festival cheered ("¡que viva el
joropo!"), "paddle on", "stay thirsty", greetings from a farm ("Howdy from the ranch"), the leaves wished to turn for
the sender, a vocative "maestro", the business by the initials of its name after a first word that says what it is.
Revocations: "Blocked." before a complaint of the texts, Andalusian "bloqueaos", "bloqueados desde ya", "ta bloqueao
este número", "quit blowin up my phone", a line taken off a kind of texts, a period letter ceasing dispatches, "ya
vale de mensajes", "suficientes mensajes", a report to an authority threatened, "done with these texts", texts
turned off, a mobile number removed, a removal requested in military style, "salgo de su lista", "que paréis de
mandarme", "¿cómo me quito yo de esto?". Messages: praise after STOP ("the finest thing you've ever made", "a
national treasure", "de otro mundo", "qué fotazas"), Spam in a causa or asked for, a number blocked that sent spam
claiming to be the business, a drop-off asked of a moto-taxi ("bájeme en la esquina"), a street blocked. Examples
are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP ขอบคุณ", "opt_out"),
        ("Unsubscribe धन्यवाद", "opt_out"),
        ("HELP நன்றி", "help"),
        ("STOP 🚫 - Lena, bag room, day shift", "opt_out"),
        ("Guten Morgen! Info, bitte.", "help"),
        ("Cancelar. ¡Que viva el joropo! 🎶", "opt_out"),
        ("Remove please. Paddle on 🛶", "opt_out"),
        ("End. Stay thirsty, folks", "opt_out"),
        ("END. Howdy from the ranch", "opt_out"),
        ("Stop. Hope the maples turn bright for you all", "opt_out"),
        ("Info maestro", "help"),
        ("Blocked. Third text today", "opt_out"),
        ("Blocked, I'm not reading these anymore", "opt_out"),
        ("Quillo, bloqueaos desde ya", "opt_out"),
        ("Ta bloqueao este número, manito", "opt_out"),
        ("quit blowin up my phone bout the sale", "opt_out"),
        ("This is the front desk line. Remove it from your promo texts.", "opt_out"),
        ("Pray cease these dispatches to my telephone. Your obedient servant, J. Pruitt", "opt_out"),
        ("Illo, ya vale de mensajes", "opt_out"),
        ("Suficientes mensajes ya", "opt_out"),
        ("Reporting this number to the FTC if I get another text", "opt_out"),
        ("Done with these texts, thanks", "opt_out"),
        ("Turn these texts off please", "opt_out"),
        ("Kindly remove my cell number from your texting list", "opt_out"),
        ("PVT LUNA REQ REMOVAL OF THIS NUMBER FROM SMS LIST", "opt_out"),
        ("Salgo de su lista de mensajes, gracias", "opt_out"),
        ("Que paréis de mandarme mensajes, que estoy trabajando", "opt_out"),
        ("Oye, ¿cómo me quito yo de estos mensajes?", "opt_out"),
        ("Stop, that quilt is the finest thing you've ever sewn", "message"),
        ("STOP, your baker Rosa is a national treasure", "message"),
        ("STOP, esas empanadas son de otro mundo", "message"),
        ("STOP, qué fotazas las del volcán", "message"),
        ("La causa con spam estuvo rica jaja", "message"),
        ("¿Tenéis algo con spam? Es para mi primo", "message"),
        ("Bloqueé un número que me mandaba spam diciendo que era la tienda, ¿cuál es el de ustedes?", "message"),
        ("Compa, bájeme en la esquina de la farmacia", "message"),
        ("La avenida tá bloqueada, llego tarde", "message"),
    ],
)
def test_round68(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("BAJA FCA", "Taquilla Festival Cumbia Andina", "opt_out"),
        ("STOP RPC", "Tours River Point Canoes", "opt_out"),
        ("BAJA FCA", "Tacos El Primo", "review"),
    ],
)
def test_round68_initials_after_a_first_word(text: str, name: str, expected: str) -> None:
    assert label_of(text, (name,)) == expected
