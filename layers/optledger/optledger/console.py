"""The compliance console's static files (``GET /console``) and the headers that lock them down.

Plain HTML, one script and one style sheet, served from package data: no build step, no framework. The page holds no
data; everything it shows comes from the business routes under ``/console/api`` with the signed-in user's
credentials. The Content-Security-Policy allows only this origin's own script and style (no inline code), and network
calls to this origin and, in AWS, to the Cognito sign-in domain (the token exchange of the code flow).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from optledger import config

ASSETS = {
    "console.js": "text/javascript; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
PAGE = "index.html"
HTML = "text/html; charset=utf-8"


@cache
def asset(name: str) -> str:
    return resources.files("optledger").joinpath("data", "console", name).read_text(encoding="utf-8")


def content_security_policy(settings: config.Settings) -> str:
    connect = "'self'" + (f" {settings.cognito_domain}" if settings.cognito_domain else "")
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            f"connect-src {connect}",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )


def headers(settings: config.Settings) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def sign_in(settings: config.Settings) -> dict[str, Any]:
    """How the page signs in: an API key typed once (local runs), or Cognito's hosted UI (code flow with PKCE)."""
    if not (settings.cognito_domain and settings.cognito_client_id):
        return {"mode": "api_key"}
    return {
        "mode": "cognito",
        "authorize_url": f"{settings.cognito_domain}/oauth2/authorize",
        "token_url": f"{settings.cognito_domain}/oauth2/token",
        "logout_url": f"{settings.cognito_domain}/logout",
        "client_id": settings.cognito_client_id,
        "scope": "openid email",
    }


def config_document(settings: config.Settings) -> str:
    return json.dumps({"sign_in": sign_in(settings), "api": "console/api"}, separators=(",", ":"))
