"""Round 70 (on the sets 291-294, read once on 2cf6807 and a611cd5): asides beside a keyword: the rest of the season
enjoyed on the lake, a week had, the time with the sender loved, the service praised ("nítido servicio") beside a stop
word of everyday meaning, the place's season hoped fine, "please & thank you", a group by its number after a name,
a return beside START whatever delight it holds, "ñañito". Revocations: texts wanted to stop or asked how to stop
("these cruise texts to stop coming"), "blocking the … number", a threat to call the phone company, a cell taken off an
alert list, "done w ur texts", "pull my number", "I'd appreciate it if you stopped texting", a phone taken off
whatever list, "me dais de baja", "ya está bien de mensajes", "a ver si dejáis de escribirme", "ya están en mis
bloqueados", texts not welcome, the number sent to the blocked list, "no me interesa que me lleguen mensajes",
"dejen de escribir a este celu". Messages: a spa treatment praised as heaven, a dip too good ("dangerous"), Spam
fine for camping, a confirmation filed under spam, a front row left, five brought down for the bus, a fringe taken
off a tapestry, a card expired with the club kept, names moved between tours. Examples are this file's own, not rows
of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. Enjoy the rest of the summer on the river!", "opt_out"),
        ("Stop please. Had a great ski week", "opt_out"),
        ("End. Loved fishing with you guys, take care", "opt_out"),
        ("Remove please, excelente servicio, gracias", "opt_out"),
        ("End, thanks. Hope the snow is deep this winter", "opt_out"),
        ("INFO please & thanks", "help"),
        ("Help please - Ana Ruiz, birding tour group 2", "help"),
        ("START. We booked the lake house again, so excited", "opt_in"),
        ("Baja pues ñañita, gracias", "opt_out"),
        ("He wants these texts to stop, it's his phone", "opt_out"),
        ("How do I get these sale texts to stop coming to my phone?", "opt_out"),
        ("Blocking the fudge shop number, bye", "opt_out"),
        ("Next text from you and I'm calling my phone company", "opt_out"),
        ("Take this phone off the storm alert list please", "opt_out"),
        ("done w ur texts, pull my number", "opt_out"),
        ("I'd appreciate it if you stopped texting me", "opt_out"),
        ("Wrong person. Take this number off whatever list it's on", "opt_out"),
        ("Ya está bien de mensajes, me dais de baja", "opt_out"),
        ("A ver si dejáis de escribirme, que no me interesa", "opt_out"),
        ("Ya están en mis bloqueados", "opt_out"),
        ("Texts are not welcome on this line", "opt_out"),
        ("Ya mandé este número a bloqueados", "opt_out"),
        ("No me interesa que me lleguen mensajes de la tienda", "opt_out"),
        ("Dejen de escribir a este celu, gracias", "opt_out"),
        ("Stop, that hot stone massage was heaven", "message"),
        ("Stop, that salsa is dangerous, I ate the whole jar", "message"),
        ("Spam is fine for the cabin but your jerky is better", "message"),
        ("My phone filed your reminder under spam, are we still on for Friday?", "message"),
        ("Sáquenme de la primera fila, que no veo bien", "message"),
        ("Bájame cinco para la guagua de las tres", "message"),
        ("Quíteme por favor el botón de abajo, lo quiero sin él", "message"),
        ("Please don't drop us from the club, my card just expired", "message"),
        ("Can you remove our names from the 7pm and put us on the 6?", "message"),
        ("si dejan de mandar la promo del martes me muero jaja", "message"),
        ("End. Where do I pick up lot 40", "review"),
    ],
)
def test_round70(text: str, expected: str) -> None:
    check(text, expected)
