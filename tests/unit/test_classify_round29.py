"""Round 29 (on the spent sets 72-76): a keyword signed as a letter is (a sign-off, then a name, a credential, a
company, a town, split by commas, bars or lines; a greeting line above it), more words of address from Central
America; and rules: the sender blocked ("going straight to my blocked contacts", "los acabo de bloquear"), a pause
until a season, a STOP beside a count of texts, "cero mensajes de aquí en adelante", "so stop"; Spam the food and the
spam folder, spam asked about beside a refusal, lists of another kind in Spanish, a relative's advice to send STOP
beside texts wanted, a stop that is a part or a button, "baja" as low or said of someone else; queued: a provider
switched, a count of texts a day, one kind of texts refused ("skip the surveys"), texts welcomed but not on a day.
Examples are this file's own, not rows of the sets."""

from __future__ import annotations

import pytest

from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop. Regards, Nora Quinlan, Quinlan Feed & Seed", "opt_out"),  # a sign-off, a name, a company
        ("Help. Thank you, Earl Pruitt, Dime Box TX", "help"),  # a town after the signer
        ("Cancel. Respectfully, Rev. Thomas Aguirre, D.Min.", "opt_out"),  # a credential
        ("Remove - Dwayne Tibbs, Tibbs Hauling", "opt_out"),  # a dash before the signer
        ("Info. -Lou K.", "help"),
        ("Stop. Best, J. Okafor | Fleet Manager | Okafor Freight", "opt_out"),
        ("Hello,\n\nUnsubscribe.\n\nKind regards,\nMarta Silva, CPA\nSilva Tax Group", "opt_out"),  # a greeting line
        ("Estimado señor:\nBaja, por favor.\nReciba un cordial saludo.\nLic. Raúl Treviño\nSaltillo, Coah.", "opt_out"),
        ("Parar. Gracias, el abuelito Chema", "opt_out"),  # a relation, lower case
        ("END - Capt. Rhonda Fields, Station 9", "opt_out"),
        ("Cancel - Tuesday & Thursday", "message"),  # days are what is cancelled, as before
        ("Cancel - Monday & Friday", "message"),
        ("Help. Thanks, stop texting my husband", "review"),  # a request after the sign-off is no signer
        ("Baja cipote", "opt_out"),  # words of address from Central America
        ("ALTO chele", "opt_out"),
        ("Stop vato", "opt_out"),
        ("Ayuda chavalo", "help"),
        ("STOP darlin", "opt_out"),
        ("baja al toque", "opt_out"),
        ("stop it rn", "opt_out"),
        ("Morning! Stop. Take care", "opt_out"),
    ],
)
def test_keywords(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("your number is going right into my blocked contacts", "opt_out"),
        ("ya, las acabo de bloquear", "opt_out"),
        ("pause the texts till the new year, no messages until then", "opt_out"),
        ("pausen los mensajes un mes, nada de textos hasta entonces", "opt_out"),
        ("stop already, this is text number 6 this week", "opt_out"),
        ("cero mensajes de aquí en adelante, gracias", "opt_out"),
        ("I never asked for these, so stop", "opt_out"),
        ("no me los sigan mandando, gracias", "opt_out"),
        ("whats the code to get off your text list", "opt_out"),
        ("stop now or I'm reporting you", "opt_out"),
        ("los vamos a reportar si siguen", "opt_out"),
        ("lo voy a reportar si sigue la fuga", "review"),  # "it": a leak, not the texts (queued as before)
        ("¿es spam? ya no me escriban", "opt_out"),  # spam asked about beside a refusal
        ("got a weird text asking for my pin. Spam?", "message"),
        ("le puse spam al arroz y quedó bien rico", "message"),
        ("do the musubis come with spam or chicken?", "message"),
        ("se me fue a la bandeja de spam el recibo", "message"),
        ("sorry for the spam, sending the last photo now", "message"),
        ("the other shop sends spam all day, yours are fine", "message"),
        ("sáquenme de la hoja de padres voluntarias del viernes, tengo turno", "message"),
        ("what time till the end of the sale?", "message"),
        ("text me when you're at the end of the block", "message"),  # as before: not a masked cue
        ("my daughter says I should text STOP but I like the coupons, keep me on", "message"),
        ("mi hijo me dijo que les mandara stop pero me gusta recibir las ofertas", "message"),
        ("the display said STOP and the card got stuck", "message"),
        ("¿venden el foco del stop para una Tacoma?", "message"),
        ("¿cuál es la próxima parada? the next stop is mine", "message"),
        ("¿tienen galletas bajas en azúcar?", "message"),
        ("la dieron de baja del equipo por las calificaciones", "message"),
        ("I switched to the Chevron rewards", "review"),  # a provider switched, alone
        ("I went to the wrong location, sorry", "message"),
        ("ya no compro ahí, me queda lejos", "review"),
        ("that's 5 texts today", "review"),
        ("texts are fine, just not on weekends", "review"),
        ("deals are fine but skip the surveys", "review"),
        ("does replying stop cancel my membership too?", "review"),
        ("Мы больше не ходим в этот клуб", "review"),  # a relationship over, in Russian: queued
        ("больше не надо, спасибо", "opt_out"),
    ],
)
def test_round29_rules(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unsubscribe. Atte. Ing. Saúl Rendón Garza", "opt_out"),  # a closing before the name on its part
        ("Baja por favor. Sra. Leonor Ybarra, Reynosa, Tamps.", "opt_out"),  # a title, no sign-off
        ("Cancel. God bless. Earline Booker, Tupelo", "opt_out"),  # a blessing, then the signer
        ("Distinguidos señores: baja. Atentamente, Dra. Olga Meza", "opt_out"),  # a salutation before a colon
        ("Stop. Regards, April and Dale Merritt, Ada OK", "opt_out"),  # a month's name is a signer after a sign-off
        ("Stop honey, thanks", "opt_out"),
        ("Baja, qué pena con usted", "opt_out"),
        ("¿se pierde mi número si renuevo la placa?", "message"),
        ("do you sell spam or only fresh meat?", "message"),
        ("my email filter flagged your invoice as spam, can you resend?", "message"),
        ("my knees said stop after the third set lol", "message"),
    ],
)
def test_round29_after_the_spent_sets_67_71(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cancel.\n\nBest,\nTom Reyes, PE\nReyes Civil Group\n(210) 555-0147\nSent from my iPhone", "opt_out"),
        ("Baja\n--\nLic. Ana Ruiz | Directora | Grupo Ruiz & Asoc.\nTel. 555 201 3344\nana@gruporuiz.mx", "opt_out"),
        ("Stop. Thanks Sunny Side Dental, have a great day", "opt_out"),  # a farewell after the signer
        ("Buenas tardes. Baja por favor. Gracias y bendiciones para usted y su familia. Sra. Inés Lara", "opt_out"),
        ("Quit, coach. Thanks", "opt_out"),
        ("Parar pastora, Dios la bendiga", "opt_out"),
        ("baja puchis", "opt_out"),
        ("Cancelar ahorita mismo", "opt_out"),
        ("Cancelar vale", "opt_out"),
        ("Perdón, baja. Que pase buena noche", "opt_out"),
        ("blocked lmao bye", "opt_out"),
        ("stop all this texting", "opt_out"),
        ("this number does not want your messages", "opt_out"),
        ("ya no me envíen invitaciones, gracias", "opt_out"),
        ("no me manden invitaciones por correo, ya las tengo", "message"),  # mail, as before
        ("ya no por mensaje de texto, todo por correo", "opt_out"),
        ("this isn't Omar, wrong number. remove it", "opt_out"),
        ("you can stop mailing the catalog, I see everything in the texts", "message"),
        ("ya voy a dejar de molestarlos jaja, gracias por todo", "message"),
        ("necesito quitarme de encima al vecino jaja", "message"),
        ("do you buy spam cans? I have a bunch", "message"),
        ("the spam was dented but fine", "message"),
        ("un número raro me manda spam con su nombre", "message"),
        ("can you text after 6? I'm at work", "review"),
        ("mándenme los mensajes solo en la tarde", "review"),
        ("the mechanic ruined my truck, never coming back", "review"),
        ("cada mensaje me lo cobran", "review"),
        ("I don't have a son, you have the wrong family", "review"),
        ("which bus stop is closest? we don't have a car", "message"),  # as before
        ("I no longer need the 9am, 11 works", "message"),
    ],
)
def test_round29_after_the_sets_77_81(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INFO - Rosa, caregiver", "help"),  # a role after the signer
        ("Cancel thank you Sincerely Opal Mae Jenkins", "opt_out"),  # a sign-off without punctuation
        ("Stop - Col. D. Marsh (ret.)", "opt_out"),  # a note in brackets after the name
        ("Baja porfa. Depto 12, Sr. Tomás Vera", "opt_out"),  # a unit before a titled name
        ("Cancel my appointment sincerely", "message"),  # as before: what is cancelled
        ("Baja po", "opt_out"),  # Chilean emphasis
        ("parar altiro", "opt_out"),
        ("dejen de estar mandando mensajes", "opt_out"),
        ("take my name and phone off your list", "opt_out"),
        ("otro mensajito y los reporto", "opt_out"),
        ("ما بدي رسائل منكم", "opt_out"),
        ("sáquenme del equipo del sábado, no puedo ir", "message"),  # a team, not the texts
        ("I said stop to a different shop by mistake, keep me on yours", "message"),
        ("I almost texted STOP out of habit, but I want these", "message"),
        ("I'll quit texting you after this one, promise", "message"),
        ("do you take spam and other canned food for the drive?", "message"),
        ("can the app block alerts from the garage sensor?", "message"),
        ("nomás los de emergencia, porfa", "review"),
    ],
)
def test_round29_after_the_sets_82_86(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "la presión me salió baja otra vez",
        "la batería se me baja en dos horas",
        "bájale un poco al chile para la próxima",
        "my door stop cracked, do you sell them?",
        "the wipers won't stop squeaking",
        "¿tienen llaves de paso de media?",
    ],
)
def test_round29_parts_and_low_things_are_messages(text):
    assert label_of(text) == "message"
