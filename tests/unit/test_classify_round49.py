"""Round 49 (on the spent sets, 207-210 read once on ad84a06): a reason after START or UNSTOP; a phone number, a
membership number or a group by its level signing a keyword; a time had, or a blessing of any wording, after a
stop word; a reason's lead opening its own clause; a signer's described parts after CANCEL or END beside a person's
name; a business named by two words of its name in capitals, or by a name in capitals after "from" or "de" when its
names are unknown. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # why the replier is back, after START said as a request or UNSTOP
        ("START please, we're home from Lisbon", "opt_in"),
        ("UNSTOP, I moved back to town", "opt_in"),
        ("Start, I can't get the mower going", "message"),  # the mower may be what starts
        ("HELP, I'm locked out of the portal", "message"),  # what the help is about
        # a phone number after a signer's other parts; a membership number; a group by its level
        ("HELP. Sgt Ruiz, Laredo office, 956-555-0199", "help"),
        ("Help, thanks - member #2231", "help"),
        ("Help with member 2231", "message"),
        ("Info pls - Nadia, advanced group", "help"),
        ("Help - Ana, intermediate class", "help"),
        # a good time had, a blessing of any wording
        ("Cancel. Thanks, had a great summer", "opt_out"),
        ("Cancel. Had a problem with my order", "message"),
        ("Baja. Que la Virgen los acompañe", "opt_out"),
        ("END please. May the good Lord keep you", "opt_out"),
        # a reason's lead opening a clause of its own
        ("Parar, que ando trabajando", "opt_out"),
        ("Baja, porque estoy en la escuela", "opt_out"),
        # a person's name before the described parts, after CANCEL or END
        ("Cancel - Darnell Fitch, Eagles softball #12", "opt_out"),
        ("End - T. Okafor, Dock 4, badge 2290", "opt_out"),
        # words of address
        ("STOP me son, cheers", "opt_out"),
        ("UNSTOP pls uso", "opt_in"),
        # delight of more words after a lone STOP
        ("Stop, the video of the goat yoga is priceless", "message"),
        ("Stop, these texts are fantastic lol", "opt_out"),
        # a question without its mark after a keyword: a modal or "who do" opens it, a Spanish one its opening mark
        ("Stop. Will the bikes be tuned by Saturday", "review"),
        ("STOP. Could the order come Tuesday instead", "review"),
        ("Stop. Can you take me off", "opt_out"),
        ("Baja. ¿venden pan de elote", "review"),
        ("Estop, cuántas veces se los digo", "opt_out"),
        # removed from an activity, not from the texts
        ("Sáquenme de la alineación del sábado, me torcí el tobillo", "message"),
        ("Bórrenme de la lista del convivio del viernes, no voy a poder ir", "review"),
        ("Dejen de mandarme promos, ya no voy a ir", "opt_out"),
        ("¿Me dan de baja el seguro del coche viejo? Ya lo vendí", "message"),
        ("me dan de baja los mensajes por favor", "opt_out"),
        ("Mi hijo sigue en la clase, no lo den de baja", "message"),
        # calls refused, this number welcomed for texts; a wish in the conditional
        ("Quit calling my office, text me here about the invoice", "message"),
        ("Keep the reminders coming, I'd forget me own birthday", "message"),
        ("please forget my number", "opt_out"),
        # a kind of texts kept beside a stop: partial, read by a person
        ("stop the coupons, keep the delivery texts", "review"),
        ("I keep getting texts I never asked for, stop", "opt_out"),
        ("Quiten las ofertas pero lo del pedido semanal sí", "review"),
        # "ni de broma" refuses, it does not take a STOP back as a joke
        ("ni de broma vuelvo a ese taller", "review"),
        ("le puse stop de broma, sigan mandando", "message"),
        # a threat that hangs on the next text, said more ways
        ("Keep sending these and I'll report ya", "opt_out"),
        ("keep texting me and this number goes right into my FCC complaint", "opt_out"),
        ("Reporting you if these messages don't stop", "opt_out"),
        ("keep texting me about the block party and the parade", "message"),
    ],
)
def test_round49(text: str, expected: str) -> None:
    assert label_of(text) == expected, text


@pytest.mark.parametrize(
    "text", ["Cancel - intermediate class", "Cancel - Jim, order 4471", "Cancel - Yoga Flow, class 4"]
)
def test_round49_what_is_cancelled_is_no_signer(text: str) -> None:
    # the class or the order may be what is cancelled: not honoured as a keyword (the model may queue it)
    assert label_of(text) != "opt_out", text


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Darme de baja de Casa Rubio, muchas gracias", ("Mueblería Casa Rubio",), "opt_out"),
        ("Baja Monte Verde", ("Clínica Dental Monte Verde Norte",), "opt_out"),
        ("AYUDA Monte Verde", ("Clínica Dental Monte Verde Norte",), "help"),
        ("Cancelen mi cita en Monte Verde", ("Clínica Dental Monte Verde Norte",), "message"),
    ],
)
def test_round49_named(text: str, names: tuple[str, ...], expected: str) -> None:
    assert label_of(text, names) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please unsubscribe me from Copper Kettle Bakery", "opt_out"),
        ("Quiero darme de baja de Taller Hermanos Ruiz", "opt_out"),
        ("I got a coupon from Copper Kettle Bakery", "message"),
        ("Remove me from the Tuesday Spin class", "message"),
    ],
)
def test_round49_names_unknown(text: str, expected: str) -> None:
    assert label_of(text) == expected, text
