"""Classes of round 17 of issue 12 (found on the fresh tuning sets 13 and 14): the list named in Spanish after an
English removal ("get me off la lista"), a sign-up revoked, texts welcomed beside calls or paper refused, a STOP sent
to another company or never sent, Spanish permits, days and things "dados de baja", stop requests the rules queued
("quit it", "nada de mensajes", a threat on "si no dejan de", "qué parte de BAJA"...), and their hard negatives.

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("get me off la lista please", "opt_out"),
        ("I revoke my signup", "opt_out"),
        # ...a waiting list in Spanish, a race sign-up cancelled
        ("take me off la lista de espera, ya encontramos lugar", "message"),
        ("cancel my sign up for the 10k, I hurt my knee", "message"),
    ],
)
def test_the_list_in_spanish_and_a_sign_up_revoked(text, expected):
    """'La lista' after an English removal is the sender's list; a sign-up revoked is consent taken back."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quit calling my cell, text me on this number instead", "message"),
        ("stop calling the house, texts are much better", "message"),
        ("stop mailing me paper statements, I'll just read the texts", "message"),
        # ...calls or paper refused together with the texts
        ("stop calling and texting me", "opt_out"),
        ("stop sending me texts and paper statements", "opt_out"),
    ],
)
def test_calls_or_paper_refused_beside_texts_welcomed(text, expected):
    """A request about calls or paper beside texts welcomed ('texts are much better') is about calls or paper."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I sent stop to a different store, not this one", "message"),
        ("Mandé BAJA a otro número, no a ustedes", "message"),
        ("I never replied stop, why did I get an opt out confirmation?", "message"),
        # ...a STOP told to this sender, a confirmation asked for with the request
        ("I replied stop to you twice already", "opt_out"),
        ("Unsubscribe me and send a confirmation", "opt_out"),
    ],
)
def test_a_stop_sent_elsewhere_or_never_sent(text, expected):
    """A STOP said to have gone to another company, or a confirmation of a STOP never sent, asks nothing."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿Cómo cancelo el permiso anual de la alberca?", "message"),
        ("El ayuntamiento canceló el permiso, ¿ahora qué hacemos?", "message"),
        ("¿Tengo que dar de baja algo en el banco?", "message"),
        ("Perdí la tarjeta, ¿la pueden dar de baja?", "message"),
        ("Mi esposa dice que deje de mandarle flores", "message"),
        ("quítenme del martes, mejor el jueves", "message"),
        ("El texto dice que mande BAJA para dejar de recibir alertas, pero yo sí quiero las alertas", "message"),
        # ...permission, the replier or the texts themselves
        ("Cancelo el permiso para mandarme mensajes", "opt_out"),
        ("denme de baja por favor", "opt_out"),
        ("dejen de mandarme mensajes", "opt_out"),
        ("quítenme de la lista", "opt_out"),
        ("ya quiero dejar de recibir alertas", "opt_out"),
    ],
)
def test_spanish_permits_days_and_things_taken_off(text, expected):
    """A permit, a day, a card or something sent to someone else cancelled or 'dado de baja' is no revocation."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quit it!!", "opt_out"),
        ("STOPPPP istg", "opt_out"),
        ("please stop the sending of promotions", "opt_out"),
        ("stop hittin my line fr", "opt_out"),
        ("we dont wanna get these no more", "opt_out"),
        ("take this phone number off your list please", "opt_out"),
        # ...a lone stop word asked, a package, a road, a delivery
        ("quit it?", "review"),
        ("stop the sending of my package to the old address", "message"),
        ("ill be hittin the road at 5", "message"),
        ("I don't wanna get these delivered, I'll pick them up", "message"),
    ],
)
def test_english_stop_requests_the_rules_queued(text, expected):
    """'Quit it' is 'stop it'; 'istg' only swears to it; 'the sending of', 'hittin', 'wanna' say what they say."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nada de mensajes, mejor por correo", "opt_out"),
        ("por mensaje no, solo por correo porfa", "opt_out"),
        ("los voy a denunciar si no paran de mandarme mensajes", "opt_out"),
        ("qué parte de alto no entienden??", "opt_out"),
        ("salirme de su lista", "opt_out"),
        ("baja a mi numero porfa", "opt_out"),
        ("cancela mi suscripcion", "opt_out"),
        ("no me interesan nada sus promociones", "opt_out"),
        # ...rain, a negation, a part of town, a shift, a magazine, shoes, the word asked
        ("nada de lluvia hoy, ¿sí vienen?", "message"),
        ("no dejen de mandarme los avisos", "message"),
        ("¿qué parte de la ciudad cubren?", "message"),
        ("quiero salirme temprano del turno", "message"),
        ("cancela mi suscripción de la revista", "message"),
        ("no me interesan nada los zapatos rojos, ¿tienen azules?", "message"),
        ("¿baja a este número?", "review"),
    ],
)
def test_spanish_stop_requests_the_rules_queued(text, expected):
    """'Nada de mensajes', 'por mensaje no', a threat on 'si no dejan de', 'qué parte de BAJA no entienden'."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cancel it, we found a cheaper plumber", "review"),
        ("send everything by email from now on", "review"),
        ("pásenme a correo", "review"),
        ("not coming back", "review"),
        ("ya acabamos de pagar el carro", "review"),
        ("ya no ocupo las clases", "review"),
        ("llegan a las 6 de la mañana, ¿por qué tan temprano?", "review"),
        ("our veggie share ended and we didn't renew", "review"),
        ("my gym membership card expired and I'm not renewing", "review"),
        ("we're no longer looking for a house", "review"),
        ("ya terminamos de pagar la deuda", "review"),
        # ...a flight, a deadline, a trip, a receipt
        ("found a cheaper flight, thanks for the tip!", "message"),
        ("send everything by friday please", "message"),
        ("not coming back till monday, can you hold my order?", "message"),
        ("ya no ocupo el recibo, gracias", "message"),
        ("ya terminamos de pagar la deuda, ¿me mandan la carta?", "message"),
        ("no queremos dejar de recibir los avisos", "message"),
    ],
)
def test_unclear_replies_without_a_revocation_word(text, expected):
    """Another provider found, another channel, a relationship over, a complaint about the hour: queued."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("order updates ok, no promos", "review"),
        ("solo escríbanme cuando llegue el paquete", "review"),
        ("alerts are ok, the promo stuff not really", "review"),
        ("bájenle a las promociones porfa", "review"),
        ("bájenle a la música del local", "message"),
        ("would opting out cancel my raffle entry?", "review"),
        ("STOP. btw when do you close", "review"),
        # ...the request alone
        ("no promos", "review"),  # a kind of marketing refused, no other word: queued (docs/rules.md, round 30)
        ("STOP. thanks", "opt_out"),
    ],
)
def test_a_partial_request_a_question_about_stopping_a_stop_before_a_question(text, expected):
    """Some texts kept, what opting out would do, a STOP before a question left without its mark: queued."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ill stop through after work", "message"),
        ("we may end up being 12, is that too many?", "message"),
        ("mi nieta apretó BAJA jugando, yo sí quiero las ofertas", "message"),
        ("the car died at the light, can you tow it?", "message"),
        ("brakes squeal at every stop", "message"),
        ("frenan feo en cada alto", "message"),
        ("stop offering me the warranty every time I come in", "message"),
        ("¿hay multa por cancelar el contrato?", "message"),
        ("can we cancel friday only? my son has a game", "message"),
        ("¿cuándo se acaba la pausa de pagos?", "message"),
        ("¿puedo dejar de tomar la pastilla?", "message"),
        # ...too many said of the texts, a keyword pressed with nothing kept, a death, the offers by text
        ("too many!!", "review"),
        ("mi nieta apretó BAJA", "review"),
        ("my dad died last week", "review"),
        ("stop offering me loans by text", "opt_out"),
    ],
)
def test_ordinary_messages_with_a_stop_word(text, expected):
    """Stopping through, 'is that too many?', a BAJA pressed by a child beside texts wanted, a stop on the road."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("does the meter stop if I'm inside paying?", "message"),
        ("no phone calls pls, texts only", "message"),
        ("is the fall league still open? we are very interested", "message"),
        ("can't stop smiling at your last message lol", "message"),
        # ...the texts themselves asked about, another channel asked for
        ("does the spam ever end", "opt_out"),
        ("no phone calls or texts", "review"),
        ("we are not interested", "review"),
        ("send these to my work email instead", "review"),
    ],
)
def test_a_stop_of_something_else(text, expected):
    """'Does the meter stop', a stop in laughter beside a message: no request about the texts."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ai day?", "message"),
        ("cest qui svp", "message"),
        ("من هذا الشخص؟", "message"),
        ("شكرا جزيلا لكم", "message"),
        ("我上午十点到", "message"),
        ("방금 입금했어요", "message"),
        ("m ap rive a 3è", "message"),
        ("Bòn fèt Nwèl ak tout fanmi an", "message"),
        # ...a refusal or a stop in the same languages
        ("لا شكرا", "review"),
        ("ai vay, dung nhan tin nua", "opt_out"),
        ("tama na ang mga mensahe", "opt_out"),
        ("tama na po yung order ko, salamat", "message"),
    ],
)
def test_ordinary_replies_in_other_languages(text, expected):
    """Who is this, thanks, a time, a payment, arriving, a holiday greeting: no word of stopping, an ordinary sign."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la llanta de atrás está bien baja", "message"),
        ("el doctor dijo que le baja la dosis", "message"),
        ("me duele la parte baja del cuello", "message"),
        ("no es spam, yo me registré", "message"),
        ("bórrenme de la lista de llamadas pero sigan con los mensajes", "message"),
        ("cancelen solo lo de hoy, ya no alcanzo", "message"),
        ("cambié de teléfono pero sigo con el mismo número, no me quiten", "message"),
        ("dejaron de llegarme los avisos, ¿me reenvían el código?", "message"),
        # ...the stop word, spam said, the list itself, a changed phone alone
        ("esto es spam, bórrenme", "opt_out"),
        ("bórrenme de la lista", "opt_out"),
        ("cambié de teléfono", "review"),
    ],
)
def test_spanish_stop_words_in_another_sense(text, expected):
    """'Baja' as low, 'no es spam', a list of calls, a day cancelled, 'no me quiten' beside a new phone."""
    check(text, expected)
