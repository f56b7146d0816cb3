"""Evidence bundles (DESIGN section 7): a streaming zip writer and an independent verifier.

Writing is push-style so the caller owns the I/O: ``BundleWriter(out, info, disclosure_text)``, then ``add(event)`` for
each event in chain order (phone ascending, then seq ascending: what a ``by_day`` Query returns page by page), then
``close()``. ``write_bundle(events, out, info, disclosure_text)`` does the three steps. ``out`` is any binary writer
with ``write()`` (``optledger.s3stream.S3MultipartWriter`` streams it to S3); it needs neither ``seek`` nor ``tell``
and it is not closed here.

The zip is a pure function of its inputs: members in a fixed order with timestamps taken from ``generated_at``, so
writing the same events with the same info twice gives identical bytes. (For a daily re-run to be byte-identical the
caller passes the same ``generated_at``, e.g. the scheduler's scheduled time rather than the wall clock.)

``verify_bundle`` re-checks a bundle from its bytes alone (plus, optionally, the daily anchor) and returns a
``VerifyReport``; ``verify_path`` is what ``optledger verify`` runs.

Modules: ``info`` (what a bundle is, member names, S3 keys), ``rows`` (consents.csv), ``zipstream`` (zip members
written and read in blocks), ``writer`` (the writer and the manifest), ``verify_doc`` (VERIFY.md, from
``optledger/data/VERIFY.md.template``), ``manifest`` (manifest.json read back, typed), ``results`` (what each
verifier pass found), ``verifier`` (the passes), ``anchor_check`` (the anchor pass), ``command`` (a day of parts,
``verify_path``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from optledger.bundles.info import (
    BundleInfo,
    daily_bundle_info,
    daily_bundle_key,
    daily_part_key,
    number_bundle_info,
    number_bundle_key,
    part_name,
)
from optledger.bundles.rows import CSV_COLUMNS, FORMULA_PREFIXES, consent_row, csv_cell
from optledger.bundles.verify_doc import verify_doc
from optledger.bundles.writer import BundleSummary, BundleWriter, write_bundle

if TYPE_CHECKING:
    from optledger.bundles.command import VerifyInputError, report_lines, verify_day, verify_path
    from optledger.bundles.results import VerifyReport
    from optledger.bundles.verifier import verify_bundle

# The verifier is imported on first use: writing a bundle (what Lambda does) never loads it.
_VERIFIER = {
    "VerifyInputError": "command",
    "report_lines": "command",
    "verify_day": "command",
    "verify_path": "command",
    "VerifyReport": "results",
    "verify_bundle": "verifier",
}


def __getattr__(name: str) -> Any:
    if name in _VERIFIER:
        return getattr(import_module(f"optledger.bundles.{_VERIFIER[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CSV_COLUMNS",
    "FORMULA_PREFIXES",
    "BundleInfo",
    "BundleSummary",
    "BundleWriter",
    "VerifyInputError",
    "VerifyReport",
    "consent_row",
    "csv_cell",
    "daily_bundle_info",
    "daily_bundle_key",
    "daily_part_key",
    "number_bundle_info",
    "number_bundle_key",
    "part_name",
    "report_lines",
    "verify_bundle",
    "verify_day",
    "verify_doc",
    "verify_path",
    "write_bundle",
]
