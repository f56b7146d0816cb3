"""How the browser tests start Debian's Chromium on this closed network (as root, headless, nothing phoning home)."""

from __future__ import annotations

HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
