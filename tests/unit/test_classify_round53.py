"""Round 53 (on the sets 224-226, read once on 735ef7d, and 223, read once on it after): a return beside START or
UNSTOP said more ways; good wishes on news; a trade's season or luck wished after a keyword; "que le vaya ..." and
"God love ya" as farewells; a signer's shift, a unit with its place, a parish office; "do the needful"; Ghanaian
"charley"; dropped g's and "dese"; "finna be blocked"; "how does one stop"; more negations before a stop word; Spanish
praise after a STOP of delight; a subscription to the texts cancelled; "ya páralos"; blocking said more ways; "ni ahí
con", "no me interesa que me escriban"; how to leave the texts; a question tag after a request. Examples are this
file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a return beside START or UNSTOP, news congratulated
        ("UNSTOP pls, back on the job", "opt_in"),
        ("START por favor, que ya estamos de regreso de Cancún", "opt_in"),
        ("Start porfa, recién llegué de Lima", "opt_in"),
        ("START please, back down from the cabin", "opt_in"),
        ("UNSTOP. Congrats on the second location!", "opt_in"),
        # wishes and farewells after a keyword
        ("END. You all have a good deer season", "opt_out"),
        ("Cancel. Enjoy the crawfish festival", "opt_out"),
        ("STOP. Thanks and good luck", "opt_out"),
        ("Baja. Que les vaya bonito", "opt_out"),
        ("Remove. God love you", "opt_out"),
        ("Remove. Please do the needful", "opt_out"),
        ("STOP pls chale", "opt_out"),
        # signers: a shift, a unit and where it is, an office
        ("HELP - Ama, turno de la tarde en la bodega", "help"),
        ("STOP - Lou, usher, Sunday shift", "opt_out"),
        ("Cancel - Saturday shift", "message"),  # the shift may be what is cancelled
        ("Help pls - Nico, pew 12 at St. Anne", "help"),
        ("INFO - Dot, church office", "help"),
        ("STOP - Ana Ruiz, +1 956-555-0142", "opt_out"),  # one phone pattern for signatures and clauses
        ("START. SSG Hill, Harlingen station, +1 956 555 0142", "opt_in"),
        # dropped g's, "dese", "finna", "how does one"
        ("if I get one more text I'm blockin this number", "opt_out"),
        ("how I stop dese texts", "opt_out"),
        ("you finna be blocked fr", "opt_out"),
        ("How does one unsubscribe from these texts?", "opt_out"),
        ("which one stop is the closest to the store?", "message"),
        ("Can't stop gettin compliments on the cake", "message"),
        ("can't stop getting these texts, make it end", "opt_out"),
        # a negation before the stop word, praise after a STOP of delight
        ("Don't y'all ever stop sending the Friday deals", "review"),
        ("no la vayan a dar de baja, ella sí quiere los avisos", "message"),
        ("STOP, qué bonitas las flores del arreglo", "message"),
        # a subscription to the texts cancelled, "stop them"
        ("Cancela mi suscripción a los mensajes, gracias", "opt_out"),
        ("Cancelen la suscripción a la revista", "message"),
        ("ya me salí y siguen llegando, ya párenlos", "opt_out"),
        # blocking said more ways
        ("Bloqueados quedan, compas", "opt_out"),
        ("mi tarjeta quedó bloqueada, ¿me cobran igual?", "message"),
        ("este número se va directito a bloqueados", "opt_out"),
        ("ya los puse en la lista negra", "opt_out"),
        ("adding this number to my block list", "opt_out"),
        # not wanted, how to leave
        ("ni ahí con recibir promociones, loco", "opt_out"),
        ("No nos interesa que nos manden mensajes", "opt_out"),
        ("¿Cómo me quito de sus mensajes, chamo?", "opt_out"),
        ("how do I get off this coupon text thing", "opt_out"),
        # a question tag after a request asks nothing; a question does
        ("ya no me manden nada, ¿eh?", "opt_out"),
        ("stop texting me, ok?", "opt_out"),
        ("got a text asking for my PIN, that's spam right?", "message"),
        ("ya no me escriban? por qué?", "review"),
    ],
)
def test_round53(text: str, expected: str) -> None:
    check(text, expected)
