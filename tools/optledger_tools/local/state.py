"""How to reach a running ``optledger serve``: written by the server, read by every other command.

The file lives at ``$OPTLEDGER_STATE`` if set, else ``$XDG_STATE_HOME/optledger/serve.json`` (``~/.local/state/...``),
so a second terminal in any directory finds the server. It holds the local server's dummy credentials and generated
secrets (never real AWS ones), so it is written with mode 0600. A command uses it only when the environment names no
AWS configuration of its own (an endpoint, a profile or access keys), so real AWS always wins when it is asked for.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

STATE_ENV = "OPTLEDGER_STATE"
# Any of these in the environment means "use this AWS configuration", never the local server's file.
AWS_CONFIG_ENV = ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_CONTAINER_CREDENTIALS_FULL_URI")


def state_path() -> Path:
    configured = os.environ.get(STATE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "optledger" / "serve.json"


def write_state(state: dict[str, Any]) -> Path:
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=2, sort_keys=True)
        handle.write("\n")
    temporary.replace(path)
    return path


def read_state() -> dict[str, Any] | None:
    """The recorded server, or None when there is no (readable) record."""
    try:
        value = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) and value.get("endpoint_url") else None


def remove_state(pid: int) -> None:
    """Remove the record if it is still ours (another server may have replaced it since)."""
    current = read_state()
    if current is not None and current.get("pid") == pid:
        state_path().unlink(missing_ok=True)


def aws_configured() -> bool:
    return any(os.environ.get(name) for name in AWS_CONFIG_ENV)


def apply_state() -> dict[str, Any] | None:
    """Point this process at the recorded local server when the environment names no AWS configuration.

    Returns the record applied, or None (real AWS, configured by the standard credential chain)."""
    if aws_configured():
        return None
    state = read_state()
    if state is None:
        return None
    os.environ["AWS_ENDPOINT_URL"] = state["endpoint_url"]
    os.environ["AWS_ACCESS_KEY_ID"] = state.get("access_key_id", "local")
    os.environ["AWS_SECRET_ACCESS_KEY"] = state.get("secret_access_key", "local")
    os.environ["AWS_DEFAULT_REGION"] = state.get("region", "us-east-1")
    os.environ.pop("AWS_SESSION_TOKEN", None)
    for name, key in (("OPTLEDGER_TABLE", "table"), ("OPTLEDGER_BUCKET", "bucket")):
        if state.get(key) and not os.environ.get(name):
            os.environ[name] = state[key]
    return state


def fill_loopback_defaults() -> None:
    """An ``AWS_ENDPOINT_URL`` on loopback is a local emulator: it takes any credentials and region, so supply dummy
    ones rather than fail with NoRegionError / NoCredentialsError (the README once said to export only the URL)."""
    from urllib.parse import urlsplit

    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if not endpoint or urlsplit(endpoint).hostname not in ("127.0.0.1", "localhost", "::1"):
        return
    if not (os.environ.get("AWS_PROFILE") or os.environ.get("AWS_ACCESS_KEY_ID")):
        os.environ["AWS_ACCESS_KEY_ID"] = "local"
        os.environ["AWS_SECRET_ACCESS_KEY"] = "local"  # noqa: S105 - moto's dummy, not a secret
    if not (os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION")):
        os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
