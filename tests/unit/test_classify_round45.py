"""Round 45 (on the sets 183-186, read once on 54f9da7): courtesy of Cajun, Philadelphia, Pittsburgh, Appalachian,
Nigerian, Ghanaian, Somali, Hmong, Samoan, Tongan, South African and Upper Peninsula English and of more Spanish
regions beside a keyword; a good wish of any wording after it; a family signing; a greeting asked before it; a
department written with a hyphen in a signature; STOP beside words no dictionary knows (after the sets 187-190 were
read); the second person plural of regions and of Spain; how to leave a list asked in more ways; another channel
asked for in Spanish; Spam in more dishes. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # courtesy of more registers beside a keyword; laughter still queues a STOP, a broken keyword stays one
        ("STOP walaal", "opt_out"),
        ("Stop wallahi", "opt_out"),
        ("Help, eh", "help"),
        ("START o, thank you ma", "opt_in"),
        ("Cancel, dankie", "opt_out"),
        ("INFO, chévere, gracias", "help"),
        ("Stop lol", "review"),
        ("ay uda", "help"),
        # a good wish after the keyword, whatever it names; a thing named before it is still what is cancelled
        ("Cancel. Have a great summer", "opt_out"),
        ("End. Wishing you all a happy fall", "opt_out"),
        ("Baja. Que tengan un buen verano", "opt_out"),
        ("Cancel the trip. Have a great day", "message"),
        # a family signing, a greeting asked before the keyword, a hyphened department in a signature
        ("Stop. Regards, the Okafor family", "opt_out"),
        ("¿Qué onda? Baja, carnal", "opt_out"),
        ("Stop? How are you?", "review"),
        ("STOP - Lena, charge RN, med-surg, pager 2231", "opt_out"),
        # the second person plural of regions and of Spain, diminutives
        ("blocking yinz now", "opt_out"),
        ("dejad de escribirme", "opt_out"),
        ("no dejéis de mandar los horarios", "message"),
        ("ni un textito más", "opt_out"),
        # how to leave a list asked, leaving it said
        ("¿cómo me borro de la lista?", "opt_out"),
        ("¿qué tengo que mandar para salirse de los mensajes?", "opt_out"),
        ("como me borro el tatuaje", "message"),
        ("me salgo de su lista", "opt_out"),
        ("cut out the texts", "opt_out"),
        ("cut out the middle part of the hem", "message"),
        # another channel asked for in Spanish is queued; a request sent by it is a message
        ("Mejor avísenme por WhatsApp", "review"),
        ("llámeme mejor, no leo los mensajes", "review"),
        ("llámame mejor a las 5 para la cita?", "message"),
        # STOP beside a word or two no dictionary knows: thanks, address or a name of the reply's own register; not
        # a word the dictionaries know (a thing it may be about), laughter however spelled, or another keyword's
        ("STOP tenkyuh", "opt_out"),
        ("stop oui, merci", "opt_out"),
        ("STOP QLX", "opt_out"),
        ("STOP YELLING", "message"),
        ("stop jsjsjs", "review"),
        ("omggg stop", "review"),
        ("HELP Zumba", "message"),
        ("INFO dziekuje", "help"),
        ("HELP SUMMERFEST", "message"),
        # Spam in more dishes; "bájenme" a thing
        ("Spam flavored chips? whoa", "message"),
        ("bájenme la caja de arriba porfa", "message"),
        ("bájenme de la lista", "opt_out"),
    ],
)
def test_round45(text: str, expected: str) -> None:
    assert label_of(text) == expected, text


def test_a_stop_word_of_everyday_meaning_beside_an_unknown_word_is_not_honoured() -> None:
    # "cancel zumba" may name what it cancels: the rules leave it a message, the learned opinion may queue it
    assert label_of("Cancel zumba") != "opt_out"
    assert label_of("baja chelo") != "opt_out"
