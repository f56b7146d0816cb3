"""Round 21 (keywords, on the spent sets 30-33): a neighbouring key struck, a business known by initials or without
its article, courtesy the lists lacked, a signature block. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stoo", "opt_out"),  # p struck as o
        ("Cancrl", "opt_out"),  # e struck as r
        ("hwlp", "help"),
        ("Stsrt", "opt_in"),
        ("bsja", "opt_out"),  # a stop word of the phrase rules
        ("Cancelsr", "opt_out"),
        ("pata", "message"),  # a word of its own ("paw"), not "para"
        ("hell", "message"),
        ("stomp", "message"),
        ("Srop", "opt_out"),
    ],
)
def test_a_neighbouring_key_struck(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("STOP WB", ("WB 99.1",), "opt_out"),  # a first word written in capitals
        ("help wb", ("WB 99.1",), "help"),
        ("STOP RCL", ("Riverside Community Lanes",), "opt_out"),  # the initials of the name
        ("INFO please Comedy Cellar", ("The Comedy Cellar",), "help"),  # the name without its article
        ("help us", ("US Bank",), "message"),  # initials that are a common word are no name
    ],
)
def test_a_business_known_by_initials_or_without_its_article(text, names, expected):
    assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop pues", "opt_out"),
        ("stop fr", "opt_out"),
        ("Baja manito", "opt_out"),
        ("Cancelar ya mismo", "opt_out"),
        ("parar, ya estuvo", "opt_out"),
        ("Cancelar, gracias y buenas noches", "opt_out"),
        ("Muchas gracias pero cancelar", "opt_out"),
        ("Klk, ayuda", "help"),
        ("help, thanks dear", "help"),
        ("start de nuevo", "opt_in"),
        ("pues", "message"),
    ],
)
def test_courtesy_the_lists_lacked(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unsubscribe\nMaria Lopez | Lopez Bakery | maria@lopezbakery.com", "opt_out"),
        ("Cancelar\nAna Sofía Pérez\n(555) 123-4567", "opt_out"),
        ("HELP\nTom Reyes\ntom.reyes@example.com", "help"),
        ("stop\nmy order is late", "review"),  # a second line that is no signature: read whole (a lone stop, queued)
        ("cancel my appointment\nJohn Smith", "message"),  # the first line is no keyword
    ],
)
def test_a_keyword_above_a_signature_block(text, expected):
    assert label_of(text) == expected
