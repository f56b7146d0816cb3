"""Round 33 (on the sets 120-124, read once at round 32's end): farewells, blessings and apologies after a keyword
("que tenga bonito día", "Dios le pague", "disculpe la molestia", "Blessings to you and your family"); words of
address ("hijito", "mana"); a slip in a courtesy word ("thank ypu", "por favot"); a signer's service or job ("USMC
ret.", "esposa de militar", "repartidor"); a title in lower case before a name ("doña Marta"). Rules: the sender
blocked said more ways in Spanish, "páreles con tanto mensaje", how to stop asked ("qué mando para salirme", "cómo
hago pa' que no me sigan llegando"), a time refused beside none at all ("ni a ninguna hora"); messages are rosters of
a choir or a trip, a number blocked for someone else ("el número de él"), "arrêt maladie", an apology for one's own
texts, a stop sign, "baja" of a battery or a temperature, pests stopped, a stop told to someone, a STOP someone said
to send beside deals liked, texts read anyway beside email refused; queued: a relationship over said more ways, one
kind of texts kept ("reminders yes, newsletters no"). Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cancelar por favor, que tenga lindo día", "opt_out"),  # a farewell
        ("Baja. Dios se lo pague", "opt_out"),  # a blessing
        ("Parar, disculpe la molestia", "opt_out"),  # an apology
        ("Stop. Blessings to you and yours", "opt_out"),
        ("Alto por favor mijita", "opt_out"),  # a word of address
        ("baja mana", "opt_out"),
        ("stop please and thank ypu", "opt_out"),  # a slip in a courtesy word
        ("Cancelar por favot", "opt_out"),
        ("Stop - Ray Dunn, USMC ret.", "opt_out"),  # a signer's service
        ("Cancelar. Lupe Soto, esposa de militar", "opt_out"),
        ("Baja - Don Beto, repartidor", "opt_out"),
        ("Cancelar. Depto 5, doña Chayo", "opt_out"),  # a title in lower case
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("las tengo en bloqueados", "opt_out"),  # the sender blocked
        ("acabo de bloquear su número", "opt_out"),
        ("páreles con tanto mensaje", "opt_out"),
        ("qué mando para salirme?", "opt_out"),  # how to stop asked
        ("cómo hago para que ya no me lleguen?", "opt_out"),
        ("no me manden nada a las 6 ni a ninguna hora", "opt_out"),  # no time at all
        ("ya no canto en el coro de la parroquia", "review"),  # a relationship over
        ("we switched to another pharmacy", "review"),
        ("ya desinstalé la app", "review"),
        ("alerts yes, promos no", "review"),  # one kind of texts kept
        ("the reminders are fine but no more surveys", "review"),
        ("no more clearance texts", "review"),  # a kind of marketing refused with no other word (docs/rules.md)
        ("no more promos please", "review"),
        ("no more texts please", "opt_out"),  # as before: the texts themselves
    ],
)
def test_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "¿me quitan de la lista de chaperones del paseo?",  # a roster
        "¿me pueden quitar de los tenores? ya no alcanzo las notas",
        "bloqueé el número de mi ex como me dijo la consejera",  # a number blocked for someone else
        "je suis en arrêt maladie cette semaine",  # sick leave
        "sorry for all the texts, we found the dog",  # an apology for one's own texts
        "el letrero de stop de la esquina está caído",  # a stop sign
        "se me baja rápido la batería, es normal?",  # a battery running down
        "how do I stop deer from eating my tulips?",  # pests stopped
        "I told the barber to stop if it hurt",  # a stop told to someone
        "my sister said just send STOP but I like the deals",  # a STOP someone said to send, deals liked
        "please quit emailing me, I read the texts anyway",  # texts read anyway beside email refused
    ],
)
def test_messages(text):
    assert label_of(text) == "message"
