"""``optledger serve`` started as a user starts it, on free ports, for tests over HTTP."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TWILIO_TOKEN = "e2e-twilio-token"
API_KEY = "e2e-api-key"


@dataclass
class Served:
    url: str
    aws_endpoint: str
    output: list[str]

    def request(self, method: str, path: str, *, body: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="session")
def served() -> Iterator[Served]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPTLEDGER_", "AWS_"))}
    env.update(OPTLEDGER_TWILIO_AUTH_TOKEN=TWILIO_TOKEN, OPTLEDGER_API_KEY=API_KEY, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "optledger.cli", "serve", "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    url = endpoint = None
    deadline = time.monotonic() + 60
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if match := re.match(r"OptLedger API\s+(http://\S+)", line):
            url = match.group(1)
        if match := re.match(r"AWS endpoint\s+(http://\S+)", line):
            endpoint = match.group(1)
        if line.startswith("ready"):
            break
    if url is None or endpoint is None:
        process.kill()
        pytest.fail("optledger serve did not start:\n" + "".join(lines))
    # Keep draining the output so the server never blocks on a full pipe.
    threading.Thread(target=lambda: [lines.append(x) for x in process.stdout], daemon=True).start()
    try:
        yield Served(url, endpoint, lines)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
