"""The ``optledger`` command: serve locally, and the operator's commands against that server or against AWS.

Every command but ``serve`` and ``verify`` reads the record ``optledger serve`` leaves (``optledger.local.state``) when
the environment names no AWS configuration, so a second terminal needs no exports. Every failure is one line on stderr
and a non-zero exit: 2 for bad arguments or input, 1 for everything else.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import secrets as token_source
import sys
from pathlib import Path
from typing import Any, NoReturn

DEMO_SECRET_NAMES = (
    "TWILIO_AUTH_TOKEN",
    "PLIVO_AUTH_TOKEN",
    "VONAGE_SIGNATURE_SECRET",
    "SINCH_WEBHOOK_SECRET",
    "BIRD_SIGNING_KEY",
    "BANDWIDTH_USERNAME",
    "BANDWIDTH_PASSWORD",
    "RINGCENTRAL_VERIFICATION_TOKEN",
    "API_KEY",
)
LOCAL_REGION = "us-east-1"
PURPOSES = ("conversational", "informational", "promotional")
SIGNABLE = ("twilio", "telnyx")
AWS_CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


class CommandError(Exception):
    """A failure the user can act on: printed as one line, exit status ``status``."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _local_aws_defaults() -> None:
    # moto accepts any credentials; real ones are never needed (or wanted) for a local run.
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "local"),
        ("AWS_SECRET_ACCESS_KEY", "local"),
        ("AWS_DEFAULT_REGION", LOCAL_REGION),
    ):
        os.environ.setdefault(name, value)


