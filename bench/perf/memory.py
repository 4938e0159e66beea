"""Run one measurement in a fresh process and watch its memory: the peak RSS of the whole process tree (the run,
its process-pool workers, the forkserver, Prefect's temporary API server), sampled, plus the peak of the largest
single process.

psutil is already a dependency of akhbar. ru_maxrss of RUSAGE_CHILDREN cannot isolate one run (it is the maximum
over every child this process ever waited for, and pool workers are the forkserver's children, not ours), so the
tree is sampled instead.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import psutil

REPO = Path(__file__).resolve().parents[2]  # the checkout: children run `python -m bench.perf.child` from it
# Sampling period: short enough to catch a batch's peak (a batch takes seconds), long enough to cost nothing.
SAMPLE_SECONDS = 0.2


@dataclass(frozen=True, slots=True)
class Measured:
    result: dict  # what the child wrote
    wall_seconds: float  # the whole process, interpreter start-up and imports included
    peak_tree_rss: int  # bytes, summed over the process tree at its highest sample
    peak_process_rss: int  # bytes, the largest single process seen
    cpu_seconds: float  # user + system over the tree (workers sampled: up to one period of theirs is missed)
    load_average: float  # the machine's 1-minute load when the run started: other work competing for the cores


def run_child(args: Sequence[str], timeout: float | None = None, env: dict[str, str] | None = None) -> Measured:
    """``python -m bench.perf.child ARGS... OUT_JSON`` in a fresh process (``env`` added to ours); raises RuntimeError
    when it fails."""
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-") as tmp:
        out = Path(tmp) / "result.json"
        load = os.getloadavg()[0]
        started = time.perf_counter()
        child = psutil.Popen(
            [sys.executable, "-m", "bench.perf.child", *args, str(out)], cwd=REPO, env={**os.environ, **(env or {})}
        )
        peak_tree = peak_process = 0
        cpu: dict[int, float] = {}
        while child.poll() is None:
            tree, biggest = _tree_rss(child, cpu)
            peak_tree, peak_process = max(peak_tree, tree), max(peak_process, biggest)
            if timeout is not None and time.perf_counter() - started > timeout:
                child.kill()
                raise RuntimeError(f"bench child {' '.join(args)} timed out after {timeout:.0f} s")
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - started
        if child.returncode != 0 or not out.exists():
            raise RuntimeError(f"bench child {' '.join(args)} failed with exit code {child.returncode}")
        result = json.loads(out.read_text(encoding="utf-8"))
    peak_process = max(peak_process, result.get("self_maxrss_kb", 0) * 1024)
    cpu[child.pid] = result.get("self_cpu_seconds", cpu.get(child.pid, 0.0))  # exact for the run's own process
    return Measured(result, wall, peak_tree, peak_process, sum(cpu.values()), load)


def _tree_rss(process: psutil.Process, cpu: dict[int, float]) -> tuple[int, int]:
    """RSS summed over the tree and the largest one; records each member's CPU seconds so far into ``cpu``."""
    total = biggest = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for member in members:
        try:
            rss = member.memory_info().rss
            times = member.cpu_times()
            cpu[member.pid] = times.user + times.system
        except psutil.Error:  # ended between listing and reading
            continue
        total += rss
        biggest = max(biggest, rss)
    return total, biggest
