"""Evidence bundles from the ledger in the embedded DynamoDB/S3: daily run, anchor, on-demand bundle, verification."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import urllib.request
import zipfile
from datetime import UTC, datetime

import pytest
from botocore.exceptions import ClientError

from optledger import runtime
from optledger.bundles import verify_bundle
from optledger.errors import StorageUnavailable
from optledger.evidence import compile_day
from tests.support.functions import function
from tests.support.ledger_events import append_sms

DAY = "2026-11-27"
consents = function("consents")
bundler = function("bundler")


def record(phone: str, kind: str, at: str, campaigns=("C7DEALS",)) -> dict:
    # A message's subject is a spreadsheet formula: consents.csv must escape it.
    return append_sms(phone, kind, at, campaigns, subject='=HYPERLINK("http://evil")' if kind == "message" else "Jane")


@pytest.fixture
def day_of_events(env, monkeypatch):
    """A few numbers with events recorded on DAY (the ledger clock set to that day)."""
    from optledger import ledger as ledger_module

    monkeypatch.setattr(runtime.ledger(), "clock", lambda: datetime(2026, 11, 27, 15, 0, tzinfo=UTC))
    for n in range(5):
        phone = f"+1415555{n:04d}"
        record(phone, "opt_in", f"{DAY}T10:0{n}:00.000Z", campaigns=("C7DEALS", "C7ALERTS"))
        record(phone, "message", f"{DAY}T11:0{n}:00.000Z", campaigns=("C7CHAT",))
        if n % 2:
            record(phone, "opt_out", f"{DAY}T12:0{n}:00.000Z", campaigns=("C7DEALS",))
    assert ledger_module  # the clock is the ledger's own
    return env


def s3_bytes(env, key: str) -> bytes:
    return env.s3.get_object(Bucket=env.bucket, Key=key)["Body"].read()


def run_day(**options):
    return compile_day(
        DAY, store=runtime.store(), evidence=runtime.evidence(), directory=runtime.campaigns().directory(), **options
    )


def test_daily_run_writes_a_verifiable_bundle_per_campaign_and_the_anchor(day_of_events, tmp_path):
    [result] = run_day()

    assert result.events == 12
    assert set(result.bundles) == {"C7CHAT", "C7ALERTS", "C7DEALS"}
    anchor = json.loads(s3_bytes(day_of_events, f"anchors/acme/{DAY}.json"))
    assert anchor["merkle"]["count"] == 12
    for campaign, bundle in result.bundles.items():
        assert bundle["key"] == f"bundles/daily/acme/{DAY}/{campaign}.zip"
        path = tmp_path / f"{campaign}.zip"
        path.write_bytes(s3_bytes(day_of_events, bundle["key"]))
        verdict = verify_bundle(path, anchor)
        assert verdict.ok, verdict.problems
    deals = zipfile.ZipFile(tmp_path / "C7DEALS.zip")
    assert len(deals.read("events.jsonl").splitlines()) == 7  # 5 opt-ins and the opt-outs of the 2 odd numbers
    rows = list(csv.reader(io.StringIO(zipfile.ZipFile(tmp_path / "C7CHAT.zip").read("consents.csv").decode())))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]  # no formula can start


def test_bundles_with_opt_outs_are_retained_ten_years(day_of_events):
    [result] = run_day()
    until = {}
    for campaign, bundle in result.bundles.items():
        head = day_of_events.s3.head_object(Bucket=day_of_events.bucket, Key=bundle["key"])
        until[campaign] = head["ObjectLockRetainUntilDate"].year - datetime.now(UTC).year
    assert until["C7DEALS"] >= 10
    assert 5 <= until["C7CHAT"] < 10


def test_re_running_a_day_writes_the_same_bytes(day_of_events):
    [first] = run_day()
    before = {c: s3_bytes(day_of_events, b["key"]) for c, b in first.bundles.items()}
    run_day()
    after = {c: s3_bytes(day_of_events, b["key"]) for c, b in first.bundles.items()}
    assert before == after


def test_a_run_interrupted_midway_leaves_no_partial_bundle_and_a_re_run_succeeds(day_of_events, monkeypatch):
    s3 = runtime.store().s3
    real_put = s3.put_object

    def failing_put(**kwargs):
        if kwargs["Key"].endswith("C7DEALS.zip"):
            raise ClientError({"Error": {"Code": "InternalError", "Message": "injected"}}, "PutObject")
        return real_put(**kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(s3, "put_object", failing_put)
        with pytest.raises(StorageUnavailable):
            run_day()
    listed = day_of_events.s3.list_objects_v2(Bucket=day_of_events.bucket).get("Contents", [])
    keys = {o["Key"] for o in listed}
    assert f"bundles/daily/acme/{DAY}/C7DEALS.zip" not in keys
    assert f"anchors/acme/{DAY}.json" not in keys  # the anchor is written last
    [result] = run_day()
    assert result.bundles["C7DEALS"]["verified"]


def test_an_edited_event_in_the_table_fails_verification_against_the_anchor(day_of_events, tmp_path):
    run_day()
    anchor = json.loads(s3_bytes(day_of_events, f"anchors/acme/{DAY}.json"))
    # Someone with table access rewrites an opt-out as an opt-in and re-hashes it.
    from optledger.chain import canonical_json, event_hash

    item = day_of_events.dynamodb.get_item(
        TableName=day_of_events.table, Key={"pk": {"S": "PHONE#acme#+14155550001"}, "sk": {"S": "EVENT#0000000003"}}
    )["Item"]
    event = json.loads(item["event"]["S"])
    event["type"] = "opt_in"
    event["hash"] = event_hash(event)
    item["event"] = {"S": canonical_json(event)}
    day_of_events.dynamodb.put_item(TableName=day_of_events.table, Item=item)

    [rerun] = compile_day(
        DAY, store=runtime.store(), evidence=runtime.evidence(), directory=runtime.campaigns().directory()
    )
    path = tmp_path / "deals.zip"
    path.write_bytes(s3_bytes(day_of_events, rerun.bundles["C7DEALS"]["key"]))
    verdict = verify_bundle(path, anchor)
    assert not verdict.ok
    assert verdict.first_bad_event


def test_bundler_function_compiles_the_previous_day(day_of_events, lambda_context):
    result = bundler.lambda_handler({"time": "2026-11-28T02:00:00Z"}, lambda_context)
    assert result["day"] == DAY and result["brands"]["acme"]["events"] == 12


def test_post_evidence_returns_a_working_24_hour_link(day_of_events, lambda_context, tmp_path):
    from tests.support.twilio import load_event

    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/evidence"
    event["body"] = json.dumps({"phone": "(415) 555-0001"})
    response = consents.lambda_handler(event, lambda_context)
    body = json.loads(response["body"])

    assert response["statusCode"] == 201, body
    assert body["key"].startswith("bundles/numbers/acme/+14155550001/")
    expires = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert 23.9 * 3600 < (expires - datetime.now(UTC)).total_seconds() <= 24 * 3600
    with urllib.request.urlopen(body["url"], timeout=10) as download:
        data = download.read()
    path = tmp_path / "number.zip"
    path.write_bytes(data)
    verdict = verify_bundle(path)
    assert verdict.ok and verdict.event_count == 3
    # The command line verifier says so too, and names a tampered file.
    ok = subprocess.run(
        [sys.executable, "-m", "optledger_tools.cli", "verify", str(path)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stdout
    tampered = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data.replace(b"opt_out", b"opt_in!") if info.filename == "consents.csv" else data)
    (tmp_path / "tampered.zip").write_bytes(tampered.getvalue())
    bad = subprocess.run(
        [sys.executable, "-m", "optledger_tools.cli", "verify", str(tmp_path / "tampered.zip")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "consents.csv" in bad.stdout


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"phone": "+14155559999"}, 404),
        ({"phone": "12"}, 422),
        ({}, 422),
        ({"phone": "+14155550001", "campaign": "NOPE"}, 404),
    ],
)
def test_post_evidence_errors(day_of_events, lambda_context, body, status):
    from tests.support.twilio import load_event

    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/evidence"
    event["body"] = json.dumps(body)
    assert consents.lambda_handler(event, lambda_context)["statusCode"] == status


def test_evidence_links_are_signed_with_the_link_key_not_the_functions_session(
    day_of_events, lambda_context, monkeypatch
):
    from urllib.parse import parse_qs, urlsplit

    from tests.support.twilio import load_event

    monkeypatch.setenv("OPTLEDGER_LINK_SIGNER_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:x")
    runtime.reset()
    monkeypatch.setattr(
        "optledger.config.secret_json",
        lambda arn: {"access_key_id": "AKIAEVIDENCELINK0001", "secret_access_key": "link-secret"},
    )
    event = load_event("api/consents_check.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/evidence"
    event["body"] = json.dumps({"phone": "+14155550001"})

    body = json.loads(consents.lambda_handler(event, lambda_context)["body"])

    query = parse_qs(urlsplit(body["url"]).query)
    assert query["X-Amz-Credential"][0].startswith("AKIAEVIDENCELINK0001/")
    assert query["X-Amz-Expires"] == ["86400"]
    assert "X-Amz-Security-Token" not in query  # no session token: the link outlives any role session
    with urllib.request.urlopen(body["url"], timeout=10) as download:
        assert download.read()[:2] == b"PK"
