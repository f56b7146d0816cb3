"""``optledger sign``: a signed test webhook for the running local server, printed as a curl command."""

from __future__ import annotations

import argparse
import json
import secrets as token_source
import sys

from optledger_tools.connect import reachable
from optledger_tools.errors import CommandError

SIGNABLE = ("twilio", "telnyx")


def cmd_sign(args: argparse.Namespace) -> int:
    import shlex

    from optledger_tools.local.state import read_state, state_path

    state = read_state()
    if state is None:
        raise CommandError(f"no running optledger serve recorded in {state_path()}: start `optledger serve` first")
    if not reachable(state["url"]):
        raise CommandError(f"the server recorded in {state_path()} ({state['url']}) does not answer: is it running?")
    url = f"{state['url']}/webhooks/{args.provider}"
    message_id = args.message_id or "SM" + token_source.token_hex(16)
    if args.provider == "twilio":
        from urllib.parse import urlencode

        from optledger.providers.twilio import compute_signature

        token = (state.get("secrets") or {}).get("TWILIO_AUTH_TOKEN")
        if not token:
            raise CommandError("the recorded server has no Twilio auth token")
        fields = {
            "MessageSid": message_id,
            "SmsSid": message_id,
            "AccountSid": "AC" + "0" * 32,
            "From": args.sender,
            "To": args.to,
            "Body": args.text,
            "NumMedia": "0",
        }
        signature = compute_signature(token, url, {name: [value] for name, value in fields.items()})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
        body = urlencode(fields)
    else:
        import base64
        import time
        from datetime import UTC, datetime

        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = state.get("telnyx_private_key")
        if not private:
            raise CommandError("the server verifies Telnyx with your own OPTLEDGER_TELNYX_PUBLIC_KEY: cannot sign")
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        payload = {
            "data": {
                "event_type": "message.received",
                "id": token_source.token_hex(16),
                "occurred_at": now,
                "record_type": "event",
                "payload": {
                    "id": message_id,
                    "direction": "inbound",
                    "type": "SMS",
                    "record_type": "message",
                    "from": {"phone_number": args.sender},
                    "to": [{"phone_number": args.to}],
                    "text": args.text,
                    "received_at": now,
                },
            }
        }
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        timestamp = str(int(time.time()))
        key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private))
        signature = base64.b64encode(key.sign(timestamp.encode() + b"|" + body.encode("utf-8"))).decode()
        headers = {
            "Content-Type": "application/json",
            "telnyx-timestamp": timestamp,
            "telnyx-signature-ed25519": signature,
        }
        print("# Telnyx signatures are valid for 300 seconds: run it within five minutes.", file=sys.stderr)
    parts = ["curl", "-sS", "-X", "POST", url]
    for name, value in headers.items():
        parts += ["-H", f"{name}: {value}"]
    parts += ["--data-binary", body]
    print(" ".join(shlex.quote(part) for part in parts))
    return 0


def add_sign_command(commands: argparse._SubParsersAction) -> None:
    sign = commands.add_parser("sign", help="print a signed test webhook for the running local server (a curl command)")
    sign.add_argument("provider", choices=SIGNABLE)
    sign.add_argument("--from", dest="sender", required=True, help="the consumer's number (E.164)")
    sign.add_argument("--to", required=True, help="your campaign's sender number (E.164)")
    sign.add_argument("--text", required=True, help="the message text, e.g. STOP")
    sign.add_argument("--message-id", help="provider message id (default random; reuse one to test redelivery)")
    sign.set_defaults(func=cmd_sign)
