"""Round 66 (on the sets 274-278, read once on c65c87d and 29146c8): asides beside a keyword: a place's season
enjoyed ("enjoy the autumn leaves"), whatever the place lives by wished kind to the sender ("hope the river treats
you well"), a harvest wished ("buena siega"), a toast ("a su salud"), "tight lines", a shift by its hours and work
("night check", "day dispatch"), a greeting of another language wished to all or of two words with a short one a
dictionary knows, the business by its initials and its next word ("BCR Feed" of Blue Creek Ranch Feed), Galician
"neno", a return typed straight after START ("START i'm back for winter break"). Revocations: a threat with an hour or
a topic inside it ("one more text at 6 am and I'm reporting the number"), "os bloqueo" after an hour, Spanish
vosotros forms ("Cancelad los SMS", "estáis bloqueados", "dejadme de mandar"), the number blocked with a reason or
after a farewell, "directo al bloqueo", "take me off for good", "hitting block", a business blocked on the phone,
texts kept by the business and not wanted, a request asked before a reason, an hour told of how the texts come.
Messages: Spam the meat on crackers, in chili or in the weekly ad, a text flagged as spam by the phone, a call from a
strange number called spam, a delivery of kilos ("bajadme"), no need to write on a card, an animal or a car taken off
a register, someone else opting out of a rule, removed from a work list or a Spanglish schedule, a thing praised as
magnificent after STOP. Queued: a revocation of promotions with the rest kept ("lo demás sí"), an hour beside a plan
of the replier's. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop please. Enjoy the autumn leaves", "opt_out"),
        ("End. Hope the river treats you well this season", "opt_out"),
        ("Cancel. Hope the snow holds off for you all", "opt_out"),
        ("Parar, gracias. ¡Buena siega!", "opt_out"),
        ("Baja, por favor. Un tinto a su salud", "opt_out"),
        ("Unsubscribe. Tight lines and calm water", "opt_out"),
        ("STOP - Petty Officer Lane, night check", "opt_out"),
        ("HELP - Marisol, day dispatch", "help"),
        ("Cancelar, gracias. Srećni praznici a todos", "opt_out"),
        ("INFO. Dobro dan", "help"),
        ("HELP, my pilates", "message"),
        ("Baja neno, gracias", "opt_out"),
        ("START i'm back for winter break", "opt_in"),
        ("START pls we're back in town", "opt_in"),
        ("One more text at 6 am and I'm reporting the number", "opt_out"),
        ("Text me again about the raffle and I'm reporting this number", "opt_out"),
        ("Keep texting at midnight and I'm reporting the number", "opt_out"),
        ("if these texts keep coming I'm reporting you to the AG", "opt_out"),
        ("Otro mensaje a las seis de la mañana y os bloqueo", "opt_out"),
        ("Un SMS más y me quejo en consumo", "opt_out"),
        ("Cancelad los SMS a mi móvil", "opt_out"),
        ("Ya estáis bloqueados, pesados", "opt_out"),
        ("Dejadme de mandar SMS, que ya no vivo allí", "opt_out"),
        ("Número bloqueado. Demasiados mensajes", "opt_out"),
        ("Adiós, número bloqueado", "opt_out"),
        ("Directo al bloqueo, hombre", "opt_out"),
        ("Please take me off for good", "opt_out"),
        ("Hitting block on your number now", "opt_out"),
        ("your shop is blocked on my phone now", "opt_out"),
        ("You guys can keep your texts, don't want them anymore", "opt_out"),
        ("Can you not text my cell anymore? I changed jobs", "opt_out"),
        ("How do I make these texts stop? They wake me at 6 every morning", "opt_out"),
        ("Spam on a saltine, best snack on the boat", "message"),
        ("Is there Spam in your breakfast burrito?", "message"),
        ("Your pickup text got marked as spam but I saw it, thanks", "message"),
        ("Me escribieron de un número desconocido diciendo que son ustedes, creo que es spam", "message"),
        ("Bajadme tres kilos de naranjas para el sábado", "message"),
        ("No hace falta escribir nada en la tarjeta, gracias", "message"),
        ("¿Cómo damos de baja en el registro a la vaca que vendimos?", "message"),
        ("Is the life jacket rule for everyone or can my son opt out?", "message"),
        ("Remove my name from the callout list this week, I'm on vacation", "message"),
        ("Remove me del turno del sábado, tengo boda", "message"),
        ("Stop, that quilt in your window is magnificent", "message"),
        ("Dejen de mandar promociones, lo demás sí", "review"),
        ("Don't text me during work, I'll read them at night.", "review"),
        ("Please stop texting me, weekends are fine", "review"),
    ],
)
def test_round66(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("STOP BCR Feed", "Blue Creek Ranch Feed", "opt_out"),
        ("Baja CLP Tortillas", "Casa Los Primos Tortillas", "opt_out"),
        ("STOP BCR Feed", "Tacos El Primo", "review"),
    ],
)
def test_round66_initials_then_a_word(text: str, name: str, expected: str) -> None:
    assert label_of(text, (name,)) == expected
