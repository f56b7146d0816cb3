"""Who a caller is (optledger.api.auth) and which brands they reach (optledger.access), the FCC deadline and the
console's settings."""

from __future__ import annotations

import json

import pytest

from optledger import access, config, console, console_data, review_deadlines
from optledger.api import auth
from optledger.errors import Forbidden, NotFound, Unauthorized


def event(authorization: str | None = None, authorizer: dict | None = None) -> dict:
    return {
        "headers": {"authorization": authorization} if authorization else {},
        "requestContext": {"authorizer": authorizer} if authorizer else {},
    }


SECRETS = {"API_KEY": "all-key", "API_KEYS": json.dumps({"k-acme": ["acme"], "k-two": ["acme", "b"], "k-star": "*"})}


@pytest.mark.parametrize(
    ("key", "brands"),
    [("all-key", None), ("k-star", None), ("k-acme", frozenset({"acme"})), ("k-two", frozenset({"acme", "b"}))],
)
def test_api_keys_carry_their_brands(key, brands):
    caller = auth.authenticate(event(f"Bearer {key}"), SECRETS)
    assert caller.brands == brands and caller.kind == "api_key"
    assert caller.identity == ("api-key" if key == "all-key" else "api-key:" + auth.key_fingerprint(key)[8:])
    assert key not in caller.identity


@pytest.mark.parametrize("header", ["Bearer nope", "Basic azphY21l", "Bearer ", "bearer k-acmeX"])
def test_wrong_keys_are_refused(header):
    with pytest.raises(Forbidden):
        auth.authenticate(event(header), SECRETS)


def test_no_credentials_is_a_401():
    with pytest.raises(Unauthorized):
        auth.authenticate(event(), SECRETS)


@pytest.mark.parametrize("table", ['["k"]', '{"k": 3}', '{"k": [""]}', "not json"])
def test_a_malformed_key_table_is_a_configuration_error(table):
    with pytest.raises(ValueError):
        auth.authenticate(event("Bearer k"), {"API_KEYS": table})


def test_iam_principals_see_every_brand():
    caller = auth.authenticate(event(authorizer={"iam": {"userArn": "arn:aws:iam::1:role/x"}}), {})
    assert caller.brands is None and caller.identity == "arn:aws:iam::1:role/x"


@pytest.mark.parametrize(
    ("groups", "brands"),
    [
        ("[brand-acme]", frozenset({"acme"})),
        ("[brand-acme brand:globex staff]", frozenset({"acme", "globex"})),
        (["brand-acme"], frozenset({"acme"})),
        ('["brand:acme", "admins"]', None),
        ("[admins]", None),
    ],
)
def test_console_users_get_the_brands_of_their_groups(groups, brands):
    claims = {"username": "u1", "cognito:groups": groups}
    caller = auth.authenticate(event("Bearer jwt", {"jwt": {"claims": claims}}), {"API_KEY": "jwt"})
    # The JWT wins over a bearer that happens to equal an API key: API Gateway checked the token.
    assert caller.kind == "user" and caller.brands == brands and caller.identity == "user:u1"


@pytest.mark.parametrize("claims", [{"username": "u"}, {"username": "u", "cognito:groups": "[staff brand-]"}])
def test_a_user_in_no_brand_group_is_refused(claims):
    with pytest.raises(Forbidden):
        auth.authenticate(event(authorizer={"jwt": {"claims": claims}}), {})


def test_scoped_turns_not_found_into_the_refusal_for_restricted_callers_only():
    def missing():
        raise NotFound("no consent history", fields={"phone": "unknown"})

    with pytest.raises(Forbidden) as refused:
        access.scoped(access.Caller("x", "api_key", frozenset({"a"})), missing)
    assert refused.value.message == access.REFUSED and not refused.value.fields
    with pytest.raises(NotFound):
        access.scoped(access.Caller("x", "iam", None), missing)


@pytest.mark.parametrize(
    ("occurred_at", "deadline"),
    [
        ("2026-11-20T15:00:00.000Z", "2026-12-07T23:59:59.999Z"),  # Thanksgiving (26 Nov) is not a business day
        ("2026-12-01T10:00:00.000Z", "2026-12-15T23:59:59.999Z"),  # two weekends
        ("2026-12-18T10:00:00.000Z", "2027-01-05T23:59:59.999Z"),  # Christmas and New Year's Day (observed Fridays)
        ("2026-07-02T10:00:00.000Z", "2026-07-17T23:59:59.999Z"),  # 4 July on a Saturday: observed Friday 3 July
    ],
)
def test_the_fcc_deadline_is_ten_business_days_after_the_reply(occurred_at, deadline):
    assert review_deadlines.fcc_deadline(occurred_at) == deadline


@pytest.mark.parametrize(
    "key", ["bundles/numbers/acme/+1415/x.zip", "anchors/acme", "anchors/../acme/x.json", "bundles/daily//x", 7]
)
def test_only_daily_bundle_and_anchor_keys_get_links(key):
    with pytest.raises(Exception) as refused:
        console_data.brand_of_key(key)
    assert refused.value.status == 422


def test_console_signs_in_with_cognito_only_when_configured():
    local = config.Settings.from_env({})
    assert console.sign_in(local) == {"mode": "api_key"}
    assert "connect-src 'self';" in console.content_security_policy(local) + ";"
    aws = config.Settings.from_env(
        {"OPTLEDGER_COGNITO_DOMAIN": "https://p.auth.us-east-1.amazoncognito.com/", "OPTLEDGER_COGNITO_CLIENT_ID": "c1"}
    )
    answer = console.sign_in(aws)
    assert answer["mode"] == "cognito" and answer["client_id"] == "c1"
    assert answer["token_url"] == "https://p.auth.us-east-1.amazoncognito.com/oauth2/token"
    policy = console.content_security_policy(aws)
    assert "connect-src 'self' https://p.auth.us-east-1.amazoncognito.com" in policy
    assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy
