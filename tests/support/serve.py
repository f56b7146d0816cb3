"""Starting ``optledger serve`` as a user starts it (a subprocess, free ports, loopback only) and talking to it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class ServeFailed(RuntimeError):
    """``optledger serve`` exited or printed no URL within the start-up time."""


@dataclass
class Served:
    url: str
    aws_endpoint: str
    output: list[str]
    table: str = "optledger"
    bucket: str = "optledger-evidence"
    secrets: dict[str, str] = field(default_factory=dict)
    state: Path | None = None  # the file optledger serve records itself in (what other commands read)

    def cli_env(self, **extra: str) -> dict[str, str]:
        """The environment of a second terminal: no AWS or OptLedger exports, only the server's record."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPTLEDGER_", "AWS_"))}
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "layers" / "optledger"), str(ROOT)])
        if self.state is not None:
            env["OPTLEDGER_STATE"] = str(self.state)
        env.update(extra)
        return env

    def request(self, method: str, path: str, *, body: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


@contextmanager
def serve(secrets: dict[str, str], *, startup_seconds: float = 60) -> Iterator[Served]:
    """Run ``optledger serve --host 127.0.0.1 --port 0`` with the given ``OPTLEDGER_*`` secrets (names without the
    prefix); stops it on exit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPTLEDGER_", "AWS_"))}
    env.update({f"OPTLEDGER_{name}": value for name, value in secrets.items()}, PYTHONUNBUFFERED="1")
    # Each server records itself in its own file, never in the user's ~/.local/state.
    state_dir = tempfile.mkdtemp(prefix="optledger-serve-")
    state = Path(state_dir) / "serve.json"
    env["OPTLEDGER_STATE"] = str(state)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "layers" / "optledger"), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "optledger_tools.cli", "serve", "--host", "127.0.0.1", "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    url = endpoint = None
    table, bucket = "optledger", "optledger-evidence"
    deadline = time.monotonic() + startup_seconds
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
        if match := re.match(r"table / bucket\s+(\S+) / (\S+)", line):
            table, bucket = match.groups()
        if line.startswith("ready"):
            break
    if url is None or endpoint is None:
        process.kill()
        raise ServeFailed("optledger serve did not start:\n" + "".join(lines))
    # Keep draining the output so the server never blocks on a full pipe.
    threading.Thread(target=lambda: [lines.append(x) for x in process.stdout], daemon=True).start()
    try:
        yield Served(url, endpoint, lines, table, bucket, dict(secrets), state)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(state_dir, ignore_errors=True)
