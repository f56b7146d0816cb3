"""Round 58 (on the sets 243-246, read once on 3beb2a8): a radio's "over" after a keyword; "mi dushi"; a signer's role
or department after CANCEL or REMOVE and more trades' roles; "see y'all at the hall", "yous were always fair",
diminutive greetings and thanks, vosotros wishes, a Ladino blessing; a stop word of everyday meaning alone beside a
reason of the replier's own is queued. Unclear replies queued: someone else orders now, the replier is only crew,
another provider now, out of the trade, away until a season, texts limited to some times, a membership frozen, the
phone belonging to the company. Requests: "turn off these flower texts", "adding you to my blocked list", "get the
texts off my phone", "this number doesn't want texts", "text me no more", "¿dónde se aprieta para no recibir...?",
threats with more words between; Ladino spellings read as Spanish; French and Tagalog requests. Fewer false
opt-outs: praise of a thing in new words, Spam on the shelf, the texts' own instructions told of. Examples are this
file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # keywords
        ("Stop, over", "opt_out"),
        ("Help, over", "help"),
        ("Help, it's leaking oil all over the garage floor", "message"),
        ("Ayuda mi dushi", "help"),
        ("CANCEL - Rosa Ibarra, autoelevadorista, turno noche", "opt_out"),
        ("Remove. Take care. Ken Ortiz, dispatch desk, 606-555-0134", "opt_out"),
        ("End - Tom Pike, inside wireman", "opt_out"),
        ("Cancel, thanks. See you at the lodge", "opt_out"),
        ("Remove please. Y'all were always good to us", "opt_out"),
        ("Baja. Un saludito desde Jaca", "opt_out"),
        ("Cancelar, gracicas. Que tengáis buen verano", "opt_out"),
        ("Alto por favor, ke el Dio vos guadre", "opt_out"),
        # a stop word of everyday meaning beside a reason
        ("Cancel. We're moving to Duluth in May", "review"),
        ("Cancel. I mean cancel my table, not the texts", "message"),
        # unclear replies
        ("My daughter handles the bookings now", "review"),
        ("I'm just crew, the skipper does the ordering", "review"),
        ("We went with the guy in Helena for the mount", "review"),
        ("Me cambié al taller de mi compadre", "review"),
        ("Ahora compro la leña en el mercado de Jaca", "review"),
        ("Left the roofing game, I drive a bus now", "review"),
        ("I'm on maternity leave till the spring", "review"),
        ("text me on weekends only", "review"),
        ("Congelé la membresía hasta abril", "review"),
        ("this phone is the company's, ask the office", "review"),
        ("no calls please, text only", "message"),
        ("Can I pause my membership while I'm deployed?", "message"),
        ("I'm just the babysitter, no idea what this order is", "review"),
        ("how does your office have my number", "review"),
        ("only text me the morning of the cleaning, that's it", "review"),
        ("text me the night before the delivery please, the gate code changes", "message"),
        ("Retired in June, hung up the badge for good", "review"),
        # requests
        ("How can I turn off these garden center texts?", "opt_out"),
        ("I'm adding you to my blocked list", "opt_out"),
        ("Get the Riverside texts off my phone please", "opt_out"),
        ("This number doesn't want texts anymore", "opt_out"),
        ("Text me no more, thanks", "opt_out"),
        ("¿Dónde se aprieta para no recibir más mensajes?", "opt_out"),
        ("One more text from this number and I'm filing a complaint with the state", "opt_out"),
        ("Ya no kero mesajes", "opt_out"),
        ("No me eskrivan mas", "opt_out"),
        ("Enlevez-moi de votre liste, merci", "opt_out"),
        ("Pakibura po ang number ko", "opt_out"),
        ("soy su hijo, mi papá ya no quiere textos en este celular", "opt_out"),
        ("Este número es de mi abuela, y ya no quiere recibir mensajes", "opt_out"),
        # not revocations
        ("Stop, that brisket is insane", "message"),
        ("STOP, qué golazo el de anoche", "message"),
        ("¿Les queda spam en lata?", "message"),
        ("Dice que mande BAJA para darme de baja, pero solo quiero cambiar la hora", "message"),
    ],
)
def test_round58(text: str, expected: str) -> None:
    check(text, expected)
