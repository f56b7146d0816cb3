"""Benchmark set-up: the embedded DynamoDB/S3, a provisioned table, the demo campaigns, call counting."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The library, the tools (the emulator) and tests.support, also without `pip install -e .`.
sys.path[:0] = [str(ROOT), str(ROOT / "layers" / "optledger"), str(ROOT / "tools")]


def local_stack(table: str = "bench-ledger", bucket: str = "bench-evidence"):
    """Start the embedded AWS endpoint and point OptLedger at a fresh table and bucket in it."""
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "bench"),
        ("AWS_SECRET_ACCESS_KEY", "bench"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        os.environ[name] = value
    import boto3

    from optledger import runtime
    from optledger_tools.local.emulator import start_embedded_aws
    from optledger_tools.local.provision import load_campaigns, provision

    embedded = start_embedded_aws()
    os.environ.update(
        AWS_ENDPOINT_URL=embedded.endpoint_url,
        OPTLEDGER_TABLE=table,
        OPTLEDGER_BUCKET=bucket,
        OPTLEDGER_PUBLIC_URL="https://sms.example.com",
        OPTLEDGER_API_KEY="test-api-key",
        OPTLEDGER_TWILIO_AUTH_TOKEN="bench-token",
    )
    provision(ROOT, table=table, bucket=bucket, dynamodb=boto3.client("dynamodb"), s3=boto3.client("s3"))
    runtime.reset()
    load_campaigns(ROOT / "events" / "campaigns.demo.json", runtime.campaigns())
    return embedded


class CallCounter:
    """Counts the AWS API calls a client makes (DynamoDB, S3, ...)."""

    def __init__(self, *clients) -> None:
        self.calls: Counter[str] = Counter()
        for client in clients:
            client.meta.events.register("before-call.*.*", self._count)

    def _count(self, model, **_) -> None:
        self.calls[model.name] += 1

    def reset(self) -> None:
        self.calls.clear()

    @property
    def total(self) -> int:
        return sum(self.calls.values())


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Context:
    function_name = "bench"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:bench"
    aws_request_id = "bench"
