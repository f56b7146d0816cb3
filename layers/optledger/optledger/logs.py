"""The one Powertools Logger, in a module of its own: functions that serve no HTTP (bundler, publisher, rotation)
log without importing the HTTP resolver (about 100 ms of a cold start)."""

from __future__ import annotations

import os

from aws_lambda_powertools import Logger

logger = Logger(service=os.environ.get("POWERTOOLS_SERVICE_NAME", "optledger"))
