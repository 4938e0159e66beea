"""The plain run hands the next batch to the workers before it loads the one before (load overlaps processing)."""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path

from flows.read import InboxFile
from flows.runner import process_locally
from flows.settings import Settings


class RecordingPool(Executor):
    """A pool that records when a batch is handed to it; its 'outcomes' are the files' names."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def map(self, fn, *iterables, timeout=None, chunksize=1):  # type: ignore[override]
        items = list(iterables[0])
        self.log.append(f"submit {items[0].rel_path}")
        return iter(item.rel_path for item in items)


def test_next_batch_is_submitted_before_this_one_loads(tmp_path: Path) -> None:
    files = [InboxFile(f"{i}.txt", tmp_path / f"{i}.txt", 1, 0) for i in range(5)]
    log: list[str] = []
    settings = Settings(inbox=tmp_path, warehouse=tmp_path / "w.duckdb", workers=2, batch_size=2)
    for outcomes in process_locally(files, settings, RecordingPool(log)):
        log.append(f"load {' '.join(outcomes)}")  # type: ignore[arg-type]
    assert log == [
        "submit 0.txt",
        "submit 2.txt",
        "load 0.txt 1.txt",
        "submit 4.txt",
        "load 2.txt 3.txt",
        "load 4.txt",
    ]
