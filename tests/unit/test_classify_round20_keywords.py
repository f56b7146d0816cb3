"""Round 20 (keywords): the business's own name beside a keyword, a code copied from the text, one slip in a keyword,
app footers, longer sign-offs, Spanish courtesy. Examples are this file's own, not rows of the evaluation sets."""

from __future__ import annotations

import pytest

from optledger.reply_names import without_name
from tests.support.replies import label_of


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("STOP Harbor Dental", ("Harbor Dental",), "opt_out"),
        ("harbor dental - stop pls", ("Harbor Dental",), "opt_out"),
        ("HELP Harbor Dental", ("Harbor Dental",), "help"),
        ("START - Quikwash", ("Quikwash Laundry",), "opt_in"),
        ("stop quikwash", ("Quikwash Laundry",), "opt_out"),  # a word no dictionary knows: the name said short
        ("STOP Rositas", ("Rosita's Bakery",), "opt_out"),  # its first word, written without the apostrophe
        ("stop golden spoon thanks", ("Golden Spoon Diner",), "opt_out"),  # its first two words
        ("baja Panadería Lupita gracias", ("Panadería Lupita",), "opt_out"),
        ("STOP WKRP", ("WKRP 101.5",), "opt_out"),
        ("HELP for Harbor Dental", ("Harbor Dental",), "help"),  # a word leading to the name goes with it
        ("baja de Panadería Lupita", ("Panadería Lupita",), "opt_out"),
        ("stop at Harbor Dental", ("Harbor Dental",), "message"),  # a place: not a keyword beside a name
        # names given but not named, or named in a sentence that is something else
        ("STOP", ("Harbor Dental",), "opt_out"),
        ("I'll stop by Harbor Dental at noon", ("Harbor Dental",), "message"),
        ("cancel order", ("Order Updates",), "message"),  # ordinary words of a name are what the sentence says
        ("I love Harbor Dental, don't stop the reminders", ("Harbor Dental",), "message"),
        ("Harbor Dental", ("Harbor Dental",), "message"),
        # a sentence naming the business reads as it would with the name said "this"
        ("please unsubscribe me from Golden Spoon Diner", ("Golden Spoon Diner",), "opt_out"),
        ("why does Golden Spoon Diner keep texting me", ("Golden Spoon Diner",), "review"),
    ],
)
def test_the_business_name_only_says_which_sender_is_meant(text, names, expected):
    assert label_of(text, names) == expected


def test_a_name_is_no_keyword_without_names():
    assert label_of("STOP Harbor Dental") != "opt_out"  # without the campaign's names it is not certain


def test_without_name_keeps_the_reply_when_it_names_no_business():
    assert without_name("see you at noon", ("Harbor Dental",)) is None
    assert without_name("my nails look great", ("Luxe Nails",)) is None  # an ordinary word of a name alone
    unnamed = without_name("STOP - Harbor Dental!", ("Harbor Dental",))
    assert unnamed is not None and unnamed.words == 1 and "this" in unnamed.read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP 71234", "opt_out"),
        ("stop to 71234", "opt_out"),
        ("HELP 71234", "help"),
        ("START 71234", "opt_in"),
        ("Stop1", "opt_out"),  # the "1" of a "!" typed without shift
        ("STOP 3", "opt_out"),
        ("cancel 2", "message"),  # a short number may be a choice from a menu: only STOP takes one
        ("help 2", "message"),
        ("stop at 6", "message"),
        ("baja 71234", "opt_out"),
    ],
)
def test_a_code_copied_from_the_text_beside_a_keyword(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hepl", "help"),
        ("hlep please", "help"),
        ("sart", "opt_in"),  # a letter left out of a keyword of five
        ("srtat", "review"),  # two slips are too many: an unknown word, queued
        ("unsotp", "opt_in"),
        ("ayuad", "help"),
        ("cancelra", "opt_out"),
        ("pararr", "opt_out"),
        ("stat", "message"),  # a word of its own
        ("tarts", "message"),
        ("un stop", "opt_in"),  # a long keyword broken into two words that are words
        ("re move", "opt_out"),
        ("un plug", "message"),
        ("can cel", "opt_out"),  # a long keyword broken in two
    ],
)
def test_one_slip_in_a_keyword_or_a_one_word_stop_request(text, expected):
    assert label_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP\nSent from my Pixel 8", "opt_out"),
        ("ayuda\nEnviado desde mi Huawei", "help"),
        ("Good morning, STOP please. Thank you. - Mary Lou Jenkins", "opt_out"),
        ("Cancelar por favor. Atte. Luis Hernández", "opt_out"),
        ("Help please. Thanks, Robert Lee Jr.", "help"),
        ("Baja, disculpe", "opt_out"),
        ("Cancelar. Que Dios los bendiga", "opt_out"),
        ("stop ahorita porfa", "opt_out"),
        ("START ya", "opt_in"),
        ("Unstop, my bad", "opt_in"),
        ("Re: STOP", "opt_out"),
        ("Help, thank you in advance", "help"),
    ],
)
def test_footers_sign_offs_and_courtesy(text, expected):
    assert label_of(text) == expected
