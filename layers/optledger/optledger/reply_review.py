"""A second look at a reply every rule of ``classify_phrases`` left an ordinary message.

Unclear replies often carry no revocation word at all: "I'm not the patient", "this phone belongs to a 9 year old", "we
didn't renew the zoo pass", "solo los fines de semana porfa", "saquen a mi hija de esto", "¿por qué me siguen
escribiendo?". Their grammar is data, ``data/review_grammar.json``, one list per class of docs/rules.md ("Where the line
falls": not the consumer, a relationship over, a partial request, another person, a complaint, a refusal or a question
about STOP), written against the same flat form as ``data/phrases.json`` and tried through the same rule index, so a
reply pays only for the patterns that could start at one of its words.

This module only ever turns an ordinary message into one queued for review: it is asked nothing about a reply the rules
found to be a revocation, a keyword or already unclear.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import NamedTuple

from optledger.classify import _DATA_DIR
from optledger.reply_rules import Rules

_MACRO = re.compile(r"\{(\w+)\}")


class _Grammar(NamedTuple):
    """The classes of ``data/review_grammar.json``, in three indexes by what may keep them from counting."""

    explaining: Rules  # not the consumer, a relationship over: unclear alone, an explanation beside a request
    partial: Rules  # a request limited to some texts or times: about another channel when one is named
    unclear: Rules  # another person, a complaint, a refusal, a question about STOP, another channel asked for
    calls: Rules  # a request about calls alone: beside texts named, a message
    request: re.Pattern[str]
    other_channel: re.Pattern[str]
    texts_named: re.Pattern[str]
    welcome: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    """Read and indexed on the first reply that reaches it; each pattern is compiled when a reply first needs it."""
    data = json.loads((_DATA_DIR / "review_grammar.json").read_text(encoding="utf-8"))
    vocab: dict[str, str] = data["vocab"]

    def own(pattern: str) -> str:
        # this file's macros first (they may name phrases.json ones, which the rule index expands after)
        for _ in range(2):
            pattern = _MACRO.sub(lambda m: vocab.get(m[1], m[0]), pattern)
        return pattern

    def rules(*names: str) -> Rules:
        return Rules(own(pattern) for name in names for pattern in data[name])

    return _Grammar(
        explaining=rules("not_consumer", "over"),
        partial=rules("partial"),
        unclear=rules("other_person", "complaint", "refusal", "channel"),
        calls=rules("calls"),
        **{gate: re.compile(data["gates"][gate]) for gate in ("request", "other_channel", "texts_named", "welcome")},
    )


def second_look(flat: str, beginnings: frozenset[str] | None, *, welcomed: bool = False) -> str | None:
    """The words that make an ordinary-looking reply unclear, or None: ``flat`` is the reply's flat form.

    ``welcomed``: the rules read some texts as wanted ("keep my reminders"); only a partial request is looked for.
    """
    grammar = _grammar()
    if welcomed:
        found = grammar.partial.search(flat, beginnings)
        return found[0] if found and not grammar.other_channel.search(flat) else None
    if grammar.welcome.search(flat):  # "no me den de baja, cambié de teléfono": texts wanted, said outright
        return None
    if found := grammar.unclear.search(flat, beginnings):
        return found[0]
    if (found := grammar.calls.search(flat, beginnings)) and not grammar.texts_named.search(flat):
        return found[0]
    # "stop the promos, keep the reminders" is unclear; "cancel email alerts, keep the texts" is about emails
    if (found := grammar.partial.search(flat, beginnings)) and not grammar.other_channel.search(flat):
        return found[0]
    # "I quit the gym" is unclear; "I quit the gym, why was I charged?" explains a question about something else
    if (found := grammar.explaining.search(flat, beginnings)) and not grammar.request.search(
        f"{flat[: found.start()]} | {flat[found.end() :]}"
    ):
        return found[0]
    return None
