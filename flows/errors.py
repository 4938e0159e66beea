"""The errors akhbar turns into data or into one clear line on the command line."""

from __future__ import annotations


class AkhbarError(Exception):
    """A failure the user can act on; the CLI prints its message, not a traceback."""


class Quarantine(Exception):
    """This file cannot become an article; ``reason`` is recorded in ``files.error`` and the run goes on.

    ``retryable``: the reason says nothing about the file itself (it was being written, it vanished, a read failed, an
    internal error): ``files.retryable`` is set and the next run reads the file again.
    """

    def __init__(self, reason: str, *, retryable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class WarehouseLocked(AkhbarError):
    """Another ingest is writing this warehouse (akhbar's own writer lock)."""


class WarehouseBusy(AkhbarError):
    """Another process holds DuckDB's lock on the warehouse file: readers may fall back to the snapshot."""
