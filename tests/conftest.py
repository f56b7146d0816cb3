"""Shared fixtures: one embedded DynamoDB/S3 (moto) for the run, a fresh table and bucket per test."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest

from optledger import runtime
from optledger.models import Campaign
from optledger_tools.local.emulator import EmbeddedAWS, start_embedded_aws
from optledger_tools.local.provision import provision
from tests.support.twilio import PUBLIC_URL, TOKEN

ROOT = Path(__file__).resolve().parents[1]
API_KEY = "test-api-key"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def aws() -> Iterator[EmbeddedAWS]:
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_SESSION_TOKEN", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        os.environ[name] = value
    os.environ.pop("AWS_PROFILE", None)
    embedded = start_embedded_aws()
    os.environ["AWS_ENDPOINT_URL"] = embedded.endpoint_url
    yield embedded
    embedded.stop()


@dataclass
class Env:
    table: str
    bucket: str
    dynamodb: Any
    s3: Any

    def items(self) -> list[dict[str, Any]]:
        """Every item of the table (to show that a refused request wrote nothing)."""
        pages = self.dynamodb.get_paginator("scan").paginate(TableName=self.table, ConsistentRead=True)
        return [item for page in pages for item in page["Items"]]

    def ledger_items(self) -> list[dict[str, Any]]:
        return [i for i in self.items() if i["pk"]["S"] != "CAMPAIGN"]

    def events(self, brand: str, phone: str) -> list[dict[str, Any]]:
        return list(runtime.store().iter_events(brand, phone))


@pytest.fixture
def env(aws: EmbeddedAWS, monkeypatch: pytest.MonkeyPatch) -> Iterator[Env]:
    """A fresh table and bucket, the demo campaigns loaded, Twilio configured, the runtime caches cleared."""
    number = next(_names)
    table, bucket = f"ledger-{number}", f"evidence-{number}"
    for name in [n for n in os.environ if n.startswith("OPTLEDGER_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("OPTLEDGER_TABLE", table)
    monkeypatch.setenv("OPTLEDGER_BUCKET", bucket)
    monkeypatch.setenv("OPTLEDGER_PUBLIC_URL", PUBLIC_URL)
    monkeypatch.setenv("OPTLEDGER_TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("OPTLEDGER_API_KEY", API_KEY)
    dynamodb, s3 = boto3.client("dynamodb"), boto3.client("s3")
    provision(ROOT, table=table, bucket=bucket, dynamodb=dynamodb, s3=s3)
    runtime.reset()
    # The campaigns only: each test starts with no disclosure stored (optledger campaigns load also stores them).
    for document in json.loads((ROOT / "events" / "campaigns.demo.json").read_text(encoding="utf-8")):
        runtime.campaigns().put(Campaign.from_dict(document))
    yield Env(table, bucket, dynamodb, s3)
    runtime.reset()
    dynamodb.delete_table(TableName=table)


class LambdaContext:
    function_name = "test"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:test"
    aws_request_id = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def lambda_context() -> LambdaContext:
    return LambdaContext()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from tests.support import summary

    for line in summary.LINES:
        terminalreporter.write_line(line)
