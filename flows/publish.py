"""The read-only snapshot for BI tools: NAME.snapshot.duckdb, built in a temp file and renamed over the old one.

Written with an older storage version so that the DuckDB bundled with BI drivers (1.x) can open it.
"""

from __future__ import annotations

import os
from pathlib import Path

from flows import warehouse

# DuckDB 2.0 writes files 1.x cannot open unless told to keep the older storage format.
SNAPSHOT_STORAGE_VERSION = "v1.0.0"


def snapshot_path(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(warehouse_path.stem + ".snapshot.duckdb")


def publish_snapshot(warehouse_path: Path) -> Path:
    target = snapshot_path(warehouse_path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    warehouse.copy_database(warehouse_path, temp, SNAPSHOT_STORAGE_VERSION)
    os.replace(temp, target)
    return target
