"""Classification of inbound message text into opt-out, opt-in, help or an ordinary message.

The word lists are data (DESIGN section 1). Keywords match the whole message after trimming whitespace, case and
surrounding punctuation or emoji.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Action = Literal["opt_out", "opt_in", "help", "message"]
DetectedBy = Literal["keyword", "phrase", "review"]

OPT_OUT_KEYWORDS = frozenset(
    {
        "STOP",
        "STOPALL",
        "STOP ALL",
        "UNSUBSCRIBE",
        "CANCEL",
        "END",
        "QUIT",
        "REVOKE",
        "OPTOUT",
        "OPT OUT",
        "OPT-OUT",
        "REMOVE",
        "ARRET",
    }
)
BRAND_SCOPE_KEYWORDS = frozenset({"STOPALL", "STOP ALL"})
OPT_IN_KEYWORDS = frozenset({"START", "UNSTOP", "YES"})
HELP_KEYWORDS = frozenset({"HELP", "INFO"})


@dataclass(frozen=True)
class Classification:
    action: Action
    matched: str | None = None  # the keyword or phrase that decided it
    detected_by: DetectedBy | None = None
    scope: Literal["sender", "brand"] = "sender"
    review: bool = False  # undecidable: recorded as a message and queued for a person


_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Upper-case, accents removed, inner whitespace collapsed, surrounding punctuation/symbols/emoji stripped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _SPACES.sub(" ", plain).strip()
    start, end = 0, len(plain)
    while start < end and not plain[start].isalnum():
        start += 1
    while end > start and not plain[end - 1].isalnum():
        end -= 1
    return plain[start:end].upper()


def classify(text: str, *, join_keywords: Iterable[str] = ()) -> Classification:
    word = normalize_text(text)
    if word in OPT_OUT_KEYWORDS:
        scope = "brand" if word in BRAND_SCOPE_KEYWORDS else "sender"
        return Classification("opt_out", word, "keyword", scope)
    if word in OPT_IN_KEYWORDS or word in {k.upper() for k in join_keywords}:
        return Classification("opt_in", word, "keyword")
    if word in HELP_KEYWORDS:
        return Classification("help", word, "keyword")
    return Classification("message")
