"""Round 37 (on the sets 143-147, read once at round 36's end): a hashtag beside a keyword ("STOP #SalsaBravaClub"),
thanks in more languages ("arigato", "mèsi anpil"), "paisano" and "fren", "por 3ra vez", "que le vaya súper", a
signer's department ("receiving", "purchasing") or trade ("hojalatero"), a signer after the request's full stop when a
name no dictionary knows comes first, initials and a phone number, words of address before a signature ("Ayuda por
favor joven. Doña Cuca"), slips of "please" ("plase"), being mid delivery as a reason. Rules: queued, a kind of
marketing refused about a thing ("no more promo texts about new bikes"), texts only on weekdays or about one thing,
"las ofertas de la semana" refused, texts at work hours or during shifts; messages, a list of speakers, spam from
elsewhere beside these texts kept ("los mensajes de aquí sí los quiero"), things not wanted ("remove the saddlebags, I
don't want them"), texts never wanted to stop, spam asked about "one of those links", Spam sold with a topping or on
offer.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP #TacoTuesdayClub", "opt_out"),  # a hashtag beside a keyword
        ("#GreenLeafMarket baja", "opt_out"),
        ("HELP #PetPalace", "help"),
        ("Stop #4410", "opt_out"),
        ("#blessed love these deals", "message"),
        ("Stop arigato", "opt_out"),  # thanks in more languages
        ("STOP mèsi anpil", "opt_out"),
        ("Baja paisano", "opt_out"),  # words of address
        ("baja por 3ra vez", "opt_out"),  # emphasis
        ("baja gracias que le vaya súper", "opt_out"),  # a farewell
        ("Cancel - Lena Ortiz, purchasing", "opt_out"),  # a signer's department or trade
        ("Cancelar - Beto Ruiz, hojalatero", "opt_out"),
        ("Remove please. Odalys Marrero, Hialeah", "opt_out"),  # a name no dictionary knows after the full stop
        ("Ayuda. J.R. 305 555 0142", "help"),  # initials and a phone number
        ("Ayuda por favor joven. Doña Tere", "help"),  # words of address before the signature
        ("stop plase", "opt_out"),  # a slip of please
        ("STOP im mid delivery", "opt_out"),  # a reason
        ("Cancel my delivery", "message"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("STOP #TacoTuesdayClub", "Taco Tuesday Club", "opt_out"),  # the hashtag holds the business's name
        ("#GreenLeafMarket baja", "Green Leaf Market", "opt_out"),
        ("HELP #PetPalace", "Pet Palace", "help"),
        ("#PetPalace is the best, love these deals", "Pet Palace", "message"),
    ],
)
def test_a_hashtag_of_the_business_name(text, name, expected):
    # the webhook passes the business's name: the hashtag is read off before the name is looked for
    assert label_of(text, (name,)) == expected


def test_an_orders_number_is_no_signers_phone():
    assert label_of("Cancel. Order 5512345") != "opt_out"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no more promo texts about the new menu", "review"),  # a kind of marketing refused about a thing
        ("Stop. weekends only please", "review"),  # texts only at some times or about one thing
        ("STOP. Only texts about my order please", "review"),
        ("ya no quiero las promociones del mes", "review"),
        ("no me manden nada en horas de trabajo", "review"),
        ("stop texting me during my shift", "review"),
        ("pls stop, I get these during my shift", "opt_out"),  # complained of, not a limit asked
    ],
)
def test_phrases(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please take me off the speaker list for Friday", "message"),  # a list of an activity
        ("¿me pueden quitar de la lista de ponentes?", "message"),
        ("me llegan correos de spam, ¿son ustedes? los mensajes de aquí sí los quiero", "message"),
        ("please take out the filters, I don't want them", "message"),  # things not wanted
        ("I never want these to stop", "message"),
        ("is one of these links spam?", "message"),  # spam asked about
        ("¿tienen spam con piña?", "message"),  # Spam the food
        ("¿cuánto está la oferta del spam?", "message"),
        ("I don't want them, stop texting", "opt_out"),
    ],
)
def test_messages(text, expected):
    assert label_of(text) == expected
