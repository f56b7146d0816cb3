"""Round 64 (on the sets 267-270, read once on 84eaadd): courtesy in Tamazight, Kikongo, Sango, Chavacano, Bikol,
Catalan and Danish beside a keyword; an "and" before thanks or a blessing after a keyword ("STOP y gracias"); a
greeting asked before one ("Que tal man tu? AYUDA"); "¿vale?" after BAJA. Revocations: the next text reported, "you
made my blocked contacts", "… or anything else", "a la lista de bloqueados que vais", "borrad mi móvil de la lista",
"si llega otro, bloqueado", "número bloqueado, no insistan", a line or a number blocked, "what's the word to get off
these texts", "me salgo de la lista", "sus mensajes no los quiero más", "not interested in the X texts", how to make
the texts quit, "enough texting", "no me interesa que me manden mensajes", threats to call the carrier or a state's
AG. Messages: a swap between groups or lists, "me di de baja de" another thing, a thing
"dado de baja", "dad de baja el encargo", a sick leave, the pain or the bus going down, "dejé de ir", "ya no
molesto", a bathroom stop, Spam the meat sold or cooked, spam apologised for, spam from another number asked
about. Queued: "paso", "así estoy bien", "me voy a quejar", the herd sold, "I've retired",
"decided not to do the course". Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azul fellawen. STOP", "opt_out"),
        ("Mbote. HELP please", "help"),
        ("HELP. Singila mingi", "help"),
        ("Marhay na aga po. STOP please", "opt_out"),
        ("Bona tarda. BAJA, per favor", "opt_out"),
        ("Cancel. Mange tak for the coffee all year", "opt_out"),
        ("STOP and thank you all", "opt_out"),
        ("Baja y que Dios los bendiga", "opt_out"),
        ("Que tal man tu? STOP por favor", "opt_out"),
        ("Alto, ¿vale? Gracias", "opt_out"),
        ("stop and go traffic on the bridge again", "message"),
        ("The next message gets blocked, just so you know", "opt_out"),
        ("Well, you just made my blocked list", "opt_out"),
        ("Don't send me the raffle stuff or anything else", "opt_out"),
        ("A la lista de bloqueados que os vais", "opt_out"),
        ("Quitad mi móvil de la lista, gracias", "opt_out"),
        ("Si me mandan otro, bloqueado", "opt_out"),
        ("Número bloqueado, adiós", "opt_out"),
        ("Blocking the clinic number now", "opt_out"),
        ("what's the keyword to text back to get off", "opt_out"),
        ("Me salgo de su lista", "opt_out"),
        ("Estos mensajes no los quiero más", "opt_out"),
        ("Not interested in the brunch texts", "opt_out"),
        ("how can I make the shift texts stop", "opt_out"),
        ("Enough texts already", "opt_out"),
        ("No me interesa que el taller me mande mensajes", "opt_out"),
        ("Text me again and I'm calling Verizon on you", "opt_out"),
        ("Sácame del grupo de la mañana y ponme en el de la tarde", "message"),
        ("Me di de baja de una materia para venir a las clases", "message"),
        ("Me sale dado de baja del sistema, ¿qué hago?", "message"),
        ("Dadme de baja la reserva del sábado, no podemos ir", "message"),
        ("Mi marido está de baja por la espalda, ¿puede ir mi hijo?", "message"),
        ("La fiebre baja con el jarabe, gracias doctora", "message"),
        ("Dejé de fumar, ¿tienen parches todavía?", "message"),
        ("Perdón por tantas preguntas, ya no molesto más", "message"),
        ("Is there a rest stop on the way to the lake?", "message"),
        ("¿Venden spam en lata? Es para mi suegro", "message"),
        ("¿Me hacen una tortilla con spam?", "message"),
        ("Sorry for the spam, my phone sent the same pic five times", "message"),
        ("Paso", "review"),
        ("Así estoy bien, gracias", "review"),
        ("Me voy a quejar de ustedes", "review"),
        ("We sold all the cattle last fall", "review"),
        ("I've retired, thanks for everything", "review"),
        ("Jake decided not to do the camp this year", "review"),
    ],
)
def test_round64(text: str, expected: str) -> None:
    check(text, expected)
