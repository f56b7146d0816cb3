"""The ``optledger`` command: serve locally, load campaigns (and, as they land, bundle, evidence and verify)."""

from __future__ import annotations

import argparse
import os
import secrets as token_source
import sys
from pathlib import Path

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


def _local_aws_defaults() -> None:
    # moto accepts any credentials; real ones are never needed (or wanted) for a local run.
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "local"),
        ("AWS_SECRET_ACCESS_KEY", "local"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        os.environ.setdefault(name, value)


def cmd_serve(args: argparse.Namespace) -> int:
    import boto3

    from optledger import runtime
    from optledger.local.provision import load_campaigns, provision, repo_root
    from optledger.local.server import LocalApi, make_server

    _local_aws_defaults()
    root = repo_root()
    os.environ.setdefault("OPTLEDGER_TABLE", "optledger")
    os.environ.setdefault("OPTLEDGER_BUCKET", "optledger-evidence")
    embedded = None
    if args.endpoint_url:
        os.environ["AWS_ENDPOINT_URL"] = args.endpoint_url
    else:
        from optledger.local.emulator import start_embedded_aws

        embedded = start_embedded_aws(args.host, args.aws_port)
        os.environ["AWS_ENDPOINT_URL"] = embedded.endpoint_url
    os.environ.setdefault("OPTLEDGER_PUBLIC_URL", f"http://{args.host}:{args.port}")
    generated = {}
    for name in DEMO_SECRET_NAMES:
        if not os.environ.get(f"OPTLEDGER_{name}"):
            generated[name] = token_source.token_urlsafe(18)
            os.environ[f"OPTLEDGER_{name}"] = generated[name]
    runtime.reset()
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
    for missing in api.missing:
        print(f"not served         {missing}/app.py is not in this checkout")
    server = make_server(api, args.host, args.port)
    port = server.server_address[1]
    if args.port == 0:
        os.environ["OPTLEDGER_PUBLIC_URL"] = f"http://{args.host}:{port}"
        runtime.reset()
    print(f"OptLedger API      http://{args.host}:{port}   (try: curl http://{args.host}:{port}/health)")
    print(f"AWS endpoint       {os.environ['AWS_ENDPOINT_URL']}   (export AWS_ENDPOINT_URL=... for the other commands)")
    print(f"table / bucket     {os.environ['OPTLEDGER_TABLE']} / {os.environ['OPTLEDGER_BUCKET']}")
    for name in DEMO_SECRET_NAMES:
        origin = "generated" if name in generated else "from environment"
        value = os.environ[f"OPTLEDGER_{name}"]
        print(f"OPTLEDGER_{name:<31} {value}   ({origin})")
    print("ready (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if embedded is not None:
            embedded.stop()
    return 0


def cmd_campaigns_load(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger.local.provision import load_campaigns

    campaigns = load_campaigns(Path(args.file), runtime.campaigns())
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
    from optledger import runtime
    from optledger.evidence import compile_day

    progress = Progress(f"bundling {args.date}")
    results = compile_day(
        args.date,
        store=runtime.store(),
        evidence=runtime.evidence(),
        directory=runtime.campaigns().directory(),
        brands=[args.brand] if args.brand else None,
        campaign=args.campaign,
        progress=progress,
    )
    progress.done()
    for result in results:
        print(
            f"{result.brand} {result.day}: {result.events} events, anchor s3://{runtime.evidence().bucket}/"
            f"{result.anchor_key}"
        )
        for campaign, bundle in result.bundles.items():
            state = "verified" if bundle["verified"] else "CHAIN PROBLEM"
            print(f"  {campaign}: {bundle['events']} events ({state}) s3://{runtime.evidence().bucket}/{bundle['key']}")
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from optledger import runtime
    from optledger.evidence import number_bundle

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
    if args.out:
        Path(args.out).write_bytes(runtime.evidence().get_bytes(created["key"]))
        print(f"saved   {args.out}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from optledger.bundles import verify_main

    return verify_main([args.bundle, *(["--anchor", args.anchor] if args.anchor else [])])


def cmd_import(args: argparse.Namespace) -> int:
    """``optledger import FILE.csv``: every row an ``import`` event; failed rows listed with their lines."""
    import json
    import time

    from optledger import imports, runtime

    if args.preset not in imports.PRESETS:
        print(f"error: unknown preset {args.preset} (one of {', '.join(imports.PRESETS)})", file=sys.stderr)
        return 2
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
        print(f"error: no such file: {args.file}", file=sys.stderr)
        return 2
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
    parser = argparse.ArgumentParser(prog="optledger", description="SMS consent ledger for US A2P 10DLC")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the whole API locally with an embedded DynamoDB and S3")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3000, help="API port (0 picks a free one)")
    serve.add_argument("--aws-port", type=int, default=0, help="port of the embedded DynamoDB/S3 endpoint")
    serve.add_argument("--endpoint-url", help="use this DynamoDB/S3-compatible endpoint instead of the embedded one")
    serve.add_argument("--no-demo", dest="demo", action="store_false", help="do not load the demo campaigns")
    serve.set_defaults(func=cmd_serve)

    campaigns = commands.add_parser("campaigns", help="campaign configuration")
    campaign_commands = campaigns.add_subparsers(dest="campaigns_command", required=True)
    load = campaign_commands.add_parser("load", help="validate and store the campaigns of a JSON file")
    load.add_argument("file")
    load.set_defaults(func=cmd_campaigns_load)

    bundle = commands.add_parser("bundle", help="write the daily evidence bundles and anchor of a UTC day")
    bundle.add_argument("--date", required=True, help="YYYY-MM-DD")
    bundle.add_argument("--campaign", help="only this campaign")
    bundle.add_argument("--brand", help="only this brand")
    bundle.set_defaults(func=cmd_bundle)

    evidence = commands.add_parser("evidence", help="build the whole-history bundle of one number now")
    evidence.add_argument("phone")
    evidence.add_argument("--campaign", help="selects the brand when the number is known to several")
    evidence.add_argument("--out", help="also save the zip here")
    evidence.set_defaults(func=cmd_evidence)

    verify = commands.add_parser("verify", help="check every hash and chain link of a bundle (exit 0 only if all hold)")
    verify.add_argument("bundle")
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


def main(argv: list[str] | None = None) -> int:
    from optledger.errors import OptLedgerError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except OptLedgerError as error:
        print(f"error: {error.message} {error.fields or ''}".rstrip(), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
