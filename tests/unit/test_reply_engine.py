"""The matching engine's shortcuts (issue 12, classification cost) change no match and no verdict."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from optledger import classify_phrases as reader
from optledger import reply_literals, reply_review, reply_rules
from optledger.classify import normalize_text
from optledger.reply_text import canonical, fold

DATA = Path(__file__).resolve().parents[1] / "data"


def every_source() -> set[str]:
    """Every rule of data/phrases.json and of the second look's grammar (data/review_grammar.json)."""
    lists = [rules for rules in reader._patterns() if isinstance(rules, reply_rules.Rules)]
    grammar = {entry.source for entry in reply_review._grammar().entries}
    return grammar | {reply_rules.expand(pattern) for rules in lists for pattern in rules.patterns}


def corpus_flats() -> list[str]:
    with (DATA / "replies.csv").open(encoding="utf-8") as handle:
        return sorted({canonical(fold(row["text"])) for row in csv.DictReader(handle)})


def test_the_guard_of_a_rule_list_changes_no_match(monkeypatch):
    # Given every rule list as it is built, with the word-boundary and first-letter guard, and as it was without it
    patterns = reader._patterns()
    guarded = [rules for rules in patterns if isinstance(rules, reply_rules.Rules)]
    monkeypatch.setattr(reply_rules, "_first_letter", lambda letters, source: source)
    bare = [reply_rules.Rules(rules.patterns).sources for rules in guarded]
    monkeypatch.undo()
    flats = corpus_flats()
    compared = 0
    for rules, unguarded in zip(guarded, bare, strict=True):
        for with_guard, without in zip(rules.sources, unguarded, strict=True):
            if with_guard == without:
                continue
            compared += 1
            for flags in (re.ASCII, 0):
                one, other = re.compile(with_guard, flags), re.compile(without, flags)
                for flat in flats if flags == 0 else [flat for flat in flats if flat.isascii()]:
                    # When a corpus reply is searched and masked with both, Then the match and the masking are the same
                    found, expected = one.search(flat), other.search(flat)
                    assert (found and found.span()) == (expected and expected.span()), (without[:60], flat)
                    assert one.sub(" ~ ", flat) == other.sub(" ~ ", flat), (without[:60], flat)
    assert compared > 0  # the guard is in use


def test_a_memo_keeps_at_most_its_bound():
    calls: list[str] = []
    memo = reply_rules.Memo(lambda word: calls.append(word) or word.upper(), 2)
    assert [memo["a"], memo["b"], memo["a"]] == ["A", "B", "A"]
    assert calls == ["a", "b"]  # a hit computes nothing
    assert memo["c"] == "C" and len(memo) == 1  # full: it starts afresh


def test_normalize_text_strips_around_letters_and_digits_only():
    assert normalize_text("  ¡¡STOP!! 🛑 ") == "STOP"
    assert normalize_text("...") == ""
    assert normalize_text("«stop»\u00a0") == "STOP"
    assert normalize_text("Stop  please") == "STOP PLEASE"
    assert normalize_text("_stop_") == "STOP"  # "_" is no letter: it goes, as a regex's [\W_] did


def test_a_rule_list_built_after_a_reply_was_read_still_finds_its_rules():
    # Given a reply whose index bits were read before any list looked for its word
    text = "please zqxwvy me now"
    beginnings = reply_rules.reply_beginnings(text)
    before = beginnings.bits()
    # When a rule list starting at that word is built afterwards
    rules = reply_rules.Rules([r"\bzqxwvy me\b"])
    # Then the reply reads its words again, and the rule is chosen and matches
    assert rules.search(text, beginnings)[0] == "zqxwvy me"
    assert beginnings.bits() != before
    assert rules.search("please zqxw me now", reply_rules.reply_beginnings("please zqxw me now")) is None


def test_ascii_and_other_script_replies_never_share_a_choice():
    # Given one rule list, and two replies with the same words but one with a word in another script
    rules = reply_rules.Rules([r"\bstop texting\b", r"\bquit texting\b"])
    ascii_reply = reply_rules.reply_beginnings("stop texting")
    other = reply_rules.reply_beginnings("stop texting 停")
    # When both are searched
    assert rules.search("stop texting", ascii_reply)[0] == "stop texting"
    assert rules.search("stop texting 停", other)[0] == "stop texting"
    # Then each has its own choice, compiled with its own flags (re.ASCII for the ASCII reply only)
    ascii_choice, other_choice = rules.chosen(ascii_reply), rules.chosen(other)
    assert ascii_choice is not other_choice
    assert all(rule.flags & re.ASCII for rule in ascii_choice.rules)
    assert not any(rule.flags & re.ASCII for rule in other_choice.rules)


