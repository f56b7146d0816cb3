"""Round 54 (on the sets 227-230, read once on b196632): threats said more ways (one more of these, the phone company,
Profeco, "se van a bloqueados"); blocking in regional words ("ya tan bloqueados", "I'm blockin' ya", "yer getting
blocked"); "won't be needing any more", "get these messages off my phone", "done with em", "ni una promoción más",
"lose my number"; a return beside START said yet more ways, a phone mended; a trade's wishes with words of address
after them; farewells in German, Ukrainian and Lao; a shift without "de"; praise of a thing after a STOP of delight;
getting off a bus is no BAJA. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # threats and blocking
        ("If one more of these shows up I'm calling the attorney general", "opt_out"),
        ("keep this up and I'm reporting the number to my carrier", "opt_out"),
        ("Un mensajito más y le hablo a la Profeco", "opt_out"),
        ("otra promoción y se van pa bloqueados", "opt_out"),
        ("ya tan bloqueados, compa", "opt_out"),
        ("I'm blockin' ya", "opt_out"),
        ("yer getting blocked bud", "opt_out"),
        # not wanted any more
        ("we won't be needing any more of your texts", "opt_out"),
        ("get your messages off my phone", "opt_out"),
        ("I'm done with these texts, no more", "opt_out"),
        ("ni un mensaje más, por favor", "opt_out"),
        ("you can lose my number, thanks", "opt_out"),
        # START with a return or a phone mended
        ("START please, Lily is back for fall classes", "opt_in"),
        ("START, got my phone fixed", "opt_in"),
        ("START pls, back from deployment after 9 months", "opt_in"),
        ("Start porfa, ya he vuelto de Madrid", "opt_in"),
        # a trade's wishes and farewells
        ("Cancel. Have a good season out there", "opt_out"),
        ("END. Safe harvest, fellas", "opt_out"),
        ("Cancel. Tschüss", "opt_out"),
        ("STOP - Lupe, empacadora, turno noche", "opt_out"),
        # praise of a thing after a STOP of delight; a STOP after praise is still one
        ("STOP, those tamales were better than my abuela's", "message"),
        ("STOP, qué rico quedó el pastel", "message"),
        ("STOP, the new patio looks amazing", "message"),
        ("The pie was the best ever. STOP", "opt_out"),
        ("End please. Thanks for the best summer camp", "opt_out"),
        # getting off a bus
        ("Bájenme en la parada del mercado", "message"),
        ("bajenme de la lista por favor", "opt_out"),
    ],
)
def test_round54(text: str, expected: str) -> None:
    check(text, expected)
