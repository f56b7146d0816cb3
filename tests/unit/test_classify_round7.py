"""Classes of the seventh round of issue 12 (found on the even rows of bench/heldout/replies_heldout4a.csv and
replies_heldout4b.csv, spent held-out sets).

Each class is tested with sentences of its own, not the rows it was found on: the rule is for the class. The labels
follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish b for v ("vaja") and the e Spanish speakers put before st ("estop"): still the keyword
        *(("vaja", "opt_out"), ("Vaja porfa", "opt_out"), ("denme de vaja", "opt_out")),
        *(("Estop", "opt_out"), ("estop por favor", "opt_out"), ("ESTOPP gracias", "opt_out")),
        # TD, China's unsubscribe keyword, as a whole reply; not inside a sentence
        *(("td", "opt_out"), ("TD.", "opt_out"), ("I bank at TD, is that ok?", "message")),
    ],
)
def test_keywords_as_spanish_speakers_spell_them(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # a Spanish question how to stop receiving them
        "hay alguna manera de ya no recibir esto?",
        "existe una forma de dejar de recibir sus promociones",
        # "stop bothering me with the texts", rudely or not
        "dejen de fregar con sus mensajes",
        "paren de molestar con las promociones ya",
        "no me jodan mas con los textos",
        # "take me off" in the plural and usted forms
        "sáquenme de su lista por favor",
        "quítenme de los mensajes ya",
        # nothing more from the sender, and "de baja" in the forms of vosotros and usted
        "ya no me manden nada porfa",
        "os pido que me deis de baja",
        "les pedí que me den de baja hace una semana",
        # a condition is a request: "if you don't stop texting me"
        "if u dont stop messaging me I'm calling my lawyer",
        # the number or the person does not want the texts
        "this phone does not want your messages",
        "we don't want these texts anymore",
        "i do not want to receive these any more",
        # Arabic and Japanese in Latin letters
        "wa2fu el rasayel plz",
        "ma t3ido tb3atouli",
        "haishin teishi onegai",
    ],
)
def test_revocations_in_new_words(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        # a relationship over, named with the business it was with
        "I'm no longer a patient at that clinic",
        "she doesn't go to that school anymore",
        "we called off the party",
        "found another plumber, thanks",
        "ya no vamos a esa iglesia",
        "cancela, ya encontré otra niñera",
        # the replier is not the consumer
        "this is their son, my mom can't read texts anymore",
        # another person, in Spanish; a charge per text, in Spanish
        "saquen a mi hija de los mensajes por favor",
        "me cobran por cada texto que mandan",
        # what STOP would do
        "will replying stop cancel my order too?",
        # a lone stop word asked; a STOP before a question without its mark
        "¿cancelar?",
        "alto?",
        "Stop. When do you open on Sunday",
        # partial requests: a time, one kind of texts kept
        "no me manden mensajes antes de las 8",
        "stop the promos, I only want my delivery alerts",
        # "no need" in a language the detector does not read
        "hindi na kailangan",
        "pas besoin",
    ],
)
def test_unclear_replies_are_queued(text):
    check(text, "review")


@pytest.mark.parametrize(
    "text",
    [
        # traps: a stop on a route, a medicine stopped, a payment that stopped, baja the adjective
        "which trolley stop is closest to the venue?",
        "doctor told me to stop my inhaler, should I?",
        "did my autopay stop? it didn't charge me",
        "la luz está muy baja en el baño, la pueden revisar",
        "el tinaco tiene baja presion otra vez",
        # a STOP somebody else told of, beside texts wanted
        "my sister said to reply STOP but I really want the updates",
        "mi hijo puso baja sin querer, quiero seguir recibiendo",
        # "who is this" and thanks in other languages, in Latin letters
        "kto vy?",
        "shokran, bokra",
    ],
)
def test_ordinary_messages(text):
    check(text, "message")


def test_laughter_about_the_texts_then_stop_is_a_revocation():
    check("lol 6 texts since breakfast, amazing. STOP", "opt_out")
    check("STOP!! lol", "review")  # laughter alone may be a joke


def test_a_relationship_over_beside_a_request_about_something_else_explains_it():
    check("ya no trabajo ahí, cambien mi dirección", "message")


@pytest.mark.parametrize(
    "text",
    [
        # SMS shorthand and short words of English and Spanish are not another language
        "omw",
        "brb",
        "kk",
        "dale, ahi nos vemos",
        "ok cinco minutos",
        # an ordinary reply in another language: paying, arriving, a package, a holiday greeting
        "我已经付款了",
        "快递到了吗",
        "택배 언제 와요?",
        "Feliz ano novo pra vocês",
        "Bonne année à tous",
        "Посылка пришла, спасибо",
        "chuc mung nam moi",
    ],
)
def test_everyday_replies_are_not_queued(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        # the same signs beside a stop request in that language: never an ordinary message
        "新年快乐，但是不要再发短信了",
        "já paguei, agora parem de mandar mensagem",
        "택배 문자 그만 보내세요",
        "с новым годом, но больше не пишите",
        "bonne année mais arrêtez les messages",
    ],
)
def test_a_stop_request_beside_an_ordinary_sign_is_never_a_message(text):
    assert label_of(text) in {"opt_out", "review"}, text
