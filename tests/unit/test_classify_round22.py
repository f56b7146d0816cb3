"""Classes found on the spent held-out sets 36, 37 and 39 (round 22, rules): lists and shifts of another kind, a STOP
said by a child or meant for another number or thread beside texts wanted, Spam the food, spam asked about or from
other numbers, emails refused beside texts wanted, Spanish "baja" as low or a status, a stop that is a place, a
feature or advice, partial requests that keep some texts, the number complaint, refusals and relationships over that
name no texts, "stop con los texts". Wordings of this file's own, not rows of the sets, with the revocations beside
each that must stay revocations (docs/rules.md, "Round 22").
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please take my name off the volunteer appreciation list, I'd rather not be thanked publicly", "message"),
        ("can you remove my name from the donor honor list this year", "message"),
        ("¿me pueden quitar de la lista de voluntarios del domingo?", "message"),
        ("¿nos pueden sacar de la lista de padrinos? ya no podemos", "message"),
        ("¿me pueden quitar del turno de limpieza? ese día trabajo", "message"),
        ("quiten me de la lista de jugadores, me lastimé la rodilla", "message"),
        # ...the sender's list, however it is named, stays a revocation
        ("take me off the pizza night list", "opt_out"),
        ("remove my name from your text list", "opt_out"),
        ("¿me pueden quitar de la lista?", "opt_out"),
        ("me pueden quitar de sus mensajes", "opt_out"),
        ("quítenme de la lista de mensajes", "opt_out"),
    ],
)
def test_a_list_or_shift_of_another_kind_is_a_message(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("haha my son keeps grabbing my phone, he just typed stop on everything", "message"),
        ("my daughter yelled stop at the dog, sorry for the voice text", "message"),
        ("mi nieta le dio a stop jugando con mi teléfono, yo sí quiero los avisos", "message"),
        ("ugh that STOP was meant for my cable company, keep my pharmacy alerts coming", "message"),
        ("I texted stop to the wrong chat, I still want the tutoring texts", "message"),
        ("sorry I replied stop, that was meant for another store, keep the coupons coming", "message"),
        ("le di baja por error, ¿me siguen llegando los recordatorios?", "message"),
        # ...a STOP of the replier's own, or one a child relays about the texts, stays what it was
        ("my son said stop texting him", "opt_out"),
        ("stop. my kid keeps reading these", "opt_out"),
    ],
)
def test_a_stop_said_by_a_child_or_meant_for_another_number_is_a_message(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿hacen empanadas de spam? mi hijo las quiere", "message"),
        ("¿venden tamales de spam o solo de pollo?", "message"),
        ("got a text saying my account is locked, not sure if it's spam", "message"),
        ("is this legit? did the pharmacy really send a coupon for 50% off", "message"),
        ("getting spam texts from another number that says it's you", "message"),
        ("me mandan textos de spam de un número que dice ser ustedes", "message"),
        ("recibo llamadas de spam de números desconocidos, ¿qué hago?", "message"),
        # ...calling these texts spam stays a revocation
        ("this is spam", "opt_out"),
        ("spam. wondering if you'll ever stop", "opt_out"),
        ("ya no quiero spam de ustedes", "opt_out"),
    ],
)
def test_spam_eaten_asked_about_or_from_another_number_is_a_message(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop the emails please, I still need the appointment texts", "message"),
        ("please quit emailing me the raffle flyers, texting me is enough", "message"),
        ("unsubscribe me from the weekly digest emails, too many", "message"),
        # ...texts refused stay a revocation, whatever else is said of them
        ("stop texting me I need the texts to stop", "opt_out"),
        ("stop texting me, I don't need the texts", "opt_out"),
    ],
)
def test_emails_refused_beside_texts_wanted_are_a_message(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el aire no baja de 80 aunque le pongo 70", "message"),
        ("la presión de la llanta de enfrente anda baja, ¿me la revisan?", "message"),
        ("la cobertura está bien baja en el sótano", "message"),
        ("di de baja mi licencia de comida en junio, ¿me siguen cobrando?", "message"),
        ("¿por qué sale dada de baja mi cuenta? pagué ayer", "message"),
        ("mi tarjeta del estacionamiento no pasa, creo que la dieron de baja", "message"),
        ("me dieron de baja el usuario del portal, ¿con quién hablo?", "message"),
        # ...baja said of the texts stays a revocation
        ("baja por favor", "opt_out"),
        ("quiero darme de baja", "opt_out"),
        ("mi cuenta, denme de baja", "opt_out"),
    ],
)
def test_baja_as_low_or_a_status_is_a_message(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("will the truck be at the Oak & 5th stop on Friday?", "message"),
        ("el camión hace stop justo en la esquina o más adelante?", "message"),
        ("my trainer told me to stop squats for now, is the spin class ok?", "message"),
        ("can I put a payment stop on the autopay this month?", "message"),
        ("the start stop system in my car is acting up, can you check it?", "message"),
        ("STOP I'm dying, that's hilarious", "message"),
        ("ayuda para inscribirme en la clase de los sábados", "message"),
        # ...a stop of the texts stays a revocation
        ("how do I make the texts from the school stop?", "opt_out"),
        ("I'm at the point where I want these to stop", "opt_out"),
        ("no vuelvan a escribirme", "opt_out"),
    ],
)
def test_a_stop_that_is_a_place_a_feature_or_advice_is_a_message(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop the sale texts, keep the service notices", "review"),
        ("stop the deals pls, I still want my pickup ready texts", "review"),
        ("who gave you this number? I never gave you permission to have it", "review"),
        ("¿quién te dio mi número? nunca te di permiso", "review"),
        ("ni de broma vuelvo a pedir ahí", "review"),
        ("never ordering from you again", "review"),
        ("not voting for her", "review"),
        ("we had to rehome our dog", "review"),
        ("quiten el número de la mamá de mis hijos", "review"),
        ("plis stop con los txts, ya no voy a esa escuela", "opt_out"),
        # ...a revocation beside them stays one; texts wanted beside them leave a message
        ("who gave you my number? I never gave permission, stop", "opt_out"),
        ("not voting for her, take me off your list", "opt_out"),
        ("we still want the school texts to stop", "opt_out"),
        ("I'm not voting for her but keep the texts coming", "message"),
    ],
)
def test_partial_requests_complaints_refusals_and_relationships_over(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what time does the taco happy hour end on fridays?", "message"),
        ("when does the spring sale end? is it all day saturday too?", "message"),
        ("we quit karate for about 2 years but my son wants to go back, any openings?", "message"),
        ("quiero cancelar el seguro de la camioneta, ya la vendimos. ¿a quién le hablo?", "message"),
        ("perdón que les mande tantos mensajes, ya me confundí con las fechas", "message"),
        ("sorry for sending so many texts, I just want to be sure", "message"),
        ("¿cuánto cuesta un cambio de llantas?", "message"),
        ("no more mensajes de ofertas porfa", "review"),
        # ...the texts ending, complained of or refused stay what they were
        ("is this going to be all day?", "review"),
        ("me mandan tantos mensajes", "review"),
        ("cambié de dentista", "review"),
        ("cancelar suscripción", "opt_out"),
    ],
)
def test_ends_pauses_of_a_pastime_plans_cancelled_and_the_repliers_own_texts(text, expected):
    check(text, expected)
