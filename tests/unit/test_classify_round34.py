"""Round 34 (on the sets 125-129, read once at round 33's end): slips in courtesy words ("pleaes", "grasias"), "baby"
beside a keyword, a farewell after "y". Rules: the sender blocked or threatened said more ways ("ok ur blocked lmao",
"si siguen los voy a tener que bloquear", "si me vuelve a llegar un texto los reporto"), how to make the texts stop
asked, this phone or number wanting no texts, "sus mensajes no me interesan", "cero mensajes" alone, "I don't know who
this is" beside a stop word; messages are spam sent by others and asked how to block, mail gone to spam, "de baja
médica", "baja" as poor or flat, a text sent to the wrong number, a stop someone was told to make, a STOP someone
urged beside texts read, activity lists ("la lista de fiado"), "no los dejen de mandar"; queued: texts skipped on a
day, the replier only the driver or the sitter, a lone "is this spam", "when did I ever agree", a relationship over.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop pleaes thanks", "opt_out"),  # slips in courtesy words
        ("Baja grasias", "opt_out"),
        ("stop babe", "opt_out"),
        ("Alto por favor y que le vaya bien", "opt_out"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok ur blocked haha", "opt_out"),  # the sender blocked
        ("si siguen mandando los voy a tener que reportar", "opt_out"),
        ("si me vuelve a llegar otro texto los denuncio", "opt_out"),
        ("how do I get these messages to stop", "opt_out"),  # how to make them stop
        ("this number doesn't want any more of your messages", "opt_out"),
        ("sus textos no me interesan", "opt_out"),
        ("cero mensajes", "opt_out"),
        ("mi número fuera de su lista", "opt_out"),
        ("idk who this is but stop texting", "opt_out"),
        ("could you skip texting on holidays?", "review"),  # texts skipped on a day
        ("I'm just the dog walker", "review"),  # not the customer
        ("wait is this spam", "review"),  # a lone spam asked
        ("when did I ever sign up for this?", "review"),
    ],
)
def test_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "me llegan mensajes de spam de otros números, cómo los bloqueo?",  # spam from others
        "el recibo se me fue a spam, me lo mandan por mensaje?",  # mail gone to spam
        "estoy de baja médica hasta el lunes, ¿me cambian la cita?",  # sick leave
        "la llanta amaneció baja otra vez",  # flat
        "I texted the wrong number earlier, sorry about that",  # a text sent to the wrong number
        "the vet told me to stop feeding him kibble, do you carry wet food?",  # a stop someone was told to make
        "quíteme de la lista de fiado, ya pagué",  # an activity list
        "no los dejen de mandar, me sirven mucho",  # a stop forbidden
    ],
)
def test_messages(text):
    assert label_of(text) == "message"
