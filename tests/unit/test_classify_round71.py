"""Round 71 (on the sets 295-298, read once on 6621a93 and a611cd5): asides beside a keyword: Asturian "ho", a wish
after "y" ("y buen camino", "y buena feria"), the season hoped sweet ("Hope the syrup runs sweet"), "if you would be so
kind", a mooring by its number. Revocations: a kind of texts taken off the phone, Asturian "mensaxes", "os meto en
bloqueados", the SMS of a place not wanted, a complaint threatened if the texts go on ("os pongo una hoja de
reclamaciones"), the business sent to the blocked list if they go on, a threat to call the phone company after one
more of any kind, a number off the text list, texts not needed, "¿cómo se quita uno de estos avisos?", "fuera mi
número de vuestra lista", "directos a bloqueados", a business's number taken off vendor texts, texts no longer
needed, a report to the carrier threatened, "acabo de meter este número en la lista negra", "se acabaron los SMS",
"ningún SMS más", a complaint of the texts with a request, a threat to call the phone company in Spanish, a Korean
request to delete the number. Messages: "no se os ocurra dejar de mandar", pallets taken off a delivery, a pass or a
licence given "de baja", a street blocked, a text landed in spam, Spam said better than ham, praise after STOP
("perfection", "the cutest thing I've seen", "de postal"). Queued: another person's number taken off a list, a
complaint of the texts alone. Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baja ho, gracias", "opt_out"),
        ("Baja y buen viaje", "opt_out"),
        ("Parar, gracias, y buena fiesta", "opt_out"),
        ("End. Hope the syrup runs sweet this spring", "opt_out"),
        ("HELP, if you would be so kind", "help"),
        ("HELP - Capt. Ruth Ames, mooring 12", "help"),
        ("Take the ferry texts off my phone please", "opt_out"),
        ("Dejad de mandame mensaxes", "opt_out"),
        ("Os meto en bloqueados, pesados", "opt_out"),
        ("Los SMS de la bodega no me interesan", "opt_out"),
        ("Si seguís mandando mensajes os pongo una reclamación", "opt_out"),
        ("Si siguen con los mensajes, se van directo a bloqueados", "opt_out"),
        ("One more coupon and I'm calling my carrier", "opt_out"),
        ("Remove my number from text list", "opt_out"),
        ("Texts not needed, thanks", "opt_out"),
        ("¿Cómo se quita uno de estos mensajes?", "opt_out"),
        ("Fuera mi número de vuestra lista, gracias", "opt_out"),
        ("Directos a bloqueados vais", "opt_out"),
        ("Please take our shop number off your vendor texts", "opt_out"),
        ("Don't need these coupon texts anymore", "opt_out"),
        ("I'm going to report this number to my carrier if the texts keep coming", "opt_out"),
        ("Acabo de meter este número en la lista negra", "opt_out"),
        ("Se acabaron los SMS para mí", "opt_out"),
        ("Ningún SMS más, por favor", "opt_out"),
        ("Me tenéis harto con los mensajes, dejadlo ya", "opt_out"),
        ("Otro SMS más y llamo a la compañía del móvil", "opt_out"),
        ("제 번호를 목록에서 삭제해 주세요", "opt_out"),
        ("No se os ocurra dejar de mandar los avisos del coro", "message"),
        ("Quitadme dos palés del pedido del lunes", "message"),
        ("Dadme de baja el abono de julio, me voy fuera", "message"),
        ("Las calles del centro están bloqueadas, ¿por dónde entro?", "message"),
        ("El aviso me ha llegado como spam, ¿es vuestro?", "message"),
        ("Mi cuñado dice que el spam es mejor que vuestro chorizo", "message"),
        ("Stop, that duet last night was perfection", "message"),
        ("STOP, those lamb photos are the cutest thing I've seen today", "message"),
        ("STOP, qué vistas las del mirador, de postal", "message"),
        ("Take my daughter's number off your list, she moved", "review"),
        ("Ya me tienen harto con tanto mensaje", "review"),
    ],
)
def test_round71(text: str, expected: str) -> None:
    check(text, expected)
