"""Round 32 (on the sets 115-119, read once at round 31's end): a stop word and a sentence typed after it with no
break ("STOP im driving"); an hour complained of beside a keyword in a clause of its own, not a limit asked ("STOP.
It's 5:45 in the morning"); REMOVE or END opening a reply before words of its own, queued rather than a message; a
long keyword broken in two beside courtesy ("UN STOP please"); a shift as a signer's role, military closings and
ranks ("v/r SPC"), Haitian Creole courtesy and blessings, "bb" and "a la gran puchica". Rules: the sender blocked in
more Spanish ("ya están en mi lista de bloqueados", "te bloqueo ya"), "ya no los quiero recibir", this number's owner
wanting no texts, "remover mi número"; messages are Spam the food in any dish, spam in a game, spam sent by whoever,
Spanish lists and rosters of an activity ("la lista de las meriendas", "el comité de la feria"), a request reported
("me pidió que dejara de mandar dulces"), "no se les ocurra dejar de mandar", delight in Spanish ("me encantaron");
queued: never coming back, "we're alright for now", texts refused on some days ("los domingos no me manden nada").
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP im at work", "opt_out"),  # a sentence typed after the stop word, no break
        ("stop you keep waking me up", "opt_out"),
        ("stop you guys are hilarious", "message"),  # as before: delight
        ("STOP. It's 6:10 in the morning.", "opt_out"),  # an hour complained of, not a limit asked
        ("Unsubscribe. 3am texts are insane", "opt_out"),
        ("Baja, a las 5 de la mañana, qué falta de respeto", "opt_out"),
        ("Stop. Only weekends", "review"),  # as before: a limit asked
        ("Stop, text me after 9 instead", "review"),
        ("Remove. I was at work.", "review"),  # a weak keyword opening words of its own: queued
        ("Cancel - Tuesday", "message"),  # as before: what is cancelled
        ("UN STOP pls", "opt_in"),  # a long keyword broken in two, courtesy beside it
        ("Good evening. Remove. Good night.", "opt_out"),
        ("HELP - Tasha, night shift", "help"),  # a shift as the signer's role
        ("Stop. v/r SSG Maria Lopez", "opt_out"),  # a military closing and rank
        ("Arret souple. Bondye beni ou", "opt_out"),  # Haitian Creole courtesy and a blessing
        ("cancelar gracias bb", "opt_out"),
        ("Baja, a la gran puchica", "opt_out"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya te tengo en mi lista de bloqueados", "opt_out"),  # the sender blocked
        ("te bloqueo ahorita", "opt_out"),
        ("su número ya está bloqueado", "opt_out"),
        ("ya no los quiero recibir", "opt_out"),
        ("mi abuelo ya no quiere recibir mensajes en este número", "opt_out"),  # this number's owner
        ("favor de remover mi número", "opt_out"),
        ("never going back to that salon", "review"),  # a relationship over
        ("we're good for now, thanks", "review"),
        ("los sábados no me manden nada", "review"),  # texts refused on some days
    ],
)
def test_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "do you still have the spam from the food drive? my kids love it fried",  # Spam the food
        "gracias por los huevos y el spam de la despensa",
        "my son keeps spamming the jump button and the game freezes",  # spam in a game
        "whoever keeps sending spam texts with your logo should be reported",  # spam sent by whoever
        "¿me pueden quitar de la lista de los refrigerios? este mes no puedo",  # a list of an activity
        "sáquenme del comité de la kermés, no tengo tiempo",
        "la maestra nos pidió que dejáramos de mandar dulces",  # a request reported
        "no se les ocurra dejar de mandarme los avisos",  # a stop forbidden
        "Stop, me encantaron las fotos de la boda",  # delight
    ],
)
def test_messages(text):
    assert label_of(text) == "message"
