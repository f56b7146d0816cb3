"""A bounded load on ``optledger serve`` over loopback, and the check that nothing it accepted was lost.

``run_load`` drives the served API from a few threads (one keep-alive connection each) for at most ``seconds`` and at
most ``max_requests`` requests, with a mix of signed Twilio webhooks (STOP, START, HELP, ordinary messages, and
redeliveries of webhooks already sent), web opt-ins (form and JSON) and consent reads (the send gate, and the consent
record of a number with an acknowledged write, which must be found). The numbers come from a small pool so that
concurrent appends race on the same chains.

``verify_ledger`` then reads the embedded DynamoDB directly: every accepted write is in the ledger (a webhook by its
MessageSid, exactly once even when redelivered; an opt-in by its event id), every chain verifies, and the day's
evidence bundles, written and checked by the ``optledger bundle`` and ``optledger verify`` commands as a user runs
them, verify against the day's anchor.
"""

from __future__ import annotations

import http.client
import itertools
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from optledger.chain import sha256_hex, verify_chain
from tests.support.optins import ALERTS_DISCLOSURE, DEALS_DISCLOSURE
from tests.support.serve import ROOT, Served, run_optledger
from tests.support.twilio import form, signed

SENDER = "+18885550100"  # the demo campaigns' number (C7CHAT, C7ALERTS, C7DEALS send from it)
ORIGIN = "https://acme.example"  # in the demo campaigns' allowed_origins
MIX = {
    "webhook_stop": 10,
    "webhook_start": 10,
    "webhook_help": 5,
    "webhook_message": 15,
    "webhook_duplicate": 10,
    "optin_form": 12,
    "optin_json": 12,
    "consent_check": 16,
    "consent_get": 10,
}
TEXTS = {"webhook_stop": "STOP", "webhook_start": "START", "webhook_help": "HELP", "webhook_message": "see you at 5"}


@dataclass
class Sent:
    kind: str
    status: int
    seconds: float
    phone: str
    sid: str | None = None  # a webhook's MessageSid
    event_id: str | None = None  # an opt-in's answer
    refusal: str | None = None  # the body of an answer outside 2xx, to say which request failed and why


@dataclass
class LoadResult:
    seconds: float
    sent: list[Sent]
    transport_errors: Counter[str] = field(default_factory=Counter)

    @property
    def statuses(self) -> Counter[int]:
        return Counter(s.status for s in self.sent)

    def latencies(self, kind: str) -> list[float]:
        return [s.seconds for s in self.sent if s.kind == kind]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


