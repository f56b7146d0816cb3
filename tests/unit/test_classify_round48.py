"""Round 48 (on the sets 203-206, read once on d3dc03d): Scots "wi'" as "with"; a formal request to cease sending
with an adverb between ("cesar definitivamente el envío"); Tagalog "hinto na" said alone; another channel asked for
in Spanish by post, a letter or a group. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("enough wi' these texts, mate", "opt_out"),
        ("the wi-fi at the shop is down", "message"),
        ("les ruego cesar inmediatamente el envío de mensajes", "opt_out"),
        ("hinto na po, salamat", "opt_out"),
        ("hinto na ang ulan, tuloy ang laro?", "review"),
        ("mejor mándenme una carta", "review"),
        ("mejor avísenme por el grupo de Facebook", "review"),
        ("mejor mándeme un whatsapp con la dirección", "message"),
    ],
)
def test_round48(text: str, expected: str) -> None:
    assert label_of(text) == expected, text
