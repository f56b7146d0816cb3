"""Round 72 (on the sets 299-302, read once on e347344 and a611cd5): asides beside a keyword: anything of the place's
hoped fine ("Hope the trout stay fat"), a toast, the trade cheered on ("sigan pintando bonito"), the season's sights
enjoyed, an angler's farewell, "buenas burbujas", a letter's "with our warm regards", a month that is a signer's name
("Ray & May Tollefson"), "mi amol", START with a return in the present ("volvemos en marzo"). A stop word of everyday
meaning, a signer and more: queued. Revocations: "can you quit texting", a request in the conditional with the
business named ("if the bakery stopped texting this line"), texts ceasing wished for, texts turned off by their name,
made to stop, taken off with the name and cell, had enough of, a phone buzzed, a threat in Spanish to report, a
threat if the texts keep up, "didn't sign up ... knock it off", "os tengo en bloqueados", a number blocked said
alone. Messages: Spam the meat in cases, contests and fillings, a room spammed, "hice spam", the musical; a Spanish
"bajadme" with a number, another list named ("la lista de la peña"), a name moved between sheets, "no vayan a parar
de mandar", e-mails refused with texts kept, praise after STOP ("fascinating", "qué maravilla", "chills"), "keep me
from driving". Queued: a report to the attorney general (as labelled before), texts asked for on one day only, or not
on one day. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP. Hope the trout stay fat this fall", "opt_out"),
        ("Remove. Hope the slopes open early this year", "opt_out"),
        ("Cancel. A toast to the whole crew 🥂", "opt_out"),
        ("Baja. Sigan pintando bonito 🎨", "opt_out"),
        ("End. Enjoy the maples turning out there", "opt_out"),
        ("STOP. Keep em wet", "opt_out"),
        ("Parar. Buenas burbujas a todos", "opt_out"),
        ("End, with our warm regards", "opt_out"),
        ("Stop. Ray & May Tollefson", "opt_out"),
        ("Baja, mi amol, bendiciones", "opt_out"),
        ("Start, tía, que volvemos en marzo", "opt_in"),
        ("Cancel - Coach Pat Olander, Birch Lake junior nordic", "review"),
        ("Can u quit texting me please", "opt_out"),
        ("Could you quit texting me? I don't even golf", "opt_out"),
        ("I'd appreciate it if the bakery stopped texting this line, it's a work phone", "opt_out"),
        ("I'd appreciate it if the clinic didn't text me anymore", "opt_out"),
        ("I would be grateful if these texts about the auction ceased", "opt_out"),
        ("How do I turn these bingo texts off?", "opt_out"),
        ("Turn off the pool party texts for me", "opt_out"),
        ("Is there a way to make the coupon texts stop?", "opt_out"),
        ("Take my name and number off the club's texting list", "opt_out"),
        ("We've had enough of these diner texts", "opt_out"),
        ("Quit pinging my phone with these", "opt_out"),
        ("I will be reporting this to the attorney general", "review"),
        ("Solo los domingos mándenme mensaje", "review"),
        ("Los sábados descanso, ese día no me manden", "review"),
        ("How do I unsubscribe from the emails but keep getting the texts", "message"),
        ("Las denuncio a la compañía si me siguen escribiendo", "opt_out"),
        ("Keep it up with these texts and you get reported", "opt_out"),
        ("I never signed up for raffle texts knock it off", "opt_out"),
        ("Os tengo en bloqueados ya, qué pesadez", "opt_out"),
        ("Bloqueada, ya me tienen harta con tantos mensajes", "opt_out"),
        ("Number is blocked now", "opt_out"),
        ("Número bloqueado por pesados", "opt_out"),
        ("Still have any of that spam and pineapple? Need it for the luau", "message"),
        ("Spam cook off this weekend?? sign me up", "message"),
        ("Spam and brown sugar glaze, trust me", "message"),
        ("¿Tienen empanadas de spam o solo de queso?", "message"),
        ("Hice spam en el chat de la familia con su oferta jaja", "message"),
        ("My kids keep spamming the kitchen table with crayons", "message"),
        ("Are the Spamalot tickets still on sale?", "message"),
        ("Bajadme tres cajas al patio, porfa", "message"),
        ("Sacadme de la lista de la cena del sábado, que no llego", "message"),
        ("Take us off the Monday roster and put us on Wednesday's", "message"),
        ("No vayan a parar de mandarme lo del pan dulce, eh", "message"),
        ("Stop, the river photo is fascinating", "message"),
        ("STOP, qué maravilla de puesta de sol", "message"),
        ("Stop it, that choir gave me chills", "message"),
        ("These texts are what keep me from driving out for nothing, keep them coming", "message"),
    ],
)
def test_round72(text: str, expected: str) -> None:
    check(text, expected)