class _Client:
    """One thread's keep-alive connection to the served API."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1", "the load runs on loopback only"
        self.host, self.port = parts.hostname, parts.port
        self.connection: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (ConnectionError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


class _Plan:
    """Hands out the next request to the worker threads (thread-safe), within the time and count bounds."""

    def __init__(self, served: Served, *, seconds: float, max_requests: int, numbers: int, seed: int) -> None:
        self.served = served
        self.deadline = time.monotonic() + seconds
        self.max_requests = max_requests
        self.lock = threading.Lock()
        self.count = itertools.count()
        self.random = random.Random(seed)
        self.phones = [f"+1415556{n:04d}" for n in range(numbers)]
        self.delivered: list[tuple[bytes, str, str, str]] = []  # (body, signature, phone, sid) of webhooks sent
        self.known: list[str] = []  # numbers with an acknowledged write: a consent read of one must find it
        self.run_id = f"{seed:04d}{int(time.time()) % 100000:05d}"
        kinds, weights = zip(*MIX.items(), strict=True)
        self.kinds, self.weights = list(kinds), list(weights)

    def next(self) -> tuple[str, str, str, bytes | None, dict[str, str], str, str | None] | None:
        with self.lock:
            number = next(self.count)
            if number >= self.max_requests or time.monotonic() >= self.deadline:
                return None
            kind = self.random.choices(self.kinds, self.weights)[0]
            phone = self.random.choice(self.phones)
            if kind == "consent_get":
                if not self.known:
                    kind = "consent_check"
                else:
                    phone = self.random.choice(self.known)
            if kind == "webhook_duplicate":
                if not self.delivered:
                    kind = "webhook_message"
                else:
                    body, signature, phone, sid = self.random.choice(self.delivered)
                    return kind, "POST", "/webhooks/twilio", body, self._twilio_headers(signature), phone, sid
            if kind.startswith("webhook_"):
                sid = f"SM{self.run_id}{number:023d}"
                body, signature = signed(
                    form(TEXTS[kind], sid=sid, sender=phone, to=SENDER),
                    self.served.url + "/webhooks/twilio",
                    self.served.secrets["TWILIO_AUTH_TOKEN"],
                )
                self.delivered.append((body, signature, phone, sid))
                return kind, "POST", "/webhooks/twilio", body, self._twilio_headers(signature), phone, sid
        api = {"Authorization": f"Bearer {self.served.secrets['API_KEY']}"}
        if kind == "optin_form":
            fields = {
                "phone": f"({phone[2:5]}) {phone[5:8]}-{phone[8:]}",
                "campaign": "C7DEALS",
                "consent": "on",
                "disclosure_sha256": sha256_hex(DEALS_DISCLOSURE),
                "page_url": "https://acme.example/deals",
                "subject": f"load {number}",
                "session_id": f"sess-{number}",
            }
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": ORIGIN, "User-Agent": "load"}
            return kind, "POST", "/optins", urlencode(fields).encode(), headers, phone, None
        if kind == "optin_json":
            fields = {
                "phone": phone,
                "campaign": "C7ALERTS",
                "consent": True,
                "disclosure": ALERTS_DISCLOSURE,
                "page_url": "https://acme.example/signup",
                "subject": f"load-{number}@example.com",
                "session_id": f"sess-{number}",
            }
            headers = {"Content-Type": "application/json", "Origin": ORIGIN, "User-Agent": "load"}
            return kind, "POST", "/optins", json.dumps(fields).encode(), headers, phone, None
        if kind == "consent_check":
            check = {"phone": phone, "campaign": "C7DEALS", "purpose": "promotional"}
            headers = {**api, "Content-Type": "application/json"}
            return kind, "POST", "/consents/check", json.dumps(check).encode(), headers, phone, None
        return kind, "GET", f"/consents/{phone.replace('+', '%2B')}", None, api, phone, None

    def acknowledged(self, phone: str) -> None:
        with self.lock:
            if phone not in self.known:
                self.known.append(phone)

    @staticmethod
    def _twilio_headers(signature: str) -> dict[str, str]:
        return {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}


def run_load(
    served: Served,
    *,
    seconds: float,
    max_requests: int = 100_000,
    threads: int = 8,
    numbers: int = 60,
    seed: int = 8,
) -> LoadResult:
    """Drive the served API until ``seconds`` pass or ``max_requests`` are sent; returns every request's outcome."""
    plan = _Plan(served, seconds=seconds, max_requests=max_requests, numbers=numbers, seed=seed)
    sent: list[Sent] = []
    errors: Counter[str] = Counter()
    record = threading.Lock()

    def worker() -> None:
        client = _Client(served.url)
        try:
            while (request := plan.next()) is not None:
                kind, method, path, body, headers, phone, sid = request
                started = time.perf_counter()
                try:
                    status, reply = client.call(method, path, body, headers)
                except (OSError, http.client.HTTPException) as exc:
                    with record:
                        errors[type(exc).__name__] += 1
                    continue
                outcome = Sent(kind, status, time.perf_counter() - started, phone, sid)
                if kind.startswith("optin_") and status == 201:
                    outcome.event_id = json.loads(reply)["event_id"]
                if not 200 <= status < 300:
                    outcome.refusal = reply[:300].decode("utf-8", "replace")
                if (kind.startswith(("optin_", "webhook_"))) and 200 <= status < 300:
                    plan.acknowledged(phone)
                with record:
                    sent.append(outcome)
        finally:
            client.close()

    started = time.monotonic()
    pool = [threading.Thread(target=worker, name=f"load-{n}", daemon=True) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=seconds + 120)
        assert not thread.is_alive(), "a load thread did not stop"
    return LoadResult(time.monotonic() - started, sent, errors)


@dataclass
class Verification:
    chains: int = 0
    events: int = 0
    broken_chains: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # accepted writes not found in the ledger
    duplicated: list[str] = field(default_factory=list)  # a MessageSid recorded more than once
    days: dict[str, dict[str, Any]] = field(default_factory=dict)  # day -> anchor count, bundles, verify results

    @property
    def ok(self) -> bool:
        bundles_ok = all(
            day["anchor_events"] == day["ledger_events"] and day["bundles"] and all(day["verified"].values())
            for day in self.days.values()
        )
        return not (self.broken_chains or self.missing or self.duplicated) and bool(self.days) and bundles_ok


def _clients(served: Served) -> tuple[Any, Any]:
    import boto3

    options = {
        "endpoint_url": served.aws_endpoint,
        "region_name": "us-east-1",
        "aws_access_key_id": "local",
        "aws_secret_access_key": "local",
    }
    return boto3.client("dynamodb", **options), boto3.client("s3", **options)


