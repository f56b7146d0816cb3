"""How a reply that is not a keyword is read: the rules of ``classify_phrases`` (steps 2 to 5 of
``optledger.classify``), then the learned second opinion of ``reply_model`` on what they leave undecided.

Imported by ``classify`` on the first such reply. The model only reopens two verdicts: an ordinary message in which
the rules found no cue at all (queued when it resembles a revocation or an unclear reply), and a refusal of texts that
no rule decides (honoured when it reads as a revocation). What the rules decided on purpose stays as they decided it.
"""

from __future__ import annotations

from collections.abc import Iterable

from optledger.classify import Classification
from optledger.classify_phrases import _MESSAGE, LAST_MASKED, UNDECIDED, _patterns, _read_flat, _review
from optledger.reply_model import says
from optledger.reply_rules import Memo, reply_beginnings
from optledger.reply_text import decided, fold, reading

# what a review item or a revocation decided by ``reply_model`` shows as matched
LEARNED_REVIEW, LEARNED_REVOCATION = "resembles a revocation", "learned revocation"
_LEARNED_REVOCATION = Classification("opt_out", LEARNED_REVOCATION, "phrase")
_UNDECIDED = frozenset(UNDECIDED)  # the reviews classify_phrases queues because no rule of theirs decides them


def read(text: str, join_keywords: Iterable[str]) -> Classification:
    """The verdict of the rules on a reply that is not a keyword, and the learned second opinion on it where they
    left it undecided. A message the rules decided on purpose (a cue read as something else: ``_CLEARED``) and a reply
    queued for a reason of the rules' own (a limit on the texts, a joke, a keyword asked) are left as they are."""
    found = reading(fold(text))
    verdict = decided(text, found, lambda flat: _read_flat(text, flat, join_keywords))
    if verdict is _MESSAGE or (verdict.review and verdict.matched in _UNDECIDED):  # identity: read on every reply
        return _second_opinion(text, found[0], verdict)
    return verdict


def _second_opinion(text: str, flat: str, verdict: Classification) -> Classification:
    """An ordinary message that resembles a revocation or an unclear reply is queued, unless it is a single word (the
    rules read those: the model knows a word by its company) or the rules masked a cue in it as something else
    ("cancel my appointment": ``~``). A refusal of texts no rule decides ("I would like to no longer receive texts from
    you") that reads as a revocation is one, unless the rules saw texts welcomed in it. Each verdict asks only the
    head that can change it, and only when it can."""
    key = flat if text.isascii() else flat + _NOT_ASCII
    if verdict is _MESSAGE:
        # a single Latin word as typed ("idk", read "i dont know") is the rules' to read, as any single word
        one_word = " " not in flat or (text.isascii() and " " not in text.strip())
        return verdict if one_word or not _QUEUED[key] else _review(LEARNED_REVIEW)
    if _HONOURED[key] and not _patterns().keep.search(flat, reply_beginnings(flat)):
        return _LEARNED_REVOCATION
    return verdict


def _queued(key: str) -> bool:
    """Whether the ``queue`` head says yes to a flat form (``_NOT_ASCII`` after it when the reply was not ASCII) in
    which the rules masked no cue; a masked cue is never asked about."""
    flat = key.removesuffix(_NOT_ASCII)
    marked = masked(flat)
    return "~" not in marked and says("queue", marked, flat == key)


def _honoured(key: str) -> bool:
    flat = key.removesuffix(_NOT_ASCII)
    return says("honour", masked(flat), flat == key)


_NOT_ASCII = "\x00"
# a reply met again (a campaign's usual answers) pays one dict lookup
_QUEUED, _HONOURED = Memo(_queued, 4096), Memo(_honoured, 4096)


def masked(flat: str) -> str:
    """A flat form with what the rules mask as something else ("stop by", "cancel my appointment") written ``~``
    (the rules' own masking when they have just read it: every reply the model reads, they read first)."""
    last_flat, marked = LAST_MASKED[0]
    return marked if last_flat == flat else _patterns().masks.mask(flat, reply_beginnings(flat))
