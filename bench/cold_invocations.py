"""Cold start with its first invocation: each function's ``import app`` and then one typical invocation (the
``events/`` fixtures) against the embedded DynamoDB, S3 and EventBridge, as ratios to ``import boto3``.

A smaller import only helps when the first invocation does not load what was left out: this prints both figures,
and the modules the invocation loaded that the import had not (what a cold start pays after the import).
Each figure is the best CPU time of several fresh interpreters, the function and ``import boto3`` measured in turns
(the embedded AWS runs in this process, so its work is not counted in the function's). The webhooks function is
measured twice: with a STOP (a keyword, the detector's phrase rules never load) and with a reply in words
(``webhooks_words``), whose first invocation indexes and compiles the phrase rules it can match.

    python bench/cold_invocations.py [--runs N] [--only webhooks,consents] [--late] [--compare DIR] [--instructions]

``--compare DIR`` (a copy of another version) runs that version's functions in the same turns, against the same
embedded AWS. ``--instructions`` counts instructions under valgrind instead (see ``bench/cold_imports.py``): the
same figures on every run, where CPU time on this shared machine moves by 0.05-0.1 between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from _harness import ROOT, local_stack

RUNNER = """
import json, sys, time
path, event_path, stage = sys.argv[1:4]
started = time.process_time()
if path == "--":  # the interpreter's start and this runner alone
    sys.exit(0)
if path == "-":
    import boto3
    print(json.dumps({"import": time.process_time() - started}))
    sys.exit(0)
import importlib.util as u
spec = u.spec_from_file_location("app", path)
app = u.module_from_spec(spec)
spec.loader.exec_module(app)
imported = time.process_time() - started
if stage == "import":
    print(json.dumps({"import": imported}))
    sys.exit(0)
before = set(sys.modules)
with open(event_path, encoding="utf-8") as handle:
    event = json.load(handle)

class Context:
    function_name = "bench"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:bench"
    aws_request_id = "00000000-0000-4000-8000-000000000000"

    def get_remaining_time_in_millis(self):
        return 60000

started = time.process_time()
result = app.lambda_handler(event, Context())
invoked = time.process_time() - started
late = sorted(m for m in set(sys.modules) - before if m.count(".") <= 1)
status = result.get("statusCode") if isinstance(result, dict) else None
outcome = {"import": imported, "invoke": invoked, "late": late, "status": status, "result": result}
print(json.dumps(outcome, default=str))
"""


class _SmsVoice(BaseHTTPRequestHandler):
    """AWS End User Messaging SMS (no moto model): every call succeeds with an empty answer."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        return


def _fixture(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "events" / name).read_text(encoding="utf-8"))


_sids = iter(range(1, 1_000_000))


def _twilio_stop() -> dict[str, Any]:
    from tests.support.twilio import form, http_api_event

    return http_api_event(form("STOP", sid=f"SM{next(_sids):032d}"))


def _twilio_words() -> dict[str, Any]:
    """A reply in words: the detector's phrase rules are indexed and compiled on the first one (a keyword never)."""
    from tests.support.twilio import form, http_api_event

    return http_api_event(form("Can I move my cleaning to Friday at 5?", sid=f"SM{next(_sids):032d}"))


