"""The reply detector against FCC 24-24: keywords, normalisation, intents, negation, scope, languages, review."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optledger import classify as classifier
from optledger import classify_phrases as reader
from optledger import reply_rules, reply_text
from optledger.classify import classify
from tests.support.replies import JOIN_KEYWORDS, label_of

DATA = Path(__file__).resolve().parents[1] / "data"
LABELS = {"opt_out", "opt_in", "help", "message", "review"}
CORPORA = ("replies.csv", "replies_holdout.csv", "replies_blind.csv", "replies_tuning.csv", "replies_tuning2.csv")


def assert_revocation(text: str) -> None:
    verdict = classify(text)
    assert (verdict.action, verdict.review) == ("opt_out", False), (text, verdict)
    assert verdict.detected_by in {"phrase", "keyword"} and verdict.matched, (text, verdict)


def assert_review(text: str) -> None:
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by, verdict.review) == ("message", "review", True), (text, verdict)
    assert verdict.matched, (text, verdict)


def assert_message(text: str) -> None:
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by, verdict.review) == ("message", None, False), (text, verdict)


# --- keywords -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("STOP", "Stop.", "STOP!!", " stop ", "stop 🛑", "🛑 STOP 🛑", "*stop*", "Unsubscribe", "CANCEL", "end"),
        *("Quit!", "REVOKE", "optout", "OPT OUT", "opt-out", "Remove", "ARRET", "Arrêt", "stop\n"),
    ],
)
def test_opt_out_keywords_after_trimming_whitespace_case_punctuation_and_emoji(text):
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by, verdict.scope, verdict.review) == (
        "opt_out",
        "keyword",
        "sender",
        False,
    )


@pytest.mark.parametrize("text", ["STOPALL", "stop all", "Stop All!", "STOP ALL"])
def test_stop_all_keyword_has_brand_scope(text):
    verdict = classify(text)
    assert (verdict.action, verdict.detected_by, verdict.scope) == ("opt_out", "keyword", "brand")


@pytest.mark.parametrize(
    ("text", "action", "matched"),
    [
        ("HELP pls", "help", "HELP"),
        ("help please", "help", "HELP"),
        ("info?", "help", "INFO"),
        ("Info please 🙏", "help", "INFO"),
        ("help xfa", "help", "HELP"),
        ("AYUDA por favor", "help", "AYUDA"),
        ("START please", "opt_in", "START"),
        ("unstop pls", "opt_in", "UNSTOP"),
        ("Start thanks", "opt_in", "START"),
        ("stop thx", "opt_out", "STOP"),
        ("STOP xfa", "opt_out", "STOP"),
        ("Stop please and thank you", "opt_out", "STOP"),
        ("START obrigado", "opt_in", "START"),  # courtesy words of other languages too
        ("help merci", "help", "HELP"),
        ("Stop, salamat po", "opt_out", "STOP"),
    ],
)
def test_a_keyword_with_courtesy_words_or_emoji_only_is_that_keyword(text, action, matched):
    verdict = classify(text)
    assert (verdict.action, verdict.matched, verdict.detected_by, verdict.review) == (action, matched, "keyword", False)


def test_a_join_keyword_with_courtesy_words_opts_in_under_the_campaigns_spelling():
    verdict = classify("deals please!", join_keywords=["Deals"])
    assert (verdict.action, verdict.matched, verdict.detected_by) == ("opt_in", "Deals", "keyword")


@pytest.mark.parametrize(
    ("text", "matched"), [("YES", "YES"), ("Yes!", "YES"), ("y", "Y"), ("Y!", "Y"), ("yes please", "YES")]
)
def test_yes_and_y_are_messages_that_name_the_confirmation(text, matched):
    # inbound.py alone decides whether a YES confirms a pending double opt-in
    verdict = classify(text)
    assert (verdict.action, verdict.matched, verdict.detected_by, verdict.review) == (
        "message",
        matched,
        "keyword",
        False,
    )


@pytest.mark.parametrize(("text", "matched"), [("START", "START"), ("unstop", "UNSTOP")])
def test_opt_in_keywords(text, matched):
    verdict = classify(text)
    assert (verdict.action, verdict.matched, verdict.detected_by) == ("opt_in", matched, "keyword")


def test_join_keyword_matches_and_reports_the_campaigns_spelling():
    verdict = classify(" DEALS! ", join_keywords=["Deals"])
    assert (verdict.action, verdict.matched, verdict.detected_by) == ("opt_in", "Deals", "keyword")


@pytest.mark.parametrize("text", ["Yes I'll be there", "Sure", "Si", "start the order please", "help me find my order"])
def test_opt_in_and_help_need_the_keyword_alone(text):
    assert classify(text).action == "message"


@pytest.mark.parametrize("text", ["HELP", "help?", "Info.", "AYUDA"])
def test_help_keywords(text):
    assert (classify(text).action, classify(text).detected_by) == ("help", "keyword")


def test_an_opt_out_keyword_is_never_taken_for_a_join_keyword():
    assert classify("STOP", join_keywords=["STOP"]).action == "opt_out"


def test_a_lone_keyword_asked_as_a_question_is_queued():
    assert_review("stop?")


# --- normalisation ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "STOPPP TEXTING MEEE",  # repeated letters
        "stooooop texting me",
        "stopp texting me",
        "st0p texting me",  # digits for letters
        "$top texting me",
        "s t o p texting me",  # spaced out
        "S.T.O.P",
        "s-t-o-p please",
        "pls stop txting me",  # SMS abbreviations
        "u can stop now thx",
        "plz no more msgs",
        "STÓP TEXTING ME",  # accents
        "dejen d mandarme msjs xfa",  # Spanish abbreviations
        "ya no kiero q me manden mensajes",
        "no mas msj porfa",
        "ya no m manden msjs",
        "kiero darme d baja",
    ],
)
def test_spellings_of_sms_are_read_as_their_words(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    ("text", "flat"), [("STOPPP!!! pls", "stop | please"), ("Dejen d mandarme msj", "dejen de mandarme mensaje")]
)
def test_the_flat_form_keeps_clause_breaks_and_spells_words_out(text, flat):
    assert reply_text.canonical(reply_text.fold(text)) == flat


def test_numbers_and_times_are_not_read_as_letters():
    assert reply_text.canonical("see you at 4pm on the 3rd") == "see you at 4pm on the 3rd"


# --- intents ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "please stop texting me",
        "quit messaging this number",
        "no more texts",
        "no texts please",
        "don't text me again",
        "do not contact me",
        "take me off your list",
        "remove my number",
        "delete this # from your system",
        "how do I get off this list?",
        "add me to your do not text list",
        "Put my number on your DNC list",
        "I no longer consent to receive text messages",
        "I revoke my consent",
        "I withdraw my consent to be contacted by text",
        "please discontinue text messages to this number",
        "turn off the text alerts",
        "unenroll me from sms",
        "unsubscribe me",
        "I already opted out",
        "leave me alone",
        "Stop f*cking texting me",
        "I said STOP",
        "Stop. Thank you",
        "How many times do I have to say stop",
        "Why do you keep texting me? Stop.",
        "Remove me from your list please",
        "I'd prefer not to receive texts anymore",
        "I no longer want to be contacted",
    ],
)
def test_revocation_intents_in_english(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dame de baja por favor",
        "denme de baja de los mensajes",
        "Cancelar suscripción a los mensajes",
        "cancelen los mensajes de texto",
        "no me envíen más mensajes",
        "No me vuelvan a escribir",
        "ya no quiero recibir mensajes",
        "Ya no quiero mensajes de ustedes",
        "Dejen de enviarme mensajes",
        "paren de mandar mensajes",
        "PAREN YA CON LOS MENSAJES",
        "Favor de no enviar más mensajes a este número",
        "Sáquenme de la lista",
        "Me pueden quitar de sus mensajes?",
        "Revoco mi consentimiento",
        "Ya no doy mi consentimiento para recibir mensajes",
        "Pongan mi número en su lista de no contactar",
        "alto",
        "baja",
        "Me quiero salir de la lista",
        "Detengan los mensajes",
    ],
)
def test_revocation_intents_in_spanish(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        "退订",  # Chinese
        "请不要再给我发短信了",
        "수신거부",  # Korean
        "문자 그만 보내세요",
        "Xin vui lòng ngừng gửi tin nhắn",  # Vietnamese
        "Đừng nhắn tin cho tôi nữa",
        "Pakitigil na po ang pagte-text sa akin",  # Tagalog
        "Não quero mais receber mensagens",  # Portuguese
        "Parem de me mandar mensagens",
        "Arrêtez de m'envoyer des textos",  # French
        "Tanpri sispann voye mesaj ban mwen",  # Haitian Creole
        "Отпишите меня от рассылки",  # Russian
        "توقفوا عن إرسال الرسائل إلي",  # Arabic
    ],
)
def test_stop_requests_in_other_languages_are_revocations(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢，以后不用联系我了",  # Chinese: "thanks, no need to contact me again" (thanks does not make it ordinary)
        "Merci, enlevez-moi",  # French: "thanks, take me off"
        "ありがとう、もう送らないで",  # Japanese: "thanks, don't send any more"
        "Obrigado, não quero",  # Portuguese: "thanks, I don't want (it)"
        "धन्यवाद",  # Hindi: thanks, in a script the detector has no words for
        "Mwen pa konprann sa ou voye a",  # Haitian Creole without accents
        "Γεια σας",  # Greek: a script the detector has no rules for at all
    ],
)
def test_a_reply_in_a_language_the_detector_does_not_read_is_never_silently_a_message(text):
    verdict = classify(text)
    assert verdict.action == "opt_out" or verdict.review, (text, verdict)


@pytest.mark.parametrize(
    "text", ["Gracias, nos vemos mañana", "Is my order ready?", "¿A qué hora abren?", "Café at 5?"]
)
def test_english_and_spanish_messages_are_not_taken_for_other_languages(text):
    assert_message(text)


@pytest.mark.parametrize(
    "text",
    [
        *("我明天下午过来", "내일 방문할게요", "Спасибо, зайду завтра", "شكرا، سأمر غدا", "Cảm ơn, mai tôi sẽ ghé"),
        *("Obrigado, passo aí amanhã", "Merci, je passerai demain", "Salamat po, pupunta ako bukas", "감사합니다"),
        *("我想取消明天的预约", "Quero cancelar minha consulta de amanhã", "Je voudrais annuler mon rendez-vous"),
        *(
            "Хочу отменить запись на пятницу",
            "Mwen vle anile randevou mwen jedi a",
            "Não parem de mandar as promoções!",
        ),
    ],
)
def test_thanks_visits_and_appointments_in_a_language_the_detector_knows_are_ordinary_messages(text):
    # no word of stopping, refusing, removing, texting or a wrong number, and a sign of an ordinary message
    assert_message(text)


@pytest.mark.parametrize(("text", "scope"), [("Unsubscribe from all", "brand"), ("stop all texts please", "brand")])
def test_phrases_that_name_everything_have_brand_scope(text, scope):
    verdict = classify(text)
    assert (verdict.action, verdict.scope) == ("opt_out", scope)


def test_an_opt_out_wins_over_a_confirmation_in_the_same_reply():
    assert classify("yes stop").action == "opt_out"


# --- negation ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Don't stop sending deals!",
        "Never stop sending me coupons lol",
        "please don't unsubscribe me",
        "Don't take me off the list, I still want the deals",
        "Please don't delete my number",
        "I'd rather not opt out",
        "Sorry, didn't mean to say stop! keep texting me",
        "I accidentally replied STOP, can I keep getting messages?",
        "No dejen de mandarme mensajes, me gustan las ofertas",
        "no dejen de mandar ofertas q me sirven mucho",
        "Perdón, mandé STOP por error, no me den de baja",
        "no quiero darme de baja",
        "No paren de mandar cupones",
        "Nobody said stop",
        "Why would I unsubscribe? Love these",
        "No quiero que dejen de mandarme mensajes",
        "jamás me den de baja",
    ],
)
def test_a_negated_revocation_is_not_one(text):
    verdict = classify(text)
    assert verdict.action != "opt_out", (text, verdict)


@pytest.mark.parametrize("text", ["Why don't you stop texting me", "Can't you just stop texting me?"])
def test_an_exasperated_question_is_still_a_revocation(text):
    assert_revocation(text)


# --- scope: requests about something other than texts -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Unsubscribe me from emails only, keep the texts coming",
        "I want to opt out of paper statements, texts are fine",
        "Take me off the email list but keep texting me",
        "Stop calling me, texting is fine",
        "Please stop emailing me, text only",
        "cancel my appointment",
        "Can you stop the delivery, I won't be home",
        "Please stop the recurring payment",
        "Stop the auto renewal on my warranty",
        "how do I cancel my subscription box",
        "I'd like to opt out of the arbitration clause",
        "Remove me from the waitlist please",
        "Dejen de mandarme correos, los mensajes sí los quiero",
        "No me manden la factura en papel, por mensaje está bien",
        "dejen de mandar el periódico a mi casa",
        "Quiero dar de baja la línea adicional de mi plan",
        "Remove me from the carpool list",
        "Denme de baja la tarjeta de crédito",
        "Stop sending me the wrong orders",
    ],
)
def test_a_request_about_something_else_is_not_a_texting_revocation(text):
    verdict = classify(text)
    assert verdict.action != "opt_out", (text, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "Stop calling and texting me",
        "Unsubscribe me from emails and texts",
        "Cancel my appointment and stop texting me",
        "I'm on the do not call list, stop texting me",
        "Dejen de llamarme y de mandarme mensajes",
    ],
)
def test_a_request_that_also_names_texts_is_a_revocation(text):
    assert_revocation(text)


# --- traps: ordinary messages that use the words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll stop by at 5",
        "can't stop laughing",
        "is the store open until end of day?",
        "stop sign on main street",
        "when does the sale end?",
        "remove the item from my cart",
        "It won't stop raining",
        "Stop & Shop has it cheaper",
        "Non-stop deals all weekend?",
        "Quiero cancelar mi cita",
        "Cancel, my appointment moved",
        "Don't cancel my order!",
        "Stop the presses, I found my receipt",
        "Why did the texts stop? I liked them",
        "El precio está muy alto",
        "no pude parar de reírme con su anuncio jaja",
        "👍",
    ],
)
def test_traps_are_ordinary_messages_without_review(text):
    assert_message(text)


# --- unclear replies go to a person -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "Not interested",
        "No thanks",
        "no me interesa",
        "How did you get my number?",
        "I never signed up",
        "Too many texts",
        "Cancel my subscription",
        "Please don't text after 9pm",
        "Can you email me instead?",
        "wrong number",
        "número equivocado",
        "Basta",
        "no more",
        "This number belongs to my late mother",
        "Este número era de mi mamá, ella falleció",
        "I moved, I no longer live there",
        "Cancel it",
        "Ya no",
        "Stop! I forgot to add the coupon, can you hold the order?",
        "STOP!! lol",  # a lone stop beside laughter alone may be a joke, or may not
        "stop lol",  # the same reply without its "!!" gets the same answer (docs/rules.md, where the line falls)
        "What happens if I text STOP? Will I still get my order updates?",  # what STOP would do: a person decides
        "Stop. Wow. Just stop.",  # a pause word is not delight
        "Stop!! I hate these texts 😂",  # delight that names the texts is not delight about something else
        "Eh, no thanks",
        "Is this spam?",
        "I used to have this number",
        "👎",
    ],
)
def test_unclear_replies_are_messages_flagged_for_review(text):
    assert_review(text)


# --- the rule index ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\bstop texting\b", {"stop "}),  # a word of five letters or fewer is looked up whole
        (r"\bwithdraw\w*", {"withd"}),  # a longer one by its first five: "with" does not choose it
        (r"\b(?:i|we) want\b", {"i ", "we "}),
        (r"\b(?:ya )?no (?:quiero)\b", {"ya ", "no "}),
        (r"\bun ?sub\w*", {"un"}),
        (r"(?<!why )\b(?:dont|do not) stop\b", {"dont ", "do "}),
        (r"\bte?xt\b", {"t"}),  # an optional letter ends what the index can say
        (r"^n(?:o+|ope)$", {"n"}),
        (r"\b(?:a|b){0,2}c", {"a", "b", "c"}),
    ],
)
def test_a_rule_is_indexed_by_the_beginnings_of_the_words_it_can_start_at(pattern, starts):
    assert reply_rules.rule_starts(pattern) == starts


@pytest.mark.parametrize("pattern", [r"\w+ing stop", r"stop", r"(?:\bstop|go)", r"\b.top", r"退订"])
def test_a_rule_whose_start_the_index_cannot_tell_always_runs(pattern):
    assert reply_rules.rule_starts(pattern) is None


def every_rule_source() -> list[str]:
    patterns = reader._patterns()
    return [source for rules in patterns if isinstance(rules, reply_rules.Rules) for source in rules.sources]


def test_every_indexed_rule_starts_where_its_index_says():
    # Given every rule and the beginnings it is indexed under, When a rule matches anywhere in any corpus reply
    for source in every_rule_source():
        starts = reply_rules.rule_starts(source)
        if starts is None:
            continue
        rule = re.compile(source)
        for name in CORPORA:
            for row in read_corpus(name):
                flat = reply_text.canonical(reply_text.fold(row["text"]))
                if found := rule.search(flat):
                    # Then the match starts at a word of the reply that begins as the index says
                    word = flat[found.start() :].split()[0] if flat[found.start() :].strip() else ""
                    assert any(word.startswith(s.strip()) and (s[-1] != " " or word == s.strip()) for s in starts), (
                        source[:60],
                        row["text"],
                    )


WORDS = [
    "stop",
    "texting",
    "me",
    "please",
    "dont",
    "do",
    "not",
    "no",
    "more",
    "texts",
    "unsubscribe",
    "from",
    "emails",
    "keep",
    "the",
    "i",
    "want",
    "to",
    "opt",
    "out",
    "of",
    "all",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, ",", ".", "!"]), max_size=9))
def test_the_index_never_changes_a_verdict(words):
    # Given a reply made of revocation, negation and scope words, When it is read with and without the index
    text = " ".join(words)
    indexed = reader.read(text, ())
    original = reader.reply_beginnings
    try:
        reader.reply_beginnings = lambda flat, words=None: None  # every rule tried
        unindexed = reader.read(text, ())
    finally:
        reader.reply_beginnings = original
    # Then the verdicts are the same
    assert indexed == unindexed


def test_the_index_never_changes_a_corpus_verdict(monkeypatch):
    texts = [row["text"] for name in CORPORA for row in read_corpus(name)]
    indexed = [classify(text, join_keywords=JOIN_KEYWORDS) for text in texts]
    monkeypatch.setattr(reader, "reply_beginnings", lambda flat, words=None: None)
    assert [classify(text, join_keywords=JOIN_KEYWORDS) for text in texts] == indexed


def test_hostile_replies_are_classified():
    for text in ["stop " + "all these " * 300 + "x", "dont want " + "any more " * 300, "s " * 3000, "不要" * 2000]:
        assert classify(text).action in {"opt_out", "message"}


# --- the word lists are data ------------------------------------------------------------------------------------------


def test_every_keyword_in_the_data_file_is_honoured():
    data = json.loads((Path(classifier.__file__).parent / "data" / "keywords.json").read_text(encoding="utf-8"))
    for action, words in data["keywords"].items():
        for word in words:
            assert classify(word.lower()).action == action, word
    assert {"STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE"} <= set(data["keywords"]["opt_out"])


def test_every_phrase_pattern_compiles():
    for source in every_rule_source():
        re.compile(source)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_a_consistent_verdict(text):
    verdict = classify(text)
    assert verdict.action in {"opt_out", "opt_in", "help", "message"}
    assert verdict.scope in {"sender", "brand"}
    if verdict.review:
        assert (verdict.action, verdict.detected_by) == ("message", "review")
    assert (verdict.detected_by is None) == (verdict.matched is None)


# --- the labelled corpora -------------------------------------------------------------------------------------------


def read_corpus(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", CORPORA)
def test_the_corpora_are_well_formed(name):
    rows = read_corpus(name)
    assert {row["label"] for row in rows} <= LABELS
    assert len({row["text"] for row in rows}) == len(rows)


def test_the_tuning_corpora_meet_the_targets():
    # Given every labelled reply of the tuning corpora, When each is classified
    rows = [row for name in CORPORA for row in read_corpus(name)]
    got = [label_of(row["text"]) for row in rows]
    pairs = list(zip([row["label"] for row in rows], got, strict=True))
    revocations = sum(expected == "opt_out" for expected, _ in pairs)
    honoured = sum(expected == got == "opt_out" for expected, got in pairs)
    predicted = sum(got == "opt_out" for _, got in pairs)
    lost = [
        row["text"]
        for row, (e, g) in zip(rows, pairs, strict=True)
        if e == "opt_out" and g not in {"opt_out", "review"}
    ]
    unclear = [g for e, g in pairs if e == "review"]
    keyword_errors = [
        row["text"]
        for row, (e, g) in zip(rows, pairs, strict=True)
        if (e in {"help", "opt_in"} or row.get("category") in {"keyword", "courtesy_keyword"}) and e != g
    ]
    # Then the figures meet the held-out targets (a correctness floor, not a timing)
    assert len(lost) <= 0.01 * revocations, lost
    assert honoured / revocations >= 0.95
    assert honoured / predicted >= 0.97
    assert sum(g in {"review", "opt_out"} for g in unclear) >= 0.9 * len(unclear)
    assert keyword_errors == []


# --- issue 12, second round: rules that generalise (each a class of replies, not a sentence) -------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("Add me to DNC", "DNC please", "Put my number on your Do Not Text list", "add me to the do not contact list"),
        *("Agréguenme a la lista de no llamar y no enviar mensajes",),
    ],
)
def test_a_do_not_contact_list_in_any_wording_is_a_revocation(text):
    assert_revocation(text)


def test_a_do_not_call_list_beside_texts_welcomed_is_not_a_revocation():
    verdict = classify("Please put my home phone on your do not call list, texting this cell is fine")
    assert verdict.action != "opt_out", verdict


@pytest.mark.parametrize("text", ["Do not text", "do not call or text me", "Don't call or text me again", "never msg"])
def test_a_bare_directive_with_texting_among_its_verbs_is_a_revocation(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        *("Consent withdrawn.", "You no longer have my permission to text me", "I rescind my consent"),
        *("Any prior consent to text me is hereby withdrawn", "This serves as formal revocation of consent for SMS"),
        *("Anulo cualquier autorización que haya dado para recibir SMS",),
        *("Retiro meu consentimento para receber mensagens",),
        *("수신 동의 철회합니다", "Отзываю согласие на получение СМС", "you do not have permission to text me"),
        *("I am withdrawing permission for you to text me", "Ya no les doy permiso de mandarme mensajes"),
    ],
)
def test_consent_withdrawn_in_any_word_order_or_language_is_a_revocation(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    ["I want to revoke the power of attorney on file", "Revoke my son's access to the account", "Revoke the key fob"],
)
def test_revoking_something_other_than_consent_is_not_a_revocation(text):
    assert classify(text).action != "opt_out"


@pytest.mark.parametrize(
    "text",
    [
        *("Stoo texting me", "take me of ur list", "pls opt me ot", "no mor txts", "Stop f***ing texting me"),
        *("stop emails and texts", "Quit it with the texts", "scrub me from your list", "kill my number"),
        *("I'd appreciate it if you removed my number from whatever list this is",),
        *("I want zero text messages from you",),
        *("Block this number from receiving your messages", "Cease all communication", "Please refrain from texting"),
        *("I want to be on your DNC list", "kiero q me borren d la lista", "Por favor, me removam da lista"),
    ],
)
def test_typos_coordinated_objects_and_any_verb_off_a_list_are_revocations(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        *("Cancelar suscripción", "bajenme de la lista", "Alto a los mensajes por favor", "Déjenme en paz"),
        *("Olvídense de mi número", "Pierdan mi número", "me dan de baja d los msj x fa"),
    ],
)
def test_spanish_revocations_with_new_verbs_and_abbreviations(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        *("Me tira dessa lista", "ko muon nhan tin nhan nua", "Merci de me retirer de votre liste", "arrête"),
        *("plus de sms svp", "Tama na po", "M pa vle mesaj ankò", "제 번호 삭제해 주세요", "Отписаться"),
        *("把我的号码从名单上删掉", "請把我從名單中移除", "Bitte keine SMS mehr", "Non voglio più messaggi"),
    ],
)
def test_more_stop_requests_in_other_languages_are_revocations(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        *("أريد إلغاء موعدي يوم الخميس", "请删除我购物车里的东西", "장바구니 삭제해 주세요"),
        *("Удалите товар из корзины", "Você me tira uma dúvida?", "Arrête de me faire rire", "Отзываю заказ"),
    ],
)
def test_cancelling_or_deleting_something_else_in_another_language_is_not_a_revocation(text):
    assert classify(text).action != "opt_out"


@pytest.mark.parametrize(
    "text",
    [
        *("Don't leave me out of the next sale", "Don't lose my number lol, call me when the part comes in"),
        *("I never want these deals to stop", "Não parem de mandar as promoções!", "No pierdan mi número jaja"),
        *("Don't remove me from the list!", "I'm not asking you to stop texting"),
    ],
)
def test_more_negated_revocations_are_not_revocations(text):
    assert classify(text).action != "opt_out"


@pytest.mark.parametrize(
    "text",
    [
        *("Take my name off the reservation and put it under Jess", "Bórrenme a mi ex de la cuenta"),
        *("No me manden al técnico hoy, mejor mañana", "Stop emailing me the receipts, text them instead"),
        *("No me manden correos, los mensajes están bien", "Opt out form for the school photos, where is it?"),
        *("The unsubscribe link in the email is broken, but I want to stay on texts", "no quiero correos, solo msjs"),
    ],
)
def test_other_objects_compound_nouns_and_persons_are_not_texting_revocations(text):
    assert classify(text).action != "opt_out"


@pytest.mark.parametrize(
    "text",
    [
        "Remove me from the mailing list but keep sms",
        "Stop! Keep sending the texts though",
    ],
)
def test_a_revocation_cue_beside_texts_welcomed_goes_to_review(text):
    assert_review(text)


@pytest.mark.parametrize(
    "text",
    [
        "I said STOP to the other company, not you! Keep sending",
        "My daughter opted out by accident, please keep sending to this number",
        "My son replied STOP as a joke, please ignore, we want the texts",
        "Perdón, mandé STOP por error, no me den de baja",
        "No le puse stop, quiero seguir recibiendo las ofertas",
    ],
)
def test_a_revocation_word_reported_or_sent_by_mistake_beside_texts_welcomed_is_a_message(text):
    assert_message(text)


@pytest.mark.parametrize("text", ["Stop calling me", "Please stop calling my work phone", "Dejen de llamarme"])
def test_a_request_about_calls_alone_goes_to_review(text):
    assert_review(text)


@pytest.mark.parametrize("text", ["stop calling me, texting is fine", "Dejen de llamarme, mejor por mensaje"])
def test_a_request_about_calls_with_texts_welcomed_is_a_message(text):
    assert_message(text)


@pytest.mark.parametrize(
    "text",
    [
        *("maybe I should unsubscribe", "Considering unsubscribing", "did I get unsubscribed?"),
        *("No me manden mensajes después de las 9", "please stop texting me at 6am", "Stop sending so many"),
        *("Stop the promos but keep my appointment reminders", "Solo mándenme lo de las citas"),
    ],
)
def test_a_revocation_said_as_a_thought_a_question_or_a_partial_request_goes_to_review(text):
    assert_review(text)


@pytest.mark.parametrize(
    "text",
    [
        *("Stop, you're making me hungry with these pics", "OMG stop it, my kids will love this"),
        *("Stop! That's amazing news 😂", "lol stop, that's hilarious", "Stop it, you're making me blush 😂"),
        *("Stop it, you're too kind! Thanks so much",),
    ],
)
def test_a_lone_stop_in_delight_with_words_of_its_own_is_a_message(text):
    assert_message(text)


@pytest.mark.parametrize(
    "text",
    [
        *("I already told you guys", "Not at this time", "Once a week is plenty", "Seriously, again?", "otra vez?? 🙄"),
        *("Menos mensajes por favor", "¿Cómo consiguieron mi número?", "Mauvais numéro", "Número errado"),
        *("new phone who dis", "This is my son's phone, he's 12", "I think you meant to text someone else", "Ya no"),
        *("Lo que sea, ya no", "I'll pass", "no no no", "This person is no longer with us", "Can you text me less?"),
        *("idk who this is", "how'd you get my number", "se equivocaron de numero"),
    ],
)
def test_more_unclear_replies_go_to_review(text):
    assert_review(text)


@pytest.mark.parametrize("text", ["Kindly STOP", "STOP tysm", "help, thank you so much"])
def test_more_courtesy_words_leave_a_keyword_a_keyword(text):
    verdict = classify(text)
    assert verdict.detected_by == "keyword" and verdict.action in {"opt_out", "help"}, verdict


def test_a_search_compiles_only_the_rules_it_reaches():
    # Given a fresh rule list of three rules that start at different words, the first of which matches
    rules = reply_rules.Rules([r"\bstop texting\b", r"\bquit calling\b", r"\bend emailing\b"])
    # When a reply matching the first is searched
    assert rules.search("please stop texting me", None)
    # Then the rules after it are not compiled yet, and still match when reached
    assert rules.compiled.count(None) == 2
    assert rules.search("end emailing me", None)[0] == "end emailing"


@pytest.mark.parametrize(
    ("source", "parts"),
    [("a|b", ("a", "b")), ("(?:a|b)|c", ("(?:a|b)", "c")), (r"[|]|\||x", ("[|]", r"\|", "x")), ("abc", ("abc",))],
)
def test_top_level_alternatives_skip_groups_classes_and_escapes(source, parts):
    assert reply_rules._split_top(source) == parts


# --- third round (issue 12): classes the spent held-out set showed ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *(
            "Pls remove from list",
            "Knock it off with the texts",
            "kitenme d la lista",
            "Ya no quiero estar en su lista",
        ),
        *("This is my work phone, do not send texts here anymore", "No quiero que me sigan mandando mensajes"),
        *("This is not Maria. Wrong number. Please remove.", "Not Maria. Stop.", "Pare de me mandar mensagens"),
        *("Hindi ko na kailangan ng mga text ninyo", "Stop it. You're annoying"),
    ],
)
def test_list_removal_directives_and_a_revocation_beside_a_wrong_person_are_revocations(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        *("why did you stop sending the coupons? I miss them", "If I cancel my plan will I lose my number?"),
        *("Cancel my 8am and text me if something opens later", "Ni se les ocurra dejar de mandar los cupones jaja"),
        *("Don't you dare stop the Taco Tuesday texts 😤", "Désabonnez-moi des e-mails seulement, les textos ça va"),
        *("This isn't a stop request lol, just asking what time you open", "When does the sale stop?"),
        *("The stop-and-go traffic is awful, be there in 20", "My car makes a grinding noise when I stop"),
        *("Me dieron de baja del trabajo y perdí el seguro", "ya no tengo el código, me lo mandan otra vez?"),
    ],
)
def test_questions_about_stopping_dares_and_other_objects_are_ordinary_messages(text):
    assert_message(text)


def test_a_question_whether_something_else_stops_the_texts_is_not_a_revocation():
    assert classify("Does unsubscribing from emails stop the texts too? I don't want it to").action != "opt_out"


@pytest.mark.parametrize(
    "text",
    [
        *("I quit", "I already cancelled", "I'm no longer a customer", "not jessica", "Take a hint"),
        *("I'm not the person you're looking for", "This number is not Carlos"),
        *("Este número era de mi mamá que en paz descanse",),
    ],
)
def test_status_statements_and_wrong_persons_go_to_review(text):
    assert_review(text)


@pytest.mark.parametrize(
    "text",
    ["I quit smoking 3 weeks ago, does that change my quote?", "Wrong number on my account, my new one ends in 0199"],
)
def test_status_words_about_something_else_are_ordinary_messages(text):
    assert_message(text)


@pytest.mark.parametrize(
    "text",
    [
        # romanised stop requests the detector reads are revocations now (tests/unit/test_classify_convention.py)
        *("bas karo yeh messages", "chega", "kafi hai bhai", "dosta vise poruka"),
    ],
)
def test_latin_letters_mostly_in_words_neither_english_nor_spanish_go_to_review(text):
    verdict = classify(text)
    assert verdict.review and verdict.matched == "other-language", verdict


@pytest.mark.parametrize(
    "text", ["Stain remover worked great btw", "Happy holidays!", "tienen sillas altas para bebe?", "ok see u at 2pm"]
)
def test_english_and_spanish_with_rarer_words_are_not_another_language(text):
    assert_message(text)


@pytest.mark.parametrize(
    "text",
    [
        *("I have a new number", "DELETE", "tengo un numero nuevo", "no molesten", "ya no kiero nada con ustedes"),
        *("Stop, when is my prescription ready?", "STOP? what is this", "stop? q es esto"),
        *('sorry that "stop" was meant for someone else', "stop the promos but keep appointment reminders"),
    ],
)
def test_ambiguous_cues_a_stop_before_a_question_and_a_stop_meant_for_another_chat_go_to_review(text):
    assert_review(text)


@pytest.mark.parametrize(
    "text", ["No autorizo que me manden mensajes", "no more political texts", "Stop the shipping update texts, ok"]
)
def test_a_refusal_of_texts_that_no_rule_decides_is_never_an_ordinary_message(text):
    verdict = classify(text)
    assert verdict.action == "opt_out" or verdict.review, verdict


@pytest.mark.parametrize(
    "text", ["Who is this? STOP", "disable sms notifications pls", "stop a los mensajes porfa", "stop plzzz"]
)
def test_a_final_stop_marketing_switches_and_stretched_courtesy_are_revocations(text):
    assert_revocation(text)


@pytest.mark.parametrize(
    "text",
    [
        *("Which stop do I get off at for the clinic?", "on my way, 1 stop first", "un stop en la farmacia y llego"),
        *(
            "bus stop out front is closed so drop me at the corner",
            "desactiven las notificaciones de la app, los txt si",
        ),
    ],
)
def test_stop_as_a_noun_a_ride_and_app_notifications_are_ordinary_messages(text):
    assert_message(text)


def test_courtesy_words_stretched_or_many_thanks_leave_a_keyword():
    assert classify("STOP muchas gracias").detected_by == "keyword"
    assert classify("stop plzzz").detected_by == "keyword"
