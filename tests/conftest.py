"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent (a user's fresh clone)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = REPO / "tests" / "gold"

# Tests use Prefect's temporary per-process API, so that no background server outlives them (flows/prefect_server.py);
# tests/test_prefect_server.py turns the background server on for itself and checks it stops.
os.environ.setdefault("AKHBAR_PREFECT_SERVER", "temporary")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when the folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared ships beside the repo in CI, not in a user's clone")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


def pytest_unconfigure(config: pytest.Config) -> None:
    """Prefect stops its temporary API server at interpreter exit and logs that to a stream pytest has closed by
    then; without this, every run ends with a "--- Logging error ---" traceback that is not an error of ours."""
    logging.raiseExceptions = False
