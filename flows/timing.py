"""Wall time per stage, summed into a dict: the per-stage table of a run and of ``akhbar bench``."""

from __future__ import annotations

import time


class StageTimer:
    """Adds wall seconds per stage name into a dict (nested stages count in both)."""

    def __init__(self, into: dict[str, float]):
        self.into = into

    def __call__(self, stage: str) -> "_Stage":
        return _Stage(self.into, stage)


class _Stage:
    def __init__(self, into: dict[str, float], stage: str):
        self.into, self.stage = into, stage

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.into[self.stage] = self.into.get(self.stage, 0.0) + time.perf_counter() - self.started
