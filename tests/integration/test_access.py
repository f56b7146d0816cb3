"""Per-brand access on every authenticated route, both ways (DESIGN section 3).

The access matrix: callers (API keys with brands, the all-brands API key, an IAM principal, console users by Cognito
group) x every route of the consents function x a target of the caller's own brand, of another brand, and one that
does not exist. A restricted caller gets 2xx for its own brand and the same 403 body for another brand's target as
for one that does not exist, and a refused request writes nothing; an unrestricted caller reaches both brands and
gets the route's ordinary "not found".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from optledger import evidence as evidence_module
from optledger import runtime
from optledger.models import Campaign
from tests.support.brands import GLOBEX
from tests.support.functions import function
from tests.support.twilio import form, http_api_event, load_event

webhooks = function("webhooks")
consents = function("consents")

ACME_PHONE = "+14155550123"
GLOBEX_PHONE = "+14155550177"
UNKNOWN_PHONE = "+14155550199"  # no history with any brand
KEYS = {"key-acme": ["acme"], "key-globex": ["globex"], "key-star": "*", "key-both": ["acme", "globex"]}


@dataclass(frozen=True)
class Who:
    name: str
    restricted: bool  # to acme
    authorizer: dict[str, Any] | None = None
    key: str | None = None

    @property
    def prefix(self) -> str:
        # Console users come through /console/api (the JWT route); machines call the routes themselves.
        return "/console/api" if self.authorizer and "jwt" in self.authorizer else ""


def jwt(username: str, groups: str) -> dict[str, Any]:
    # API Gateway flattens the claim's list into the text "[a b]" in the request context.
    return {"jwt": {"claims": {"username": username, "cognito:groups": groups, "token_use": "access"}, "scopes": None}}


RESTRICTED = [
    Who("api key of acme", True, key="key-acme"),
    Who("console user in brand-acme", True, authorizer=jwt("alice@acme.example", "[brand-acme]")),
    Who("console user in brand:acme and another group", True, authorizer=jwt("bob", "[staff brand:acme]")),
]
UNRESTRICTED = [
    Who("OPTLEDGER_API_KEY", False, key="test-api-key"),
    Who("api key with *", False, key="key-star"),
    Who("IAM principal", False, authorizer={"iam": {"userArn": "arn:aws:iam::123456789012:role/platform"}}),
    Who("console user in admins", False, authorizer=jwt("root@platform.example", "[admins]")),
]


def call(who: Who, method: str, path: str, *, body: Any = None, query: dict[str, str] | None = None, context=None):
    event = load_event("api/consents_check.json")
    full = who.prefix + path
    event["rawPath"] = event["requestContext"]["http"]["path"] = full
    event["requestContext"]["http"]["method"] = method
    event["routeKey"] = event["requestContext"]["routeKey"] = f"{method} {full}"
    event["rawQueryString"] = urlencode(query or {})
    event["queryStringParameters"] = query or None
    event["body"] = json.dumps(body) if body is not None else None
    if who.authorizer:
        event["requestContext"]["authorizer"] = who.authorizer
        event["headers"]["authorization"] = "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"  # checked by API Gateway
    else:
        event["headers"]["authorization"] = f"Bearer {who.key}"
    response = consents.lambda_handler(event, context)
    return response["statusCode"], json.loads(response["body"])


@pytest.fixture
def world(env, lambda_context, monkeypatch):
    """acme (the demo campaigns) and globex, each with a number that opted in and a reply waiting for review."""
    monkeypatch.setenv("OPTLEDGER_API_KEYS", json.dumps(KEYS))
    runtime.campaigns().put(Campaign.from_dict(GLOBEX))
    for phone, to, tag in ((ACME_PHONE, "+18885550100", "A"), (GLOBEX_PHONE, "+18885550200", "G")):
        for n, text in enumerate(("START", "not interested")):
            sid = f"SM{tag}{n}".ljust(34, "0")
            assert (
                webhooks.lambda_handler(http_api_event(form(text, sid=sid, sender=phone, to=to)), lambda_context)[
                    "statusCode"
                ]
                == 200
            )
    reviews = {b: runtime.store().list_reviews(b)[0][0]["event_id"] for b in ("acme", "globex")}
    return {"reviews": reviews, "env": env}


def daily(world) -> dict[str, str]:
    """Compile today's daily bundles and anchors of both brands; the anchor key of each brand."""
    if "anchors" not in world:
        day = datetime.now(UTC).date().isoformat()
        results = evidence_module.compile_day(
            day,
            store=runtime.store(),
            evidence=runtime.evidence(),
            directory=runtime.campaigns().directory(),
            now=datetime.now(UTC) + timedelta(days=1),  # today has ended, as far as this compile knows
        )
        world["anchors"] = {r.brand: r.anchor_key for r in results}
    return world["anchors"]


