"""Round 69 (on the sets 287-290, read once on 2ed9fb8 and a611cd5): asides beside a keyword: thanks for a time
praised beside a stop word of everyday meaning ("Remove. Thank you for a lovely stay"), a blessing of a Virgin of a
long name, a sorter on the afternoon shift, a role of five words ("encargado de cámara de frío"), a yacht's chief
stew. Revocations: "cero mensajes más", a threat to call the carrier if the texts keep showing up, the texts wished
to cease, what to send to get off, no texts sent at all, "mensajes al móvil no", "os voy a bloquear", "mensajes ni
uno más", sent to the blacklist, "basta con tanto mensajito", "mensajes de ustedes ya no", the number getting
blocked, a complaint threatened if the SMS go on, "bloqueando este número", "me podéis sacar de los SMS", a French
"plus la peine de m'écrire". Messages: sacks and jugs brought down ("bajadnos dos jarras"), stains taken off a seat,
a name struck off a shift's roster, "stop everything and", an e-mail unsubscribed from a newsletter, a text flagged
as potential spam by the carrier and marked safe, a junk folder, a STOP a brother advised or a child sent in play
with offers kept, the instruction a text gave quoted, a recipe praised as genius, "qué pasada". Examples are this
file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Remove. Thank you for a lovely stay", "opt_out"),
        ("Cancelar. Que la Virgen de los Dolores los proteja", "opt_out"),
        ("Parar, gracias. Rosa Díaz, clasificadora, turno noche", "opt_out"),
        ("Ayuda por favor - Luis Peña, encargado de cámara de frío", "help"),
        ("END - Maya Ross, chief stew", "opt_out"),
        ("Cero mensajes más, por favor", "opt_out"),
        ("If these keep coming I'm calling my carrier", "opt_out"),
        ("I would be grateful if these texts ceased. Regards, Dr. Hale", "opt_out"),
        ("What do I have to send to get off these texts", "opt_out"),
        ("Is it possible to have no texts sent to me at all?", "opt_out"),
        ("Mensajes al móvil no, llamadme mejor", "opt_out"),
        ("Pesados, os voy a bloquear", "opt_out"),
        ("Mensajes ni uno más, gracias", "opt_out"),
        ("Los mandé pa la lista negra", "opt_out"),
        ("Basta ya de tanto mensajito", "opt_out"),
        ("Mensajes de ustedes ya no, gracias", "opt_out"),
        ("Bye, this number is getting blocked", "opt_out"),
        ("Si seguís con los SMS os pongo una reclamación", "opt_out"),
        ("Bloqueando este número ahora mismo", "opt_out"),
        ("¿Me podéis sacar de los SMS?", "opt_out"),
        ("Ce n'est plus la peine de m'écrire, merci", "opt_out"),
        ("Bajadnos dos jarras de sangría a la terraza", "message"),
        ("Bájame tres sacas de pienso del camión", "message"),
        ("Quiero que me quiten las manchas de la alfombra", "message"),
        ("Bórrenme de la planilla del lunes, tengo médico", "message"),
        ("My wife says stop everything and come get the cake, is it ready?", "message"),
        ("Please unsubscribe my email from the newsletter, texts are the only thing I read", "message"),
        ("Your reminder was flagged as 'potential spam' by my carrier, I marked the number as safe", "message"),
        ("Your text was in my junk folder, glad I checked! Are you open Sunday?", "message"),
        ("Mi primo dijo que les pusiera stop pero yo quiero saber de las ofertas", "message"),
        ("Mi nieta le mandó stop jugando con el teléfono, no me saquen de las ofertas", "message"),
        ("El mensaje decía que mande BAJA si no quiero avisos, pero solo quería el horario", "message"),
        ("STOP, that pumpkin bread recipe is genius", "message"),
        ("STOP, qué pasada de fotos del concierto", "message"),
    ],
)
def test_round69(text: str, expected: str) -> None:
    check(text, expected)