def test_replies_that_choose_the_same_rules_share_one_choice():
    rules = reply_rules.Rules([r"\bstop texting\b", r"\bquit texting\b", r"\bend emailing\b", r"\bquit\b"])
    one = rules.chosen(reply_rules.reply_beginnings("stop texting please"))
    other = rules.chosen(reply_rules.reply_beginnings("stop texting now"))
    # three lists (by first letter: s, q, e); a rule alone in its list is tried alone, numbered past the lists
    assert one is other and one.numbers == [3 + 0]
    assert rules.chosen(reply_rules.reply_beginnings("quit texting now")).numbers == [1]  # two rules of the q list
    assert rules.chosen(reply_rules.reply_beginnings("please quitters")).numbers == []  # the rule needs "quit" whole
    # each rule is indexed by the words it needs: "stop texting" needs "texting", so "ok stop now" tries nothing
    assert rules.chosen(reply_rules.reply_beginnings("ok stop now")).numbers == []
    # rules are numbered list by list: \bquit\b is the second of the q list, the third rule
    assert rules.chosen(reply_rules.reply_beginnings("ok quit now")).numbers == [3 + 2]


def test_a_rule_is_tried_only_on_a_reply_with_a_word_of_every_clause_it_is_indexed_by():
    rules = reply_rules.Rules([r"\bplease stop texting\b"])
    assert len(reply_literals.rule_also(reply_rules.expand(rules.patterns[0]))) == 2  # besides its key
    for reply in ("please stop now", "stop texting", "please keep texting"):
        assert rules.search(reply, reply_rules.reply_beginnings(reply)) is None
        assert rules.chosen(reply_rules.reply_beginnings(reply)).numbers == []
    found = rules.search("please stop texting", reply_rules.reply_beginnings("please stop texting"))
    assert found is not None and found[0] == "please stop texting"


def test_starts_tests_the_beginnings_of_whole_and_longer_words():
    brand = reply_rules.Starts(frozenset({"all ", "eve"}))
    assert brand.any_in(reply_rules.reply_beginnings("stop everything"))
    assert brand.any_in(reply_rules.reply_beginnings("stop all"))
    assert not brand.any_in(reply_rules.reply_beginnings("stop allegra"))  # "all " is the whole word "all"
    assert not brand.any_in(reply_rules.reply_beginnings("stop them"))


def test_bit_numbers_lists_the_bits_set_lowest_first():
    assert reply_rules.bit_numbers(0) == []
    assert reply_rules.bit_numbers(0b1011) == [0, 1, 3]
    assert reply_rules.bit_numbers(1 << 100 | 1 << 3) == [3, 100]


def test_the_end_letter_test_of_near_words_changes_no_nearest_word():
    # Given the rules' own words, and words one to three random slips from each of them, and random letters
    import random

    from optledger.near_words import NearWords
    from optledger.reply_text import _spelling

    targets = list(_spelling().fuzzy.order)
    near = NearWords(targets)
    rng = random.Random(12)
    letters = "abcdeimnorstuxgpl"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for target in targets:
        for _ in range(60):
            word = list(target)
            for _ in range(rng.randint(1, 3)):
                index = rng.randrange(len(word))
                word[index : index + rng.randint(0, 1)] = rng.choice(["", rng.choice(letters), word[index:][1:2]])
            words.append("".join(word))

    # When each is looked up, Then the nearest word is the one the deletion index alone gives
    plain = NearWords(targets)
    plain.ends = None  # the end-letter test off
    assert [near.nearest(word) for word in words] == [plain.nearest(word) for word in words]
    assert sum(1 for word in words if near.nearest(word)) > 1000  # slips are found
    # and on lists of words of two letters only, where slips near both ends are commonest ("ddcc" -> "dcdc")
    for _ in range(30):
        small = list(dict.fromkeys("".join(rng.choice("cd") for _ in range(rng.randint(4, 9))) for _ in range(8)))
        near, plain = NearWords(small), NearWords(small)
        plain.ends = None
        tried = ["".join(rng.choice("cd") for _ in range(rng.randint(2, 11))) for _ in range(400)]
        assert [near.nearest(word) for word in tried] == [plain.nearest(word) for word in tried]


def test_a_lone_revocation_is_looked_for_only_in_a_reply_with_all_the_words_of_one():
    from optledger.reply_clauses import PhraseWords

    phrases = PhraseWords(["stop", "do not text list", "me voy de la lista", "s t o p"])
    assert phrases.any_in(["please", "stop"])
    assert phrases.any_in(["add", "me", "to", "do", "not", "text", "list", "|", "thanks"])
    assert not phrases.any_in(["do", "not", "text", "me"])  # "list" missing
    assert not phrases.any_in(["me", "de", "la", "lista"])  # "voy" missing
    assert not phrases.any_in(["i", "will", "come", "at", "5"])
    # and the verdicts: a clause that is a lone phrase is one, a reply without all its words is not
    assert reader.read("Stop. Thanks", ()).action == "opt_out"
    assert reader.read("I'll stop by later", ()).action == "message"


