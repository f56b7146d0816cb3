"""Classes of round 14 of issue 12 (found on the fresh tuning set t910): first-person refusals of the texts queued
instead of honoured ("no more <campaign> texts", "I don't want your <kind of> texts", "I'd like to no longer get
these", "no mensajes porfa", "ya no me los manden"), threats that hang on the next text, a number said to be blocked,
a refusal whose object is the texts ("zero interest in your texts"), a stop of one campaign's texts named in words of
its own, a pause with a time limit in weeks; and false revocations (Spam the food or a name, "the end of your
message", a block by accident, "no se detengan").

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no more bakery texts please", "opt_out"),
        ("no more car wash texts thanks", "opt_out"),
        ("no texting me please", "opt_out"),
        ("no mensajes porfa", "opt_out"),
        ("por favor ya no mensajes", "opt_out"),
        ("i dont want your silly texts", "opt_out"),
        ("I really don't want these promo texts anymore", "opt_out"),
        ("I'd like to no longer get these messages", "opt_out"),
        ("I request to not be texted", "opt_out"),
        ("never text me here, don't send texts to this phone", "opt_out"),
        ("don't text, email me instead", "opt_out"),
        ("I want these texts to go away", "opt_out"),
        ("ya no quiero que me lleguen sus mensajes", "opt_out"),
        ("ya no me las manden", "opt_out"),
        ("nunca mas me manden", "opt_out"),
        # ...texts that did not come, a limit, a kind of texts, another person, a channel
        ("no more texts came after the first one", "message"),
        ("no more than two texts a week is fine", "review"),
        ("no more sale texts", "review"),
        ("no more survey texts, just the order ones", "review"),
        ("my dad does not want these texts", "review"),
        ("my husband doesnt want these texts", "review"),
        ("no more calls please, just text", "message"),
    ],
)
def test_a_first_person_refusal_of_the_texts_is_a_revocation(text, expected):
    """The texts refused by the replier, no other reading; a marketing kind, a time, another person stay queued."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop the fitness club texts", "opt_out"),
        ("no thanks on the promo texts", "opt_out"),
        ("hold off on texting me for a couple weeks", "opt_out"),
        ("forget u ever had my number", "opt_out"),
        ("ive told you not to text me", "opt_out"),
        # ...another channel's stop, a time of day, a pause
        ("stop the spam emails, texts are fine", "message"),
        ("stop the 8am texts", "review"),
        ("pause texts for a month", "review"),
    ],
)
def test_a_stop_of_one_campaigns_texts_and_a_pause_for_weeks(text, expected):
    """The texts of one campaign named in words of its own; a time of day or a pause without a limit stays queued."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("if you text me again I'm blocking you", "opt_out"),
        ("message me again and I'll call my attorney", "opt_out"),
        ("I'll file an FCC complaint if you keep texting", "opt_out"),
        ("un mensaje mas y los demando", "opt_out"),
        ("los voy a bloquear si me siguen mandando cosas", "opt_out"),
        ("you're getting blocked", "opt_out"),
        ("blocked", "opt_out"),
        ("zero interest in your texts", "opt_out"),
        ("no estamos interesados en sus mensajes", "opt_out"),
        # ...a text asked for, another condition, a card blocked, a block by accident, a threat with no condition
        ("if you text me the address I'll come by", "message"),
        ("if you don't send my refund I'll file a complaint", "review"),
        ("my card got blocked, can you send the link again", "message"),
        ("I blocked you by accident, can you resend the code?", "message"),
        ("los voy a denunciar", "review"),
    ],
)
def test_a_threat_that_hangs_on_the_next_text_is_a_revocation(text, expected):
    """A threat on condition of more texts asks for no more; with no condition, or another, a person reads it."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we bought spam for the luau", "message"),
        ("named the puppy Spam haha", "message"),
        ("my friend says it's spam but I like the deals", "message"),
        ("the end of your message got cut off", "message"),
        ("no se detengan, me encantan las ofertas", "message"),
        ("text me when you're at the end of the block", "message"),
        # ...another person, a thought
        ("dejen en paz a mi abuelo", "review"),
        ("my sister thinks I should unsubscribe", "review"),
    ],
)
def test_spam_the_food_a_name_and_other_false_revocations(text, expected):
    """Spam bought or named, a message cut off at its end, a stop told not to happen: messages."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please take my number off your promo texts", "opt_out"),
        ("remove this number from all future messages", "opt_out"),
        ("kindly process my removal from your texts", "opt_out"),
        ("who can i ask to get off your text list", "opt_out"),
        ("is there any way off your list", "opt_out"),
        ("how can i get rid of these texts", "opt_out"),
        ("get these messages to stop", "opt_out"),
        ("get off my line", "opt_out"),
        ("lay off the coupon texts", "opt_out"),
        ("put an end to the texts", "opt_out"),
        ("halt all texting to this number", "opt_out"),
        ("I want out of this texting thing", "opt_out"),
        ("your messages are not welcome", "opt_out"),
        ("texts off, thanks", "opt_out"),
        ("sms no, email yes", "opt_out"),
        ("don't send anything else", "opt_out"),
        ("hard pass on these messages", "opt_out"),
        ("I'd appreciate it if you didn't message my number again", "opt_out"),
        ("you guys are spammers", "opt_out"),
        ("anulen los mensajes", "opt_out"),
        ("los textos de la tienda ya no los quiero", "opt_out"),
        ("ya no quiero ser parte de esta lista de mensajes", "opt_out"),
        ("no quiero saber nada de sus mensajes", "opt_out"),
        ("prefiero no seguir en su lista", "opt_out"),
        # ...another account, a cart, a waitlist, mold, boxes, a leash, a folder, a package, another team, a kind
        ("can you take my number off the old account and put this one", "message"),
        ("remove it from the cart please", "message"),
        ("how do i get off the waitlist for the 2 bedroom", "message"),
        ("is there a way to get the texts in Spanish", "message"),
        ("how do I get rid of the mold in the shower", "message"),
        ("get these boxes to the back door please", "message"),
        ("my dog got off the leash lol", "message"),
        ("lay off the gas, the guys said", "message"),
        ("the junk folder had your email", "message"),
        ("don't send the package until monday", "message"),
        ("los textos de la clase ya los leí", "message"),
        ("no quiero ser parte del equipo de los sábados", "message"),
        ("sold the car, don't need the service reminders", "review"),
    ],
)
def test_the_number_taken_off_the_texts_and_a_stop_in_other_words(text, expected):
    """The number taken off or removed from the texts, the way off the list asked, a stop in words of its own."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no need", "review"),
        ("no means no!", "review"),
        ("de ninguna manera", "review"),
        ("ugh it's 5 in the morning", "review"),
        ("son las 5 de la madrugada", "review"),
        ("why do you keep texting", "review"),
        ("¿quién te dio mi número?", "review"),
        ("me cobran por cada mensaje", "review"),
        ("never heard of a Marcus", "review"),
        ("no sé quién es esa persona", "review"),
        ("this phone was handed down to my nephew", "review"),
        ("la que tenía este número ya no vive aquí", "review"),
        ("this is a business line", "review"),
        ("my number is getting disconnected next week", "review"),
        ("no soy familiar de ella", "review"),
        ("Dr. Patel retired last spring", "review"),
        ("please not after 8pm", "review"),
        ("put us on hold until the holidays", "review"),
        ("solo avísenme de los pagos", "review"),
        ("just the practice times, not the raffle stuff", "review"),
        ("leave my grandma alone", "review"),
        ("saquen a mi papá de esa lista", "review"),
        ("only email me", "review"),
        ("I'd rather you email my work address", "review"),
        ("we went with a different dealer", "review"),
        ("ya contratamos con otra empresa", "review"),
        ("already found a job, thanks", "review"),
        ("ya tengo mi licencia de manejar", "review"),
        ("my daughter enrolled elsewhere", "review"),
        ("we decided against it", "review"),
        # ...the same words beside a question or a request about something else, or about something else
        ("it's 5 in the morning here, what time is your 8am in Denver?", "message"),
        ("why do you keep the store so cold lol", "message"),
        ("never heard of that movie, is it good?", "message"),
        ("please not after 8pm for the delivery, we close early? ", "message"),
        ("Take my son off the appointment tomorrow, just me", "message"),
        ("quiten a mi hijo del seguro, ya tiene el suyo", "message"),
        ("mi hija ya no va a ir en el bus", "message"),
        ("ya no voy a ir hoy, ¿me cambian la cita?", "message"),
        ("se terminó el contrato del depa el 31, ¿tienen el 30 libre?", "message"),
        ("arreglen los frenos pero lo demás no", "message"),
        ("we went with the blue paint, can you order more?", "message"),
        ("already paid the bill, can you send a receipt?", "message"),
    ],
)
def test_unclear_replies_without_a_revocation_word_are_queued(text, expected):
    """The hour complained of, the replier not the consumer, a partial request, another person, another channel, the
    need met or another provider chosen: queued; the same words beside a question about something else: messages."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hepl", "help"),
        ("Hlep!", "help"),
        ("please revoke my opt in for these texts", "opt_out"),
        ("remove my number already", "opt_out"),
        ("where's the unsubscribe button for these", "opt_out"),
        ("I want to be un subscribed from this", "opt_out"),
        # ...a password revoked, a number taken off a delivery, an email's link, a subscription asked for
        ("revoke my old password please", "message"),
        ("take my number off the delivery already, use my wife's", "message"),
        ("where's the unsubscribe link in the newsletter email?", "message"),
        ("I want to be subscribed to the weekly deals", "message"),
    ],
)
def test_help_slips_and_cues_once_masked_as_other_objects(text, expected):
    """HELP with two letters swapped; a sign-up revoked, a number removed "already", the unsubscribe button asked."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how can I stop getting ice in my drink orders", "message"),
        ("can you remove me from that class and add me to the 6pm one?", "message"),
        ("sáquenme del turno de la mañana y pónganme en el de la tarde", "message"),
        ("no quiero más azúcar en mi café, gracias", "message"),
        ("cancelen el correo del boletín pero los mensajes que sigan", "message"),
        ("my old number was unsubscribed, can you add it back?", "review"),
        ("no promos please, only the refill reminders", "review"),
        # ...the texts themselves got, more of the texts, a removal beside a stop
        ("how do I stop getting these texts", "opt_out"),
        ("no quiero más mensajes en mi celular", "opt_out"),
        ("remove me from this and never text me again", "opt_out"),
    ],
)
def test_a_thing_got_a_swap_another_number_and_a_kind_kept_are_no_revocations(text, expected):
    """Ice stopped, a class or shift swapped, more sugar refused, texts kept beside a newsletter cancelled: messages;
    another number said unsubscribed, a stop limited to some reminders: queued."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("there's no need to keep texting me, remove me", "opt_out"),
        ("sms ya no, gracias", "opt_out"),
        ("dejen de mandarme promociones a las 7, ya no quiero nada", "opt_out"),
        ("shove your lottery texts", "opt_out"),
        ("ya no quiero avisos de la farmacia", "opt_out"),
        # ...a stop at an hour alone, the texts kept but a kind, boxes shoved, an appointment not wanted
        ("dejen de mandarme mensajes a las 7", "review"),
        ("keep texting me but no promos", "review"),
        ("shove the boxes in the garage, thanks", "message"),
        ("ya no quiero la cita del martes", "message"),
    ],
)
def test_a_stop_once_read_as_texts_wanted_or_limited(text, expected):
    """No reason to keep texting, "sms ya no, gracias", an hour then "ya no quiero nada", the texts shoved, avisos."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no more dentist texts, thank you", "opt_out"),
        ("no more of your lunch special texts", "opt_out"),
        ("I don't want any of your texts", "opt_out"),
        ("i dont want these annoying messages", "opt_out"),
        ("I'd prefer to no longer receive these texts", "opt_out"),
        ("I asked to not be contacted by text", "opt_out"),
        ("if you message me again I'll report you to the FCC", "opt_out"),
        ("text this number again and I'm calling a lawyer", "opt_out"),
        ("keep it up with the texts and you're blocked", "opt_out"),
        ("one more text and I'm blocking you", "opt_out"),
        ("si me vuelven a mandar algo los reporto", "opt_out"),
        ("otro mensaje y los denuncio", "opt_out"),
        ("no tengo ningún interés en sus promociones", "opt_out"),
        ("no interest whatsoever in these texts", "opt_out"),
        ("take my cell off your text list", "opt_out"),
        ("please delete my number from your texting", "opt_out"),
        ("who do I contact to get off this text list", "opt_out"),
        ("how do i get rid of these texts", "opt_out"),
        ("put a stop to these texts", "opt_out"),
        ("these texts are not welcome", "opt_out"),
        ("stop the car wash texts please", "opt_out"),
        ("quit with the coupon texts already", "opt_out"),
        ("ya no me lleguen sus mensajes por favor", "opt_out"),
        ("nunca me vuelvan a escribir", "opt_out"),
        ("ya no quiero ser parte de su lista", "opt_out"),
        ("no me interesan sus mensajes", "opt_out"),
        ("I'm blocking you now", "opt_out"),
        ("please stop the yoga studio messages", "opt_out"),
        ("no texts for me please", "opt_out"),
        # ...a limit, texts wanted, another number blocked, a pet, a car, a stain, a warranty, a text that did not come
        ("I don't want the texts to stop, I love the deals", "message"),
        ("my number got blocked from the portal, can you help?", "message"),
        ("we named our goldfish Spam", "message"),
        ("stop the car at the second gate, the guard will help", "message"),
        ("how do I get rid of the stain from the carpet cleaning?", "message"),
        ("I have no interest in the extended warranty but book the repair", "message"),
        ("no me llegó el mensaje", "message"),
        ("ya no quiero la pizza grande, mejor la mediana", "message"),
        # ...another person, a name, the hour, a time, another channel
        ("no more texts to my mom please", "review"),
        ("stop texting my husband", "review"),
        ("never heard of an Alicia", "review"),
        ("its 5 in the morning", "review"),
        ("no texts before 10am please", "review"),
        ("just call me instead", "review"),
    ],
)
def test_the_round_14_classes_in_other_words(text, expected):
    """The classes above said in words of their own, beside the hard negatives each could be confused with."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no more pizza coupons left at the store?", "message"),
        ("no more gift card texts came after I redeemed it, is it used?", "message"),
        ("i dont want these shoes anymore, can i return them", "message"),
        ("if you text me when it's ready I'll come by", "message"),
        ("if you keep the table I'll be there at 7", "message"),
        ("keep texting me the updates please, I'll sue the contractor if he's late", "message"),
        ("one more question, can I bring my dog?", "message"),
        ("my lawyer said to text you the case number", "message"),
        ("you're getting blocked by my spam filter, text from the other number", "message"),
        ("take my name off the reservation and put my husband", "message"),
        ("remove it from my order please", "message"),
        ("please delete the photo I sent by mistake", "message"),
        ("who do I talk to about getting off the waitlist", "message"),
        ("how do I get rid of ants", "message"),
        ("get off the highway at exit 5", "message"),
        ("lay off the salt in my order", "message"),
        ("texts off the hook today lol", "message"),
        ("junk mail keeps coming to my house", "message"),
        ("no thanks on the upgrade, keep the texts coming", "message"),
        ("I'll pass on the appetizer but send the menu texts", "message"),
        ("don't send the package to my work address", "message"),
        ("put an end to the debate, is the store open sunday?", "message"),
        ("forget the order, I'll come in person", "message"),
        ("ya no me lleguen a recoger, voy yo", "message"),
        ("nunca me mandan el recibo", "message"),
        ("no estoy interesado en el seguro pero sí en los mensajes", "message"),
        ("los mensajes de ayer ya los leí", "message"),
        ("no quiero ser parte del comité", "message"),
        ("ya no quiero el paquete grande", "message"),
        ("prefiero no estar en la lista de espera, mejor hago cita", "message"),
        ("paid the bill already, thanks", "message"),
        ("found my keys, never mind", "message"),
        ("we went with the chocolate cake", "message"),
        ("it's 6 in the morning in Tokyo, call me tonight", "message"),
        # ...texts wanted in another language or at another phone: a person reads them
        ("I don't want the texts in Spanish, English please", "review"),
        ("I don't want your texts to go to my old phone", "review"),
        # ...and the revocations beside them
        ("no more of these texts please", "opt_out"),
        ("I don't want these texts no more", "opt_out"),
        ("never text this number again or I'll call my attorney", "opt_out"),
        ("I don't want these anymore", "opt_out"),
    ],
)
def test_the_words_of_the_round_14_rules_about_other_things(text, expected):
    """The words the new rules read (no more, don't want, if... I'll sue, take off, get rid of, lay off, pass on, ya
    no me lleguen, nunca me manden, prefiero no estar en la lista) said of something else: messages."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we won't be needing you anymore", "review"),
        ("already found another dentist", "review"),
        ("my phone got passed down to my son", "review"),
        ("el que tenía este número ya no lo usa", "review"),
        ("we went with another agency", "review"),
        # ...the same changes beside a question or a request about something else: its reason, a message
        ("I already got my license, what else do I need to bring?", "message"),
        ("already passed my test, when can I pick up the certificate?", "message"),
        ("ya tengo mi licencia, ¿qué más necesito para la inscripción?", "message"),
        ("found a job near you, can I still come to the workshop?", "message"),
        ("paid the loan off already, can you send the title?", "message"),
        ("ya pagué el préstamo, ¿me mandan la carta de liberación?", "message"),
        ("never heard of a late fee like that, can you explain?", "message"),
        ("my number is going away next month, here's my new one 555-0100", "message"),
        ("not before 9am for the delivery please", "message"),
        ("put me on hold for the summer session and sign me up for fall", "message"),
        ("just call me when you're outside", "message"),
        ("rather you call my landline for the appointment, is that ok?", "message"),
        ("it's 6 in the morning and the truck is already here?", "message"),
        ("why do you keep the lights on all night", "message"),
        ("leave my son alone at the pickup, his dad is coming", "message"),
        ("we won't be coming anymore on Tuesdays, switch us to Thursdays", "message"),
        ("my daughter enrolled elsewhere for summer but wants fall classes with you", "message"),
        ("let the dog go out before you start cleaning", "message"),
        ("we decided against the pool add-on, just the patio", "message"),
        ("not in the market for a new car but need an oil change", "message"),
        ("ya se terminó la membresía, ¿cómo la renuevo?", "message"),
        ("mi hija ya salió del equipo de fútbol y entró al de básquet, ¿tienen horario?", "message"),
        ("son las 6 de la mañana, ¿ya abrieron?", "message"),
    ],
)
def test_a_change_of_state_beside_a_question_is_its_reason(text, expected):
    """Another provider, the need met, a number going away, a pause or another channel: queued alone, and a message
    beside a question or request about something else, in English or Spanish (whose question marks fold away)."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya no me manden nada por favor", "opt_out"),
        ("no más promociones de la tienda por favor", "opt_out"),
        ("no quiero recibir más mensajes de ustedes", "opt_out"),
        ("ya no quiero que me escriban", "opt_out"),
        ("dejen de escribirme", "opt_out"),
        ("bórrenme de su lista", "opt_out"),
        ("no me interesa recibir sus mensajes", "opt_out"),
        ("ya no quiero que me lleguen estos mensajes", "opt_out"),
        ("si me siguen mandando mensajes los voy a reportar", "opt_out"),
        ("un mensaje más y los bloqueo", "opt_out"),
        ("nunca más me manden mensajes", "opt_out"),
        ("no quiero saber nada de sus promociones", "opt_out"),
        ("quiten mi número de sus mensajes", "opt_out"),
        ("ya no me interesan sus ofertas, no me escriban", "opt_out"),
        ("paren los mensajes ya", "opt_out"),
        ("no mensajes gracias", "opt_out"),
        ("no tengo ningún interés en sus ofertas", "opt_out"),
        ("ya estuvo con los mensajes", "opt_out"),
        # ...a code that did not come, a receipt by another channel, an address, bread, an appointment, a plan
        ("ya no me llegó el código, ¿me lo mandan otra vez?", "message"),
        ("no me manden el recibo por correo, mejor por mensaje", "message"),
        ("si me mandan la dirección los veo allá", "message"),
        ("¿me pueden mandar más información del curso?", "message"),
        ("ya no quiero la cita del jueves, ¿la pueden mover?", "message"),
        ("nunca me llegan los mensajes a tiempo, ¿pueden revisar?", "message"),
        ("no estoy interesado en el plan grande, sí en el chico", "message"),
        # ...another person, an hour, a complaint
        ("ya no le manden mensajes a mi mamá", "review"),
        ("no me manden mensajes después de las 9", "review"),
        ("son demasiados mensajes", "review"),
    ],
)
def test_spanish_revocations_in_words_of_their_own(text, expected):
    """The Spanish forms of the round: a threat on the next text, nunca más, nada de, ningún interés, no mensajes."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How can I get off your text list? Asked you before.", "opt_out"),
        # ...a keyword alone before a question stays queued
        ("Unsubscribe. What's my balance?", "review"),
    ],
)
def test_a_question_how_to_stop_before_another_clause_is_the_request(text, expected):
    """The question asked is how to stop; a keyword said alone before a question is still read by a person."""
    check(text, expected)
