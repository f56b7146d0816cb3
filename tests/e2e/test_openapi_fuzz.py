"""schemathesis (property-based fuzzing from GET /openapi.json) against its own ``optledger serve``: no 5xx and no
answer that breaks the spec. Bounded in examples per operation; the subprocess has a hard time limit."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.serve import ServeFailed, serve

API_KEY = "fuzz-api-key"
CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_schema_conformance,response_headers_conformance"
)
MAX_EXAMPLES = 15


def schemathesis() -> list[str]:
    found = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("schemathesis is not installed: pip install -e '.[dev]'")
    return [found]


def test_openapi_route_answers_the_document(tmp_path):
    try:
        with serve({"API_KEY": API_KEY}) as served:
            status, headers, body = served.request("GET", "/openapi.json")
    except ServeFailed as error:
        pytest.fail(str(error))
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["openapi"].startswith("3.1")


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_spec(tmp_path):
    try:
        with serve({"API_KEY": API_KEY, "TWILIO_AUTH_TOKEN": "fuzz-twilio"}) as served:
            run = subprocess.run(
                [
                    *schemathesis(),
                    "run",
                    f"{served.url}/openapi.json",
                    "--header",
                    f"Authorization: Bearer {API_KEY}",
                    "--checks",
                    CHECKS,
                    "--max-examples",
                    str(MAX_EXAMPLES),
                    "--seed",
                    "14",
                    "--workers",
                    "1",
                    "--phases",
                    "examples,coverage,fuzzing",
                    "--report-dir",
                    str(tmp_path / "report"),
                ],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=300,
            )
    except ServeFailed as error:
        pytest.fail(str(error))
    summary = re.search(r"(\d+) generated, .*", run.stdout)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert summary and int(summary.group(1)) >= 200, run.stdout[-3000:]
    print(f"schemathesis: {summary.group(0)}")  # the figure, with -s
