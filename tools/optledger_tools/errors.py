"""The one failure type of the ``optledger`` command: a message the user can act on and an exit status."""

from __future__ import annotations


class CommandError(Exception):
    """A failure the user can act on: printed as one line, exit status ``status``."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
