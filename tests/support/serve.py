"""Starting ``optledger serve`` as a user starts it (a subprocess, free ports, loopback only) and talking to it:
over HTTP (``Served.request``, ``Served.api`` with the bearer API key) and with the ``optledger`` command of a second
terminal (``Served.optledger``, ``run_optledger``)."""

from __future__ import annotations

import json
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
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The optledger command as the console script runs it, from this checkout (the library, the tools and tests.support).
OPTLEDGER = (sys.executable, "-m", "optledger_tools.cli")
SOURCE_PATH = os.pathsep.join(str(path) for path in (ROOT / "layers" / "optledger", ROOT / "tools", ROOT))
LOCAL_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local", "AWS_DEFAULT_REGION": "us-east-1"}


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any AWS or OptLedger setting (a fresh terminal), plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPTLEDGER_", "AWS_"))}
    env["PYTHONPATH"] = SOURCE_PATH
    env.update(extra)
    return env


def run_optledger(*args: str, env: dict[str, str], cwd: Path | None = None, timeout: float = 300):
    """Run ``optledger ARGS`` to the end; the completed process (text output captured)."""
    return subprocess.run(
        [*OPTLEDGER, *args], env=env, cwd=cwd or ROOT, capture_output=True, text=True, timeout=timeout
    )


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
        recorded = {"OPTLEDGER_STATE": str(self.state)} if self.state is not None else {}
        return clean_env(**{**recorded, **extra})

    def aws_env(self, **extra: str) -> dict[str, str]:
        """The environment of a terminal pointed at the server's embedded AWS endpoint by exports (no record)."""
        return clean_env(
            AWS_ENDPOINT_URL=self.aws_endpoint,
            OPTLEDGER_TABLE=self.table,
            OPTLEDGER_BUCKET=self.bucket,
            **{**LOCAL_CREDENTIALS, **extra},
        )

    def optledger(self, *args: str, env: dict[str, str] | None = None, timeout: float = 300):
        """``optledger ARGS`` against this server (by exports unless ``env`` says otherwise), run to the end."""
        return run_optledger(*args, env=env if env is not None else self.aws_env(), timeout=timeout)

    def api(self, method: str, path: str, body: Any = None, *, key: str | None = None):
        """A business route with ``Authorization: Bearer <key>`` (default: the server's OPTLEDGER_API_KEY); a JSON
        body when ``body`` is given. (status, headers, body bytes), as ``request``."""
        headers = {"Authorization": f"Bearer {key or self.secrets['API_KEY']}"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode("utf-8")
        return self.request(method, path, body=data, headers=headers)

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
    # Each server records itself in its own file, never in the user's ~/.local/state.
    state_dir = tempfile.mkdtemp(prefix="optledger-serve-")
    state = Path(state_dir) / "serve.json"
    env = clean_env(
        **{f"OPTLEDGER_{name}": value for name, value in secrets.items()},
        PYTHONUNBUFFERED="1",
        OPTLEDGER_STATE=str(state),
    )
    process = subprocess.Popen(
        [*OPTLEDGER, "serve", "--host", "127.0.0.1", "--port", "0"],
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
