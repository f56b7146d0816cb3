"""The business's name in a sentence (``optledger.reply_names``): a one-word name a dictionary knows is the name
when the reply writes it with its capital past the first word ("Darme de baja de Acme, muchas gracias" to Acme was
read as a message when trying `optledger serve`); in lower case it is the word. Names in capitals after "from" or
"de" are found when the sender's names are not known."""

from __future__ import annotations

from optledger.reply_names import names_in_capitals, without_name


def test_a_dictionary_word_name_written_with_its_capital_is_the_name():
    unnamed = without_name("Darme de baja de Acme, muchas gracias", ("Acme", "Acme Deals"))
    assert unnamed is not None
    assert " this " in unnamed.read and "acme" not in unnamed.read


def test_the_same_word_in_lower_case_is_the_word():
    assert without_name("the acme of customer service, thanks so much", ("Acme", "Acme Deals")) is None


def test_the_first_word_s_capital_says_nothing():
    assert without_name("Summit was a great hike last weekend, thanks", ("Summit",)) is None


def test_names_in_capitals_after_from_or_de():
    assert names_in_capitals("please unsubscribe me from Golden Spoon Diner") == ("Golden Spoon Diner",)
    assert names_in_capitals("Darme de baja de Panadería Luna, saludos") == ("Panadería Luna",)
    assert names_in_capitals("Remove me from the Tuesday Yoga class") == ()  # a day is when, not who
    assert names_in_capitals("REMOVE ME FROM GOLDEN SPOON DINER") == ()  # capitals throughout name nothing
