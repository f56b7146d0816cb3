"""End to end: ``optledger import`` run as a user runs it, against ``optledger serve``'s embedded endpoint."""

from __future__ import annotations

import json

CSV = (
    "phone,type,occurred_at,campaign,brand\n"
    "+14155550391,opt_in,2024-05-01T10:00:00Z,C7ALERTS,\n"
    "+14155550392,opt_out,2024-05-01T10:00:00Z,,acme\n"
    "+1415555,opt_in,2024-05-01T10:00:00Z,C7ALERTS,\n"
)


def test_import_reaches_the_running_server_and_a_second_run_records_nothing(served, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")

    first = served.optledger("import", str(path), "--json")
    again = served.optledger("import", str(path), "--json")

    assert first.returncode == 1, first.stderr  # one row failed
    report = json.loads(first.stdout)
    assert report["recorded"] == 2 and report["failed"] == [{"line": 4, "row": 3, "reason": "invalid phone number"}]
    assert "Traceback" not in first.stderr and "+1415555" not in first.stdout + first.stderr
    assert json.loads(again.stdout)["recorded"] == 0 and json.loads(again.stdout)["already_imported"] == 2
    status, _, body = served.api("GET", "/consents/+14155550391")
    record = json.loads(body)
    assert status == 200 and record["campaigns"]["C7ALERTS"]["status"] == "opted_in"
    assert record["campaigns"]["C7ALERTS"]["tier"] == "express" and record["events"][0]["channel"] == "import"
    status, _, body = served.api("GET", "/consents/+14155550392")
    assert {c["status"] for c in json.loads(body)["campaigns"].values()} == {"opted_out"}
