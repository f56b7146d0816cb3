"""The ``optledger`` command: serve locally, and the operator's commands against that server or against AWS.

Every command but ``serve`` and ``verify`` reads the record ``optledger serve`` leaves (``optledger_tools.connect``)
when the environment names no AWS configuration, so a second terminal needs no exports. Every failure is one line on
stderr and a non-zero exit: 2 for bad arguments or input, 1 for everything else. ``serve``, ``sign`` and ``import``
live in modules of their own; the rest are small enough to sit here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from optledger_tools.connect import connect
from optledger_tools.errors import CommandError
from optledger_tools.serve import add_serve_command
from optledger_tools.sign import add_sign_command

PURPOSES = ("conversational", "informational", "promotional")


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
    except json.JSONDecodeError as exc:
        raise CommandError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", 2) from None


def cmd_campaigns_load(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger_tools.local.provision import store_campaigns

    documents = _read_json_file(args.file)
    connect()
    campaigns = store_campaigns(documents, runtime.campaigns())
    for campaign in campaigns:
        print(f"loaded {campaign.id} ({campaign.brand}, {campaign.purpose})")
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from optledger.evidence import check_finished_day
    from optledger_tools.dayrun import bundle_command

    check_finished_day(args.date)  # before any connection: a refused day costs nothing and writes nothing
    connect()
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
    connect()
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

    connect()
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

    connect()
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


def cmd_verify(args: argparse.Namespace) -> int:
    from optledger.bundles import VerifyInputError, report_lines, verify_path

    try:
        report = verify_path(args.bundle, args.anchor)
    except VerifyInputError as exc:
        raise CommandError(str(exc), 2) from None
    print("\n".join(report_lines(report, args.bundle)))
    return 0 if report.ok else 1


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

    from optledger import runtime
    from optledger_tools import imports

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
    connect()
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

    from optledger_tools.replay import lambda_invoker, replay_queue

    connect()
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
    add_serve_command(commands)

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
    add_sign_command(commands)

    verify = commands.add_parser("verify", help="check every hash and chain link of a bundle (exit 0 only if all hold)")
    verify.add_argument("bundle", help="a bundle zip, or a folder holding the parts of a day (with --anchor)")
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
