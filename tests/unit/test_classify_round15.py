"""Classes of round 15 of issue 12 (found on the fresh tuning set t1112): a stop of a campaign's offers named by their
source ("offers from the gym", "ofertas del gym": read as a request about the gym, and lost), the number asked off
after a question how they got it, a refusal whose object is the texts in Spanish ("no me interesa que me manden
mensajes"), "zero more texts", texts shut off, a phone deregistered, and STOP said of the texts in their own clause
("texts stop please", "these texts are annoying, stop").

Each class is tested with wordings of its own, none of which any data set has, and with hard negatives beside it.
Labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quit sending me deals from the car wash", "opt_out"),
        ("stop sending promos from the salon please", "opt_out"),
        ("ya no me manden promociones de la pizzeria", "opt_out"),
        ("dejen de mandarme descuentos del spa", "opt_out"),
        # ...the source named alone, paper coupons, a package, another channel
        ("ya no me manden cupones de papel", "message"),
        ("stop sending the package to my old address", "message"),
        ("stop sending offers by email, texts are fine", "message"),
    ],
)
def test_offers_named_by_their_source_are_the_texts(text, expected):
    """What the sender texts is its texts: 'offers from the gym' names the texts, the gym only where they come from."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("who gave u my number?? delete it", "opt_out"),
        ("where did you get this number from, remove it now", "opt_out"),
        ("de donde sacaron mi numero? borrenlo ya", "opt_out"),
        # ...the question alone, or something else removed
        ("who gave you my number?", "review"),
        ("how did you get my number? I want to know", "review"),
    ],
)
def test_the_number_asked_off_after_how_they_got_it(text, expected):
    """'How did you get my number, delete it': the question is a complaint, the request is to drop the number."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya no me interesa que me envien promociones", "opt_out"),
        ("no me interesa que me escriban mas mensajes", "opt_out"),
        ("zero more promos please", "review"),  # a kind of marketing refused alone: queued (rules.md, round 30)
        ("I want zero messages from this store", "opt_out"),
        ("shut off the reminder texts", "opt_out"),
        ("deregister this number please", "opt_out"),
        # ...a refusal with no object, texts that did not come, an alarm shut off
        ("no me interesa", "review"),
        ("I got zero texts after the first one", "message"),
        ("zero messages came through today, is the system down?", "message"),
        ("how do I shut off the alarm", "message"),
    ],
)
def test_refusals_whose_object_is_the_texts(text, expected):
    """A refusal whose object is the texts is a revocation; with no object, or of texts that never came, not."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("messages stop now", "opt_out"),
        ("the promos need to stop", "opt_out"),
        ("ur texts r so annoying pls stop", "opt_out"),
        # ...a question whether they stopped, a report of texts that stop
        ("did the messages stop?", "message"),
        ("the alerts stop when my phone is off", "review"),
    ],
)
def test_stop_said_of_the_texts_in_their_own_clause(text, expected):
    """STOP after the texts it is about, ending its clause, is a STOP; a question or a report of them stopping: not."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("does the corner store carry spam?", "message"),
        ("spam fried rice and spam musubi for the potluck", "message"),
        ("venden spam? el picante", "message"),
        ("my roommate typed STOP by accident, we still want the gym texts", "message"),
        ("a text works better than a call, quit calling", "message"),
        ("dejen de llamarme, con los mensajes me basta", "message"),
        ("how do I return my textbook rental?", "message"),
        ("you stopped sending me the coupons, can I get them again?", "message"),
        ("revoke the access for my old bookkeeper please", "message"),
        ("my puppy wont leave me alone, can we text instead of a call", "message"),
        # ...the same words as a request about the texts
        ("stop the spam", "opt_out"),
        ("stop sending spam to my phone", "opt_out"),
        ("you won't leave me alone, stop texting", "opt_out"),
        ("revoke my consent to be texted", "opt_out"),
        ("we still want the school texts to stop", "opt_out"),
    ],
)
def test_other_senses_of_revocation_words(text, expected):
    """Spam the food, texts wanted beside another channel, a textbook, texts missed, someone else's access or
    company: ordinary messages; the same words about the texts keep their meaning."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("que no me manden nada de noche por favor", "review"),
        ("no me escriban por la noche", "review"),
        ("recien saque este numero, aqui no vive ningun Pedro", "review"),
        # ...no time limit, or a number to remove
        ("no me escriban mas", "opt_out"),
        ("saquen este numero de su lista", "opt_out"),
    ],
)
def test_spanish_limits_and_a_number_just_got(text, expected):
    """'No me escriban de noche' limits the texts to some hours; 'acabo de sacar este número' says the number is new."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nvr text this phone again", "opt_out"),
        ("nevr again", "review"),
        ("nvr mind, found the receipt", "message"),
    ],
)
def test_never_in_sms_spelling(text, expected):
    """'nvr', 'nevr', 'nver' are 'never', read as such by every rule that names it."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please delete my email address from your records, texts are fine", "message"),
        ("drop my home phone from the list, my cell is better", "message"),
        # ...the texts taken off beside it
        ("remove my email and stop texting me too", "opt_out"),
    ],
)
def test_another_way_of_reaching_the_replier_taken_off(text, expected):
    """Taking an email address or a landline off a list says nothing of the texts."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("that was my old coworker", "review"),
        ("no soy la de la cuenta, es mi suegra", "review"),
        ("soy la nueva inquilina", "review"),
        ("habla su nieta, ella ya no usa celular", "review"),
        ("I am the executor of her estate", "review"),
        ("she moved back to Ohio", "review"),
        ("the loan was paid off last spring", "review"),
        ("ya cerre mi cuenta", "review"),
        ("ya tenemos otro dentista", "review"),
        ("contratamos a alguien en otro lado", "review"),
        ("got our own lawyer now", "review"),
        ("only before 9 please", "review"),
        ("keep the pickup alerts, skip the rest", "review"),
        ("lo de las rifas no", "review"),
        ("con uno al mes basta", "review"),
        # ...the same words in ordinary messages
        ("that was my old address, the new one is 12 Elm St", "message"),
        ("she moved the appointment to Friday", "message"),
        ("was my card paid?", "message"),
        ("ya no necesito la grua, arranco solo", "message"),
        ("my debit card got canceled?", "message"),
    ],
)
def test_unclear_replies_are_queued(text, expected):
    """Somebody else's number, a relationship over, a partial request: a person reads them; the same words about
    something else stay messages."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("another pizza coupon text. no more please", "opt_out"),
        ("the dentist is messaging me again. dont.", "opt_out"),
        ("we need nothing else from your shop via text", "opt_out"),
        ("no queremos nada mas de su tienda por mensaje", "opt_out"),
        ("please reverse my sms signup", "opt_out"),
        ("ya me cansaron, les voy a bloquear", "opt_out"),
        ("voy a bloquear este numero", "opt_out"),
        ("I'd like your promo texts to go away", "opt_out"),
        ("never contact me via text", "opt_out"),
        ("how to not hear from you ever again?", "opt_out"),
        ("consider your number blocked", "opt_out"),
        ("tke me off your list", "opt_out"),
        # ...a short answer after a text that was welcome, texts wanted, somebody else blocked
        ("got your text. no more questions, see you at 3", "message"),
        ("my sister keeps texting me. dont worry, I'll be on time", "message"),
        ("I want nothing more than the sale texts, they're great", "message"),
        ("me llegan llamadas de un numero raro, como lo bloqueo?", "message"),
        ("I want the texts to go to my new phone", "message"),
    ],
)
def test_refusals_of_the_texts_in_other_forms(text, expected):
    """A short refusal after the texts, nothing wanted by text, a sign-up undone, the number to be blocked, the texts
    to end: revocations; the same words about something else are not."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop you guys, please", "opt_out"),
        ("please stop texting for the time being", "opt_out"),
        ("seriously enough now with your promo texts", "opt_out"),
        ("we have had it with your messages", "opt_out"),
        ("les voy a denunciar si me siguen escribiendo", "opt_out"),
        ("nice updates but I want them to stop showing up on my phone", "opt_out"),
        ("I never signed up for any of this, stop", "opt_out"),
        ("mejor llamenme, textos no", "opt_out"),
        ("keep messaging this number and I'm gonna report it", "opt_out"),
        # ...texts wanted, a laugh, a question, a promise to call
        ("stop you guys are too funny", "message"),
        ("keep texting me and i'll call when i'm ready", "message"),
        ("did my number get opted out? I want to stay on the list", "review"),
        ("quit emailing the receipts, i get the texts already", "message"),
        ("los textos no me llegan", "message"),
    ],
)
def test_stop_and_refusals_beside_emphasis_and_threats(text, expected):
    """A stop with 'you guys' or 'for the time being', enough with the texts, a threat that hangs on the next text,
    the texts refused in a clause of their own: revocations; texts wanted, a laugh or a question are not."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mwen pa bezwen li", "review"),
        ("m pa bezwen, mesi", "review"),
        ("لا أريد", "review"),
        # ...with the texts as object
        ("mwen pa bezwen mesaj nou yo", "opt_out"),
        ("لا أريد هذه الرسائل", "opt_out"),
    ],
)
def test_a_refusal_with_no_object_in_other_languages_is_queued(text, expected):
    """'I don't need it' in Haitian Creole or Arabic, no object, is queued like 'no thanks'; with texts, honoured."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pls take me of ur texting list", "opt_out"),
        ("remove my # of your sistem", "opt_out"),
        # ...a list of something else
        ("get me of the waiting list, I found a table", "message"),
    ],
)
def test_of_slipped_for_off(text, expected):
    """'Take me of your list': 'of' for 'off' before a list of the sender's is the request off it."""
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya nos casamos jeje", "review"),
        ("we already got married, thanks though", "review"),
        # ...a wedding still to come
        ("nos casamos en junio, tienen fechas?", "message"),
    ],
)
def test_the_wedding_over_is_queued(text, expected):
    """'Ya me casé': what the texts were selling is behind the replier, a relationship over, read by a person."""
    check(text, expected)