# Each route: (name, build(world, target) -> (method, path, body, query), own status, unrestricted "unknown" status).
Target = str  # "own" (acme), "other" (globex) or "unknown"
PHONES = {"own": ACME_PHONE, "other": GLOBEX_PHONE, "unknown": UNKNOWN_PHONE}
CAMPAIGNS = {"own": "C7CHAT", "other": "G1CHAT", "unknown": "NOSUCH"}
BRANDS = {"own": "acme", "other": "globex", "unknown": "initech"}


def _review_id(world, target: Target) -> str:
    ids = {"own": world["reviews"]["acme"], "other": world["reviews"]["globex"], "unknown": "01NOSUCHREVIEW000000"}
    return ids[target]


def _event(target: Target) -> dict[str, Any]:
    return {
        "phone": PHONES[target] if target != "unknown" else UNKNOWN_PHONE,
        "campaign": CAMPAIGNS[target],
        "type": "opt_out",
        "channel": "email",
        "subject": "consumer@example.com",
        "occurred_at": datetime.now(UTC).isoformat(),
    }


def _daily_key(world, target: Target) -> str:
    anchors = daily(world)
    if target == "unknown":
        return "anchors/acme/1999-01-01.json"
    return anchors["acme" if target == "own" else "globex"]


ROUTES: list[tuple[str, Callable[[dict, Target], tuple], int, int]] = [
    ("GET /consents/{phone}", lambda w, t: ("GET", "/consents/" + quote(PHONES[t]), None, None), 200, 404),
    (
        "GET /consents/{phone}?brand=",
        lambda w, t: ("GET", "/consents/" + quote(PHONES["own"]), None, {"brand": BRANDS[t]}),
        200,
        404,
    ),
    ("POST /consents/lookup", lambda w, t: ("POST", "/consents/lookup", {"phone": PHONES[t]}, None), 200, 404),
    (
        "POST /consents/check",
        lambda w, t: (
            "POST",
            "/consents/check",
            {"phone": PHONES[t], "campaign": CAMPAIGNS[t], "purpose": "conversational"},
            None,
        ),
        200,
        404,
    ),
    ("POST /consents/events", lambda w, t: ("POST", "/consents/events", _event(t), None), 201, 404),
    ("POST /evidence", lambda w, t: ("POST", "/evidence", {"phone": PHONES[t]}, None), 201, 404),
    (
        "POST /evidence (campaign)",
        lambda w, t: ("POST", "/evidence", {"phone": ACME_PHONE, "campaign": CAMPAIGNS[t]}, None),
        201,
        404,
    ),
    ("GET /campaigns/{id}", lambda w, t: ("GET", "/campaigns/" + CAMPAIGNS[t], None, None), 200, 404),
    (
        "PUT /campaigns/{id}",
        lambda w, t: ("PUT", "/campaigns/" + CAMPAIGNS[t], _put_body(t), None),
        200,
        201,
    ),
    ("GET /reviews?brand=", lambda w, t: ("GET", "/reviews", None, {"brand": BRANDS[t]}), 200, 404),
    (
        "POST /reviews/{event_id}",
        lambda w, t: (
            "POST",
            "/reviews/" + _review_id(w, t),
            {"decision": "revocation", "agent_id": "a1"},
            {"brand": "globex" if t == "other" else "acme"},
        ),
        200,
        404,
    ),
    (
        "POST /reviews/{event_id}?brand=",
        lambda w, t: (
            "POST",
            "/reviews/" + _review_id(w, "own"),
            {"decision": "not_revocation", "agent_id": "a1"},
            {"brand": BRANDS[t]},
        ),
        200,
        404,
    ),
    ("GET /evidence/daily?brand=", lambda w, t: ("GET", "/evidence/daily", None, {"brand": BRANDS[t]}), 200, 404),
    ("POST /evidence/links", lambda w, t: ("POST", "/evidence/links", {"key": _daily_key(w, t)}, None), 201, 404),
]


def _put_body(target: Target) -> dict[str, Any]:
    if target == "other":
        return {**GLOBEX, "name": "Globex Support (renamed)"}
    if target == "unknown":
        return {**GLOBEX, "id": "NOSUCH", "senders": ["+18885550299"]}  # a new campaign of the other brand
    document = runtime.campaigns().directory().get("C7CHAT").to_dict()
    return {**document, "name": "Acme Support Chat (renamed)"}


def _unrestricted_expected(route: str, target: Target, own_status: int, unknown_status: int) -> int:
    if target == "unknown":
        return unknown_status
    if route == "POST /reviews/{event_id}?brand=" and target == "other":
        return 404  # the acme reply is not in globex's queue
    if route == "POST /evidence (campaign)" and target == "other":
        return 404  # the acme number has no history with globex
    if route == "GET /consents/{phone}?brand=" and target == "other":
        return 404
    return own_status


