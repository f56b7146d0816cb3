"""Round 43 (on the sets 178-182, read once on 3c2c073): courtesy of West African, South Asian, Caribbean, Filipino,
Upper Midwest and British English and of more Spanish regions beside a keyword; a signer's role, department, unit and
credential; initials written with their "&"; a reason led by "que" or "because"; a question without its mark after a
modal; a STOP asked with emoji after the mark; lists of other things in Spanish queued; meaning asked; relationships
over in Spanish; Jamaican revocations. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # courtesy of other Englishes and Spanish regions beside a keyword
        ("STOP abeg o", "opt_out"),
        ("stop oga, thank you", "opt_out"),
        ("Well done madam. Info please", "help"),
        ("Oh ya, HELP pls", "help"),
        ("START please, cheers mate", "opt_in"),
        ("end pls ta", "opt_out"),
        ("Respect. Unstop pls", "opt_in"),
        ("Remove please bredda. One love", "opt_out"),
        ("Uay, ayuda porfa", "help"),
        ("Cancelar, qué pena con usted", "opt_out"),
        # a signer's role, department, unit and credential
        ("STOP - Rena K., lab tech, 2 West", "opt_out"),
        ("Help - Omar, crossing guard", "help"),
        ("Baja por favor. Enf. Carmen Ruiz, piso 2, urgencias", "opt_out"),
        ("Ayuda - espacio 31, Chayo Villa", "help"),
        ("Cancel. Thanks, D. Mensah | Line 4 Supervisor | ext. 2210", "opt_out"),
        # a reason led by a word, not a mark
        ("alto porfa que estoy en junta", "opt_out"),
        ("stop because im at work", "opt_out"),
        ("help because im locked out", "message"),
        # a question without its mark after a modal, and a STOP asked with emoji after the mark
        ("Stop. Could I still pick up my order Monday", "review"),
        ("STOP? 🤨", "review"),
        ("stop!?!", "opt_out"),
        # meaning asked
        ("what does opt out mean?", "message"),
        # a list of other things in Spanish: queued, not honoured
        ("sáquenme de la lista de cantantes del domingo", "review"),
        ("sáquenme de la lista de mensajes", "opt_out"),
        # relationships over, in Spanish, and a case closed
        ("ya no pesco", "review"),
        ("ahora compro en otra tienda", "review"),
        ("ya cerraron el caso de mi hermano", "review"),
        ("ya no encuentro el recibo de la semana pasada, me lo mandan otra vez", "message"),
        # refusals of texts
        ("nobody here wants these messages", "opt_out"),
        ("this phone doesn't need any more texts", "opt_out"),
        ("one more text and I'm blocking the number", "opt_out"),
        ("cero mensajes de aquí en adelante", "opt_out"),
        ("¿qué le pongo pa ya no recibir esto?", "opt_out"),
        ("Tek mi off di list", "opt_out"),
        ("stop send di text dem", "opt_out"),
        # partial requests: queued
        ("the appointment texts are fine, the sale ones can go", "review"),
        ("stop the coupons, just send my pickup reminders", "review"),
        ("no more raffle texts", "review"),
        # other things
        ("Mi perro no me deja en paz, quiere salir", "message"),
        ("Dejen de mandarme cartas, con los mensajes de texto me basta", "message"),
        ("hago tacos de spam los viernes", "message"),
    ],
)
def test_round43(text, expected):
    assert label_of(text) == expected


def test_initials_written_with_their_ampersand():
    assert label_of("STOP BK&T", ("Bell Kline & Tate",)) == "opt_out"
    assert label_of("Help LG&CC", ("Lakeview Golf & Country Club",)) == "help"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause read as something else ends at a conjunction that opens a revocation of its own
        ("quítenme del rol de limpieza y dejen de mandarme mensajes", "opt_out"),
        ("sáquenme del grupo de padres y ya no me manden mensajes", "opt_out"),
        ("quítenme del rol de limpieza del domingo", "message"),
    ],
)
def test_a_revocation_after_a_conjunction_is_not_masked_with_what_came_before(text, expected):
    assert label_of(text) == expected