def chains(served: Served, brand: str = "acme") -> dict[str, list[dict[str, Any]]]:
    """Every chain of the brand in the served table: phone -> its events in seq order."""
    dynamodb, _ = _clients(served)
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    prefix = f"PHONE#{brand}#"
    for page in dynamodb.get_paginator("scan").paginate(TableName=served.table, ConsistentRead=True):
        for item in page["Items"]:
            if item["pk"]["S"].startswith(prefix) and item["sk"]["S"].startswith("EVENT#"):
                found[item["pk"]["S"][len(prefix) :]].append(json.loads(item["event"]["S"]))
    return {phone: sorted(events, key=lambda e: e["seq"]) for phone, events in found.items()}


def verify_ledger(served: Served, result: LoadResult, workdir: Path | None = None) -> Verification:
    report = Verification()
    by_phone = chains(served)
    report.chains = len(by_phone)
    report.events = sum(len(events) for events in by_phone.values())
    for phone, events in sorted(by_phone.items()):
        if verify_chain(events) is not None:
            report.broken_chains.append(phone)
    sids: Counter[str] = Counter()
    ids: dict[str, set[str]] = defaultdict(set)
    for phone, events in by_phone.items():
        for event in events:
            ids[phone].add(event["event_id"])
            sid = (event.get("source") or {}).get("provider_message_id")
            if sid:
                sids[f"{phone}|{sid}"] += 1
    report.duplicated = sorted(key for key, count in sids.items() if count > 1)
    for sent in result.sent:
        if not 200 <= sent.status < 300:
            continue
        if sent.sid is not None and sids[f"{sent.phone}|{sent.sid}"] != 1:
            report.missing.append(f"{sent.kind} {sent.sid}")
        if sent.event_id is not None and sent.event_id not in ids[sent.phone]:
            report.missing.append(f"{sent.kind} {sent.event_id}")
    days = Counter(event["recorded_at"][:10] for events in by_phone.values() for event in events)
    with tempfile.TemporaryDirectory(dir=workdir) as temporary:
        for day, count in sorted(days.items()):
            report.days[day] = _bundle_day(served, day, count, Path(temporary))
    return report


def _bundle_day(served: Served, day: str, ledger_events: int, directory: Path) -> dict[str, Any]:
    """``optledger bundle --date day`` then ``optledger verify`` of each bundle against the anchor, as a user runs
    them against the served instance."""
    env = served.aws_env()
    # Today's events: bundled with a clock a day ahead (a day is bundled once it has ended).
    bundled = subprocess.run(
        [sys.executable, "-m", "tests.support.cli_tomorrow", "bundle", "--date", day],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if bundled.returncode != 0:
        raise AssertionError(f"optledger bundle failed:\n{bundled.stdout}\n{bundled.stderr}")
    anchor_key = re.search(r"anchor s3://[^/]+/(\S+)", bundled.stdout)
    bundle_keys = re.findall(
        r"^\s+(\S+): \d+ events \((verified|CHAIN PROBLEM)\) s3://[^/]+/(\S+)$", bundled.stdout, re.M
    )
    if anchor_key is None:
        raise AssertionError(f"optledger bundle printed no anchor:\n{bundled.stdout}")
    _, s3 = _clients(served)
    anchor_path = directory / f"anchor-{day}.json"
    anchor_path.write_bytes(s3.get_object(Bucket=served.bucket, Key=anchor_key.group(1))["Body"].read())
    anchor = json.loads(anchor_path.read_text())
    verified: dict[str, bool] = {}
    for campaign, state, key in bundle_keys:
        path = directory / f"{day}-{campaign}.zip"
        path.write_bytes(s3.get_object(Bucket=served.bucket, Key=key)["Body"].read())
        checked = run_optledger("verify", str(path), "--anchor", str(anchor_path), env=env, timeout=600)
        verified[campaign] = state == "verified" and checked.returncode == 0
    return {
        "ledger_events": ledger_events,
        "anchor_events": anchor["merkle"]["count"],
        "bundles": sorted(verified),
        "verified": verified,
    }


def tamper_one_event(served: Served) -> str:
    """Rewrite one recorded event in the served table (an opt-out turned into an opt-in, the hash left as it was), as
    someone with table access might; returns the number whose chain it belongs to."""
    dynamodb, _ = _clients(served)
    for phone, events in sorted(chains(served).items()):
        for event in events:
            if event["type"] == "opt_out":
                key = {"pk": {"S": f"PHONE#acme#{phone}"}, "sk": {"S": f"EVENT#{event['seq']:010d}"}}
                item = dynamodb.get_item(TableName=served.table, Key=key, ConsistentRead=True)["Item"]
                item["event"] = {"S": json.dumps({**event, "type": "opt_in"}, separators=(",", ":"), sort_keys=True)}
                dynamodb.put_item(TableName=served.table, Item=item)
                return phone
    raise AssertionError("no opt-out to tamper with")
