"""Round 46 (on the sets 191-194, read once on 0c03afb): a signer described after a dash and a name (a number or an
acronym: "grade 8 ref", "MIA base") beside a keyword with no everyday meaning; a Hindi honorific is no laughter;
blocking said more ways; threats to the attorney general; texts wanted gone; how to leave a texting thing asked;
another channel asked for with texts refused; a text wondered to be spam; "dar de baja" another person or thing;
Galician "deixen". Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signer described after a dash and a name; not after CANCEL or END, nor what help is about
        ("HELP pls - Mateo, grade 6 ref", "help"),
        ("STOP - Ana, gate B12", "opt_out"),
        ("Help - Jim, order 4471", "message"),
        ("HELP - Olivia, my account is locked", "message"),
        # a word or two no dictionary knows in a clause of their own beside HELP or START (after the sets 195-198
        # were read); beside them in the keyword's clause they may be what is asked about
        ("Help, miigwech", "help"),
        ("START, wado", "opt_in"),
        ("HELP, my zumba", "message"),
        # a Hindi honorific beside STOP; laughter still queues it
        ("Stop ji", "opt_out"),
        ("stop jiji", "review"),
        # blocking, threats, texts wanted gone, how to leave asked
        ("bloqué este número", "opt_out"),
        ("consider the Bayside Deli blocked", "opt_out"),
        ("straight to the block list", "opt_out"),
        ("si me siguen escribiendo los mando a bloqueados", "opt_out"),
        ("one more text and I'm calling the attorney general", "opt_out"),
        ("I need these promo texts gone", "opt_out"),
        ("how do I get out of this text club", "opt_out"),
        ("I need the receipts gone from my account", "message"),
        ("consider it done", "message"),
        # another channel asked for with texts refused revokes; preferred alone it is queued
        ("llámenme por teléfono, no por texto", "opt_out"),
        ("mejor por WhatsApp, no por mensaje de texto", "opt_out"),
        # spam wondered about, a person or thing "dado de baja", Galician
        ("pensé que era spam pero sí eran ustedes", "message"),
        ("thought the 2-for-1 text was spam at first, see you Saturday", "message"),
        ("den de baja al fotógrafo, ya no lo necesitamos", "message"),
        ("denme de baja", "opt_out"),
        ("deixen de mandarme mensaxes", "opt_out"),
    ],
)
def test_round46(text: str, expected: str) -> None:
    assert label_of(text) == expected, text
