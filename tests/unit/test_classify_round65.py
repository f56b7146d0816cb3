"""Round 65 (on the sets 271-273, read once on c65c87d): a question after STOP though its last clause is split by a
number, a time or a title ("Stop. Is the 7:40 boat full", "Stop. Did Dr. Ruiz call back"), a question of the
business's own ("Stop. Are you open New Year's Day"), "got any"; "thank you both" and Paraguayan "nde" beside a
keyword. Revocations: texts reported as spam, "number blocked, goodnight", how to get the texts turned off, "quitad
este móvil de los SMS", "os bloqueo" and "bloqueados" in a clause of their own, "lo de los SMS no me interesa",
publicity by text refused, a threat to report to an authority, "mensajes ya no quiero", "ya basta de mensajes",
"quiero que paren", "enough texting me", texts not wanted, "turn off these texts", the next text threatened, "ni un
SMS a este móvil". Messages: a tyre, a grade or a river "baja" or "alto", a bill paid ("ya cancelé la cuenta"), a bus
stopped, how to stop a pet or a pilot light, dues that stop, stitches removed, a STOP sent by accident with texts
kept, things praised after STOP ("looks sharp", "se ven bien ricas", "de otro nivel"), Spam with a glaze, spam asked
about or from someone else. Queued: "Tina? No Tina here", a shared or lent phone, a landline asked for, "could do
without", a parent passed, a child taken out of school, "ya no tengo chacra", a storage unit emptied, a lunch hour or
a day limited. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. Is the 7:40 boat full", "review"),
        ("Stop. Did Dr. Ruiz call back", "review"),
        ("Stop. Are you open New Years Day", "review"),
        ("Stop. Got any 4x4 posts left", "review"),
        ("STOP. Are you kidding me", "opt_out"),
        ("Cancel. Thank you both, Ray & Dot Haskins", "opt_out"),
        ("Baja, nde", "opt_out"),
        ("Reported all your texts as spam", "opt_out"),
        ("texting at midnight?? number blocked, bye", "opt_out"),
        ("How do I get the promo texts shut off?", "opt_out"),
        ("Quitad mi móvil de los SMS, gracias", "opt_out"),
        ("Os bloqueo, que son las seis de la mañana", "opt_out"),
        ("Pues bloqueados, pesados", "opt_out"),
        ("Lo de los mensajes no me interesa, gracias", "opt_out"),
        ("Dejen de mandarme publicidad por mensaje", "opt_out"),
        ("Los voy a denunciar ante consumo si me siguen escribiendo", "opt_out"),
        ("Llamadas sí, mensajes ya no quiero", "opt_out"),
        ("Ya basta de mensajes", "opt_out"),
        ("No pedí esos textos, quiero que paren", "opt_out"),
        ("Enough texting me about the sale", "opt_out"),
        ("Texts aren't wanted here. End them please", "opt_out"),
        ("Turn off all these texts", "opt_out"),
        ("Next text from you and I call my carrier", "opt_out"),
        ("Ni un SMS más a este número, por favor", "opt_out"),
        ("La llanta de adelante siempre está baja, ¿la revisan?", "message"),
        ("La nota de matemáticas salió baja, ¿hay tutorías?", "message"),
        ("Cuando baja la marea salimos a pescar", "message"),
        ("Ya cancelé la cuenta del mes, ¿me mandan el recibo?", "message"),
        ("Se paró el camión en la carretera, llego tarde", "message"),
        ("How do I stop my dog chewing the crate?", "message"),
        ("Do the payments stop when the loan is paid?", "message"),
        ("Can you remove the cast on Friday?", "message"),
        ("I pressed STOP by accident, keep the texts coming please", "message"),
        ("STOP, that new sign out front looks sharp", "message"),
        ("STOP, esas empanadas se ven bien ricas", "message"),
        ("Spam with a brown sugar glaze, trying it tonight", "message"),
        ("Was that text spam or from y'all?", "message"),
        ("Tina? No Tina here", "review"),
        ("This is the shop phone, the owner reads it", "review"),
        ("Le pasé este chip a mi sobrina", "review"),
        ("Please call my landline instead", "review"),
        ("The coupons I could do without", "review"),
        ("My dad passed last week", "review"),
        ("Ya sacamos a la niña del colegio", "review"),
        ("Ya no tengo ganado, lo vendí todo", "review"),
        ("We cleared out the unit on Monday", "review"),
        ("No manden nada a la hora del almuerzo", "review"),
    ],
)
def test_round65(text: str, expected: str) -> None:
    check(text, expected)
