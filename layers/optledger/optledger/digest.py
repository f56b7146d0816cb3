"""The one way OptLedger writes a SHA-256: lowercase hex of the bytes (text is hashed as its UTF-8)."""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
