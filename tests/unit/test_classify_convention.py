"""The labelling convention of docs/rules.md ("Where the line falls") and the classes of the fifth round of issue 12.

Each class is tested with sentences of its own, not the corpus rows it was found on: the rule is for the class.
"""

from __future__ import annotations

import pytest

from optledger.classify import classify


def label_of(text: str) -> str:
    verdict = classify(text, join_keywords=("DEALS", "VIP"))
    assert verdict.action == "opt_out" or verdict.review or verdict.detected_by is None or verdict.matched
    return "review" if verdict.review else verdict.action


def check(text: str, expected: str) -> None:
    assert label_of(text) == expected, (text, classify(text))


@pytest.mark.parametrize(
    "text",
    [
        *("who is this?", "Who's this??", "Hola, ¿quién habla?", "quien es?", "Q es esto?", "who dis"),
        *("кто это?", "sino po ito?", "Obrigado, quem é?", "누구세요?"),
    ],
)
def test_who_is_this_is_an_ordinary_message(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        *("new phone who dis", "who is this? I never signed up", "你是谁？我没有注册过"),
        *("Who is this? STOP",),
    ],
)
def test_who_is_this_beside_a_cue_keeps_the_cue(text):
    assert label_of(text) in {"review", "opt_out"}, classify(text)


@pytest.mark.parametrize(
    "text",
    [
        *("how do i make these stop?", "How can I get these to stop", "how do I stop getting these texts"),
        *("¿cómo me salgo de esto?", "como me salgo de la lista", "como hago para que ya no me manden mensajes"),
        *("cómo me doy de baja?", "como paro estos mensajes"),
    ],
)
def test_a_question_how_to_stop_the_texts_is_a_revocation(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        "¿Cómo paro la alarma del carro?",
        "¿Cómo me salgo del plan familiar? los mensajes están bien",
        "How do I stop my order?",
    ],
)
def test_a_question_how_to_stop_something_else_is_not(text):
    assert label_of(text) != "opt_out", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        *("I'm not a member there anymore", "We're not customers anymore", "we sold the truck", "I traded in the car"),
        *("ya no soy socia", "vendimos la casa", "he doesn't live here anymore", "I moved away last year"),
    ],
)
def test_a_relationship_said_to_be_over_is_queued(text):
    check(text, "review")


@pytest.mark.parametrize(
    "text",
    [
        *("Cancel the service at my old apartment, I moved", "Stop the renewal on my car insurance, I sold the car"),
        *("Ya no vivo en la calle Main, mi nueva dirección es 45 Oak", "I no longer use that card, please update it"),
        *("ya no uso esa tarjeta, borrenla y pongan la nueva",),
    ],
)
def test_a_relationship_over_that_explains_another_request_is_a_message(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        "Maria ya no vive aqui, no manden mas mensajes",
        "he moved out, stop texting this number",
        "ya no soy cliente, borrenme",
    ],
)
def test_a_person_gone_with_a_request_is_a_revocation(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        *("Take my daughter off", "remove my husband", "please take my son off this list", "unsubscribe my wife pls"),
        *("quiten a mi hija de la lista", "borren a mi esposo porfa"),
    ],
)
def test_a_request_about_another_person_is_queued(text):
    check(text, "review")


def test_removing_another_persons_name_from_something_else_is_a_message():
    check("Please remove my son's name from the carpool list", "message")


@pytest.mark.parametrize(
    "text",
    [
        *("My phone plan charges me per text", "these cost me for every message", "me cobran por cada mensaje"),
        *("Are you going to keep texting me?", "r u gonna keep sending these"),
    ],
)
def test_a_complaint_about_the_texts_without_a_request_is_queued(text):
    check(text, "review")


@pytest.mark.parametrize(
    "text",
    [
        *("if I reply stop will I still get pickup alerts?", "What happens if I text STOP?"),
        *(
            "si respondo STOP me siguen llegando los recordatorios?",
            "Can I stop the coupons but still get the reminders?",
        ),
    ],
)
def test_a_question_about_what_stop_would_do_is_queued(text):
    check(text, "review")


