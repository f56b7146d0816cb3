"""Round 35 (on the sets 133-137, read once at round 34's end): courtesy of any wording before a "but" and the
keyword ("nothing personal but STOP"), "and that's final", blessings with "me le" and "pa ti", a signer's trade
("camionero", "mechanic"). Rules: being asked for something by text refused ("stop asking me to donate by text");
queued: a kind of marketing refused alone in more words (an event, a survey, a day's texts: "no more clearance event
texts", "ya no más textos de encuestas", "quit with the saturday night texts"), texts asked fewer or later, a kind
refused beside another welcomed, the replier only driving or minding children, "is this a spam text", e-mail
preferred, "en domingo no", another person signed up ("la que se inscribió fue mi hermana"), "¿por qué me llega?",
texts counted today; a keyword before a question without its mark ("Stop. Did my order ship", "Baja. a qué hora
abren"). Messages: "ya no necesito" a thing, Spam put on a dish, a STOP said to another business beside coupons kept
coming, calls refused beside this cell fine to text, where to get off a bus ("dónde bajarme").
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thank you so much but STOP", "opt_out"),  # courtesy of any wording, then "but"
        ("Thank you for everything but stop", "opt_out"),
        ("Sorry but help", "help"),
        ("STOP and that's final", "opt_out"),
        ("Baja. Que Dios me le bendiga", "opt_out"),
        ("parar porfa, bendiciones para ti y tu familia", "opt_out"),
        ("Cancelar. Atte. Ramiro Ortiz, camionero", "opt_out"),  # a signer's trade
        ("Remove. Regards, Dee Park, mechanic", "opt_out"),
        ("Stop but keep the deals", "review"),  # a "but" before words of their own is no courtesy
        ("I like you guys but stop", "opt_out"),  # liking said before a "but" is courtesy too (round 40)
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please stop asking me for reviews by text", "opt_out"),
        ("stop asking me to rate you over text", "opt_out"),
        ("please stop asking me questions", "message"),  # no texts named
        ("Stop. Did my package ship", "review"),  # a keyword before a question without its mark
        ("Baja. a qué hora cierran hoy", "review"),
        ("STOP. did you not hear me", "opt_out"),  # a complaint, not a question of its own
        ("no more sweepstakes event texts", "review"),  # a kind of marketing refused alone
        ("no más mensajes de rifas", "review"),
        ("stop the sunday morning texts please", "review"),
        ("ya no más mensajes", "opt_out"),
        ("can you text me less please", "review"),  # fewer texts, or later
        ("could the texts come after 5 instead", "review"),
        ("can you text less-confusing directions lol", "message"),
        ("promos no, the coupons yes", "review"),
        ("I just watch the dog for them", "review"),  # the replier only minding
        ("this is the babysitter's phone", "review"),
        ("hmm is this spam", "review"),
        ("mejor por correo, ¿sí?", "review"),
        ("los sábados no, por favor", "review"),
        ("los sábados no abren?", "message"),
        ("el que se registró fue mi hijo", "review"),  # another person signed up
        ("oigan, ¿por qué me llega esto?", "review"),
        ("ya van tres mensajes hoy", "review"),
        ("ya llevo cinco mensajes de ustedes hoy", "review"),
    ],
)
def test_phrases(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya no necesito las vendas, ya sané", "message"),  # a thing no longer needed
        ("ya no necesito los mensajes, gracias", "opt_out"),
        ("could you put spam on the fried rice instead of chicken", "message"),
        ("I said STOP to the other gym, keep the deals coming", "message"),
        ("keep em coming... NOT. stop", "opt_out"),
        ("stop calling my office please, my cell is fine to text", "message"),
        ("¿en qué parada me bajo? para saber dónde bajarme", "message"),
        ("bájenme de la lista", "opt_out"),
    ],
)
def test_messages(text, expected):
    assert label_of(text) == expected
