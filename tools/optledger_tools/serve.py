"""``optledger serve``: the whole API on this machine, over the same handlers as in AWS, with an embedded DynamoDB
and S3; it records how to reach it so the other commands in a second terminal need no set-up."""

from __future__ import annotations

import argparse
import os
import secrets as token_source
import sys
from pathlib import Path

from optledger_tools.connect import AWS_CREDENTIALS, LOCAL_REGION, local_aws_defaults
from optledger_tools.errors import CommandError

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
    from optledger_tools.local.provision import load_campaigns, provision, repo_root
    from optledger_tools.local.server import LocalApi, make_handler, make_server
    from optledger_tools.local.state import remove_state, state_path, write_state

    if not args.endpoint_url:
        # The embedded endpoint takes any credentials: use dummies, so no real AWS key is ever used or recorded.
        for name in (*AWS_CREDENTIALS, "AWS_ENDPOINT_URL", "AWS_PROFILE"):
            os.environ.pop(name, None)
    local_aws_defaults()
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
        from optledger_tools.local.emulator import start_embedded_aws

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
    server.RequestHandlerClass = make_handler(api)
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


def add_serve_command(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="run the whole API locally with an embedded DynamoDB and S3")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=3000, help="API port (default 3000; 0 picks a free one)")
    serve.add_argument("--aws-port", type=int, default=0, help="port of the embedded DynamoDB/S3 endpoint")
    serve.add_argument("--endpoint-url", help="use this DynamoDB/S3-compatible endpoint instead of the embedded one")
    serve.add_argument("--no-demo", dest="demo", action="store_false", help="do not load the demo campaigns")
    serve.set_defaults(func=cmd_serve)
