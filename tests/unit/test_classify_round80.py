"""Round 80 (on the sets 331-334, read once on eeca4a0, 164b788, 1845f7e and a611cd5): an apology right after a keyword
("Baja. Qué pena con ustedes") asks it, whatever praise follows; thanks for a trip beside CANCEL, after a farewell
("pura vida y gracias por el viaje"), is a farewell; a blessing after END; a business named in the plural ("stop
yellowjacket boosters"). Revocations: the complaint "you guys keep texting" is no texts welcomed; texts or a line off
one's phone; threats to Consumo, the OCU or the black list on the next SMS; the number just blocked or in the blocked
contacts; "ur number's getting blocked" (not by a carrier); "ya no le escriba a este número", "a ver si paran", "cero
mensajes a este número", "no me interesan más sus mensajes", "ya no me hacen falta", how to get off "estos
mensajitos"; texts not necessary anymore; stop requests in Portuguese, Haitian Creole, Arabic and French in new
words. Messages: calls refused with texting "totally fine", praise after STOP in new words, a text flagged as
possible spam, Spam given to a pet, spamming the business oneself, a name off an overtime sheet, a work crew left.
Queued: no texts during a season. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you guys keep texting after I said stop, reported as spam", "opt_out"),
        ("Baja. Qué pena con ustedes, la tienda es lo máximo", "opt_out"),
        ("Cancelar, pura vida y gracias por el paseo", "opt_out"),
        ("End. Pray for rain", "opt_out"),
        ("I need these night shift texts off my phone", "opt_out"),
        ("Please take the bowling league line off my phone", "opt_out"),
        ("Un mensaje más y pongo la denuncia en Consumo", "opt_out"),
        ("Este número lo acabo de bloquear", "opt_out"),
        ("Ya están en mis contactos bloqueados", "opt_out"),
        ("ur number's getting blocked", "opt_out"),
        ("Ya no le escriba a este número, gracias", "opt_out"),
        ("A ver si paran con los mensajes", "opt_out"),
        ("Cero mensajes a este número, por favor", "opt_out"),
        ("No me interesan más sus mensajes", "opt_out"),
        ("Ya no me hacen falta sus mensajes", "opt_out"),
        ("¿Cómo me quito de estos mensajitos?", "opt_out"),
        ("Como me llegue otro SMS os meto en la lista negra", "opt_out"),
        ("Texts aren't necessary anymore, we moved", "opt_out"),
        ("Pode tirar meu número da lista", "opt_out"),
        ("Arèt voye mesaj ban mwen", "opt_out"),
        ("Merci d'enlever mon numéro", "opt_out"),
        ("your number is getting blocked by my carrier, just so you know", "message"),
        ("Please quit calling me about the survey, texting is totally fine.", "message"),
        ("STOP, la foto del mirador me dejó sin aire", "message"),
        ("STOP, ese cuadro está para enmarcar", "message"),
        ("STOP, la paella de la foto es un escándalo", "message"),
        ("Stop, el video del desfile me puso los pelos de punta", "message"),
        ("STOP, es lo más bonito que he visto", "message"),
        ("El SMS de la cita me salió como posible spam, ¿es de ustedes?", "message"),
        ("¿Le puedo dar al gato un poco de spam?", "message"),
        ("Perdonen que les haga spam con tantas fotos", "message"),
        ("They removed my name off the Sunday OT sheet, can you fix it", "message"),
        ("Sáquenme de la faena del domingo, estoy enfermo", "message"),
        ("stop texting me during deer season", "review"),
    ],
)
def test_round80(text: str, expected: str) -> None:
    check(text, expected)


def test_a_business_named_in_the_plural():
    assert label_of("stop harbor boosters", ("Harbor Booster Club",)) == "opt_out"
