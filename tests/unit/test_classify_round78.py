"""Round 78 (on the sets 323-326, read once on 1feaa05, 164b788, 1845f7e and a611cd5): a keyword asked with "please" and
a blessing joined by "&"; a shift after a signer's name ("days"), and a day after the dash no signer ("Cancel -
Monday, nights": what is cancelled); a business's initials in capitals though they spell a word ("BAJA GET").
Revocations: "esa vaina" of the sender's texts, "dejen ya esa joda de los mensajes", the procurador threatened on the
next text, the business's texts that "can stop now", the number taken out of their texts, the black list threatened
"si seguís mandando", the texting knocked off, a wrong number asked to be taken off, the carrier or the FCC
threatened "if I get another", "acabo de bloquearos". Queued: a stop for a season (no longer a stop on a road).
Messages: praise after STOP in new words ("made my whole day", "para comérselo", "piel de gallina", "como nueva", "se
ven jevi", "a steal", "sweeter than"), a STOP in delight before a question of excitement or beside a thing praised, a
season asked about. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop please & God bless you all", "opt_out"),
        ("HELP - Dana Kreig, Casthouse, days", "help"),
        ("Cancel - Monday, nights", "message"),
        ("Stop for the summer please, we're at the lake house till September", "review"),
        ("Ya no me manden esa vaina, por favor", "opt_out"),
        ("Dejen ya esa joda de los mensajes", "opt_out"),
        ("Otro mensaje más y le hablo al procurador", "opt_out"),
        ("Farm stand texts can stop now, thank you", "opt_out"),
        ("Sáquenlo de sus mensajes, ese número era de mi tío", "opt_out"),
        ("Si seguís mandando mensajes os meto en la lista negra", "opt_out"),
        ("Knock off the texting please", "opt_out"),
        ("Wrong number, please take it off", "opt_out"),
        ("Reporting this number to the FCC if I get another", "opt_out"),
        ("Acabo de bloquearos, pesadas", "opt_out"),
        ("STOP, the new pottery in the window made my whole day", "message"),
        ("Stop, ese pan de la foto está para comérselo", "message"),
        ("STOP, la nieve de la foto me puso la piel de gallina", "message"),
        ("Stop, la bici quedó como nueva", "message"),
        ("STOP, esos tamales se ven jevi", "message"),
        ("STOP, that quilt is a steal", "message"),
        ("Stop, these pears are sweeter than honey", "message"),
        ("STOP, you got the new saddles in?? So excited", "message"),
        ("Stop, ¡qué belleza de caballo el pinto!", "message"),
        ("will swim lessons stop for the winter", "message"),
    ],
)
def test_round78(text: str, expected: str) -> None:
    check(text, expected)


def test_a_business_initials_in_capitals_that_spell_a_word_name_it():
    assert label_of("BAJA PAN", ("Panadería Arroyo Norte",)) == "opt_out"
    assert label_of("HELP PAN", ("Panadería Arroyo Norte",)) == "help"
    assert label_of("Baja pan", ("Panadería Arroyo Norte",)) != "opt_out"  # in lower case it is bread
