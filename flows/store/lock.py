"""Never two writers: an exclusive lock file beside the warehouse, held for the whole run.

flock is released by the kernel when the process dies (even kill -9), so a crashed run never leaves a stale lock.
The lock is re-entrant within a process (flock on a second descriptor of the same file would block on ourselves):
`akhbar publish` holds it and then calls publish_snapshot, which takes it again.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from flows.errors import WarehouseLocked

# How often a waiting run tries the lock again: a run takes seconds, so half a second costs nothing.
POLL_SECONDS = 0.5
_held: dict[Path, int] = {}  # lock files this process holds -> nesting depth


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def lock_holder(warehouse: Path) -> int | None:
    """The pid written by the run that holds (or last held) the lock, for messages; None when unknown."""
    try:
        return int(lock_path(warehouse).read_text().strip() or 0) or None
    except (OSError, ValueError):
        return None


@contextmanager
def warehouse_lock(warehouse: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's write lock; wait up to ``wait_seconds`` for another run, then raise WarehouseLocked."""
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = path.resolve()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = lock_holder(warehouse)
                    raise WarehouseLocked(
                        f"another akhbar run{f' (pid {holder})' if holder else ''} is writing {warehouse}; "
                        "this run stops here and the next one will pick up whatever it missed"
                    ) from None
                time.sleep(max(0.01, min(POLL_SECONDS, deadline - time.monotonic())))
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)  # closing the descriptor releases the lock