@pytest.mark.parametrize("who", RESTRICTED, ids=lambda w: w.name)
@pytest.mark.parametrize(("route", "build", "own_status", "unknown_status"), ROUTES, ids=[r[0] for r in ROUTES])
def test_a_restricted_caller_reaches_its_brand_and_nothing_else(
    world, lambda_context, who, route, build, own_status, unknown_status
):
    answers = {}
    for target in ("other", "unknown"):
        method, path, body, query = build(world, target)
        before = world["env"].items()
        answers[target] = call(who, method, path, body=body, query=query, context=lambda_context)
        assert answers[target][0] == 403, (target, answers[target])
        assert world["env"].items() == before, f"{target}: a refused request wrote something"
    # Another brand's target and one that does not exist get the very same answer.
    refused = (403, {"error": "forbidden", "message": "not allowed for this caller"})
    assert answers["other"] == answers["unknown"] == refused

    method, path, body, query = build(world, "own")
    status, answer = call(who, method, path, body=body, query=query, context=lambda_context)
    assert status == own_status, answer


@pytest.mark.parametrize("who", UNRESTRICTED, ids=lambda w: w.name)
@pytest.mark.parametrize(("route", "build", "own_status", "unknown_status"), ROUTES, ids=[r[0] for r in ROUTES])
def test_an_unrestricted_caller_reaches_every_brand(
    world, lambda_context, who, route, build, own_status, unknown_status
):
    for target in ("own", "other", "unknown"):
        method, path, body, query = build(world, target)
        status, answer = call(who, method, path, body=body, query=query, context=lambda_context)
        assert status == _unrestricted_expected(route, target, own_status, unknown_status), (target, answer)


def test_lists_show_only_the_callers_brands(world, lambda_context):
    acme, star = RESTRICTED[0], UNRESTRICTED[1]
    listed = call(acme, "GET", "/campaigns", context=lambda_context)[1]["campaigns"]
    assert {c["brand"] for c in listed} == {"acme"}
    everything = call(star, "GET", "/campaigns", context=lambda_context)[1]["campaigns"]
    assert {c["brand"] for c in everything} == {"acme", "globex"}
    # A caller of one brand needs no ?brand= for its queue; one with several must choose.
    assert call(acme, "GET", "/reviews", context=lambda_context)[1]["brand"] == "acme"
    assert call(Who("both", True, key="key-both"), "GET", "/reviews", context=lambda_context)[0] == 409
    assert call(acme, "GET", "/caller", context=lambda_context)[1] == {
        "identity": call(acme, "GET", "/caller", context=lambda_context)[1]["identity"],
        "kind": "api_key",
        "brands": ["acme"],
        "known_brands": ["acme"],
    }


def test_a_number_with_history_in_two_brands_shows_each_caller_its_own(world, lambda_context):
    # The globex number also texts acme: acme's caller sees acme's chain only, the all-brands caller must choose.
    webhooks.lambda_handler(
        http_api_event(form("START", sid="SMX".ljust(34, "0"), sender=GLOBEX_PHONE, to="+18885550100")), lambda_context
    )
    body = {"phone": GLOBEX_PHONE}
    status, record = call(RESTRICTED[0], "POST", "/consents/lookup", body=body, context=lambda_context)
    assert status == 200 and record["brand"] == "acme" and {e["brand"] for e in record["events"]} == {"acme"}
    assert call(UNRESTRICTED[1], "POST", "/consents/lookup", body=body, context=lambda_context)[0] == 409


def test_a_console_user_decides_as_themselves(world, lambda_context):
    alice = RESTRICTED[1]
    event_id = world["reviews"]["acme"]
    status, answer = call(
        alice,
        "POST",
        f"/reviews/{event_id}",
        body={"decision": "revocation", "agent_id": "someone-else"},
        context=lambda_context,
    )
    assert status == 200
    opt_out = runtime.store().iter_events("acme", ACME_PHONE)
    [event] = [e for e in opt_out if e["event_id"] == answer["opt_out_event_id"]]
    assert event["evidence"]["agent_id"] == "user:alice@acme.example"
    assert event["source"]["api"] == "user:alice@acme.example"


@pytest.mark.parametrize(
    ("authorizer", "header", "status"),
    [
        (None, None, 401),
        (None, "Bearer wrong-key", 403),
        (None, "Basic a2V5LWFjbWU6", 403),
        (jwt("carol", "[staff]"), None, 403),  # signed in, but in no brand group
        (jwt("", "[admins]"), None, 401),  # a token that names nobody
    ],
)
def test_callers_without_a_brand_or_credentials_are_refused(world, lambda_context, authorizer, header, status):
    event = load_event("api/consents_check.json")
    event["headers"].pop("authorization")
    if header:
        event["headers"]["authorization"] = header
    if authorizer:
        event["requestContext"]["authorizer"] = authorizer
    response = consents.lambda_handler(event, lambda_context)
    assert response["statusCode"] == status
