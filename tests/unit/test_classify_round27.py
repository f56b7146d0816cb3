"""Round 27 (on the spent sets 57-61): dictated punctuation, farewells of the day, fillers beside a Spanish stop word,
titles, roles, a company signing, a name's first words by their initials; and rules: the sender blocked, a stop with a
threat to report, a stop beside a count of texts, spam asked about, Spam the food, fines and containers removed, a
reader's list; queued: an old quit, "X yes, Y no", "we're good for now", a relationship over in Spanish and Russian.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Ayuda coma gracias", (), "help"),  # punctuation dictated
        ("Stop question mark", (), "opt_out"),
        ("Parar punto final", (), "opt_out"),
        ("START. Have a wonderful weekend", (), "opt_in"),
        ("Cancelar, feliz domingo", (), "opt_out"),
        ("Baja chacho", (), "opt_out"),  # an interjection beside a Spanish stop word
        ("Alto ya pe", (), "opt_out"),
        ("INFO - Atty. Carla Munoz", (), "help"),  # a title
        ("Unsubscribe. Regards, Tina Cho, Broker", (), "opt_out"),  # a role
        ("Stop - Ortega Fence Works", ("Lakeside Lumber",), "opt_out"),  # a business customer signs with its company
        ("Cancel - Free Pizza Night", (), "not opt_out"),  # three dictionary words: what is cancelled
        ("STOP RVSA", ("Rio Vista Soccer Academy Youth",), "opt_out"),  # the initials of the name's first words
        ("HELP RVSA", ("Rio Vista Soccer Academy Youth",), "help"),
    ],
)
def test_keywords(text, names, expected):
    if expected == "not opt_out":
        assert label_of(text, names) != "opt_out"
    else:
        assert label_of(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("u have been blocked", "opt_out"),
        ("this number is going on my block list", "opt_out"),
        ("ur blocked bye", "opt_out"),
        ("stop now or I'll report you to my carrier", "opt_out"),
        ("un mensaje más y los denuncio", "opt_out"),
        ("stop already, this is the 4th one today", "opt_out"),
        ("ya no me sigan mandando esas porquerías", "opt_out"),
        ("pls stop send me the messages", "opt_out"),
        ("this is spam", "opt_out"),  # as before
        ("is this text spam or is the sale real?", "message"),  # spam asked about
        ("¿esto es spam? me llegó un link raro", "message"),
        ("can I get the mofongo with spam?", "message"),
        ("sorry for the spam of pictures lol", "message"),
        ("¿Me pueden quitar el recargo de este mes?", "message"),
        ("¿me pueden dar de baja el segundo medidor?", "message"),
        ("Quítenme de la lista de monaguillos, ya no puedo los domingos", "message"),
        ("gracias, no los dejen de mandar", "message"),
        ("I quit a long time ago", "review"),
        ("promos yes, surveys no", "review"),
        ("we're good for now", "review"),
        ("mi hijo ya se salió del equipo", "review"),
        ("Я больше не ваш клиент", "review"),
        ("I already unsubscribed", "opt_out"),  # honoured: a revocation by any reasonable reading
    ],
)
def test_round27_rules(text, expected):
    assert label_of(text) == expected
