"""Classes of round 9 of issue 12, revocation side (found on spent sets 6 and 7 and tuning5, and on the even rows of
the sixth tuning set).

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it: the
rule is for the class. Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question how to stop the texts: what to reply, type or do so that they stop
        ("what should I type so the promo texts go away", "opt_out"),
        ("what do i send back to stop getting these", "opt_out"),
        ("what do we have to do to stop these", "opt_out"),
        ("what do I text so these alerts quit coming?", "opt_out"),
        ("is there a code word to stop these texts", "opt_out"),
        ("q tengo q hacer pa que ya no me lleguen", "opt_out"),
        ("¿qué hay que mandar para dejar de recibir?", "opt_out"),
        # ...but a question what to do for anything else is a question
        ("what do I have to do to get a refund", "message"),
        ("what should I reply to confirm", "message"),
        ("what do I say so my kids stop fighting", "message"),
        ("¿qué tengo que hacer para recibir las ofertas?", "message"),
    ],
)
def test_how_to_stop_questions(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish: a possessive, a courtesy frame, "todos los", "ni un ... más"
        ("quiero cancelar la suscripción por favor", "opt_out"),
        ("Cancelen mi subscripcion gracias", "opt_out"),
        ("nos quitan de su lista ya", "opt_out"),
        ("me hacen el favor y me borran de la lista", "opt_out"),
        ("paren todos los mensajes porfa", "opt_out"),
        ("que suspendan ya todas las promociones", "opt_out"),
        ("ni un texto mas", "opt_out"),
        ("Ni una promoción más, gracias", "opt_out"),
        ("not one more text please", "opt_out"),
        ("dejen de escribirle a mi celular", "opt_out"),
        ("ya no me manden mensajitos, gracias", "opt_out"),
        # ...hard negatives: a subscription box, a waiting list, a text that did not come, another person
        ("cancelen mi suscripcion de la caja", "message"),
        ("me sacan de la lista de espera por favor", "message"),
        ("ni un mensaje me llegó ayer", "message"),
    ],
)
def test_spanish_possessives_courtesy_and_quantifiers(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # heavy slips in "take me off your list": short words no dictionary can mend; a person reads them, unless
        # each slip is a common one with no other reading ("tak", "lsit": round 14 mends them)
        ("tak me of yor lsit", "opt_out"),
        ("tkae me off the lisy", "review"),
        ("gey me off ur lisst", "opt_out"),  # the stretched word is mended: a request in full
    ],
)
def test_heavy_slips_in_a_removal_request_are_queued(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spam denied, spam of another kind, Spam the food in Spanish
        ("not spam at all, thanks for the heads up", "message"),
        ("esto no es spam, gracias por avisar", "message"),
        ("my phone flags you guys as a spam caller, fyi", "message"),
        ("¿el arroz con spam lleva huevo?", "message"),
        ("this is spam", "opt_out"),
        ("ya no quiero su spam", "opt_out"),
        # a removal denied, a footer quoted, a STOP somebody else said
        ("I never asked to be taken off, where are my reminders?", "message"),
        ("the poster says text STOP to unsubscribe, is the raffle still on?", "message"),
        ("how do I text stop to opt out", "opt_out"),
        ("he told me to reply stop but I like the deals", "message"),
        ("I told you to stop", "opt_out"),
        # a role removed, not the texts; paper mail in Spanish
        ("please remove me as the pickup person for Ava", "message"),
        ("take my number off the emergency contact form for my dad", "message"),
        ("quítenme como responsable de la cuenta de mi hermano", "message"),
        ("no manden más volantes a mi buzón", "message"),
        ("remove me from your list", "opt_out"),
    ],
)
def test_false_revocations(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gerunds, "done getting", "I'd rather you didn't", a named list, a passive request, Spanglish
        ("could you try removing me from the promo texts?", "opt_out"),
        ("mind getting me off the reminders list?", "opt_out"),
        ("we're so over receiving these messages", "opt_out"),
        ("I would prefer it if you guys no longer texted me", "opt_out"),
        ("I don't want to be on any text list", "opt_out"),
        ("Pido que este número sea borrado de sus listas", "opt_out"),
        ("please see that my phone number is removed from your texts", "opt_out"),
        ("stop las promociones plis", "opt_out"),
        ("delete mi celular de la lista", "opt_out"),
        ("ya no ocupamos que nos manden recordatorios", "opt_out"),
        ("pueden darnos de baja, gracias", "opt_out"),
        ("desuscrivanme", "opt_out"),
        ("stop reaching out please", "opt_out"),
        # ...hard negatives
        ("I'm done getting the car washed, see you at 5", "message"),
        ("I'd rather you didn't ship it until Friday", "message"),
        ("please remove my number from the account, use my husband's instead", "message"),
        ("¿me pueden dar de baja la línea de mi hijo del plan?", "message"),
        ("mi perro no deja de ladrar, ¿lo pueden ver hoy?", "message"),
        ("quiero salirme del paperless, mándenme estados de cuenta", "message"),
        ("would a cease and desist letter work on my landlord?", "message"),
    ],
)
def test_round9_tuning_classes_of_revocation(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not interested in receiving texts, permission never given, asked before, "no further", "should not receive"
        ("honestly not interested in getting any more texts", "opt_out"),
        ("no me interesa seguir recibiendo sus mensajes", "opt_out"),
        ("nunca les di mi consentimiento", "opt_out"),
        ("we never granted permission for texts", "opt_out"),
        ("could we be removed from this?", "opt_out"),
        ("I told you guys twice already to stop", "opt_out"),
        ("this phone shouldn't be getting texts from you", "opt_out"),
        ("no further messages please", "opt_out"),
        ("we want all of these to stop", "opt_out"),
        ("I need them to stop coming", "opt_out"),
        # ...hard negatives
        ("not interested in getting a quote, just the repair", "review"),  # "not interested" stays unclear
        ("can I be removed from the waitlist for the 5pm class?", "message"),
        ("we asked twice to stop the work until friday", "message"),
        ("my phone doesn't get texts from you, only emails", "message"),
        ("she told me to reply stop but I actually want them", "message"),
    ],
)
def test_round9_own_wordings_of_revocation(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish: still receiving, "nada de", a request for the cancellation, no longer interested
        ("no queremos seguir recibiendo estos mensajes", "opt_out"),
        ("ya nada de promociones, gracias", "opt_out"),
        ("pido la baja del envío de mensajes", "opt_out"),
        ("no estamos interesados en recibir más mensajes", "opt_out"),
        # ...hard negatives
        ("estamos interesados en recibir mensajes del torneo", "message"),
        ("no estoy interesado en recibir la garantía, solo el aceite", "message"),
        ("solicito la cancelación de mi cita del jueves", "message"),
    ],
)
def test_round9_spanish_requests_in_other_forms(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # the new revocation rules, each beside a reply with the same words about something else
        "I'm over getting these sinus infections",
        "I would prefer you not send the tech until Monday",
        "taking me off the schedule was a mistake",
        "ya no necesitamos que nos manden el técnico",
    ],
)
def test_round9_rules_keep_to_texts(text):
    check(text, "message")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a STOP quoted from the footer or named as a thing, with nothing asked of the texts
        ("read the 'text STOP' line, not for me, I just want my refund", "message"),
        ("mi suegra dice que pon STOP pero yo quiero cambiar la hora", "message"),
        ("vi lo de responda STOP, no es eso, ¿a qué hora abren?", "message"),
        ("jamás puse STOP, ¿por qué ya no me avisan?", "message"),
        ("mi nieto me explicó lo del STOP pero me encantan las ofertas", "message"),
        # ...but a request beside the quote is a request
        ("I saw the reply stop thing, please stop texting me", "opt_out"),
        ("vi lo de stop, ya no me manden nada", "opt_out"),
    ],
)
def test_round9_a_quoted_stop_is_not_a_request(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # formal and indirect requests, slang, data removal
        ("please confirm removal of this number from the texting list", "opt_out"),
        ("we ask to be excluded from all promotional messages", "opt_out"),
        ("would it be possible to stop getting these?", "opt_out"),
        ("yo quit hitting my phone", "opt_out"),
        ("never hmu again", "opt_out"),
        ("leave my cell alone", "opt_out"),
        ("please delete my personal information", "opt_out"),
        ("eliminen mi información por favor", "opt_out"),
        ("paren de llenarme el celular de mensajes", "opt_out"),
        ("no queremos ser contactados", "review"),
        ("ya no nos hablen", "review"),
        ("we don't want anything else from your company", "review"),
        # ...hard negatives
        ("would it be possible to stop the delivery on friday?", "message"),
        ("is it possible to stop the leak today?", "message"),
        ("stop hitting the snooze button lol", "message"),
        ("removal of the old tile from the bathroom is extra?", "message"),
        ("quiero borrar mis datos de pago de la app", "message"),
    ],
)
def test_round9_formal_indirect_and_slang_requests(text, expected):
    check(text, expected)
