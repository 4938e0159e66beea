"""The read-only snapshot for BI tools: NAME.snapshot.duckdb, built in a temp file and renamed over the old one.

Written with an older storage version so that the DuckDB bundled with BI drivers (1.x) can open it.
"""

from __future__ import annotations

import os
from pathlib import Path

from flows import warehouse
from flows.errors import WarehouseLocked
from flows.lock import warehouse_lock

# DuckDB 2.0 writes files 1.x cannot open unless told to keep the older storage format.
SNAPSHOT_STORAGE_VERSION = "v1.0.0"


def snapshot_path(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(warehouse_path.stem + ".snapshot.duckdb")


def publish_snapshot(warehouse_path: Path, wait_seconds: float = 0.0) -> Path | None:
    """Write NAME.snapshot.duckdb beside the warehouse, atomically, under the warehouse lock.

    When another run holds the lock (it started writing after ours finished) this returns None without
    publishing: that run publishes when it finishes, and copying now would block its writes.
    """
    try:
        with warehouse_lock(warehouse_path, wait_seconds=wait_seconds):
            return _publish(warehouse_path)
    except WarehouseLocked:
        return None


def _publish(warehouse_path: Path) -> Path:
    target = snapshot_path(warehouse_path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    try:
        warehouse.copy_database(warehouse_path, temp, SNAPSHOT_STORAGE_VERSION)
        # A reader holding the old snapshot keeps its (now unlinked) file; new connections open the new one.
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + ".wal").unlink(missing_ok=True)
    return target
