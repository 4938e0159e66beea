"""`akhbar bench`: the benchmark lives in bench/ beside flows/ (a development tool, not shipped in the wheel).

Heavy imports stay inside main(): `akhbar --help` must not pay for them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]


def main(argv: Sequence[str] | None = None) -> int:
    if not (REPO / "bench" / "run.py").exists():
        print("akhbar bench: the benchmark runs from a source checkout (bench/ beside flows/)", file=sys.stderr)
        return 1
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench.run import main as run_main

    return run_main(list(argv or []))
