"""Round 79 (on the sets 327-330, read once on 0af7223, 164b788, 1845f7e and a611cd5): Hawaii Pidgin's "da" and "dis" as
determiners ("stop da luau texts", "take dis number off your list", "block dis number"); Khmer, Tibetan and Myanmar
words kept whole like Indic and Thai ones; a business's initials before the dash of its name ("CX" of Casa Xoana -
Tortilla de Betanzos); "tato" and "doctora" beside a keyword; a department after a signer's name. A keyword with
thanks right after it is asked, whatever delight follows ("Baja, gracias por todo, la casa es una maravilla"); thanks
closing an exclamation leaves it one; thanks for a meal and praise of it beside CANCEL are a farewell. Revocations: a
threat if "this keeps up" or "these keep coming", texts "not needed anymore", "mensajes ya no quiero", "merci
d'arrêter". Messages: praise after STOP in new words, Spam the meat priced or put on food, a spam folder in Spanish,
a road blocked by snow, names off a race draw, doors blocked, a crew moved, a position on a team. Queued: what
replying STOP would do, "solo los recordatorios", no texts during church (a request said again without it is no
limit). Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I going block dis number if da texts keep coming", "opt_out"),
        ("take dis number off your list", "opt_out"),
        ("Enough with da farm texts already", "opt_out"),
        ("Aunty please stop da market texts", "opt_out"),
        ("remove my number from da hula club list", "opt_out"),
        ("If this keeps up I'm reporting your number", "opt_out"),
        ("I'll block this number if these keep coming", "opt_out"),
        ("these reminder texts aren't needed anymore, thanks", "opt_out"),
        ("Mensajes de texto ya no quiero, gracias", "opt_out"),
        ("Merci d'arrêter de m'envoyer des messages", "opt_out"),
        ("Baja tato", "opt_out"),
        ("Ayuda doctora", "help"),
        ("HELP - Dr. Omar Reyes, geology", "help"),
        ("START អរគុណ", "opt_in"),
        ("Baja, gracias por todo, el hotel es una maravilla", "opt_out"),
        ("Cancel. Thanks for the dinner, the brisket was amazing", "opt_out"),
        ("Stop! That's amazing news, thank you!!", "message"),
        ("STOP, ese flan está demasiado bacano", "message"),
        ("Stop, the sunset video is so sick", "message"),
        ("¡Paren! Esa foto del asado me hizo agua la boca", "message"),
        ("STOP, esos pasteles son una locura", "message"),
        ("Stop, that trout is bigger than my dog", "message"),
        ("Spam is 2 for 3 this week right?", "message"),
        ("Ponele spam al arroz frito porfa", "message"),
        ("Mi correo me mete vuestros SMS en spam, ¿a qué hora abrís?", "message"),
        ("The road to the cabin is blocked by snow, can we check in late?", "message"),
        ("Remove our names from the relay race draw, Jake hurt his knee", "message"),
        ("Las puertas del gimnasio están bloqueadas otra vez", "message"),
        ("They moved me from B crew to A crew, which bus is mine", "message"),
        ("Sáquenme de portero el sábado, quiero jugar de delantero", "message"),
        ("Does replying STOP also remove me from the storm alerts?", "review"),
        ("Mándenme solo los recordatorios, nada de promociones", "review"),
        ("Please don't text during church", "review"),
        ("pls stop texting me during work, actually just stop altogether", "opt_out"),
    ],
)
def test_round79(text: str, expected: str) -> None:
    check(text, expected)


def test_the_initials_of_a_name_before_its_dash_name_it():
    assert label_of("Baja PS", ("Panadería Salazar – Pan de leña",)) == "opt_out"
