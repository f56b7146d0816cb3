"""Round 57 (on the sets 239-242, read once on 63c77b4): a code in capitals made of the beginnings of the name's words
("EMOR" of Envíos Moroleón) and the longest of a name's initials first ("MAP&D", not "MAP"); a word in capitals of four
letters after STOP is a code; a stop word broken across a line before its courtesy; a signer's first name that is a
dictionary's word after STOP; a shift at a place of four words; a reason without its subject (a move, a retirement),
one opening "ya no", and a reason read alone as unclear, after STOP or START; thanks to "y'all", "perdone usted";
a season enjoyed without its article, a storm wished away; praise of a thing after STOP is delight however it is
worded. Fewer false opt-outs: spam from another sender asked about, a can of Spam, a doctor taking the replier off a
drug, food that disagrees, money sent another way, insurance opted out of, "you blocked the lot"; more requests: "get
off these team texts", "get these pharmacy texts to quit", "texts are no longer needed". Examples are this file's own,
not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check, label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codes and broken words
        ("STOP PIGS", "opt_out"),
        ("STOP NEWS", "opt_out"),
        ("HELP PIGS", "message"),
        ("Can\ncelar por favor", "opt_out"),
        ("Al\nto gracias", "opt_out"),
        # signers, shifts, reasons, courtesy, wishes
        ("Stop - Rob, hay crew, day shift", "opt_out"),
        ("STOP - Kiana, Sunday shift at the north end dock", "opt_out"),
        ("Unsubscribe. Moved to Tulsa last spring. Thanks for everything", "opt_out"),
        ("Alto por favor, ya no vendo tamales, gracias", "opt_out"),
        ("START please, my old phone got stolen last week", "opt_in"),
        ("Cancel. Appreciate y'all so much", "opt_out"),
        ("Baja, disculpe usted. Bendiciones", "opt_out"),
        ("Remove. Enjoy maple season", "opt_out"),
        ("END. Hope the hurricane stays away from y'all", "opt_out"),
        # delight
        ("Stop, that brisket was out of this world", "message"),
        ("STOP, bien chilera la troca con la pintura nueva", "message"),
        ("Stop. Those tamales were the best thing at the fair", "message"),
        # not revocations
        ("Was that 'your package is held' text spam? It wasn't from you, was it?", "message"),
        ("That text about a prize was spam right?", "message"),
        (
            "A text from some number said I owe a fee, pretty sure that's spam since you never ask for payment by text",
            "message",
        ),
        ("Mi hijo se comió dos latas de spam", "message"),
        ("My cardiologist took me off the metoprolol, cancel that refill?", "message"),
        ("Hold the onions, they don't agree with me", "message"),
        ("Dejé de mandar por Ria porque ustedes salen más barato", "message"),
        ("¿Puedo hacer opt out del seguro de la caja? Son puros zapatos", "message"),
        ("You blocked the alley with the dumpster again", "message"),
        # requests
        ("How do I get off this soccer texting", "opt_out"),
        ("How do I get off these league texts?", "opt_out"),
        ("How do I get these clinic texts to stop?", "opt_out"),
        ("The text reminders are no longer needed, thanks", "opt_out"),
        ("This is spam right? Stop texting me", "opt_out"),
        ("Stop, I'm retiring, thanks for everything", "opt_out"),
    ],
)
def test_round57(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Baja EMOR", "Envíos Moroleón", "opt_out"),
        ("STOP SUNFAB", "Sunrise Fabrics Co", "opt_out"),
        ("STOP GL&CC", "Greenway Lakes & Country Club", "opt_out"),
        ("Baja EMOR", "Tacos El Primo", "review"),
    ],
)
def test_round57_codes_of_a_name(text: str, name: str, expected: str) -> None:
    assert label_of(text, (name,)) == expected
