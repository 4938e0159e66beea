"""Where akhbar reads and writes, and the limits it keeps: defaults < environment < flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_INBOX = Path("inbox")
DEFAULT_WAREHOUSE = Path("warehouse") / "akhbar.duckdb"
# Saved news pages are 30-500 KB; 20 MB leaves room for pages with inlined images and still refuses dumps.
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# Files per batch: one transaction, one process-pool round. 200 keeps memory flat (a batch of frames is a few MB)
# while the per-batch costs (a Prefect task, a transaction) stay under 1 % of the work.
DEFAULT_BATCH_SIZE = 200
# A scheduled, watched or waiting run that finds another run writing the warehouse waits this long, then stops with a
# clear message (the next run picks up what it missed). A minute covers a normal batch of a running ingest.
LOCK_WAIT_SECONDS = 60.0


def snapshot_path(warehouse: Path) -> Path:
    """NAME.snapshot.duckdb beside NAME.duckdb: the read-only copy BI tools hold open."""
    return warehouse.with_name(warehouse.stem + ".snapshot.duckdb")


def report_path(warehouse: Path) -> Path:
    """NAME.report.html beside NAME.duckdb: the HTML report `akhbar report` and `--report` runs write."""
    return warehouse.with_name(warehouse.stem + ".report.html")


@dataclass(frozen=True, slots=True)
class Settings:
    inbox: Path = DEFAULT_INBOX
    warehouse: Path = DEFAULT_WAREHOUSE
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = 0  # 0: one per core
    publish: bool = True  # write NAME.snapshot.duckdb at the end of every run
    report: Path | None = None  # rewrite this HTML report at the end of every run (ingest/serve --report)

    @classmethod
    def from_env(cls, **flags: object) -> "Settings":
        """Defaults, then AKHBAR_* environment variables, then the flags that are not None."""
        env = os.environ
        settings = cls(
            inbox=Path(env.get("AKHBAR_INBOX", DEFAULT_INBOX)),
            warehouse=Path(env.get("AKHBAR_WAREHOUSE", DEFAULT_WAREHOUSE)),
            max_file_bytes=int(env.get("AKHBAR_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES)),
            batch_size=int(env.get("AKHBAR_BATCH_SIZE", DEFAULT_BATCH_SIZE)),
            workers=int(env.get("AKHBAR_WORKERS", 0)),
        )
        chosen = {k: v for k, v in flags.items() if v is not None}
        for key in ("inbox", "warehouse", "report"):
            if key in chosen:
                chosen[key] = Path(chosen[key])  # type: ignore[arg-type]
        return replace(settings, **chosen)  # type: ignore[arg-type]

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)

    @property
    def snapshot(self) -> Path:
        return snapshot_path(self.warehouse)
