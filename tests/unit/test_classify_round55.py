"""Round 55 (on the sets 231-234, read once on f24a8f8): after a signer's name, short parts of any words are its
role, place or hours (beside HELP and INFO only when named in capitals: they may say what help is asked with);
START or UNSTOP beside why the replier is back; a team cheered, rain hoped for, a feast wished, greetings from a
place after a keyword; praise that looks "unbelievable"; a haircut's "quítenme lo de arriba"; vosotros asking to be
removed; texts that do not interest; Russian, Vietnamese and Arabic requests. Examples are this file's own, not rows
of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signer's parts after the name
        ("START - Dana Hill, delivery van 7", "opt_in"),
        ("STOP - Rosa, night cook, Elm St kitchen", "opt_out"),
        ("HELP - Tom Reyes, Saturday league captain", "help"),
        ("Help - Dana, parking lot", "message"),  # what help is asked with
        ("Help - Jim, order 4471", "message"),
        ("Cancel - Jim, Friday delivery", "message"),  # what is cancelled
        # why the replier is back
        ("UNSTOP, the pool's open again and I want the swim texts", "opt_in"),
        ("START please, softball season starts next week", "opt_in"),
        # cheers, wishes, greetings from a place
        ("STOP. Go Packers", "opt_out"),
        ("Remove please. Hope you all get some sun", "opt_out"),
        ("Baja, gracias, feliz navidad", "opt_out"),
        ("Cancelar. Saludos desde Ambato", "opt_out"),
        # praise after a STOP of delight; a haircut
        ("Stop, that cake looks unbelievable", "message"),
        ("Quítenme todo lo de los lados, por favor", "message"),
        # requests
        ("que me borréis de la lista, porfa", "opt_out"),
        ("no me borréis, que me gustan las ofertas", "message"),
        ("Your texts don't interest me", "opt_out"),
        ("Dejen los mensajes ya, no me interesan", "opt_out"),
        ("Просим не присылать сообщения", "opt_out"),
        ("xóa số của tôi", "opt_out"),
        ("الرجاء عدم ارسال رسائل", "opt_out"),
    ],
)
def test_round55(text: str, expected: str) -> None:
    check(text, expected)


def test_an_event_after_cancel_is_not_wished() -> None:
    # "Happy hour" may be what is cancelled: the rules leave it a message, the model may queue it, never honoured
    assert label_of("Cancel. Happy hour") != "opt_out"
