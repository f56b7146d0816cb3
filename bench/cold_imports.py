"""Cold start: the import of each function's ``app``, as a ratio to ``import boto3``, with and without the X-Ray SDK.

Each figure is the best CPU time of several fresh interpreters, the function and the baseline measured in turns so
that the load of the machine weighs on both alike. The default deployment has ``XRaySdkTracing=false``
(``POWERTOOLS_TRACE_DISABLED=true``): that is the figure the goal (at most 1.3x) is about. Then, from
``python -X importtime``, the largest imports of the slowest function beyond those of ``import boto3``: what stands
between it and boto3 alone.

``--compare DIR`` (a copy of another version, e.g. ``git archive main | tar -x -C DIR``) measures that version's
functions in the same turns, so a change is judged in one run on one machine load. ``bench/cold_invocations.py``
adds the first invocation: a smaller import only counts when the first invocation does not load what was left out.

``--instructions`` counts the instructions each import executes under valgrind (callgrind) instead of timing it:
slow (about 10 s an interpreter) but the same figure on every run whatever the machine's load, which CPU time on a
shared 2-core machine is not (a function's ratio moves by 0.05-0.1 between runs). The interpreter's own start
(``python -c pass``) is subtracted from each count; hash randomisation is off so that runs repeat.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _harness import ROOT

RUNS = 5
FUNCTIONS = sorted(p.parent.name for p in (ROOT / "functions").glob("*/app.py"))


def _env(root: Path = ROOT, **extra: str) -> dict[str, str]:
    # Nothing from the caller's environment but a path: no AWS settings, no PYTHON* variables.
    return {
        "PYTHONPATH": f"{root / 'layers' / 'optledger'}",
        "PATH": "/usr/bin:/bin",
        "AWS_DEFAULT_REGION": "us-east-1",
        **extra,
    }


def _load(name: str, root: Path = ROOT) -> str:
    return (
        "import importlib.util as u; "
        f"s = u.spec_from_file_location('app', {str(root / 'functions' / name / 'app.py')!r}); "
        "m = u.module_from_spec(s); s.loader.exec_module(m)"
    )


def _seconds(statement: str, env: dict[str, str]) -> float:
    # CPU time of the interpreter (user + system), not wall time: on a shared machine the wait for a core would
    # otherwise be most of the figure. An import is CPU and file-system work, both counted.
    code = f"import time; t = time.process_time(); {statement}; print(time.process_time() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return float(done.stdout)


def instructions(statement: str, env: dict[str, str]) -> int:
    """Instructions a fresh interpreter executes for ``statement`` (its start included), counted by callgrind."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", statement]
    done = subprocess.run(command, capture_output=True, text=True, env={**env, "PYTHONHASHSEED": "0"}, cwd=ROOT)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        sys.exit(f"cold_imports: valgrind failed on {statement!r}\n{done.stderr[-2000:]}")
    return int(found.group(1))