def _console_page() -> dict[str, Any]:
    event = _fixture("api/health.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/console"
    event["routeKey"] = event["requestContext"]["routeKey"] = "GET /console"
    return event


def _consent_changed() -> dict[str, Any]:
    detail = {"type": "opt_out", "brand": "acme", "phone": "+14155550123", "event_id": "01JBENCH00000000000000000"}
    return {"source": "optledger", "detail-type": "ConsentChanged", "detail": detail}


def _seed_previous_day() -> str:
    from optledger import runtime
    from tests.support.ledger_events import append_opt_ins

    yesterday = datetime.now(UTC) - timedelta(days=1)
    ledger = runtime.ledger()
    clock = ledger.clock
    ledger.clock = lambda: yesterday.replace(hour=15, minute=0, second=0, microsecond=0)
    append_opt_ins(ledger, yesterday.strftime("%Y-%m-%d"), tag="COLD", evidence={"text": "DEALS"})
    ledger.clock = clock
    return yesterday.strftime("%Y-%m-%d")


def _part_step(day: str) -> dict[str, Any]:
    """The daily run's usual invocation: one (brand, shard) part of the day (the Map state runs one per shard)."""
    from optledger import runtime
    from optledger.evidence import plan_day, work_items

    plan = plan_day(day, store=runtime.store(), directory=runtime.campaigns().directory())
    return {"step": "part", **work_items(day, plan)[0]}


Case = tuple[str, Callable[[], dict[str, Any]]]  # the function, and the event of its invocation


def cases(day: str) -> dict[str, Case]:
    """Each function's typical invocation (linkrotation, a monthly rotation, is left out); the webhooks function has
    two: a keyword, and a reply in words (most replies), which loads the detector's phrase rules."""
    part = _part_step(day)
    return {
        "webhooks": ("webhooks", _twilio_stop),
        "webhooks_words": ("webhooks", _twilio_words),
        "consents": ("consents", lambda: _fixture("api/consents_check.json")),
        "optins": ("optins", lambda: _fixture("api/optin_json.json")),
        "console": ("console", _console_page),
        "optoutsync": ("optoutsync", _consent_changed),
        "bundler": ("bundler", lambda: part),
        "publisher": ("publisher", lambda: _fixture("stream/telnyx_stop.json")),
    }


def _run(
    path: str,
    event: dict[str, Any] | None,
    env: dict[str, str],
    scratch: Path,
    *,
    stage: str = "invoke",
    counted: bool = False,
) -> dict[str, Any]:
    """One fresh interpreter: ``path`` imported (``-``: boto3, ``--``: nothing) and, at stage ``invoke``, invoked
    with ``event``; ``counted`` runs it under callgrind and adds the instructions it executed."""
    runner, event_path = scratch / "runner.py", scratch / "event.json"
    runner.write_text(RUNNER, encoding="utf-8")
    event_path.write_text(json.dumps(event), encoding="utf-8")
    command = [sys.executable, str(runner), path, str(event_path), stage]
    if counted:
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]
        env = {**env, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"cold_invocations: {path} failed\n{done.stderr[-3000:]}")
    if path == "--":
        return {"instructions": _collected(done.stderr)}
    outcome: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if counted:
        outcome["instructions"] = _collected(done.stderr)
    if outcome.get("status") is not None and not 200 <= outcome["status"] < 300:
        sys.exit(f"cold_invocations: {path} answered {outcome['status']}: {outcome['result']}")
    return outcome


def _collected(stderr: str) -> int:
    found = re.search(r"Collected : (\d+)", stderr)
    if not found:
        sys.exit(f"cold_invocations: valgrind counted nothing\n{stderr[-2000:]}")
    return int(found.group(1))


def _counted(chosen: dict[str, Case], roots: dict[str, tuple[Path, dict[str, str]]]) -> list[str]:
    """Import, and import + first invocation, of each function in instructions (callgrind), over ``import boto3``'s;
    the interpreter's start is subtracted from every count. Two interpreters at a time, each in its own folder."""
    env = next(iter(roots.values()))[1]
    jobs: dict[tuple[str, str, str], tuple[str, dict[str, Any] | None, dict[str, str], str]] = {
        ("start", "", ""): ("--", None, env, "import"),
        ("boto3", "", ""): ("-", None, env, "import"),
    }
    for name, (function, make_event) in chosen.items():
        for label, (root, root_env) in roots.items():
            path = str(root / "functions" / function / "app.py")
            for stage in ("import", "invoke"):
                jobs[(name, label, stage)] = (path, make_event(), root_env, stage)

    def count(job: tuple[str, dict[str, Any] | None, dict[str, str], str]) -> int:
        with tempfile.TemporaryDirectory() as scratch:
            path, event, job_env, stage = job
            return int(_run(path, event, job_env, Path(scratch), stage=stage, counted=True)["instructions"])

    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(jobs, pool.map(count, jobs.values()), strict=True))
    start = counts[("start", "", "")]
    boto = counts[("boto3", "", "")] - start
    lines = []
    for name in chosen:
        for label in roots:
            imported, invoked = (counts[(name, label, stage)] - start for stage in ("import", "invoke"))
            lines.append(f"cold_invocation.{name}.{label}import_instructions_ratio_to_boto3 {imported / boto:.3f}")
            lines.append(
                f"cold_invocation.{name}.{label}import_and_first_invocation_instructions_ratio_to_boto3"
                f" {invoked / boto:.3f}"
            )
    return lines


