"""The built artifact, run as Lambda runs it (CI, after `make build`).

For each function of the template, a fresh ``python3.13`` process (the runtime's version) whose path is only what
Lambda gives a function: its built directory (``/var/task``), then the layer's ``python/`` directory (``/opt/python``),
then the standard library. ``-I -S -B``: no PYTHON* variables, no site-packages, no bytecode written (Lambda's
/var/task and /opt are read-only, so each cold start has only the bytecode the build shipped), nothing of the
project's virtualenv or checkout; every module the process loaded is checked to come from those places. It imports
``app`` as the runtime does and invokes ``lambda_handler`` with the ``events/`` fixtures against the embedded AWS
endpoint (moto, started here): a webhook STOP is recorded, an opt-in is recorded, a consent check is answered, a daily
bundle and anchor are written, a stream batch is published to the event bus. It prints each function's cold import
(CPU time) against ``import boto3`` from the same layer. Before that, the built layer is checked to hold only runtime
code (``tests/support/layer.py``: no local server, emulator or CLI, no import of moto, werkzeug or yaml).

The template builds for arm64. The layer holds native wheels (cryptography, its cffi), which cannot be imported on
another architecture: on a machine that is not arm64 the same template is built again for the machine's
architecture (only the architecture changes) into ``.aws-sam/native``, and that build is the one tested.

    python .ci/artifact_test.py --sam .venv-sam/bin/sam --python "$(command -v python3.13)"
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BASELINE_MS: list[float] = []  # import boto3 in the same layout, best of three

RUNNER = textwrap.dedent(
    """
    import json, sys, time
    task, layer, event_path = sys.argv[1:4]
    sys.path[:0] = [task, layer]
    started = time.process_time()
    if event_path == "-":  # the baseline: boto3 alone, from the layer
        import boto3
        print(json.dumps({"python": sys.version.split()[0], "import_ms": (time.process_time() - started) * 1000}))
        sys.exit(0)
    import app  # as the runtime imports the handler module
    import_ms = (time.process_time() - started) * 1000
    allowed = (task, layer, sys.base_prefix)
    strays = sorted(
        f"{name}: {module.__file__}"
        for name, module in list(sys.modules.items())
        if name not in ("__main__", "__mp_main__")  # this runner
        and getattr(module, "__file__", None) and not module.__file__.startswith(allowed)
    )
    if strays:
        sys.exit("modules from outside the function, its layer and the standard library: " + "; ".join(strays))

    class Context:
        function_name = "artifact-test"
        memory_limit_in_mb = 512
        invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:artifact-test"
        aws_request_id = "00000000-0000-4000-8000-000000000000"

        def get_remaining_time_in_millis(self):
            return 60000

    with open(event_path, encoding="utf-8") as handle:
        event = json.load(handle)
    result = app.lambda_handler(event, Context())
    print(json.dumps({"python": sys.version.split()[0], "import_ms": import_ms, "result": result}, default=str))
    """
)


def machine_architecture() -> str:
    return {"aarch64": "arm64", "arm64": "arm64", "x86_64": "x86_64", "amd64": "x86_64"}[platform.machine().lower()]


def native_template(architecture: str, target: Path) -> Path:
    """template.yaml with only the architecture changed and code paths made absolute (it lives in another folder)."""
    text = (ROOT / "template.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\barm64\b", architecture, text)
    text = re.sub(
        r"^(\s+(?:CodeUri|ContentUri): )(\S+)$", lambda m: m.group(1) + str(ROOT / m.group(2)), text, flags=re.M
    )
    target.mkdir(parents=True, exist_ok=True)
    path = target / "template.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def build(sam: str, python: str) -> Path:
    architecture = machine_architecture()
    if architecture == "arm64":
        built = ROOT / ".aws-sam" / "build"
        if not (built / "template.yaml").is_file():
            sys.exit("no .aws-sam/build: run make build first")
        return built
    print(f"artifact: this machine is {architecture}; the layer's native wheels need a build for it (.aws-sam/native)")
    native = ROOT / ".aws-sam" / "native"
    template = native_template(architecture, native)
    env = {**os.environ, "PATH": f"{Path(python).parent}:{os.environ['PATH']}", "SAM_CLI_TELEMETRY": "0"}
    done = subprocess.run(  # noqa: S603 - our own build tool, paths from the command line
        [
            sam,
            "build",
            "--template",
            str(template),
            "--build-dir",
            str(native / "build"),
            "--cache-dir",
            str(native / "cache"),
            "--cached",
        ],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"artifact: sam build for {architecture} failed\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    compile_bytecode(python, native / "build")  # as make build does
    return native / "build"


def compile_bytecode(python: str, built: Path) -> None:
    """What ``make build`` does after ``sam build``: see the Makefile."""
    subprocess.run(  # noqa: S603 - the runtime's Python on our own build output
        [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash", str(built)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


class Stack:
    """The embedded AWS endpoint with the table, bucket, bus and campaigns a deployment would have."""

    def __init__(self) -> None:
        for name, value in (
            ("AWS_ACCESS_KEY_ID", "artifact"),
            ("AWS_SECRET_ACCESS_KEY", "artifact"),
            ("AWS_DEFAULT_REGION", "us-east-1"),
        ):
            os.environ[name] = value
        import boto3

        from optledger import runtime
        from optledger_tools.local.emulator import start_embedded_aws
        from optledger_tools.local.provision import load_campaigns, provision
        from tests.support.twilio import PUBLIC_URL, TOKEN

        self.embedded = start_embedded_aws()
        self.env = {
            "AWS_ACCESS_KEY_ID": "artifact",
            "AWS_SECRET_ACCESS_KEY": "artifact",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": self.embedded.endpoint_url,
            "OPTLEDGER_TABLE": "artifact-ledger",
            "OPTLEDGER_BUCKET": "artifact-evidence",
            "OPTLEDGER_PUBLIC_URL": PUBLIC_URL,
            "OPTLEDGER_TWILIO_AUTH_TOKEN": TOKEN,
            "OPTLEDGER_API_KEY": "test-api-key",
            "OPTLEDGER_EVENT_BUS": "optledger",
            # The template's defaults (XRaySdkTracing=false).
            "POWERTOOLS_TRACE_DISABLED": "true",
            "POWERTOOLS_SERVICE_NAME": "optledger",
            "POWERTOOLS_METRICS_NAMESPACE": "OptLedger",
            "PATH": "/usr/bin:/bin",
        }
        os.environ.update({k: v for k, v in self.env.items() if k != "PATH"})
        self.dynamodb, self.s3 = boto3.client("dynamodb"), boto3.client("s3")
        provision(ROOT, table="artifact-ledger", bucket="artifact-evidence", dynamodb=self.dynamodb, s3=self.s3)
        runtime.reset()
        load_campaigns(ROOT / "events" / "campaigns.demo.json", runtime.campaigns())
        # The bus, and a queue behind a rule, to see what the publisher puts on it.
        events, self.sqs = boto3.client("events"), boto3.client("sqs")
        events.create_event_bus(Name="optledger")
        self.published = self.sqs.create_queue(QueueName="artifact-published")["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=self.published, AttributeNames=["QueueArn"])["Attributes"]
        events.put_rule(Name="everything", EventBusName="optledger", EventPattern=json.dumps({"source": ["optledger"]}))
        events.put_targets(Rule="everything", EventBusName="optledger", Targets=[{"Id": "q", "Arn": arn["QueueArn"]}])

    def seed_previous_day(self) -> str:
        """Events recorded yesterday, for the daily run (a day must be over to be bundled)."""
        from optledger import runtime
        from tests.support.ledger_events import append_opt_ins

        yesterday = datetime.now(UTC) - timedelta(days=1)
        day = yesterday.strftime("%Y-%m-%d")
        ledger = runtime.ledger()
        ledger.clock = lambda: yesterday.replace(hour=15, minute=0, second=0, microsecond=0)
        append_opt_ins(ledger, day, tag="ARTIFACT", evidence={"text": "DEALS", "subject": "artifact"})
        return day

    def events_of(self, phone: str) -> list[dict[str, Any]]:
        from optledger import runtime

        runtime.reset()
        return list(runtime.store().iter_events("acme", phone))

    def stop(self) -> None:
        self.embedded.stop()


def invoke(python: str, built: Path, function: str, event: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    task, layer = built / function, built / "OptLedgerLayer" / "python"
    with tempfile.TemporaryDirectory() as scratch:
        runner, event_path = Path(scratch) / "runner.py", Path(scratch) / "event.json"
        runner.write_text(RUNNER, encoding="utf-8")
        event_path.write_text(json.dumps(event), encoding="utf-8")
        done = subprocess.run(  # noqa: S603 - the runtime's Python on our own runner
            [python, "-I", "-S", "-B", str(runner), str(task), str(layer), str(event_path)],
            capture_output=True,
            text=True,
            env=env,
            cwd=scratch,
            timeout=300,
        )
    if done.returncode != 0:
        sys.exit(f"{function}: the built function failed\n{done.stderr[-3000:]}")
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    ratio = outcome["import_ms"] / BASELINE_MS[0] if BASELINE_MS else float("nan")
    print(
        f"artifact: {function} ran on Python {outcome['python']}, cold import {outcome['import_ms']:.0f} ms CPU"
        f" ({ratio:.2f}x import boto3 from the layer)"
    )
    return outcome["result"]


def boto3_import_ms(python: str, built: Path) -> float:
    task, layer = built / "WebhooksFunction", built / "OptLedgerLayer" / "python"
    with tempfile.TemporaryDirectory() as scratch:
        runner = Path(scratch) / "runner.py"
        runner.write_text(RUNNER, encoding="utf-8")
        done = subprocess.run(  # noqa: S603 - the runtime's Python on our own runner
            [python, "-I", "-S", "-B", str(runner), str(task), str(layer), "-"],
            capture_output=True,
            text=True,
            check=True,
            cwd=scratch,
        )
    return float(json.loads(done.stdout)["import_ms"])


def fixture(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "events" / name).read_text(encoding="utf-8"))


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"artifact: FAILED: {message}")
    print(f"artifact: ok: {message}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sam", required=True)
    parser.add_argument("--python", required=True, help="the runtime's Python (python3.13)")
    args = parser.parse_args()
    version = subprocess.run(  # noqa: S603 - the interpreter named on the command line
        [args.python, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True
    )
    check(version.stdout.strip() == "(3, 13)", f"{args.python} is Python 3.13, the runtime of the template")
    built = build(args.sam, args.python)
    from tests.support.layer import layer_problems

    problems = layer_problems(built / "OptLedgerLayer" / "python", sorted(built.glob("*/app.py")))
    check(not problems, "the built layer holds only runtime code" + "".join(f"\n  {p}" for p in problems))
    BASELINE_MS.append(min(boto3_import_ms(args.python, built) for _ in range(3)))
    print(f"artifact: import boto3 from the built layer: {BASELINE_MS[0]:.0f} ms CPU")
    stack = Stack()
    try:
        env = stack.env
        phone = "+14155550123"  # the number of the events/api fixtures

        optin = invoke(args.python, built, "OptinsFunction", fixture("api/optin_json.json"), env)
        body = json.loads(optin["body"])
        check(optin["statusCode"] == 201 and body["status"] in ("opted_in", "pending"), "opt-in answered 201")
        check(any(e["event_id"] == body["event_id"] for e in stack.events_of(phone)), "opt-in recorded in the ledger")

        stop = invoke(args.python, built, "WebhooksFunction", fixture("api/twilio_stop.json"), env)
        check(stop["statusCode"] == 200 and "<Response" in stop["body"], "Twilio STOP answered with TwiML")
        check(any(e["type"] == "opt_out" for e in stack.events_of(phone)), "STOP recorded as an opt-out")

        # a reply in words needs the phrase reader and every word list it loads late (phrases.json, the dictionaries)
        from tests.support.twilio import form, http_api_event

        talker = "+14155550177"
        words = form("the garbage disposal is jammed again", sid="SM" + "7" * 32, sender=talker)
        reply = invoke(args.python, built, "WebhooksFunction", http_api_event(words), env)
        check(reply["statusCode"] == 200, "a reply in words answered (the late word lists are in the layer)")
        recorded = [e for e in stack.events_of(talker) if e["type"] == "message"]
        check(
            len(recorded) == 1 and recorded[0].get("evidence", {}).get("detected_by") != "review",
            "a reply in English words recorded as an ordinary message, not queued",
        )

        answer = invoke(args.python, built, "ConsentsFunction", fixture("api/consents_check.json"), env)
        verdict = json.loads(answer["body"])
        check(answer["statusCode"] == 200 and verdict["allowed"] is False, f"check answered ({verdict['reason']})")

        day = stack.seed_previous_day()
        run = invoke(args.python, built, "BundlerFunction", {"date": day}, env)
        keys = {
            o["Key"]
            for o in stack.s3.list_objects_v2(Bucket="artifact-evidence").get("Contents", [])
            if day in o["Key"]
        }
        check(run["day"] == day and f"anchors/acme/{day}.json" in keys, f"daily anchor of {day} written")
        check(any(k.startswith(f"bundles/daily/acme/{day}/") for k in keys), "daily bundle written")

        batch = invoke(args.python, built, "PublisherFunction", fixture("stream/telnyx_stop.json"), env)
        check(batch == {"batchItemFailures": []}, "stream batch processed without failures")
        received = stack.sqs.receive_message(QueueUrl=stack.published, MaxNumberOfMessages=10).get("Messages", [])
        check(bool(received), f"stream batch published on the bus ({len(received)} events)")
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
