"""Words a phone ran together or split apart (round 11 of issue 12): "quitmessagingme", "st op sen ding", "un sub".

Wordings of their own, none of which any data set has, with hard negatives typed the same way beside each. Labels
follow docs/rules.md, "Where the line falls".
"""

from __future__ import annotations

import json

import pytest

from optledger import reply_split, reply_text
from optledger.reply_languages import english_or_spanish
from optledger.reply_rules import phrase_data
from optledger.reply_text import fold, reading
from tests.support.replies import LAYER, check, in_fresh_interpreter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words run together into one: cut into known words, read as the request they make
        ("quitmessagingme", "opt_out"),
        ("PLEASEREMOVEMYNUMBER", "opt_out"),
        ("dontsendmeanymoretexts", "opt_out"),
        ("unsubscribemenow", "opt_out"),
        ("nomasmsjs porfa", "opt_out"),
        ("yanomeenvienmensajes", "opt_out"),
        ("borrenmedesulista", "opt_out"),
        ("stopstopstop", "opt_out"),
        ("hey,stoptextingmyphone", "opt_out"),
        # ...the same typing that names nothing to stop is never honoured: an ordinary message when the words
        # around the run say so, queued as a word not read when the run is all there is (as before the mending)
        ("thebusstop by the mall", "message"),
        ("cancelmyhaircut for friday", "message"),
        ("removetheolives pls", "message"),
        ("nonstop flights only", "message"),
        ("endless fries tuesday?", "message"),
        ("stopbyafterwork?", "review"),
        ("dontstopsendingthecoupons", "review"),
        ("thesignonthedoorsaysstop", "review"),
        ("ineversaidstop", "review"),
        ("canioptoutofthefieldtrip?", "review"),
        ("mysonwantstooptout", "review"),  # as "my son wants to opt out": another person
        ("nomemandenmensajestantemprano", "review"),  # a limit in time, as spaced
    ],
)
def test_words_run_together(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word split by stray spaces: its fragments joined when the join is a word of a revocation
        ("qu it tex ting me", "opt_out"),
        ("plea se re move my num ber", "opt_out"),
        ("un sub scribe me", "opt_out"),
        ("can cel", "opt_out"),
        ("de jen de enviar mensa jes", "opt_out"),
        ("take me of f ur li st", "opt_out"),
        ("n o  m o r e  t e x t s", "opt_out"),
        ("stop.thank you", "opt_out"),
        # ...and the same spacing in an ordinary reply stays ordinary
        ("can i st op by at 4", "message"),
        ("re move my 2pm to 3pm?", "message"),
        ("can cel the pizza, wrong address", "message"),
        ("dont st op the deals", "message"),
        ("the st ore closes at 9?", "message"),
        ("quit ting time lol", "message"),
        # a keyword split apart and asked is queued, like the keyword asked
        ("unsu bscribe?", "review"),
        ("can cel??", "review"),
    ],
)
def test_words_split_apart(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cut that leaves letters no word covers is a guess: queued for a person, never honoured nor dropped
        ("ok stopsendngme these", "review"),
        ("quitsendngme promos pls", "review"),
        ("st op tx tng me", "review"),
        # a cut into words, none of them a cue, reads nothing: the reply is what the rest of it says
        ("weekendspecials?", "review"),  # one word neither English nor Spanish: queued as before, not honoured
    ],
)
def test_a_guessed_cut_is_queued(text, expected):
    check(text, expected)


def test_a_guess_is_said_to_be_one():
    assert reading(fold("can you stopsendngme these")) == (
        "can you stop send ng me these",
        True,
        "can you stopsendngme these",
    )
    assert reading(fold("st op tx tng me"))[1] is True
    assert reading(fold("st op texting me")) == ("stop texting me", False, "st op texting me")
    assert reading(fold("stop texting me")) == ("stop texting me", False, None)  # nothing mended


@pytest.mark.parametrize(
    ("run", "words"),
    [
        ("pleasestopsendingmemessages", "please stop sending me messages"),  # not "pleases top", "stops ending"
        ("yanomemandenmensajes", "ya no me manden mensajes"),  # not "ya nome": a rare word weighs more
        ("stopstop", "stop stop"),  # not "stops top": of two cuts of one weight, the one with more cues
        ("howdoiunsubscribe", "how do i unsubscribe"),
        ("thesignonthedoorsaysstop", "the sign on the door says stop"),  # not "say sstop": no slip of a cue
        ("ineversaidstop", "i never said stop"),  # not "in ever"
        ("canioptoutofthefieldtrip", "can i opt out of the field trip"),  # "opt out" as the rules read it
        ("mysonwantstooptout", "my son wants to opt out"),  # an inflection is a common word
        ("bajadelalista", "baja de la lista"),  # not "del a": the cut with fewer letters alone
        ("dendebajaamimama", "den de baja a mi mama"),  # not "am i"
    ],
)
def test_the_cut_prefers_few_common_words(run, words):
    assert reading(fold(run))[0] == words


def test_mending_is_left_to_replies_in_english_or_spanish():
    # "na to", "tira da": words of other languages are not joined into Spanish ones
    assert reading(fold("huwag na po kayo mag text sa number na to"))[0].endswith("na to")
    assert reading(fold("me tira da lista por favor"))[0] == "me tira da lista por favor"


def test_ordinary_replies_of_known_words_never_reach_the_cut(monkeypatch):
    def cut(*_args, **_kwargs):
        raise AssertionError("segmentation tried")

    monkeypatch.setattr(reply_split, "_cut", cut)
    reply_text._SPELLINGS.clear()  # every word read afresh, so a word once memoised does not hide a call
    for text in ("running a bit late, see you at the store", "nonstop rain all weekend", "ya voy para allá"):
        check(text, "message")


def test_the_first_replies_of_a_cold_start_read_no_dictionary():
    probe = (
        "from optledger.classify import classify\n"
        "from optledger import reply_languages\n"
        "for text in ('please stop texting me', 'can I come at 5?', 'ya no me manden mensajes', 'ok thanks'):\n"
        "    classify(text)\n"
        "print(reply_languages._dictionary.cache_info().currsize)\n"
    )
    out = in_fresh_interpreter(probe)
    assert out == ["0"]


def test_the_join_pieces_are_the_ways_each_join_word_cuts_into_two_words():
    lists = reply_split._lists()
    abbreviations = phrase_data()["canon"]["abbreviations"]

    def whole(piece):
        return piece in abbreviations or piece in lists.letters or (len(piece) > 1 and english_or_spanish(piece))

    cuts = {(w[:c], w[c:]) for w in lists.joins for c in range(1, len(w)) if whole(w[:c]) and whole(w[c:])}
    data = json.loads((LAYER / "optledger" / "data" / "split_words.json").read_text(encoding="utf-8"))
    assert {tuple(pair) for pair in data["join_pieces"]} == cuts


def test_every_cue_holds_a_hint_so_that_a_run_holding_it_is_tried():
    lists = reply_split._lists()
    assert all(lists.hints.search(cue) for cue in lists.cues)


def test_no_word_list_is_read_at_import_and_a_keyword_reads_none():
    probe = (
        "from optledger.classify import classify\n"
        "from optledger import reply_split\n"
        "print(reply_split._lists.cache_info().currsize)\n"
        "classify('STOP')\n"
        "print(reply_split._lists.cache_info().currsize)\n"
    )
    out = in_fresh_interpreter(probe)
    assert out == ["0", "0"]
