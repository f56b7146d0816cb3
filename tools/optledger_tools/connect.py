"""Where the operator's commands send their AWS calls: the running ``optledger serve`` (from its record) or real AWS.

A command uses the local server's record (``optledger_tools.local.state``) only when the environment names no AWS
configuration of its own, so real AWS always wins when it is asked for.
"""

from __future__ import annotations

import os
from typing import Any

from optledger_tools.errors import CommandError

LOCAL_REGION = "us-east-1"
AWS_CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


def local_aws_defaults() -> None:
    # moto accepts any credentials; real ones are never needed (or wanted) for a local run.
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "local"),
        ("AWS_SECRET_ACCESS_KEY", "local"),
        ("AWS_DEFAULT_REGION", LOCAL_REGION),
    ):
        os.environ.setdefault(name, value)


def connect() -> dict[str, Any] | None:
    """Point this process at the running local server (if any and no AWS configuration is given); check it answers."""
    from optledger import runtime
    from optledger_tools.local.state import apply_state, fill_loopback_defaults, state_path

    state = apply_state()
    if state is None:
        fill_loopback_defaults()
    runtime.reset()
    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if state is None and not endpoint:
        import boto3

        session = boto3.session.Session()
        missing = [
            what for what, ok in (("region", session.region_name), ("credentials", session.get_credentials())) if not ok
        ]
        if missing:
            raise CommandError(
                f"no running optledger serve is recorded in {state_path()} and AWS has no {' or '.join(missing)}: "
                "start `optledger serve` in another terminal, or configure AWS (AWS_PROFILE, AWS_DEFAULT_REGION)"
            )
    if endpoint and not reachable(endpoint):
        where = f" (recorded in {state_path()} by optledger serve, pid {state.get('pid')})" if state else ""
        raise CommandError(f"cannot reach {endpoint}{where}: is optledger serve still running?")
    return state


def reachable(url: str) -> bool:
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", port), timeout=3):
            return True
    except OSError:
        return False
