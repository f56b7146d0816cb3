"""Round 73 (on the sets 303-306, read once on 2f7f7b6, 1845f7e and a611cd5): asides beside a keyword: Irish "le do
thoil" and "go n-éirí an bóthar leat", "Jai Shri Krishna", a family signing by its name ("Shah family"), a Galician
"saúdo desde", "carallo", safe trips to the crews, a wish with a longer place ("a great season on the water"), the
place's harvest hoped fine at length, the business missed after a move ("we'll miss your bread"), STOP with courtesy
before thanks and a closing with delight's words ("Love, Aunt Jo"). Revocations: a business's number blocked, "borrad
este móvil de vuestra lista", "os bloqueo", "¿me podéis quitar de los SMS?", the way off a text or price list,
"ninguno más", a block list threatened or earned, "straight to blocked", "number blocked" in a clause of its own,
Spanish threats to report if the texts go on, "can y'all not text my cell", enough of texts by their name, texts
wished not received, "me quito de la lista", a reply dictated away ("consider it replied"), "a bloquear este número",
an Arabic request with تبعثوا, a request after texts complained of at an hour. Messages: names off a draw or a crew,
spam invited, the meat asked about and cooked, spam of another sender, a child's STOP with "don't drop me", the
business asked whether it will stop, insurance opted out of, mouth-watering praise after STOP. Queued: another
company now, a move by orders, land leased, a sport given up, a chaperone, a rental-house phone, not really a
customer, goods for a relative, "paso" and "nombre, vaya", no offer of use, texts asked for only some dates, when, or
except a kind, why the replier is on the list, a call preferred, another's account, the texts counted a day. Examples
are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INFO, le do thoil", "help"),
        ("STOP. Go n-éirí an bóthar leat", "opt_out"),
        ("Cancel please. Jai Shri Krishna, Shah family", "opt_out"),
        ("Baja. Un saúdo desde Ribadavia", "opt_out"),
        ("END. Safe trips to all the boats", "opt_out"),
        ("Remove, thanks. Have a great season on the river", "opt_out"),
        ("End. Hope the cranberries come in red and heavy on the bog this fall", "opt_out"),
        ("Unsubscribe please. We moved to Tucson but we'll miss your bread", "opt_out"),
        ("Stop please. Thank you for the lovely peaches every summer. Love, Aunt Jo", "opt_out"),
        ("I've blocked the bakery's number. Have a nice evening.", "opt_out"),
        ("Borrad este número de vuestra lista, gracias", "opt_out"),
        ("Cuatro SMS hoy. Os bloqueo", "opt_out"),
        ("¿Me podéis quitar de los mensajes? Gracias", "opt_out"),
        ("Is there a way to get off the cafe text list?", "opt_out"),
        ("Mensajes de la tienda, ninguno más", "opt_out"),
        ("one more promo and you're going on my block list", "opt_out"),
        ("Another sale text? Straight to blocked", "opt_out"),
        ("We're done here. Number blocked.", "opt_out"),
        ("Si siguen mandando mensajes los voy a denunciar", "opt_out"),
        ("Al próximo mensaje os denuncio", "opt_out"),
        ("Can y'all not text my phone anymore?", "opt_out"),
        ("Enough with the raffle texts", "opt_out"),
        ("I'd prefer not getting texts from the shop anymore", "opt_out"),
        ("Me quito de la lista, gracias por todo", "opt_out"),
        ("Whatever I have to type to get off this, consider it typed", "opt_out"),
        ("Pues a bloquear este número", "opt_out"),
        ("لا تبعثوا رسائل", "opt_out"),
        ("Texting me at 6am about a car wash?? Lose my number.", "opt_out"),
        ("Quitadme del equipo del domingo, tengo boda", "message"),
        ("Send all the race photos, spam me I don't care", "message"),
        ("Does spam keep in a cooler for a weekend? asking for the camp", "message"),
        ("Some number claiming to be your bank texted me a link. Spam I'm guessing?", "message"),
        ("Un mensaje de spam dice que gané un premio de ustedes, ¿es cierto?", "message"),
        ("Somebody keeps spamming me about cheap tires, that's not you, is it?", "message"),
        ("¿Hacen tacos con spam? Mi hijo los quiere probar", "message"),
        ("My daughter hit stop while playing with my phone, don't drop me", "message"),
        ("You guys gonna stop the fishing report texts? Hope not", "message"),
        ("Boat insurance - can I opt out if I already have it?", "message"),
        ("Stop, that pie photo has my mouth watering", "message"),
        ("Ahora vamos con la otra empresa de mudanzas", "review"),
        ("Got orders to Fort Hood", "review"),
        ("Leased the farm to my nephew", "review"),
        ("He dejado el golf por la espalda", "review"),
        ("I was just the driver for my neighbor", "review"),
        ("This is the lake house phone, renters come and go", "review"),
        ("I bought a gift card once, I'm not really a customer", "review"),
        ("Las gafas eran para mi abuela", "review"),
        ("Esta vez paso, gracias", "review"),
        ("Ninguna promoción me interesa", "review"),
        ("Only send the market dates please", "review"),
        ("Solo avísenme cuando llegue el pedido", "review"),
        ("No more texts except the bill reminders", "review"),
        ("why are we on this list??", "review"),
        ("We'd rather you call", "review"),
        ("Ask my wife, it's her account", "review"),
        ("Me llegan cuatro al día, qué onda", "review"),
        ("Quiero darme de baja de los correos, me llegan dos al día", "message"),
    ],
)
def test_round73(text: str, expected: str) -> None:
    check(text, expected)
