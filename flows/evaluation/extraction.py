"""`akhbar eval extraction`: main-text quality on bench pages whose article is known (bench/extraction.py).

Like `akhbar bench`, it runs from a source checkout: the page templates live in bench/ beside flows/.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[2]


def run(argv: Sequence[str] | None = None) -> dict:
    if not (REPO / "bench" / "extraction.py").exists():
        print("extraction: runs from a source checkout (bench/ beside flows/), skipped")
        return {}
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench.extraction import run as run_extraction

    return run_extraction(argv)
