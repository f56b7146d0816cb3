"""CORS for the web opt-in route: which origins a campaign accepts is the campaign's (``optledger.optins``); how a
browser is told is here."""

from __future__ import annotations

from optledger.campaigns import Directory
from optledger.errors import Forbidden
from optledger.optins import origin_allowed

PREFLIGHT_MAX_AGE = "600"


def allowed_anywhere(origin: str | None, directory: Directory, *, own_origin: str) -> bool:
    """Some campaign accepts opt-ins from ``origin`` (the body, and so the campaign, may not be known yet)."""
    if not origin:
        return False
    return any(origin_allowed(origin, c, own_origin=own_origin) for c in directory.by_id.values())


def cors_headers(origin: str | None) -> dict[str, str]:
    if not origin:
        return {"Vary": "Origin"}
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}


def refusal_headers(origin: str | None, directory: Directory, *, own_origin: str) -> dict[str, str]:
    """A refused opt-in is still readable by a page of an allowed origin, so the form can show what went wrong."""
    return cors_headers(origin) if allowed_anywhere(origin, directory, own_origin=own_origin) else {}


def preflight_headers(origin: str | None, directory: Directory, *, own_origin: str) -> dict[str, str]:
    """CORS preflight: any campaign's allowed origin passes here; the POST itself is checked against its campaign's
    list."""
    if not allowed_anywhere(origin, directory, own_origin=own_origin):
        raise Forbidden("origin not allowed", fields={"origin": "not in any campaign's allowed_origins"})
    return {
        **cors_headers(origin),
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": "content-type",
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
    }
