"""Verification of HMAC-signed JWTs (HS256/HS384/HS512), written against RFC 7519 with hmac: no PyJWT dependency.

Only the signature and the algorithm are checked here; each adapter checks its own claims (times, hashes, issuer).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from optledger.errors import SignatureError
from optledger.providers._common import b64decode

_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
MAX_TOKEN_LENGTH = 8192


def _segment_json(segment: str, what: str) -> dict[str, Any]:
    raw = b64decode(segment, what=f"JWT {what}", urlsafe=True)
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise SignatureError(f"JWT {what} is not JSON") from exc
    if not isinstance(value, dict):
        raise SignatureError(f"JWT {what} is not a JSON object")
    return value


def verify_hs_jwt(token: str, key: bytes, *, algorithms: tuple[str, ...] = ("HS256",)) -> dict[str, Any]:
    """The claims of ``token`` if its HMAC signature under ``key`` is valid with an allowed algorithm.

    Anything else is a SignatureError.

    ``alg`` comes from the token header but must be one of ``algorithms`` (never ``none``), so the header cannot
    downgrade the check.
    """
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise SignatureError("JWT is missing or too long")
    parts = token.strip().split(".")
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise SignatureError("JWT must have three parts")
    header = _segment_json(parts[0], "header")
    algorithm = header.get("alg")
    if not isinstance(algorithm, str) or algorithm not in algorithms or algorithm not in _HASHES:
        raise SignatureError("JWT algorithm is not allowed")
    if not parts[2]:
        raise SignatureError("JWT signature is missing")
    signature = b64decode(parts[2], what="JWT signature", urlsafe=True)
    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii", errors="replace")
    expected = hmac.new(key, signing_input, _HASHES[algorithm]).digest()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError("JWT signature does not match")
    return _segment_json(parts[1], "claims")


def sign_hs_jwt(claims: dict[str, Any], key: bytes, *, algorithm: str = "HS256") -> str:
    """Build a token (used by tests and local tooling to produce provider-shaped requests)."""
    import base64

    def encode(value: bytes) -> str:
        return base64.urlsafe_b64encode(value).rstrip(b"=").decode("ascii")

    header = encode(
        json.dumps({"alg": algorithm, "typ": "JWT"}, separators=(",", ":")).encode("utf-8", "surrogatepass")
    )
    payload = encode(json.dumps(claims, separators=(",", ":")).encode("utf-8", "surrogatepass"))
    signature = hmac.new(key, f"{header}.{payload}".encode("ascii"), _HASHES[algorithm]).digest()
    return f"{header}.{payload}.{encode(signature)}"
