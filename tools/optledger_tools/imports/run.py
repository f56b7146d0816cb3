"""Running an import: validate every row, then append the valid ones in parallel, idempotently."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from optledger import offline
from optledger.campaigns import Directory
from optledger.digest import sha256_hex
from optledger.errors import OptLedgerError, StorageUnavailable, ValidationError
from optledger.ledger import UNREAD, Draft, Ledger
from optledger.store import Head, Store
from optledger.timeutil import utcnow
from optledger_tools.imports.rows import (
    DELIVERY_PROVIDER,
    FileContext,
    ImportRow,
    Invalid,
    Options,
    RowError,
    Skip,
    delivery_id,
    read_rows,
    resolve_columns,
    validate_row,
)

MAX_FILE_BYTES = 512 * 1024 * 1024
CHUNK = 100  # chains per unit of work: one BatchGetItem of their heads
BATCH = 33  # chains per transaction: 3 items each (event, head, delivery), DynamoDB takes 100


@dataclass
class Report:
    file_sha256: str
    rows: int = 0
    recorded: int = 0
    already: int = 0  # imported before (same file, same row)
    skipped: int = 0  # rows that are not consent (funnel events, email-only rows)
    failed: list[RowError] = field(default_factory=list)
    by_type: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_sha256": self.file_sha256,
            "rows": self.rows,
            "recorded" if not self.dry_run else "would_record": self.recorded,
            "already_imported": self.already,
            "skipped": self.skipped,
            "failed": [{"line": e.line, "row": e.row, "reason": e.reason} for e in self.failed],
            "by_type": dict(sorted(self.by_type.items())),
        }


Progress = Callable[[int, int], None]  # (rows done, rows in all)


def run(
    data: bytes,
    options: Options,
    *,
    directory: Directory,
    ledger: Ledger,
    store: Store,
    dry_run: bool = False,
    workers: int = 8,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Report:
    """Validate every row, then append the valid ones in parallel (one worker per number at a time: a chain's events
    land in file order). Rows imported before (same file, same row) are counted, not written again."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("file too large", fields={"file": f"at most {MAX_FILE_BYTES} bytes"})
    try:
        text_ok = data.decode("utf-8-sig") is not None
    except UnicodeDecodeError:
        text_ok = False
    if not text_ok:
        raise ValidationError("the file is not UTF-8 text", fields={"file": "encoding"})
    if options.timezone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(options.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError("--timezone is not an IANA time zone", fields={"timezone": "unknown"}) from None
    file_sha256 = sha256_hex(data)
    report = Report(file_sha256=file_sha256, dry_run=dry_run)
    headers, rows = read_rows(data, options.preset)
    columns = resolve_columns(headers, options)
    context = FileContext(columns, options, directory, file_sha256, now or utcnow())
    valid: list[ImportRow] = []
    for number, (line, row) in enumerate(rows, start=1):
        report.rows += 1
        try:
            item = validate_row(row, line=line, number=number, context=context)
        except Skip:
            report.skipped += 1
            continue
        except Invalid as problem:
            report.failed.append(RowError(line, number, str(problem)))
            continue
        valid.append(item)

    done = report.rows - len(valid)
    total = report.rows
    if progress:
        progress(done, total)
    seen = store.delivered(DELIVERY_PROVIDER, [delivery_id(file_sha256, item.row) for item in valid])
    pending = [item for item in valid if delivery_id(file_sha256, item.row) not in seen]
    report.already = len(valid) - len(pending)
    done += report.already
    if progress:
        progress(done, total)
    if dry_run:
        for item in pending:
            report.recorded += 1
            report.by_type[item.event.type] = report.by_type.get(item.event.type, 0) + 1
        if progress:
            progress(total, total)
        return report

    groups: dict[tuple[str, str], list[ImportRow]] = {}
    for item in pending:
        groups.setdefault((item.event.campaign.brand, item.event.phone), []).append(item)
    chains = list(groups)
    lock = threading.Lock()

    def append_one(item: ImportRow, head: Any) -> tuple[ImportRow, bool]:
        answer = offline.record(
            item.event,
            caller=options.caller,
            source_ip="",
            directory=directory,
            ledger=ledger,
            store=store,
            delivery=(DELIVERY_PROVIDER, delivery_id(file_sha256, item.row)),
            head=head,
        )
        return item, bool(answer.get("duplicate"))

    def append_chunk(keys: list[tuple[str, str]]) -> list[tuple[ImportRow, bool]]:
        # One BatchGetItem for the heads of 100 chains; then the first row of each chain goes in transactions of up
        # to BATCH chains (all or nothing: a cancelled one is appended row by row), the chain's later rows after it.
        heads = store.get_chain_heads(keys)
        outcomes: list[tuple[ImportRow, bool]] = []
        for start in range(0, len(keys), BATCH):
            firsts = [groups[key][0] for key in keys[start : start + BATCH]]
            for item in firsts:
                offline.store_disclosure(item.event, store)
            drafts: list[tuple[Draft, Head | None, tuple[str, str] | None]] = [
                (
                    offline.draft_of(item.event, caller=options.caller, source_ip="", directory=directory),
                    heads.get((item.event.campaign.brand, item.event.phone)),
                    (DELIVERY_PROVIDER, delivery_id(file_sha256, item.row)),
                )
                for item in firsts
            ]
            if ledger.append_batch(drafts, answer=offline.answer_of) is not None:
                outcomes += [(item, False) for item in firsts]
            else:
                outcomes += [
                    append_one(item, heads.get((item.event.campaign.brand, item.event.phone))) for item in firsts
                ]
        for key in keys:
            outcomes += [append_one(item, UNREAD) for item in groups[key][1:]]
        return outcomes

    first_error: OptLedgerError | None = None
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(append_chunk, chains[i : i + CHUNK]) for i in range(0, len(chains), CHUNK)]
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except OptLedgerError as error:
                first_error = first_error or error
                continue
            with lock:
                for item, duplicate in outcomes:
                    if duplicate:
                        report.already += 1
                    else:
                        report.recorded += 1
                        report.by_type[item.event.type] = report.by_type.get(item.event.type, 0) + 1
                done += len(outcomes)
                if progress:
                    progress(done, total)
    if first_error is not None:
        # What was written stays written (and is skipped next time): run the same file again to finish.
        raise StorageUnavailable(
            f"import stopped after {report.recorded} new rows: {first_error.message}; run it again to resume",
            fields={"recorded": report.recorded, "retry": True},
        )
    return report


def import_file(path: Path, options: Options, **kwargs: Any) -> Report:
    """Import one file (``run`` on its bytes, the file's name kept in each event's evidence)."""
    return run(path.read_bytes(), replace(options, file_name=options.file_name or path.name), **kwargs)