def test_a_word_the_dictionaries_have_is_no_slip_whether_or_not_they_were_read():
    from optledger import reply_languages
    from optledger.reply_text import _misspelt

    assert reply_languages.in_dictionary_read("abc") is False  # under four letters: never the dictionary's
    reply_languages._dictionary()
    assert reply_languages.in_dictionary_read("apartment")
    assert not reply_languages.in_dictionary_read("texing")
    _misspelt.cache_clear()
    assert _misspelt("apartment") is None and _misspelt("texing") is not None


def test_a_translation_table_keeps_the_characters_it_lacks_as_they_are():
    from optledger import classify

    table = classify.Translation({ord("á"): "a", ord("ñ"): "n", ord("x"): None})
    plain = {ord("á"): "a", ord("ñ"): "n", ord("x"): None}
    for text in ("Ya no más mensajes, señor", "请不要再发短信 🛑", "xx stop x", ""):
        assert text.translate(table) == text.translate(plain)
    assert table[ord("z")] == ord("z") and ord("z") in table  # kept: the next reply looks it up in the dict
    assert classify.normalize_text("¡Cancelá señor! 😀") == "CANCELA SENOR"


# --- the words a rule needs (reply_literals) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "clauses"),
    [
        (r"\bstop texting\b", [{"stop "}, {"texti"}]),
        (r"\b(?:stop|quit) (?:texting|msgs)\b", [{"stop ", "quit "}, {"texti", "msgs"}]),  # \b: "msgs" may go on
        (r"(?:stop|quit) te?xt\w*", [{"text", "txt"}]),  # no \b before "stop": "nonstop" matches, so no "stop"
        (r"\bno(?: more)? texts?\b", [{"no ", "more "}, {"text", "texts"}]),
        (r"\b(?=dont|never)\w+ (?:text|call) me", [{"dont", "never"}, {"text ", "call "}, {"me"}]),
        (r"\bst(?:op|fu)\b", [{"stop", "stfu"}]),
        (r"(?i)\bstop\b", []),  # the words as written are not the words matched
        (r"停止|やめて", []),  # no word boundary: a match may start anywhere
    ],
)
def test_the_words_a_rule_needs_are_read_from_its_parsed_pattern(source, clauses):
    assert reply_literals.required(source) == [frozenset(clause) for clause in clauses]


def _word_keys(flat: str) -> set[str]:
    """Every beginning the index reads from the words of a flat form (written out, not the engine's own code)."""
    keys = set()
    for token in flat.split():
        for word in {token, *re.findall(r"\w+", token)}:
            keys |= {word[:length] for length in range(1, min(len(word), 5) + 1)}
            keys |= {f"{word} "} if len(word) <= 5 else set()
    return keys


def test_every_rule_that_matches_a_corpus_reply_finds_its_words_in_it():
    # Given every rule of the data and the flat form of every reply of the tuning corpus
    flats = corpus_flats()
    for source in sorted(every_source()):
        (starts, keys), rule = reply_literals.rule_index(source), re.compile(source)
        assert starts == reply_rules.rule_starts(source)  # the first word the keys file holds is the rule's own
        also = reply_literals.rule_also(source)
        assert keys is not None or not also
        for flat in flats:
            # Then a rule that matches a reply has a word the index chooses it by, and one of each other clause
            if keys is not None and rule.search(flat):
                words = _word_keys(flat)
                assert not keys.isdisjoint(words), (source, flat)
                assert all(not clause.isdisjoint(words) for clause in also), (source, flat)


def test_a_rule_the_keys_file_does_not_hold_is_read_on_first_use():
    assert reply_literals.digest(r"\bi saw (?:a|the) zebra\b") not in reply_literals._shipped()
    assert reply_literals.rule_index(r"\bi saw (?:a|the) zebra\b") == (frozenset({"i "}), frozenset({"zebra"}))


def test_a_word_inside_a_reply_word_is_found_as_the_rules_find_it():
    assert reply_rules.Starts(frozenset({"stop "})).any_in(reply_rules.reply_beginnings("ok&stop"))


def test_the_keys_file_holds_every_rule_of_the_data():
    # a rule it lacks is still indexed soundly, but read on a cold start: run python training/write_rule_keys.py
    missing = [source for source in every_source() if reply_literals.digest(source) not in reply_literals._shipped()]
    assert not missing, f"{len(missing)} rules missing from data/rule_keys.json: python training/write_rule_keys.py"
