"""The read-only snapshot for BI tools: NAME.snapshot.duckdb, built in a temp file and renamed over the old one.

Written with an older storage version so that the DuckDB bundled with BI drivers (1.x) can open it.
"""

from __future__ import annotations

import os
from pathlib import Path

from flows.errors import WarehouseLocked
from flows.settings import snapshot_path
from flows.store import warehouse
from flows.store.lock import warehouse_lock

# DuckDB 2.0 writes files 1.x cannot open unless told to keep the older storage format.
SNAPSHOT_STORAGE_VERSION = "v1.0.0"


def fingerprint_path(warehouse_path: Path) -> Path:
    """Beside the snapshot: the warehouse's data fingerprint when the snapshot was copied."""
    return warehouse_path.with_name(f".{warehouse_path.stem}.snapshot.fingerprint")


def publish_snapshot(warehouse_path: Path, wait_seconds: float = 0.0, only_if_changed: bool = False) -> Path | None:
    """Write NAME.snapshot.duckdb beside the warehouse, atomically, under the warehouse lock.

    When another run holds the lock (it started writing after ours finished) this returns None without
    publishing: that run publishes when it finishes, and copying now would block its writes.
    ``only_if_changed`` (what ingest runs use): when the snapshot already shows what the warehouse holds (same
    data fingerprint), nothing is copied; a no-op run over 10k files would otherwise spend half a second
    rewriting a 60 MB snapshot.
    """
    try:
        with warehouse_lock(warehouse_path, wait_seconds=wait_seconds):
            return _publish(warehouse_path, only_if_changed)
    except WarehouseLocked:
        return None


def _publish(warehouse_path: Path, only_if_changed: bool) -> Path:
    target = snapshot_path(warehouse_path)
    stamp = fingerprint_path(warehouse_path)
    with warehouse.opened(warehouse_path, read_only=True) as con:
        fingerprint = warehouse.data_fingerprint(con)
    if only_if_changed and target.exists() and stamp.exists() and stamp.read_text(encoding="ascii") == fingerprint:
        return target
    stamp.unlink(missing_ok=True)  # the stamp is written after the snapshot, so a crash between leaves no stale one
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    try:
        warehouse.copy_database(warehouse_path, temp, SNAPSHOT_STORAGE_VERSION)
        # A reader holding the old snapshot keeps its (now unlinked) file; new connections open the new one.
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + ".wal").unlink(missing_ok=True)
    stamp.write_text(fingerprint, encoding="ascii")
    return target
