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
    from optledger.dayrun import bundle_command

    return bundle_command(args.date, campaign=args.campaign, brand=args.brand, workers=args.workers)


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
    bundle.add_argument(
        "--workers", type=int, help="worker processes compiling the day's parts (default: cores, at most 4)"
    )
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
