"""``python -m tests.support.cli_tomorrow ARGS``: the optledger command run as if it were a day later.

A load test writes today's events and must bundle them; ``optledger bundle`` refuses a day that has not ended, so the
test runs the real command with a clock moved one day forward.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from optledger import evidence
from optledger_tools.cli import main

evidence.utcnow = lambda: datetime.now(UTC) + timedelta(days=1)

if __name__ == "__main__":
    sys.exit(main())
