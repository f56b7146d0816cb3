"""ULIDs for event ids: sortable by creation time, 26 Crockford base32 characters.

Written out rather than taken from a package: it is twelve lines and keeps the layer's import time down.
"""

from __future__ import annotations

import os
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_ulid(now_ms: int | None = None) -> str:
    millis = int(time.time() * 1000) if now_ms is None else now_ms
    value = (millis << 80) | int.from_bytes(os.urandom(10), "big")
    chars = []
    for _ in range(26):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def is_ulid(text: str) -> bool:
    """Whether ``text`` is an id ``new_ulid`` could have made (a page cursor of the review queue is one)."""
    return len(text) == 26 and text[0] in "01234567" and all(char in _ALPHABET for char in text)
