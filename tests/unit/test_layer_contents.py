"""The Lambda layer holds only runtime code: no local server, emulator or CLI, no import of moto, werkzeug or yaml.

Given the layer as ``sam build`` packages it (``layers/optledger``) and, when ``make build`` has run, the layer it
built (``.aws-sam/build``; CI checks its own fresh build in .ci/artifact_test.py): every module of the optledger
package is imported by some function, none is one of the modules moved to tools/optledger_tools, and none imports
a local-only dependency.
"""

from __future__ import annotations

import shutil

from tests.support.layer import MOVED_OUT, layer_problems, modules
from tests.support.serve import ROOT

SOURCE = ROOT / "layers" / "optledger"
BUILDS = [ROOT / ".aws-sam" / "build", ROOT / ".aws-sam" / "native" / "build"]


def test_the_layer_holds_only_runtime_code_as_packaged_and_as_built():
    assert layer_problems(SOURCE, sorted((ROOT / "functions").glob("*/app.py"))) == []
    for build in (b for b in BUILDS if (b / "OptLedgerLayer" / "python" / "optledger").is_dir()):
        problems = layer_problems(build / "OptLedgerLayer" / "python", sorted(build.glob("*/app.py")))
        assert problems == [], f"{build} (built from an older checkout? run make build again)"


def test_the_layer_installs_no_local_only_dependency():
    requirements = (SOURCE / "requirements.txt").read_text(encoding="utf-8").lower()
    pinned = {line.split("==")[0].split("[")[0].strip() for line in requirements.splitlines() if "==" in line}
    assert pinned and not pinned & {"moto", "werkzeug", "pyyaml"}


def test_the_check_finds_a_local_only_module_and_a_forbidden_import(tmp_path):
    # The check itself: a copy of the layer with the old CLI put back and a module importing yaml is refused.
    copy = tmp_path / "layer"
    shutil.copytree(SOURCE, copy)
    (copy / "optledger" / "cli.py").write_text("import argparse\n", encoding="utf-8")
    (copy / "optledger" / "phone.py").write_text(
        (SOURCE / "optledger" / "phone.py").read_text(encoding="utf-8") + "\n\ndef _later():\n    import yaml\n",
        encoding="utf-8",
    )
    problems = layer_problems(copy, sorted((ROOT / "functions").glob("*/app.py")))
    assert any(p.startswith("optledger/cli is local-only") for p in problems)
    assert "optledger.phone imports yaml" in problems
    assert (
        "optledger.cli is imported by no function: not runtime code (tools/optledger_tools, or delete it)" in problems
    )


def test_the_tools_hold_what_left_the_layer():
    tools = modules(ROOT / "tools", "optledger_tools")
    assert {f"optledger_tools.{name}" for name in MOVED_OUT} <= set(tools)
