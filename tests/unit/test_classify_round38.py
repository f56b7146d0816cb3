"""Round 38 (on the sets 148-152, read once at round 37's end): a stop word with an everyday meaning (CANCEL, BAJA,
PARAR) closing a reply in a clause of its own after other words is queued, never an ordinary message, and honoured
after praise or thanks; a STOP closing praise in a clause of its own is no exclamation; "viejón", "mi viejo", "arre",
"ándele"; being at the border line as a reason. Rules: "los metí a mi lista de bloqueados" revokes; queued, a show's
or a renewal's texts refused, "solo sábados"; messages, Spam in recipes and with salami, "ni se les vaya a ocurrir
dejar de mandar", getting a pet to stop a habit, a permit cancelled ("se me canceló el permiso"), a link blocked by
the phone, a list of godparents.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hope your week is going well. Cancel, please.", "review"),  # a stop word closing the reply: queued
        ("Have a lovely weekend. Cancel, please.", "opt_out"),  # a farewell is courtesy
        ("My package never showed up. Cancel.", "review"),
        ("The party was amazing, thank you so much. Baja por favor.", "opt_out"),  # after praise or thanks
        ("Loved every minute of the show, thanks. STOP.", "opt_out"),  # a STOP closing praise
        ("Stop, I'm crying, this coupon is perfect", "message"),  # a STOP opening delight
        ("Cancelar, muchas gracias", "opt_out"),
        ("Cancel. How much is a large pizza?", "review"),
        ("Baja viejón", "opt_out"),  # words of address and emphasis
        ("Cancelar mi viejo, ándele", "opt_out"),
        ("Stop porfa, ando en la línea en Tijuana", "opt_out"),  # being at the border as a reason
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya te puse en mi lista de bloqueados", "opt_out"),
        ("no more car show texts", "review"),  # a kind of texts refused alone
        ("no more renewal reminder texts please", "review"),
        ("no me manden nada entre semana, solo domingos", "review"),
    ],
)
def test_phrases(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tengo unas recetas con spam buenísimas", "message"),  # Spam the food
        ("desayuné arroz con salami y spam", "message"),
        ("ni se les vaya a ocurrir dejar de mandar los avisos", "message"),
        ("how do I get my dog to stop barking at the door?", "message"),  # a habit stopped
        ("se me canceló el permiso de construcción, ¿qué hago?", "message"),  # a permit cancelled
        ("my phone blocked the link, can you resend it?", "message"),
        ("bórrenme de la lista de padrinos, ya no puedo", "message"),  # a list of an activity
    ],
)
def test_messages(text, expected):
    assert label_of(text) == expected
