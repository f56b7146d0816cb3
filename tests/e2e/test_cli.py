"""The optledger command as a careless user runs it: a second terminal with no exports, against ``optledger serve``.

Every command is a real subprocess. Every failure must be one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import urllib.request
import zipfile
from datetime import UTC, datetime, timedelta

import boto3
import pytest

from tests.e2e.conftest import API_KEY, ROOT, Served
from tests.support.serve import OPTLEDGER, run_optledger

ACME_SENDER = "+18885550100"
NEW_CAMPAIGN = {
    "id": "C7CLI",
    "brand": "acme",
    "name": "Acme CLI Alerts",
    "purpose": "informational",
    "senders": ["+18885550109"],
    "help_text": "Acme CLI: help at acme.example/help or 888-555-0109. Msg&data rates may apply. Reply STOP to cancel.",
    "opt_out_text": "Acme CLI: you are unsubscribed and will receive no more messages.",
    "opt_in_text": "Acme CLI: you are subscribed. Msg&data rates may apply. Reply HELP for help, STOP to cancel.",
}


def assert_one_line_error(result, *, contains: str = "") -> None:
    assert result.returncode != 0, result.stdout
    err = result.stderr.strip()
    assert "Traceback" not in result.stderr and "\n" not in err, result.stderr
    assert err.startswith("optledger"), err
    assert contains.lower() in err.lower(), err


def s3_keys(served: Served, prefix: str) -> list[str]:
    s3 = boto3.client(
        "s3",
        endpoint_url=served.aws_endpoint,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    return [o["Key"] for o in s3.list_objects_v2(Bucket=served.bucket, Prefix=prefix).get("Contents", [])]


def run_signed_curl(command: str) -> tuple[int, bytes]:
    """Send what ``optledger sign`` printed (parsed as the shell would), without depending on curl."""
    words = shlex.split(command)
    assert words[:4] == ["curl", "-sS", "-X", "POST"]
    url, headers, body = words[4], {}, b""
    for flag, value in zip(words[5::2], words[6::2], strict=True):
        if flag == "-H":
            name, _, header = value.partition(": ")
            headers[name] = header
        else:
            assert flag == "--data-binary"
            body = value.encode("utf-8")
    with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers, method="POST")) as answer:
        return answer.status, answer.read()


# -- no server, no configuration --------------------------------------------------------------------------------------


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """A fresh machine's terminal: no server record, no AWS configuration, an empty home."""
    env = Served("", "", []).cli_env(OPTLEDGER_STATE=str(tmp_path / "none.json"), HOME=str(tmp_path))
    env["AWS_CONFIG_FILE"] = env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "missing")
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    return env


