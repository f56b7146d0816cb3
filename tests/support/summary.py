"""Lines a test module wants shown in the pytest terminal summary (figures such as how many requests were sent)."""

from __future__ import annotations

LINES: list[str] = []
