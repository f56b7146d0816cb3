"""Classes of round 8 of issue 12, revocation side (found on spent sets: heldout3 to heldout5, tuning3 and tuning4).

Each class is tested with sentences of its own, not the rows it was found on, and with hard negatives beside it: the
rule is for the class. The labels follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import pytest

from optledger.classify_phrases import _patterns
from optledger.near_words import edits
from optledger.reply_rules import expand, phrase_data, rule_starts
from optledger.reply_text import canonical, fold
from tests.support.replies import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a slip of the thumb in the object word: one edit from "texting", "messages", "mensajes", "suscripcion"
        *(("pls stop textign me", "opt_out"), ("quit messagin me", "opt_out"), ("stop sneding me texts", "opt_out")),
        *(("ya no quiero mensjaes", "opt_out"), ("cancelar suscrpcion", "opt_out")),
        ("quit sendin me stuff", "opt_out"),
        # ...but a word of its own is never corrected: testing, taxing, vexing, masajes are what they say
        *(("stop testing me lol", "message"), ("stop taxing the poor", "message")),
        ("me encantan los masajes", "message"),
        ("cancela as mensagens por favor", "opt_out"),  # Portuguese, read by its own rule, not as Spanish
    ],
)
def test_slips_of_the_thumb_on_the_object_word(text, expected):
    check(text, expected)


def test_edit_distance_is_bounded_and_counts_a_swap_as_one():
    assert edits("txeting", "texting", 1) == 1
    assert edits("texing", "texting", 1) == 1
    assert edits("mensagens", "messages", 1) == 2  # over the bound: bound + 1
    assert edits("kitten", "sitting", 5) == 3


def test_a_stretched_abbreviation_is_the_abbreviation_and_short_runs_are_not():
    assert canonical(fold("STAWWWP")) == "stop"
    assert canonical(fold("mm ok")) == "mm ok"  # not "me ok"
    assert canonical(fold("xx")) == "xx"  # not "por"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish: not to send, in the subjunctive, the progressive, "volver a" and "ya no hace falta"
        *(("ya no me estén escribiendo porfa", "opt_out"), ("no me sigan texteando", "opt_out")),
        *(("ya no me texteen", "opt_out"), ("no nos vuelvan a contactar", "opt_out")),
        ("ya no es necesario que me manden nada", "opt_out"),
        ("les pido que cesen el envío de mensajes", "opt_out"),
        ("como dejo de recibir sus promociones", "opt_out"),
        ("cómo le hago para ya no recibir esto", "opt_out"),
        # indicative and past are statements: the texts stopped, or never came
        *(("ya no me mandan las ofertas, por qué?", "message"), ("no me mandaron el código", "message")),
        ("no me escribe desde el lunes mi hermana", "message"),
    ],
)
def test_spanish_send_verbs_by_their_mood(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # removal verbs with a clitic, in every person: quitadme, sáquennos, bórrenme, retírenme
        *(("sacadme de la lista ya", "opt_out"), ("bórrennos de sus contactos", "opt_out")),
        *(("retírenme por favor", "opt_out"), ("eliminadme, gracias", "opt_out")),
        ("retiren este número de sus listas", "opt_out"),
        ("solicitamos la baja de este teléfono", "opt_out"),
        # the same verbs removing something from the replier, or from a shift or a photo, are something else
        *(("quítame la cita del martes", "message"), ("sácame una foto bonita", "message")),
        *(("bórrame del horario del domingo", "message"), ("sáquenme del turno de la noche", "message")),
        ("dale de baja a la tarjeta de mi hijo", "message"),
    ],
)
def test_spanish_removal_verbs_and_what_they_remove(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # revoke as a consent verb: its object is consent, the texts, a sign-up; or the replier revokes, full stop
        *(("I revoke permission to text me", "opt_out"), ("revoking my opt in", "opt_out")),
        *(("we hereby revoke", "opt_out"), ("revoke all texts", "opt_out")),
        # revoke of a licence, a card, an access, a privilege, or said of somebody else: not a revocation
        *(("they revoked my parking permit?", "message"), ("did the bank revoke the old card", "message")),
        ("my access got revoked at work lol", "message"),
    ],
)
def test_revoke_only_as_a_consent_verb(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # stop as a transit noun: the/my/nearest stop, a stop's number or request button, a street's stop
        "which is the nearest stop to the library",
        "I'm waiting at the stop by the pharmacy",
        "the driver passed my stop again",
        "is the Oak Ave stop still closed?",
        "stop number 4410 has no shelter",
        "the stop request bell doesn't ring",
        # stopping as a driver does, and texts that did not arrive
        "my car rattles every time I stop",
        "whenever we stop the dog barks",
        "no message came through about my order",
        "no need to text me back, I'll see you there",
    ],
)
def test_stop_as_a_place_or_a_motion_is_a_message(text):
    check(text, "message")


@pytest.mark.parametrize(
    "text",
    [
        # the transit traps leave stop requests about the texts alone
        "make these messages stop",
        "I need the texts to stop",
        "can you stop for a while",
        # a refusal of texts that ends its clause, another channel beside it, or a time limit
        "no texting thanks, call me instead",
        "no more messages for now please",
        "mensajes ya no, gracias",
        # asking how to get off, or what to reply
        "how can I get off this list",
        "what should I text to unsubscribe",
        "is there any way to stop these",
        # no need any more, formally or not
        "there's no need to message me anymore",
        "please could you no longer text this number",
        # shouted at the texts, slips in the verb
        "shut up with the messages",
        "STAWWWP",
        # told to stop, all contact ceased, taken off "of" this
        "y'all really need to stop",
        "I'm asking you to stop",
        "cease any further communication",
        "pls take me off of this",
        "dejen de spamearme",
    ],
)
def test_more_ways_to_say_stop_texting(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    ["you need to stop by the front desk", "take me off of the Sunday schedule", "you really need to stop at the deli"],
)
def test_the_same_verbs_about_something_else(text):
    check(text, "message")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kana voicing marks and Indic vowel signs spell the word: kept, so the rules of those scripts can read it
        ("メッセージを送らないで", "opt_out"),
        ("配信を停止してください", "opt_out"),
        ("मुझे मैसेज मत भेजो", "opt_out"),
        ("कृपया संदेश भेजना बंद करो", "opt_out"),
        ("प्रसज्ञ", "review"),  # Devanagari the rules do not read: queued
        # languages read by their verb and object
        ("proszę przestańcie pisać", "opt_out"),
        ("mesh 3ayez rasa2el", "opt_out"),
        ("wa2efu el messages", "opt_out"),
    ],
)
def test_other_languages_by_verb_and_object(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lone STOP before a question left without its mark: queued, like one with it
        ("STOP. what time is pickup", "review"),
        ("Stop. how much is the large pizza", "review"),
        # "how many times" and "what the" are complaints, not questions of their own: the STOP stands
        ("Stop. How many times do I have to ask", "opt_out"),
    ],
)
def test_a_stop_before_a_question_without_its_mark(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # texts welcomed, then taken back ("...NOT"): the welcome is sarcasm and the STOP stands
        ("love getting 5 texts a day, keep them coming. not. STOP", "opt_out"),
        ("keep them coming! the deals are great", "message"),
    ],
)
def test_a_welcome_taken_back_is_no_welcome(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # marked or reported as junk, the number blocked, contact refused, leave to stop given
        *("flagged you as junk", "blocking your number now", "no contact at all please", "u can stop now thanks"),
        # a time limit in weeks or days is still only a time limit
        "no messages for the next few days please",
        # Spanish: neither calls nor texts, said already, b for v in the verb, "ni mensajes" ending its clause
        *("ni correos ni mensajes", "ya les dije que basta", "dejen de escrivirme porfavor"),
        "no me interesa nada, ni mensajes",
    ],
)
def test_revocations_of_round_8_tuning(text):
    check(text, "opt_out")


@pytest.mark.parametrize(
    "text",
    [
        # the footer's keyword in quotes, a sign that says stop, a stop of work, STOP in praise
        'the "opt out" link in the email is broken',
        'it said "text STOP to end" but I only want to change my order',
        "the sign at the gate says stop, do I wait?",
        "stop the repairs until I approve the quote",
        "STOP you all are hilarious",
        # the old number deleted, the new one kept
        "borren mi teléfono anterior, ahora uso este",
    ],
)
def test_hard_negatives_of_round_8_tuning(text):
    check(text, "message")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a keyword phrase alone before a question, like a lone STOP: queued; with words of its own it stands
        ("Unsubscribe? who even are you people", "review"),
        ("UNSUBSCRIBE. when does the store open", "review"),
        ("unsubscribe me. why do you text so much?", "opt_out"),
        # do-not-call alone is about calls; with texts named, or DNC, it is a revocation
        ("put me on your do not call list", "review"),
        ("put me on your do not call list, no texts either", "opt_out"),
        ("add this number to your DNC", "opt_out"),
        # a limit said in sarcasm limits nothing
        ("nothing better than texts at 7am, said nobody. unsubscribe", "opt_out"),
        ("stop texting me at 7am", "review"),
    ],
)
def test_keyword_before_question_calls_alone_and_sarcasm(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a doubled letter undone when it gives an English or Spanish word: the rules and the traps read it
        ("pleasee stopp textting me", "opt_out"),
        ("ya no me envvíes nada", "opt_out"),
        ("it says repply STOP to opt out, I only want my receipt", "message"),
        # ...but not in a reply in another language, whose own words it would hide
        ("Bonne nuit à tous", "review"),
        ("falsche Nummer", "review"),
    ],
)
def test_a_doubled_letter_undone_only_in_english_or_spanish(text, expected):
    check(text, expected)


def test_every_clause_rule_starts_with_a_word_the_reader_looks_for():
    # the clause rules are searched only when the reply has one of the words they start with (derived from them)
    clause_starts = _patterns().clause_starts
    assert clause_starts is not None
    for pattern in phrase_data()["phrases"]["clause"]:
        starts = rule_starts(expand(pattern))
        assert starts, pattern
        assert {start.strip() for start in starts} <= {start.strip() for start in clause_starts.starts}, pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # good on the texts, passing on them, done with them, this has to stop, stop with all this
        *(("we're all set on the messages, thanks", "opt_out"), ("gonna pass on the texts", "opt_out")),
        *(("done with the messages", "opt_out"), ("these texts need to stop", "opt_out")),
        *(("enough with all this", "opt_out"), ("I need you to stop", "opt_out")),
        ("no more of this thanks", "opt_out"),
        # the same shapes about something else, or asked of somebody
        *(("I'll pass on the upgrade", "message"), ("we will pass on the messages to him", "message")),
        ("did you finish with the texts for the flyer?", "message"),
        ("the leak needs to stop before Friday", "review"),
        # Spanish: "salir" alone, "ya estuvo con los mensajes"; "tantos" asks for fewer (queued, not honoured)
        *(("Salir", "opt_out"), ("ya chole con sus mensajes", "opt_out")),
        ("ya estuvo bueno con tantos mensajes", "review"),
    ],
)
def test_more_revocations_of_my_own_wording(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leave me the heck alone", "opt_out"),
        ("just leave us alone", "opt_out"),
        ("leave me out of this", "opt_out"),
        ("leave me out of the carpool photo", "message"),
    ],
)
def test_leave_me_alone_with_emphasis_and_left_out_of_something_else(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no me manden X": X something else than the texts (photos, memes, a technician) is a message
        *(("ya no me mandes videos del perro jaja", "message"), ("no me sigan mandando técnicos nuevos", "message")),
        ("no hace falta que me manden al plomero", "message"),
        # ...nothing, no more, ads or stuff is the texts
        *(("ya no me manden nada porfa", "opt_out"), ("no me manden publicidad", "opt_out")),
        ("no me sigan mandando cosas", "opt_out"),
    ],
)
def test_spanish_not_to_send_and_its_object(text, expected):
    check(text, expected)


def test_a_word_far_longer_than_every_word_of_the_rules_is_no_slip_and_costs_nothing():
    # Given the index of the rules' words, When a word is 5,000 letters long (hostile input), Then no deletions of it
    # are listed (they would be millions) and it is no slip
    from optledger.near_words import NearWords

    near = NearWords(["texting", "unsubscribe"])
    assert near.nearest("texing") == "texting"
    assert near.nearest("unsubscrbie") == "unsubscribe"
    assert near.nearest("x" * 5000) is None
    assert near.nearest("unsubscribexxx") is None  # three letters over the longest
