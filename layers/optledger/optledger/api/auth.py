"""Who is calling an authenticated route: what API Gateway verified, or a bearer API key (locally).

Three kinds of caller reach the authenticated routes (the brands each may see are ``optledger.access.Caller``'s):

- an IAM principal (API Gateway's IAM authorizer signed the request): the platform's own systems, every brand;
- a console user (API Gateway's JWT authorizer checked a Cognito access token): the brands of their user-pool
  groups, ``brand-<id>`` or ``brand:<id>`` each, and ``admins`` for every brand;
- locally, a bearer API key: ``OPTLEDGER_API_KEY`` (every brand) or one of ``OPTLEDGER_API_KEYS``, a JSON object
  mapping each key to its brands (a list of brand ids, or ``"*"`` for every brand).

``caller_middleware`` runs before every route of an authenticated function: the one place a caller is authenticated.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from optledger import config
from optledger.access import Caller, scoped
from optledger.digest import sha256_hex
from optledger.errors import Forbidden, Unauthorized

if TYPE_CHECKING:
    from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
    from aws_lambda_powertools.event_handler.middlewares import NextMiddleware

ADMIN_GROUP = "admins"
GROUP_PREFIXES = ("brand-", "brand:")
KEYS_FORMAT = "OPTLEDGER_API_KEYS must be a JSON object: key -> list of brands or '*'"


def key_fingerprint(key: str) -> str:
    """How an API key appears in the ledger and logs: never the key itself."""
    return "api-key:" + sha256_hex(key)[:12]


def _brands_of(value: Any) -> frozenset[str] | None:
    if value == "*":
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(b, str) and b for b in value):
        raise ValueError("each OPTLEDGER_API_KEYS value must be a list of brand ids or '*'")
    if "*" in value:
        return None
    return frozenset(value)


def api_keys(secrets: Mapping[str, str]) -> list[tuple[str, frozenset[str] | None]]:
    """Every accepted key with its brands: ``API_KEY`` (all brands) and the entries of ``API_KEYS``."""
    keys: list[tuple[str, frozenset[str] | None]] = []
    if secrets.get("API_KEY"):
        keys.append((secrets["API_KEY"], None))
    if secrets.get("API_KEYS"):
        try:
            table = json.loads(secrets["API_KEYS"])
        except ValueError as exc:
            raise ValueError(KEYS_FORMAT) from exc
        if not isinstance(table, dict):
            raise ValueError(KEYS_FORMAT)
        keys.extend((str(key), _brands_of(brands)) for key, brands in table.items() if key)
    return keys


def groups_of(claims: Mapping[str, Any]) -> list[str]:
    """``cognito:groups`` as API Gateway passes it: a list, or flattened to the text ``[a b]`` in the context."""
    value = claims.get("cognito:groups")
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
            if isinstance(parsed, list):
                return [str(v) for v in parsed]
        except ValueError:
            pass
        text = text.strip("[]")
    return [g for g in text.replace(",", " ").split() if g]


def user_caller(claims: Mapping[str, Any]) -> Caller:
    """A console user: the brands of their groups, every brand for ``admins``, none (refused) otherwise."""
    groups = groups_of(claims)
    identity = str(claims.get("username") or claims.get("cognito:username") or claims.get("sub") or "")
    if not identity:
        raise Unauthorized("the token names no user")
    if ADMIN_GROUP in groups:
        return Caller("user:" + identity, "user", None)
    brands = frozenset(g[len(p) :] for g in groups for p in GROUP_PREFIXES if g.startswith(p) and len(g) > len(p))
    if not brands:
        raise Forbidden("this user belongs to no brand group")
    return Caller("user:" + identity, "user", brands)


def authenticate(event: Mapping[str, Any], secrets: Mapping[str, str] | None = None) -> Caller:
    """The caller of an authenticated route, from what API Gateway verified or the bearer API key."""
    authorizer = (event.get("requestContext") or {}).get("authorizer") or {}
    if isinstance(authorizer, dict):
        iam = authorizer.get("iam")
        if isinstance(iam, dict) and iam.get("userArn"):
            return Caller(str(iam["userArn"]), "iam", None)
        jwt = authorizer.get("jwt")
        if isinstance(jwt, dict) and isinstance(jwt.get("claims"), dict):
            return user_caller(jwt["claims"])
    header = (event.get("headers") or {}).get("authorization", "")
    if not header:
        raise Unauthorized("credentials required: Authorization: Bearer <api key>")
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise Forbidden("invalid credentials")
    secrets = config.secrets() if secrets is None else secrets
    known = api_keys(secrets)
    # Every key is compared (constant time each), so the answer's timing does not depend on which one matched.
    # hmac directly: the providers' helper is the same, and importing the provider registry would cost a cold start.
    given = key.encode("utf-8")
    matched = [
        (i, brands) for i, (expected, brands) in enumerate(known) if hmac.compare_digest(given, expected.encode())
    ]
    if not matched:
        raise Forbidden("invalid credentials")
    index, brands = matched[0]
    # The one all-brands key keeps the name it always had in the ledger; the keys of OPTLEDGER_API_KEYS are told
    # apart by a fingerprint.
    single = index == 0 and bool(secrets.get("API_KEY"))
    return Caller("api-key" if single else key_fingerprint(key), "api_key", brands)


def caller_middleware(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[Any]:
    """Every route of an authenticated function: who is calling (``app.context["caller"]``), and for a caller
    restricted to some brands, "not found" answered as the same 403 as another brand's data."""
    caller = authenticate(app.current_event.raw_event)
    app.append_context(caller=caller)
    return scoped(caller, lambda: next_middleware(app))
