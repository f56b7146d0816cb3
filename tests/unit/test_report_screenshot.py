"""report.html rendered by a real headless chromium (runs where /usr/bin/chromium is installed; CI installs it)."""

from __future__ import annotations

import io
import struct
import subprocess
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest

from optledger.bundles import number_bundle_info, write_bundle
from optledger.chain import GENESIS_HASH, seal
from tests.support.chromium import HEADLESS_FLAGS
from tests.support.ledger_events import DISCLOSURE, DISCLOSURE_SHA, chain_events, phone_of

CHROMIUM = Path("/usr/bin/chromium")
GREEN, RED = (0x2E, 0x9D, 0x6A), (0xC8, 0x46, 0x3D)


def pixels(png: bytes) -> tuple[int, int, Counter]:
    """Decode an 8-bit RGB/RGBA PNG (what chromium writes) into a colour histogram."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, counts = zlib.decompress(idat), width * channels, Counter()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        counts.update(tuple(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return width, height, counts


def report_events() -> list[dict]:
    """One number's chain spread over a week: opt-ins and opt-outs on several days."""
    events, prev = [], GENESIS_HASH
    for seq, template in enumerate(chain_events(phone_of(1), 14), 1):
        day = 20 + seq // 2
        event = dict(template, occurred_at=f"2026-11-{day}T1{seq % 10}:00:00.000Z")
        event.pop("hash")
        seal(event, prev)
        prev = event["hash"]
        events.append(event)
    return events


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)")
def test_report_renders_in_headless_chromium_with_its_chart(tmp_path):
    out = io.BytesIO()
    write_bundle(
        report_events(),
        out,
        number_bundle_info("acme", phone_of(1), "2026-11-28T00:05:00.000Z"),
        {DISCLOSURE_SHA: DISCLOSURE}.get,
    )
    report = tmp_path / "report.html"
    report.write_bytes(zipfile.ZipFile(io.BytesIO(out.getvalue())).read("report.html"))
    shot = tmp_path / "report.png"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            str(CHROMIUM),
            *HEADLESS_FLAGS,
            f"--user-data-dir={profile}",
            "--hide-scrollbars",
            "--window-size=1000,1100",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    png = shot.read_bytes()
    width, height, colours = pixels(png)
    assert (width, height) == (1000, 1100)
    assert len(png) > 20_000 and len(colours) > 50  # text, tables and a chart, not a blank page
    assert colours[GREEN] > 200 and colours[RED] > 200  # the opt-in and opt-out bars were drawn