def instruction_ratios(other: Path | None) -> None:
    """Each function's import (and the compared version's) in instructions, over ``import boto3``'s."""
    env = _env(POWERTOOLS_TRACE_DISABLED="true")
    jobs: dict[str, tuple[str, dict[str, str]]] = {"start": ("pass", env), "boto3": ("import boto3", env)}
    for name in FUNCTIONS:
        jobs[name] = (_load(name), env)
        if other is not None and (other / "functions" / name / "app.py").is_file():
            jobs[f"compared {name}"] = (_load(name, other), _env(other, POWERTOOLS_TRACE_DISABLED="true"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(jobs, pool.map(lambda job: instructions(*job), jobs.values()), strict=True))
    start, boto = counts["start"], counts["boto3"] - counts["start"]
    print(f"cold_start.python {sys.version.split()[0]} (instructions)" + (f" compared with {other}" if other else ""))
    for name in FUNCTIONS:
        line = f"cold_start.{name}.default_xray_sdk_off.instructions_ratio_to_boto3 {(counts[name] - start) / boto:.3f}"
        if f"compared {name}" in counts:
            line += f" (compared {(counts[f'compared {name}'] - start) / boto:.3f})"
        print(line)


def ratio(statement: str, env: dict[str, str]) -> tuple[float, float]:
    """(best seconds of ``statement``, best seconds of ``import boto3``), taken in turns."""
    own, base = [], []
    for _ in range(RUNS):
        base.append(_seconds("import boto3", env))
        own.append(_seconds(statement, env))
    return min(own), min(base)


def compared(name: str, other: Path, env: dict[str, str], other_env: dict[str, str]) -> tuple[float, float, float]:
    """(best seconds of this version's import, of the other version's, of ``import boto3``), taken in turns."""
    own, theirs, base = [], [], []
    for _ in range(RUNS):
        base.append(_seconds("import boto3", env))
        own.append(_seconds(_load(name), env))
        theirs.append(_seconds(_load(name, other), other_env))
    return min(own), min(theirs), min(base)


def importtime_beyond_boto3(name: str, env: dict[str, str], top: int = 8) -> list[tuple[str, float]]:
    """Top-level packages a function imports beyond boto3's, by cumulative import time (ms)."""

    def packages(statement: str) -> dict[str, float]:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True, env=env, cwd=ROOT
        )
        found: dict[str, float] = {}
        for line in done.stderr.splitlines():
            match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
            if match and len(match.group(2)) <= 4:  # a package imported near the top, with what it pulls in
                found[match.group(3)] = max(found.get(match.group(3), 0.0), int(match.group(1)) / 1000)
        return found

    boto = packages("import boto3")
    own = packages(f"import boto3; {_load(name)}")
    extra = [(m, ms) for m, ms in own.items() if m not in boto and not m.startswith(("boto", "s3transfer"))]
    return sorted(extra, key=lambda item: -item[1])[:top]


def compare(other: Path) -> None:
    env, other_env = _env(POWERTOOLS_TRACE_DISABLED="true"), _env(other, POWERTOOLS_TRACE_DISABLED="true")
    print(f"cold_start.python {sys.version.split()[0]} (compared with {other})")
    for name in FUNCTIONS:
        if not (other / "functions" / name / "app.py").is_file():
            continue
        own, theirs, base = compared(name, other, env, other_env)
        print(
            f"cold_start.{name}.default_xray_sdk_off.ratio_to_boto3 {own / base:.2f} (compared {theirs / base:.2f};"
            f" {own * 1000:.0f} vs {theirs * 1000:.0f} ms, import boto3 {base * 1000:.0f} ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="another version's checkout, measured in the same turns")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead of time")
    args = parser.parse_args()
    globals()["RUNS"] = args.runs
    if args.instructions:
        if not shutil.which("valgrind"):
            sys.exit("cold_imports: --instructions needs valgrind (apt-get install valgrind)")
        instruction_ratios(args.compare.resolve() if args.compare else None)
        return
    if args.compare:
        compare(args.compare.resolve())
        return
    off, on = _env(POWERTOOLS_TRACE_DISABLED="true"), _env(POWERTOOLS_TRACE_DISABLED="false")
    print(f"cold_start.python {sys.version.split()[0]}")
    worst, worst_ratio = "", 0.0
    for name in FUNCTIONS:
        for label, env in (("default_xray_sdk_off", off), ("xray_sdk_on", on)):
            own, base = ratio(_load(name), env)
            print(f"cold_start.{name}.{label}.import_ms {own * 1000:.1f} (import boto3 {base * 1000:.1f})")
            print(f"cold_start.{name}.{label}.ratio_to_boto3 {own / base:.2f}")
            if env is off and own / base > worst_ratio:
                worst, worst_ratio = name, own / base
    for module, ms in importtime_beyond_boto3(worst, off):
        print(f"cold_start.{worst}.beyond_boto3.{module}_ms {ms:.1f}")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
