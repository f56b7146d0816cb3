"""Classes of the sixth round of issue 12 (found on the even rows of tests/data/replies_tuning4.csv).

Each class is tested with sentences of its own, not the corpus rows it was found on: the rule is for the class. The
labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from optledger.classify import normalize_text
from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stretched, broken by a space, or said with a farewell or "again": still the keyword
        *(("Infooo", "help"), ("heeelp", "help"), ("ayudaaa", "help"), ("Staaart", "opt_in")),
        *(("sto p please", "opt_out"), ("he lp", "help"), ("Sta rt please", "opt_in"), ("S top", "opt_out")),
        *(("unsubscribe pls, take care", "opt_out"), ("HELP thanks, have a great one", "help")),
        *(("Start again pls", "opt_in"), ("unstop again please", "opt_in"), ("Stop bye", "opt_out")),
        *(("Stoppp thank you, have a nice day", "opt_out"), ("Stop. Thank you and have a great day", "opt_out")),
        # the Spanish word for CANCEL misspelt or stretched, and "de baja" alone
        *(("canselar por favor", "opt_out"), ("cancelaaar", "opt_out"), ("de baja por fa", "opt_out")),
        ("dar de baja gracias", "opt_out"),
    ],
)
def test_keywords_misspelt_broken_or_with_a_farewell(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", ["Bye.", "have a good day", "y e s"])
def test_a_farewell_or_a_spelt_yes_alone_is_no_keyword(text):
    assert label_of(text) not in {"opt_out", "opt_in", "help"}


@pytest.mark.parametrize(
    "text",
    [
        *("baja de los mensajes por favor", "no me enviéis más", "dejad de escribirme"),
        *("¿cómo desactivo las notificaciones de texto?", "como desactivo estos msjs"),
        *("como le hago pa que ya no me manden", "how do I get the pharmacy texts to stop?"),
        *("how can I turn these off", "dejen de mandarme sus rifas", "stop sending me your raffles"),
    ],
)
def test_spanish_forms_and_questions_how_to_stop_are_revocations(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        # what the sender sends is its texts, unless the object is named as something else
        *("dejen de mandarme sus facturas de papel", "stop sending me your emails"),
        # spam the food, baja the adjective
        *("I love spam musubi, do you sell it?", "fried spam with eggs for breakfast?"),
        *("Is the spam fried rice on the menu today?", "la batería está baja", "la temporada baja empieza en enero"),
        # a text not received; a STOP quoted from the footer; where to stop; a STOP pressed by mistake
        *("no me llegaron los mensajes del código", "the reminder says to reply STOP, I only want to change my time"),
        *("el aviso dice que conteste BAJA, solo quiero mover mi cita", "where do we stop for the pickup?"),
        *("didn't mean to press stop, keep them coming",),
        # moved, then back; calls refused but texts welcome; thanks in another language
        *("I moved away but I'm back in town now", "me cambié de ciudad pero ya volví"),
        *("No me llames, mejor escríbeme por aquí", "obrigada pela informação", "xie xie, ming tian jian"),
        *("no more coupons left?",),
    ],
)
def test_hard_negatives_are_ordinary_messages(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        # a weak keyword sent before an unrelated question, like a lone STOP before one
        *("Remove. What time do you open tomorrow?", "End. Is the store open on Sunday?"),
        # a relationship over, a limit in time, another channel asked for, a kind of marketing refused
        *("ya no tengo cuenta con ustedes", "I don't have the truck anymore", "no tan temprano por favor"),
        *("no después de las 9 por favor", "mejor mándenme un correo", "no more coupons please"),
        # a complaint without a request; a request about another person
        *("the app charges me for these", "I'm reporting you"),
        *("please stop texting my grandma, she can't read", "dejen de enviarle mensajes a mi abuela"),
        # a refusal with no object, in another language
        *("la shukran", "non merci"),
    ],
)
def test_unclear_replies_are_queued(text):
    check(text, "review")


@pytest.mark.parametrize("text", ["reported you to the FCC", "this is spam, reporting this number"])
def test_reporting_as_spam_or_to_the_fcc_stays_a_revocation(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *(
            ("  ¡¡Stop!! 🛑 ", "STOP"),
            ("__stop__", "STOP"),
            ("stop\u00a0\u00a0 all\n", "STOP ALL"),
            ("¿Ayúdame?", "AYUDAME"),
        ),
        *(("🛑", ""), ("", ""), ("...", ""), ("st_op", "ST_OP"), ("²stop", "2STOP")),
    ],
)
def test_normalize_text_trims_what_surrounds_the_first_and_last_letter_or_digit(text, expected):
    assert normalize_text(text) == expected