@pytest.mark.parametrize(
    "text",
    [
        "the reminder said reply STOP to opt out but I just want to change my time to 3",
        "your text says to reply STOP, I only need to reschedule",
        "el mensaje dice responda STOP pero solo quiero cambiar mi cita",
    ],
)
def test_a_stop_quoted_from_the_footer_without_a_request_is_a_message(text):
    check(text, "message")


def test_a_quoted_stop_beside_a_request_is_still_a_revocation():
    check("the text says reply STOP to opt out. ok, please stop texting me", "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        *("can u stop", "could you please stop", "can you stop already", "would you stop it"),
        *("ya parale con los mensajes", "parenle ya", "parale porfa", "stop mandando mensajes porfa"),
        *("ya no sigan mandando mensajes", "les pido que no me sigan enviando mensajes"),
        *(
            "Buenos dias, les agradeceria que ya no me mandaran mensajes. Bendiciones",
            "quisiera que no me enviaran textos",
        ),
    ],
)
def test_polite_and_spanish_stop_forms_are_revocations(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    ["les agradeceria que no me enviaran el catalogo, ya lo tengo", "when can you stop by?", "¿ya no me interesa? no"],
)
def test_spanish_stop_forms_about_something_else_are_not_revocations(text):
    assert label_of(text) != "opt_out", classify(text)


@pytest.mark.parametrize(
    "text",
    ["manden solo los recordatorios, no las promos", "solo las citas porfa, no las ofertas", "ay ya", "Stahp lol"],
)
def test_partial_requests_and_exasperation_in_spanish_and_laughter_are_queued(text):
    check(text, "review")


@pytest.mark.parametrize(
    "text",
    [
        *("ya no me interesa el alisado, mejor un tinte", "not interested in the upgrade, thanks"),
        *("hace escala en dallas el vuelo?",),
    ],
)
def test_disinterest_in_something_named_and_plain_spanish_are_messages(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        *("bu yao zai fa duanxin le", "bie zai fa le", "paki-remove po yung number ko", "pakitanggal na po ako"),
        *("ne pishite mne bolshe", "pozhaluysta ne pishite", "hvatit pisat", "la tb3toli rasayel"),
        *("ma bdi rasa2il ba2a", "mujhe message mat bhejo", "munja geuman bonaeseyo", "nao kero mais sms, obg"),
        *("arrete de m'ecrire stp", "Retire m nan lis la", "STOP tanpri", "Per favore smettete di scrivermi"),
        *("Proszę nie wysyłać więcej SMS", "Bitte schreiben Sie mir nicht mehr", "keine Nachrichten mehr bitte"),
    ],
)
def test_stop_requests_romanised_or_in_italian_polish_german_are_revocations(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        *("Dadaan po ako bukas para kunin ang gamot", "pwede po ba i-cancel yung appointment ko sa monday"),
        *("cho em đổi lịch hẹn sang thứ 6 dc ko", "ㅇㅋ"),
    ],
)
def test_ordinary_replies_in_tagalog_vietnamese_korean_are_messages(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        *("les agradeceria no enviarme mas mensajes", "como le hago para que ya no me lleguen sus mensajes?"),
        *("Cancellatemi dalla lista per favore", "Nie wysyłajcie mi więcej wiadomości", "Bitte keine SMS mehr"),
        *("wo bu xiang zai shou dao duanxin", "ma badi rasayel", "khong muon nhan tin nhan nua"),
    ],
)
def test_more_forms_of_the_same_classes_are_revocations(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        *("my daughter doesn't want these anymore", "is it going to cost me for these texts?"),
        *("solo mandenme los recordatorios de citas", "Grazie, ma non più"),
    ],
)
def test_more_forms_of_the_same_classes_are_queued(text):
    check(text, "review")


@pytest.mark.parametrize("text", ["Grazie, a domani", "Danke, bis morgen", "Dziękuję, do jutra"])
def test_thanks_and_a_time_in_italian_german_polish_are_messages(text):
    check(text, "message")


@pytest.mark.parametrize(
    ("text", "expected"), [("cancela", "opt_out"), ("😡", "review"), ("cancel my plan", "message")]
)
def test_the_conventions_own_examples(text, expected):
    check(text, expected)


def test_an_angry_face_beside_words_is_not_queued_for_it():
    check("the store was closed again 😡", "message")
