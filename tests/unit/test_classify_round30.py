"""Round 30 (on the spent sets 87-91 and the sets 92-94, read once): a signer's role of its kind in lower case
("equipment manager", "4th grade teacher") and a unit with its number ("unit 7"); farewells and blessings after the
request ("que esté bien", "bendiciones para usted y su familia"); interjections ("ugh", "uff", "chale") and "y'all"
beside a keyword; a business's "&" written "y" and its little words in lower case between capitals ("Sol y Luna");
rules: the sender blocked ("you've been blocked", "bloqueados"), "stop with the texting", a threat on the next text
in Spanish, "I'm not a patient there" before a stop word; Spam the meat written with its capital, spam asked about,
lists and groups of another kind in Spanish, calls refused beside texts welcomed; queued: a complaint about a place
that keeps texting, "all good for now", texts said to cost money. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Help - Rita, equipment manager", "help"),  # a role of its kind, lower case
        ("Info - Mr. Boyd, 7th grade teacher", "help"),
        ("Cancel. Thank you. Marlon, night shift supervisor", "opt_out"),
        ("Stop - Ana, charge nurse", "opt_out"),
        ("Start, thanks. Viola Pratt, unit 12", "opt_in"),  # a unit with its number
        ("Stop - call my supervisor", "review"),  # as before: a request, not a role
        ("Parar, gracias. Que estén bien", "opt_out"),  # a farewell
        ("Cancelar. Que le vaya bien", "opt_out"),
        ("Baja por favor. Bendiciones para ti y tu familia. Don Ernesto", "opt_out"),
        ("Help y'all", "help"),  # "y'all" reads "you all": words of address
        ("info you all", "help"),
        ("STOP ugh", "opt_out"),  # interjections
        ("baja uff", "opt_out"),
        ("chale baja", "opt_out"),
        ("nope stop", "opt_out"),
        ("STOP no hard feelings", "opt_out"),
        ("baja sin ofender", "opt_out"),
        ("Stop officer", "opt_out"),
        ("Hey there, stop please", "opt_out"),  # a greeting
        ("I need help you all", "message"),  # as before: a sentence
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Baja Pan y Miel", ("Panadería Pan & Miel",), "opt_out"),  # "&" written "y"
        ("Cancelar Luna y Estrellas", ("Spa Luna y Estrellas",), "opt_out"),  # a little word between capitals
    ],
)
def test_names(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Stop. Thanks, Darnell (LPN, evenings)", (), "opt_out"),  # a note in brackets after the signer
        ("Help please. Tasha Grant, day shift lead, Eastside Freight", (), "help"),  # a name, then a role
        ("Cancelar por favor. Wendy Paz, jefa de turno", (), "opt_out"),
        ("Parar. Gracias. Osmin Reyes, supervisor de bodega", (), "opt_out"),  # a role in Spanish order
        ("cancelsr porfa, mil gracias", (), "opt_out"),  # a slip with courtesy words
        ("Baja porfis 🙏", (), "opt_out"),
        ("Remove. Blessings to all", (), "opt_out"),
        ("STOP BOOKFAIR", (), "opt_out"),  # a code in capitals, which a guess would cut into words
        ("Thanks Rosa, but stop", (), "opt_out"),  # a name after thanks
        ("Hola Memo, baja por favor", (), "opt_out"),
        ("Baja Del Sol", ("Panadería Del Sol",), "opt_out"),  # a short last word after the words before it
        ("Baja Sol", ("Panadería Del Sol",), "review"),
    ],
)
def test_round30_after_the_sets_95_99(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("take me off the wing list lol, I'm vegan now", "opt_out"),  # the sender's list, then a reason
        ("the appointment reminders are fine but no more flyers", "review"),  # one kind kept
        ("why does a car wash text me", "review"),
        ("I never had a cat", "review"),  # no such pet
        ("ya no estamos en la liga", "review"),
        ("me salí del equipo", "review"),
        ("I quit smoking last month, does that change my rate?", "message"),  # what was quit is no business
        ("ya no estoy en la casa", "message"),
    ],
)
def test_round30_rules_after_the_sets_95_99(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Stop seriously jeez 😂", (), "opt_out"),  # insisted on, whatever laughter is beside it
        ("STOP partner", (), "opt_out"),  # words of address
        ("Baja pariente", (), "opt_out"),
        ("Help partner", (), "message"),  # may ask help for a partner
        ("Cancel. Thank you anyway", (), "opt_out"),
        ("Baja caramba", (), "opt_out"),
        ("Stop please. Lena, LPN", (), "opt_out"),  # a credential after the signer
        ("Buenas noches.\nBaja.\nDios les bendiga.\nSr. Aurelio Paz", (), "opt_out"),
        ("Stop TLR", ("Taller Las Rosas",), "opt_out"),  # initials with the article
    ],
)
def test_round30_after_the_sets_100_104(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. Apt 12, K.L.", "opt_out"),  # a unit with its number, then initials
        ("Stop please. With kind regards, Dr. Ann Cole", "opt_out"),  # a sign-off opening with "with"
        ("Cancel for the second time", "opt_out"),  # emphasis
        ("Baja chava", "opt_out"),
        ("Baja por favor y que Dios la acompañe", "opt_out"),
        ("stop already hahaha", "opt_out"),  # laughter beside a STOP insisted on
        ("stop haha", "review"),  # as before: laughter alone
    ],
)
def test_round30_after_the_sets_105_109(text, expected):
    assert label_of(text) == expected


def test_a_run_of_a_name_does_not_start_at_a_little_word():
    assert label_of("Cancelar y Estrellas", ("Spa Luna y Estrellas",)) != "opt_out"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you've been blocked, bye", "opt_out"),
        ("listo, bloqueadas", "opt_out"),
        ("quit with the texting, please", "opt_out"),
        ("otro texto más y los denuncio", "opt_out"),
        ("I'm not a member there. Please remove.", "opt_out"),
        ("No soy cliente de ustedes. Cancelar.", "opt_out"),
        ("could you not text me anymore", "opt_out"),
        ("my grandson said to ask you to not send more text messages", "opt_out"),
        ("why does this store keep texting me", "review"),  # a complaint
        ("all set for now", "review"),
        ("cada textito me lo cobran", "review"),  # texts said to cost money
        ("ya no estamos en condiciones de donar", "review"),
        ("no more coupon texts", "review"),  # as before: a kind of marketing refused, which texts is for a person
    ],
)
def test_round30_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "do you put Spam in the fried rice or is that extra?",  # the meat, with its capital
        "my husband wants Spam on his plate lol",
        "Is this spam or did you really send me a coupon?",  # asked, with what was received
        "¿Me pueden quitar de la lista de postres? Ya llevo flan",  # a list of another kind
        "¿me pueden sacar del grupo de voluntarios de la kermés?",
        "ya no manden al mismo chofer, llegó tarde",  # a person sent, not the texts
        "stop calling the house line, texting my cell is much better",  # calls refused, texts welcomed
        "quit calling me, I'd rather get a text",
    ],
)
def test_round30_messages(text):
    assert label_of(text) == "message"