@pytest.mark.parametrize(
    "args",
    [
        ("evidence", "+14155550123", "--out", "x.zip"),
        ("consents", "+14155550123"),
        ("check", "+14155550123", "--campaign", "C7DEALS", "--purpose", "promotional"),
        ("bundle", "--date", "2026-11-01"),
        ("sign", "twilio", "--from", "+14155550123", "--to", ACME_SENDER, "--text", "STOP"),
    ],
)
def test_without_a_server_or_aws_every_command_says_how_to_start_in_one_line(bare_env, tmp_path, args):
    result = run_optledger(*args, env=bare_env, cwd=tmp_path)
    assert_one_line_error(result, contains="optledger serve")
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("nonsense",),
        ("check", "+14155550123"),
        ("check", "+14155550123", "--campaign", "C7DEALS", "--purpose", "marketing"),
        ("bundle",),
        ("sign", "carrier-pigeon", "--from", "+1", "--to", "+1", "--text", "x"),
        ("campaigns",),
        ("serve", "--port", "not-a-port"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(bare_env, args):
    result = run_optledger(*args, env=bare_env)
    assert result.returncode == 2
    assert_one_line_error(result, contains="--help")


@pytest.mark.parametrize(
    "args", [(), ("serve",), ("campaigns", "load"), ("bundle",), ("evidence",), ("check",), ("consents",), ("sign",)]
)
def test_help_everywhere(bare_env, args):
    result = run_optledger(*args, "--help", env=bare_env)
    assert result.returncode == 0 and result.stdout.startswith("usage: optledger"), result.stderr


def test_verify_of_a_missing_file_is_one_line(bare_env, tmp_path):
    assert_one_line_error(run_optledger("verify", str(tmp_path / "nope.zip"), env=bare_env), contains="no such file")


# -- against the running server, with nothing exported ----------------------------------------------------------------


def test_serve_records_how_to_reach_it(served):
    state = json.loads(served.state.read_text())
    assert state["url"] == served.url and state["endpoint_url"] == served.aws_endpoint
    assert state["api_key"] == API_KEY and state["table"] == served.table and state["bucket"] == served.bucket
    assert state["region"] and state["access_key_id"]
    assert served.state.stat().st_mode & 0o077 == 0  # holds the local secrets: the owner's only


def test_signed_webhook_then_consents_check_and_evidence_with_no_exports(served, tmp_path):
    env = served.cli_env()
    phone = "+14155550161"

    # Given a signed test webhook printed by `optledger sign`, sent to the running server
    signed = run_optledger("sign", "twilio", "--from", phone, "--to", ACME_SENDER, "--text", "START", env=env)
    assert signed.returncode == 0, signed.stderr
    status, reply = run_signed_curl(signed.stdout.strip())
    assert status == 200 and b"subscribed" in reply

    # Then the consent state, the send gate and an evidence bundle are one command each
    consents = run_optledger("consents", phone, env=env)
    assert consents.returncode == 0, consents.stderr
    assert "C7DEALS" in consents.stdout and "opted_in" in consents.stdout
    as_json = json.loads(run_optledger("consents", phone, "--json", env=env).stdout)
    assert as_json["campaigns"]["C7DEALS"]["status"] == "opted_in"

    tomorrow_noon = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT17:00:00Z")
    allowed = run_optledger(
        "check", phone, "--campaign", "C7DEALS", "--purpose", "promotional", "--at", tomorrow_noon, env=env
    )
    assert allowed.returncode == 0 and allowed.stdout.startswith("allowed: ok"), allowed.stdout + allowed.stderr
    refused = run_optledger("check", phone, "--campaign", "C7ALERTS", "--purpose", "informational", env=env)
    assert refused.returncode == 3 and "NOT allowed" in refused.stdout

    out = tmp_path / "x.zip"
    evidence = run_optledger("evidence", phone, "--out", str(out), env=env, cwd=tmp_path)
    assert evidence.returncode == 0, evidence.stderr
    assert zipfile.ZipFile(out).read("events.jsonl")
    verified = run_optledger("verify", str(out), env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_telnyx_signed_webhook_is_accepted(served):
    env = served.cli_env()
    signed = run_optledger("sign", "telnyx", "--from", "+14155550162", "--to", ACME_SENDER, "--text", "STOP", env=env)
    assert signed.returncode == 0, signed.stderr
    status, reply = run_signed_curl(signed.stdout.strip())
    assert status == 200 and json.loads(reply)["action"] == "opt_out"


def test_unwritable_out_is_refused_before_anything_is_stored(served, tmp_path):
    env = served.cli_env()
    before = s3_keys(served, "bundles/numbers/")
    result = run_optledger("evidence", "+14155550123", "--out", str(tmp_path / "missing" / "x.zip"), env=env)
    assert_one_line_error(result, contains="does not exist")
    assert_one_line_error(
        run_optledger("evidence", "+14155550123", "--out", str(tmp_path), env=env), contains="directory"
    )
    assert s3_keys(served, "bundles/numbers/") == before


def test_unknown_number_is_one_line(served):
    result = run_optledger("consents", "+14155550199", env=served.cli_env())
    assert_one_line_error(result, contains="no consent history")
    assert "+14155550199" not in result.stderr


def test_campaigns_load_is_seen_by_the_running_server_at_once(served, tmp_path):
    env = served.cli_env()
    path = tmp_path / "campaigns.json"
    path.write_text(json.dumps([NEW_CAMPAIGN]))
    loaded = run_optledger("campaigns", "load", str(path), env=env)
    assert loaded.returncode == 0, loaded.stderr
    status, _, body = served.api("GET", "/campaigns/C7CLI")
    assert status == 200 and json.loads(body)["id"] == "C7CLI"


@pytest.mark.parametrize(
    ("content", "contains"),
    [
        ("[{", "not valid JSON"),
        ('{"id": "C7BAD"}', "C7BAD"),
        ("[1, 2]", "not a JSON object"),
        ('"text"', "JSON list"),
        (json.dumps([dict(NEW_CAMPAIGN, id="C7OK"), dict(NEW_CAMPAIGN, id="C7TYPO", purpos="x")]), "C7TYPO"),
    ],
)
def test_bad_campaign_files_are_one_line_and_store_nothing(served, tmp_path, content, contains):
    path = tmp_path / "campaigns.json"
    path.write_text(content)
    result = run_optledger("campaigns", "load", str(path), env=served.cli_env())
    assert result.returncode == 2
    assert_one_line_error(result, contains=contains)
    status, _, _ = served.api("GET", "/campaigns/C7OK")
    assert status == 404


def test_missing_campaign_file_is_one_line(served, tmp_path):
    result = run_optledger("campaigns", "load", str(tmp_path / "nope.json"), env=served.cli_env())
    assert_one_line_error(result, contains="no such file")


def test_bundle_refuses_unfinished_days_and_unknown_brands_and_writes_nothing(served):
    env = served.cli_env()
    today = datetime.now(UTC).date()
    for day in (today, today + timedelta(days=3)):
        result = run_optledger("bundle", "--date", day.isoformat(), env=env)
        assert_one_line_error(result, contains="has not ended")
        assert s3_keys(served, f"anchors/acme/{day}") == []
    result = run_optledger("bundle", "--date", "0026-11-28", env=env)
    assert_one_line_error(result, contains="date must be from 2000-01-01 on")
    assert s3_keys(served, "anchors/acme/0026-11-28") == []
    yesterday = (today - timedelta(days=1)).isoformat()
    result = run_optledger("bundle", "--date", yesterday, "--brand", "nosuchbrand", env=env)
    assert_one_line_error(result, contains="no campaign of brand")
    assert s3_keys(served, "anchors/nosuchbrand/") == []
    assert_one_line_error(run_optledger("bundle", "--date", "28/11/2026", env=env), contains="YYYY-MM-DD")


def test_bundle_of_a_finished_day_writes_the_anchor(served):
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    result = run_optledger("bundle", "--date", yesterday, "--brand", "acme", env=served.cli_env())
    assert result.returncode == 0, result.stderr
    assert s3_keys(served, f"anchors/acme/{yesterday}.json") == [f"anchors/acme/{yesterday}.json"]


def test_the_old_way_export_only_the_endpoint_still_works(served):
    env = served.cli_env(AWS_ENDPOINT_URL=served.aws_endpoint, OPTLEDGER_STATE="/nonexistent/serve.json")
    result = run_optledger("check", "+14155550123", "--campaign", "C7CHAT", "--purpose", "conversational", env=env)
    assert result.returncode in (0, 3) and "error" not in result.stderr, result.stderr


def test_a_stale_record_names_the_dead_server(served, tmp_path):
    state = json.loads(served.state.read_text())
    state.update(endpoint_url="http://127.0.0.1:9", pid=999999)
    stale = tmp_path / "serve.json"
    stale.write_text(json.dumps(state))
    result = run_optledger("consents", "+14155550123", env=served.cli_env(OPTLEDGER_STATE=str(stale)))
    assert_one_line_error(result, contains="still running")


def test_busy_port_is_one_line(served, tmp_path):
    port = served.url.rsplit(":", 1)[1]
    env = served.cli_env(OPTLEDGER_STATE=str(tmp_path / "serve.json"))
    result = run_optledger("serve", "--port", port, env=env, timeout=60)
    assert result.returncode == 1
    assert_one_line_error(result, contains="already in use")
    assert not (tmp_path / "serve.json").exists()


def test_serve_records_no_real_credentials_and_removes_its_record_when_stopped(tmp_path):
    import time

    state = tmp_path / "serve.json"
    env = Served("", "", []).cli_env(
        OPTLEDGER_STATE=str(state),
        AWS_ACCESS_KEY_ID="AKIAREALKEYNEVERSTORED",
        AWS_SECRET_ACCESS_KEY="real-secret-never-stored",
        AWS_PROFILE="production",
    )
    process = subprocess.Popen(
        [*OPTLEDGER, "serve", "--port", "0", "--no-demo"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not state.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        text = state.read_text()
        assert "AKIAREAL" not in text and "real-secret" not in text and "production" not in text
        assert json.loads(text)["access_key_id"] == "local"
        dead = json.loads(text)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert not state.exists()
    # A record left by a server that was killed: sign names it instead of printing a useless command
    dead["url"] = "http://127.0.0.1:9"
    state.write_text(json.dumps(dead))
    result = run_optledger("sign", "twilio", "--from", "+14155550123", "--to", ACME_SENDER, "--text", "x", env=env)
    assert_one_line_error(result, contains="does not answer")