def _env(sms_port: int, root: Path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k.startswith(("AWS_", "OPTLEDGER_"))},
        "PYTHONPATH": f"{root / 'layers' / 'optledger'}",
        "PATH": "/usr/bin:/bin",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_SERVICE_NAME": "optledger",
        "POWERTOOLS_METRICS_NAMESPACE": "OptLedger",
        "OPTLEDGER_EVENT_BUS": "optledger",
        "OPTLEDGER_EUM_OPT_OUT_LISTS": json.dumps({"acme": "acme-optouts"}),
        "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2": f"http://127.0.0.1:{sms_port}",
        "OPTLEDGER_TWILIO_AUTH_TOKEN": "test-twilio-auth-token",  # the token events/api/*.json were signed with
    }


def _measure(
    name: str,
    case: Case,
    args: argparse.Namespace,
    env: dict[str, str],
    other_env: dict[str, str],
    scratch: Path,
) -> list[str]:
    """Best import and import + first invocation of this version (and of the compared one), over ``import boto3``."""
    function, make_event = case
    roots = {"": (ROOT, env)} | ({"compared_": (args.compare, other_env)} if args.compare else {})
    base: list[float] = []
    imports: dict[str, list[float]] = {label: [] for label in roots}
    totals: dict[str, list[float]] = {label: [] for label in roots}
    late: dict[str, list[str]] = {}
    for _ in range(args.runs):
        base.append(_run("-", None, env, scratch)["import"])
        for label, (root, root_env) in roots.items():
            outcome = _run(str(root / "functions" / function / "app.py"), make_event(), root_env, scratch)
            imports[label].append(outcome["import"])
            totals[label].append(outcome["import"] + outcome["invoke"])
            late[label] = outcome["late"]
    boto = min(base)
    lines = []
    for label in roots:
        lines.append(f"cold_invocation.{name}.{label}import_ratio_to_boto3 {min(imports[label]) / boto:.2f}")
        lines.append(
            f"cold_invocation.{name}.{label}import_and_first_invocation_ratio_to_boto3"
            f" {min(totals[label]) / boto:.2f} ({min(totals[label]) * 1000:.0f} ms; import boto3 {boto * 1000:.0f} ms)"
        )
        if args.late:
            lines.append(f"cold_invocation.{name}.{label}loaded_by_invocation {' '.join(late[label])}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated cases (function names, and webhooks_words)")
    parser.add_argument("--late", action="store_true", help="list the modules each first invocation loaded")
    parser.add_argument("--compare", type=Path, help="another version's checkout, measured in the same turns")
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead of time")
    args = parser.parse_args()
    if args.compare:
        args.compare = args.compare.resolve()
    embedded = local_stack()
    sms = ThreadingHTTPServer(("127.0.0.1", 0), _SmsVoice)
    threading.Thread(target=sms.serve_forever, daemon=True).start()
    try:
        import boto3

        boto3.client("events").create_event_bus(Name="optledger")
        day = _seed_previous_day()
        env = _env(sms.server_port, ROOT)
        other_env = _env(sms.server_port, args.compare) if args.compare else {}
        chosen = [c for c in args.only.split(",") if c]
        if args.instructions:
            roots = {"": (ROOT, env)} | ({"compared_": (args.compare, other_env)} if args.compare else {})
            picked = {name: event for name, event in cases(day).items() if not chosen or name in chosen}
            print(f"cold_invocation.python {sys.version.split()[0]} (instructions)")
            for line in _counted(picked, roots):
                print(line)
            return
        print(
            f"cold_invocation.python {sys.version.split()[0]}"
            + (f" (compared with {args.compare})" if args.compare else "")
        )
        with tempfile.TemporaryDirectory() as scratch:
            for name, case in cases(day).items():
                if chosen and name not in chosen:
                    continue
                measured = _measure(name, case, args, env, other_env, Path(scratch))
                for line in measured:
                    print(line)
    finally:
        sms.shutdown()
        embedded.stop()


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
