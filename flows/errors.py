"""The errors akhbar turns into data or into one clear line on the command line."""

from __future__ import annotations


class AkhbarError(Exception):
    """A failure the user can act on; the CLI prints its message, not a traceback."""


class Quarantine(Exception):
    """This file cannot become an article; ``reason`` is recorded in ``files.error`` and the run goes on."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class WarehouseLocked(AkhbarError):
    """Another ingest is writing this warehouse."""
