"""``optledger verify`` run in-process through the installed ``optledger`` entry point (wherever the CLI lives)."""

from __future__ import annotations

from importlib.metadata import entry_points


def verify_cli(argv: list[str]) -> int:
    """Exit status of ``optledger verify ARGV``; what it prints goes to the test's capsys."""
    (script,) = entry_points(group="console_scripts", name="optledger")
    try:
        return int(script.load()(["verify", *argv]))
    except SystemExit as exit_:  # argparse usage errors
        return int(exit_.code or 0)