def _telnyx_key_pair() -> tuple[str, str]:
    """A fresh Ed25519 key pair (base64 raw private, base64 raw public) so ``optledger sign telnyx`` can sign."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(private).decode(), base64.b64encode(public).decode()


def cmd_serve(args: argparse.Namespace) -> int:
    import errno
    import signal

    import boto3

    from optledger import runtime
    from optledger.local.provision import load_campaigns, provision, repo_root
    from optledger.local.server import LocalApi, make_server
    from optledger.local.state import remove_state, state_path, write_state

    if not args.endpoint_url:
        # The embedded endpoint takes any credentials: use dummies, so no real AWS key is ever used or recorded.
        for name in (*AWS_CREDENTIALS, "AWS_ENDPOINT_URL", "AWS_PROFILE"):
            os.environ.pop(name, None)
    _local_aws_defaults()
    try:
        root = repo_root()
    except FileNotFoundError as exc:
        raise CommandError(str(exc)) from None
    os.environ.setdefault("OPTLEDGER_TABLE", "optledger")
    os.environ.setdefault("OPTLEDGER_BUCKET", "optledger-evidence")
    # Locally a campaign stored by `optledger campaigns load` (another process) must be seen by the next request.
    os.environ.setdefault("OPTLEDGER_CAMPAIGN_CACHE_SECONDS", "0")
    try:
        # Bind the API port first: a busy port is the commonest start-up failure and must cost nothing.
        server = make_server(None, args.host, args.port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise CommandError(
                f"port {args.port} on {args.host} is already in use (another optledger serve?): "
                "stop it or pass --port N (0 picks a free port)"
            ) from None
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    port = server.server_address[1]
    embedded = None
    if args.endpoint_url:
        os.environ["AWS_ENDPOINT_URL"] = args.endpoint_url
    else:
        from optledger.local.emulator import start_embedded_aws

        try:
            embedded = start_embedded_aws(args.host, args.aws_port)
        except OSError as exc:
            server.server_close()
            raise CommandError(f"cannot start the embedded AWS endpoint on port {args.aws_port}: {exc}") from None
        os.environ["AWS_ENDPOINT_URL"] = embedded.endpoint_url
    url = f"http://{args.host}:{port}"
    os.environ["OPTLEDGER_PUBLIC_URL"] = os.environ.get("OPTLEDGER_PUBLIC_URL") or url
    generated: dict[str, str] = {}
    for name in DEMO_SECRET_NAMES:
        if not os.environ.get(f"OPTLEDGER_{name}"):
            generated[name] = token_source.token_urlsafe(18)
            os.environ[f"OPTLEDGER_{name}"] = generated[name]
    telnyx_private = None
    if not os.environ.get("OPTLEDGER_TELNYX_PUBLIC_KEY"):
        telnyx_private, os.environ["OPTLEDGER_TELNYX_PUBLIC_KEY"] = _telnyx_key_pair()
        generated["TELNYX_PUBLIC_KEY"] = os.environ["OPTLEDGER_TELNYX_PUBLIC_KEY"]
    runtime.reset()
    try:
        provision(
            root,
            table=os.environ["OPTLEDGER_TABLE"],
            bucket=os.environ["OPTLEDGER_BUCKET"],
            dynamodb=boto3.client("dynamodb"),
            s3=boto3.client("s3"),
        )
        demo = root / "events" / "campaigns.demo.json"
        if args.demo and demo.is_file():
            loaded = load_campaigns(demo, runtime.campaigns())
            print(f"loaded {len(loaded)} demo campaigns from {demo.relative_to(root)}")
        api = LocalApi(root)
    except BaseException:
        server.server_close()
        if embedded is not None:
            embedded.stop()
        raise
    server.RequestHandlerClass = _handler_for(api)
    for missing in api.missing:
        print(f"not served         {missing}/app.py is not in this checkout")
    state = {
        "url": url,
        "endpoint_url": os.environ["AWS_ENDPOINT_URL"],
        "region": os.environ.get("AWS_DEFAULT_REGION", LOCAL_REGION),
        # Dummies for the embedded endpoint; with --endpoint-url the other commands bring their own credentials.
        "access_key_id": "local",
        "secret_access_key": "local",
        "table": os.environ["OPTLEDGER_TABLE"],
        "bucket": os.environ["OPTLEDGER_BUCKET"],
        "api_key": os.environ["OPTLEDGER_API_KEY"],
        "secrets": {name: os.environ[f"OPTLEDGER_{name}"] for name in DEMO_SECRET_NAMES if name != "API_KEY"},
        "telnyx_private_key": telnyx_private,
        "pid": os.getpid(),
    }
    try:
        recorded: Path | None = write_state(state)
    except OSError as exc:
        recorded = None
        print(f"warning: cannot record the server in {state_path()} ({exc.strerror}); other commands need exports")
    print(f"OptLedger API      {url}   (try: curl {url}/health)")
    print(f"OpenAPI            {url}/openapi.json")
    print(f"AWS endpoint       {os.environ['AWS_ENDPOINT_URL']}   (region {state['region']}, any credentials)")
    print(f"table / bucket     {os.environ['OPTLEDGER_TABLE']} / {os.environ['OPTLEDGER_BUCKET']}")
    for name in (*DEMO_SECRET_NAMES, "TELNYX_PUBLIC_KEY"):
        origin = "generated" if name in generated else "from environment"
        print(f"OPTLEDGER_{name:<31} {os.environ[f'OPTLEDGER_{name}']}   ({origin})")
    if recorded is not None:
        print(f"recorded in        {recorded}   (other commands, e.g. `optledger consents +14155550123`, use it)")
    print("ready (Ctrl-C stops)", flush=True)
    # `kill` (SIGTERM) stops the server as Ctrl-C does, so the record of it is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if recorded is not None:
            remove_state(os.getpid())
        if embedded is not None:
            embedded.stop()
    return 0


def _handler_for(api: Any) -> Any:
    from optledger.local.server import make_handler

    return make_handler(api)


def _connect() -> dict[str, Any] | None:
    """Point this process at the running local server (if any and no AWS configuration is given); check it answers."""
    from optledger import runtime
    from optledger.local.state import apply_state, fill_loopback_defaults, state_path

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
    if endpoint and not _reachable(endpoint):
        where = f" (recorded in {state_path()} by optledger serve, pid {state.get('pid')})" if state else ""
        raise CommandError(f"cannot reach {endpoint}{where}: is optledger serve still running?")
    return state


def _reachable(url: str) -> bool:
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", port), timeout=3):
            return True
    except OSError:
        return False


def _read_json_file(path: str) -> Any:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file", 2) from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a JSON file", 2) from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text", 2) from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror})", 2) from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise CommandError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", 2) from None


def cmd_campaigns_load(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger.local.provision import store_campaigns

    documents = _read_json_file(args.file)
    _connect()
    campaigns = store_campaigns(documents, runtime.campaigns())
    for campaign in campaigns:
        print(f"loaded {campaign.id} ({campaign.brand}, {campaign.purpose})")
    return 0


class Progress:
    """A one-line progress counter on stderr (long work shows progress)."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, count: int) -> None:
        print(f"\r{self.label}: {count:,} events", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        print(file=sys.stderr)


def cmd_bundle(args: argparse.Namespace) -> int:
    from optledger.dayrun import bundle_command
    from optledger.evidence import check_finished_day

    check_finished_day(args.date)  # before any connection: a refused day costs nothing and writes nothing
    _connect()
    return bundle_command(args.date, campaign=args.campaign, brand=args.brand, workers=args.workers)


def _check_writable(path: str) -> Path:
    """Refuse an --out that cannot be written before any work is done (and before a bundle is stored)."""
    out = Path(path)
    if out.is_dir():
        raise CommandError(f"--out {path}: is a directory; give a file name such as {out / 'evidence.zip'}", 2)
    parent = out.parent if str(out.parent) else Path()
    if not parent.is_dir():
        raise CommandError(f"--out {path}: directory {parent} does not exist", 2)
    if not os.access(parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CommandError(f"--out {path}: not writable", 2)
    return out


def cmd_evidence(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger.evidence import number_bundle

    out = _check_writable(args.out) if args.out else None
    _connect()
    created = number_bundle(
        args.phone,
        campaign=args.campaign,
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
    )
    print(f"bundle  s3://{runtime.evidence().bucket}/{created['key']} ({created['events']} events)")
    print(f"url     {created['url']}")
    print(f"expires {created['expires_at']}")
    if out is not None:
        try:
            out.write_bytes(runtime.evidence().get_bytes(created["key"]))
        except OSError as exc:
            raise CommandError(f"--out {args.out}: cannot write ({exc.strerror})") from None
        print(f"saved   {out}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger.sendgate import check_send

    _connect()
    body = {"phone": args.phone, "campaign": args.campaign, "purpose": args.purpose}
    if args.at:
        body["at"] = args.at
    result = check_send(body, store=runtime.store(), directory=runtime.campaigns().directory()).to_dict()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        verdict = "allowed" if result["allowed"] else "NOT allowed"
        print(f"{verdict}: {result['reason']}")
        for key in ("tier", "event_id", "local_time", "next_allowed_at"):
            if result.get(key) is not None:
                print(f"  {key:<16}{result[key]}")
    return 0 if result["allowed"] else 3


def cmd_consents(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger.views import consent_pages

    _connect()
    directory = runtime.campaigns().directory()
    # Page by page (one DynamoDB query each), so a number with thousands of messages streams instead of loading whole.
    pages = consent_pages(args.phone, brand=args.brand, store=runtime.store(), directory=directory)
    first = next(pages)
    if args.json:
        record: dict[str, Any] = {**first, "events": list(first["events"])}
        for page in pages:
            record["events"].extend(page["events"])
        record.pop("next_cursor", None)
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    print(f"{first['phone']} ({first['brand']})")
    for campaign, view in sorted(first["campaigns"].items()):
        allowed = ""
        if "allowed" in view:
            allowed = "may send" if view["allowed"] else f"may not send: {view.get('reason')}"
        tier, since = view.get("tier") or "-", view.get("since") or "-"
        print(f"  {campaign:<14}{view.get('status'):<12}{tier:<17}{since:<26}{allowed}")
    print(f"{first['seq']} events (chain order)" if first["events"] else "no events")
    for page in itertools.chain([first], pages):
        for event in page["events"]:
            print(
                f"  {event.get('occurred_at')}  {event.get('type'):<8}{event.get('channel'):<12}"
                f"{','.join(event.get('campaigns') or ()):<20}{event.get('event_id')}"
            )
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    import shlex

    from optledger.local.state import read_state, state_path

    state = read_state()
    if state is None:
        raise CommandError(f"no running optledger serve recorded in {state_path()}: start `optledger serve` first")
    if not _reachable(state["url"]):
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


def cmd_verify(args: argparse.Namespace) -> int:
    from optledger.bundles import verify_main

    for path in (args.bundle, args.anchor):
        if path and not Path(path).is_file():
            raise CommandError(f"{path}: no such file", 2)
    return verify_main([args.bundle, *(["--anchor", args.anchor] if args.anchor else [])])


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line (the usage itself is a --help away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _phone_help() -> str:
    return "E.164 number, e.g. +14155550123"


def cmd_import(args: argparse.Namespace) -> int:
    """``optledger import FILE.csv``: every row an ``import`` event; failed rows listed with their lines."""
    import json
    import time

    from optledger import imports, runtime

    if args.preset not in imports.PRESETS:
        raise CommandError(f"unknown preset {args.preset} (one of {', '.join(imports.PRESETS)})", status=2)
    options = imports.Options(
        preset=imports.PRESETS[args.preset],
        mapping=imports.parse_mapping(args.map or []),
        campaign=args.campaign,
        brand=args.brand,
        timezone=args.timezone,
        caller=os.environ.get("USER") or "cli",
    )
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        rate = done / max(time.monotonic() - started, 1e-6)
        bar = "#" * filled + "." * (width - filled)
        print(f"\rimporting [{bar}] {done:,}/{total:,} rows ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"no such file: {args.file}", status=2)
    _connect()
    report = imports.import_file(
        path,
        options,
        directory=runtime.campaigns().directory(),
        ledger=runtime.ledger(),
        store=runtime.store(),
        dry_run=args.dry_run,
        workers=args.workers,
        progress=None if args.quiet else progress,
    )
    if not args.quiet:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), indent=1))
    else:
        verb = "would record" if args.dry_run else "recorded"
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(report.by_type.items())) or "nothing"
        print(f"file sha256 {report.file_sha256}")
        print(
            f"{report.rows:,} rows: {verb} {report.recorded:,} ({kinds}), {report.already:,} already imported, "
            f"{report.skipped:,} skipped (not consent), {len(report.failed):,} failed"
        )
        for error in report.failed[: args.show_errors]:
            print(f"  line {error.line}: {error.reason}")
        if len(report.failed) > args.show_errors:
            print(f"  ... and {len(report.failed) - args.show_errors:,} more (--json lists them all)")
    return 1 if report.failed else 0


def cmd_replay(args: argparse.Namespace) -> int:
    """Invoke again, with its original event, every failed invocation kept in an on-failure queue."""
    import boto3

    from optledger.replay import lambda_invoker, replay_queue

    _connect()
    sqs = boto3.client("sqs")
    queue = args.queue if "://" in args.queue else sqs.get_queue_url(QueueName=args.queue)["QueueUrl"]
    result = replay_queue(queue, sqs=sqs, invoke=lambda_invoker(boto3.client("lambda")), limit=args.limit)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"{result.replayed} replayed, {result.failed} failed again (left in the queue), {result.skipped} not replayable"
    )
    return 0 if result.failed == result.skipped == 0 else 1


def add_replay_command(commands: argparse._SubParsersAction) -> None:
    replay = commands.add_parser(
        "replay", help="invoke again the failed invocations kept in an on-failure queue (safe: deliveries dedupe)"
    )
    replay.add_argument(
        "queue", help="queue URL or name (stack outputs WebhooksFailureQueueUrl, BundlerFailureQueueUrl)"
    )
    replay.add_argument("--limit", type=int, help="replay at most this many messages")
    replay.set_defaults(func=cmd_replay)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="optledger",
        description="SMS consent ledger for US A2P 10DLC. Commands other than serve use the running local server "
        "(recorded by optledger serve) unless AWS configuration is given (AWS_PROFILE, AWS_ACCESS_KEY_ID, "
        "AWS_ENDPOINT_URL).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    serve = commands.add_parser("serve", help="run the whole API locally with an embedded DynamoDB and S3")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=3000, help="API port (default 3000; 0 picks a free one)")
    serve.add_argument("--aws-port", type=int, default=0, help="port of the embedded DynamoDB/S3 endpoint")
    serve.add_argument("--endpoint-url", help="use this DynamoDB/S3-compatible endpoint instead of the embedded one")
    serve.add_argument("--no-demo", dest="demo", action="store_false", help="do not load the demo campaigns")
    serve.set_defaults(func=cmd_serve)

    campaigns = commands.add_parser("campaigns", help="campaign configuration")
    campaign_commands = campaigns.add_subparsers(
        dest="campaigns_command", required=True, metavar="ACTION", parser_class=_Parser
    )
    load = campaign_commands.add_parser("load", help="validate and store the campaigns of a JSON file")
    load.add_argument("file", help="a JSON list of campaigns (or one campaign object)")
    load.set_defaults(func=cmd_campaigns_load)

    bundle = commands.add_parser("bundle", help="write the daily evidence bundles and anchor of a finished UTC day")
    bundle.add_argument("--date", required=True, help="YYYY-MM-DD, a UTC day that has ended")
    bundle.add_argument("--campaign", help="only this campaign")
    bundle.add_argument("--brand", help="only this brand")
    bundle.add_argument(
        "--workers", type=int, help="worker processes compiling the day's parts (default: cores, at most 4)"
    )
    bundle.set_defaults(func=cmd_bundle)

    evidence = commands.add_parser("evidence", help="build the whole-history bundle of one number now")
    evidence.add_argument("phone", help=_phone_help())
    evidence.add_argument("--campaign", help="selects the brand when the number is known to several")
    evidence.add_argument("--out", help="also save the zip here")
    evidence.set_defaults(func=cmd_evidence)

    check = commands.add_parser(
        "check",
        help="the send gate: may this purpose be sent to this number now?",
        description="The send gate (POST /consents/check). Exit status 0 when the send is allowed, 3 when it is not.",
    )
    check.add_argument("phone", help=_phone_help())
    check.add_argument("--campaign", required=True, help="campaign id")
    check.add_argument("--purpose", required=True, choices=PURPOSES)
    check.add_argument("--at", help="the planned send time (ISO-8601, default now)")
    check.add_argument("--json", action="store_true", help="print the JSON answer of POST /consents/check")
    check.set_defaults(func=cmd_check)

    consents = commands.add_parser("consents", help="the consent state of a number per campaign, and its events")
    consents.add_argument("phone", help=_phone_help())
    consents.add_argument("--brand", help="selects the brand when the number is known to several")
    consents.add_argument("--json", action="store_true", help="print the JSON answer of GET /consents/{phone}")
    consents.set_defaults(func=cmd_consents)

    sign = commands.add_parser("sign", help="print a signed test webhook for the running local server (a curl command)")
    sign.add_argument("provider", choices=SIGNABLE)
    sign.add_argument("--from", dest="sender", required=True, help="the consumer's number (E.164)")
    sign.add_argument("--to", required=True, help="your campaign's sender number (E.164)")
    sign.add_argument("--text", required=True, help="the message text, e.g. STOP")
    sign.add_argument("--message-id", help="provider message id (default random; reuse one to test redelivery)")
    sign.set_defaults(func=cmd_sign)

    verify = commands.add_parser("verify", help="check every hash and chain link of a bundle (exit 0 only if all hold)")
    verify.add_argument("bundle", help="a bundle zip")
    verify.add_argument("--anchor", help="the daily anchor JSON to check the bundle against")
    verify.set_defaults(func=cmd_verify)

    importer = commands.add_parser("import", help="bring existing opt-ins and opt-outs in from a CSV export")
    importer.add_argument("file", help="CSV with a header (or, for --preset aws-eum, the AWS CLI's JSON output)")
    importer.add_argument("--preset", default="generic", help="generic (default), aws-eum or attentive")
    importer.add_argument("--map", action="append", metavar="SRC=FIELD", help="read FIELD from column SRC")
    importer.add_argument("--campaign", help="the campaign of rows that name none")
    importer.add_argument("--brand", help="rows that name no campaign are opt-outs from every campaign of BRAND")
    importer.add_argument("--timezone", help="zone of timestamps that carry none (e.g. UTC, America/New_York)")
    importer.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    importer.add_argument("--workers", type=int, default=8, help="parallel appends (default 8)")
    importer.add_argument("--json", action="store_true", help="print the report as JSON")
    importer.add_argument("--quiet", action="store_true", help="no progress bar")
    importer.add_argument("--show-errors", type=int, default=20, help="failed rows listed (default 20)")
    importer.set_defaults(func=cmd_import)
    add_replay_command(commands)
    return parser


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _fields(fields: dict[str, Any]) -> str:
    shown = {k: v for k, v in fields.items() if k != "retry"}
    return " (" + ", ".join(f"{k}: {v}" for k, v in shown.items()) + ")" if shown else ""


def main(argv: list[str] | None = None) -> int:
    from optledger.errors import OptLedgerError, StorageUnavailable

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CommandError as error:
        message, status = error.message, error.status
    except StorageUnavailable as error:
        endpoint = os.environ.get("AWS_ENDPOINT_URL") or "AWS"
        message, status = f"{error.message} at {endpoint}: check the endpoint and credentials", 1
    except OptLedgerError as error:
        message, status = error.message + _fields(error.fields), 2 if error.status < 500 else 1
    except KeyboardInterrupt:
        message, status = "interrupted", 130
    except Exception as error:  # the promise is one line, never a traceback
        message, status = _aws_message(error) or f"{type(error).__name__}: {error}", 1
    print(f"optledger: error: {_one_line(message)}", file=sys.stderr)
    return status


def _aws_message(error: Exception) -> str | None:
    from botocore.exceptions import (
        ClientError,
        EndpointConnectionError,
        NoCredentialsError,
        NoRegionError,
        PartialCredentialsError,
    )

    if isinstance(error, NoRegionError | NoCredentialsError | PartialCredentialsError):
        return (
            f"{error}: no local server is recorded and no AWS configuration is complete; "
            "start `optledger serve`, or set AWS_PROFILE / AWS credentials and AWS_DEFAULT_REGION"
        )
    if isinstance(error, EndpointConnectionError):
        return f"cannot reach {error.kwargs.get('endpoint_url')}"
    if isinstance(error, ClientError):
        return f"AWS refused the request: {error.response.get('Error', {}).get('Code')}"
    return None


if __name__ == "__main__":
    sys.exit(main())
