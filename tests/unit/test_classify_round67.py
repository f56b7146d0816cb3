"""Round 67 (on the sets 279-282, read once on 060bb0c and a611cd5): asides beside a keyword: a sport's wish ("buenas
olas", "happy trails"), "salud y buena temporada", Galician greetings from a place ("Saúdos desde Ribadavia"), an
angler's or a biker's farewell ("fish on", "keep the rubber side down"), "if you please", thanks for what was whatever
delight its words hold, a signer at the scale house, a role and its hours in Spanish order ("alumno de la tarde"), a
group by its day and level. Revocations: a threat on one more of any kind, a threat that the press or a board will
hear of it, the off switch asked for, the number gone to the block list, "I'm blocking you", a count of texts and "ni
uno más", "acabo de bloquear el número", "no se molesten en escribir", "enough texts, I'm done", the blacklist,
"me desapunto", "la bloqueé", "os acabo de bloquear", "los voy a mandar a bloqueados", "me retiro de la lista", the
number blocked "y listo", a Portuguese "retirem o meu número", a report threatened if one more comes. Messages: Spam
once taken for spam, Spam fudge or a tin of it, a text landed in spam, spam from a number of another city or claiming
to be the business, a lone "some kind of spam?", a machine spamming, bread or sacks brought down ("bájame dos sacos"),
plates brought out ("sacadnos dos raciones"), seats or tickets taken off a booking, a tractor taken off an insurance
policy, praise of a pastry ("qué pinta tienen"). Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baja, por favor. ¡Buenas olas!", "opt_out"),
        ("Stop please. Happy trails", "opt_out"),
        ("Cancelar. Salud y buena cosecha", "opt_out"),
        ("Baja, gracias. Saúdos desde Ribadavia", "opt_out"),
        ("End please. Tight lines and fish on", "opt_out"),
        ("Cancel. Keep the rubber side down", "opt_out"),
        ("Remove, if you please.", "opt_out"),
        ("Stop. Thanks for an amazing summer on the lake", "opt_out"),
        ("Remove please - Dale Ortiz, scale house", "opt_out"),
        ("Ayuda - Tomás Vera, alumno de la tarde", "help"),
        ("Help please - Ana, Saturday advanced group", "help"),
        ("Send me one more flash sale and I'm reporting you", "opt_out"),
        ("Another one of these and the county board hears about it", "opt_out"),
        ("Is there an off switch for these texts?", "opt_out"),
        ("This number just went on my block list", "opt_out"),
        ("Eight texts this week. I'm blocking you", "opt_out"),
        ("Tanto mensaje, no quiero ni uno más", "opt_out"),
        ("Ya acabo de bloquear el número", "opt_out"),
        ("No se molesten en escribirme más", "opt_out"),
        ("Enough promo texts already, I'm done", "opt_out"),
        ("Os he metido en la lista negra", "opt_out"),
        ("Me desapunto de los mensajes", "opt_out"),
        ("La bloqueé, perdone", "opt_out"),
        ("Los acabo de bloquear, pesados", "opt_out"),
        ("Los voy a mandar a bloqueados si siguen", "opt_out"),
        ("Me retiro de la lista de mensajes", "opt_out"),
        ("Número bloqueado y listo", "opt_out"),
        ("Por favor retirem o meu número", "opt_out"),
        ("Complaint incoming if I get one more of these", "opt_out"),
        ("Thought y'all were spam until my sister got one too, what time do you open?", "message"),
        ("Spam fudge at the fair? My kids dared me to try it", "message"),
        ("El gato se comió un tarro de spam", "message"),
        ("Me llegó el mensaje en spam, ¿mañana abren?", "message"),
        ("Me escriben de un número de Houston diciendo que son ustedes, creo que es spam", "message"),
        ("I keep getting spam from a number claiming to be your bank, not you right?", "message"),
        ("That text about a refund isn't from you, is it? Some kind of spam? I almost paid", "message"),
        ("The register keeps spamming receipts, who do I call?", "message"),
        ("Bájame dos sacos de alimento cuando pases", "message"),
        ("Sacadnos dos raciones de croquetas, porfa", "message"),
        ("Quitadme dos entradas de la visita del sábado", "message"),
        ("¿Puedo dar de baja dos entradas y cambiarlas de día?", "message"),
        ("Dadme de baja el coche viejo del seguro, lo vendí", "message"),
        ("Stop, qué pinta tienen esas torrijas", "message"),
        ("Lo bloqueé sin querer, ya lo desbloqueé, ¿me reenvían la cita?", "message"),
    ],
)
def test_round67(text: str, expected: str) -> None:
    check(text, expected)
