"""Prefect settings akhbar needs offline, applied (as defaults the user can override) before Prefect is imported."""

from __future__ import annotations

import os
from pathlib import Path

# Offline machines: no telemetry, no update checks; a persistent home so the local API's database is reused
# between runs instead of being created anew (the cold start is most of a small run's time).
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_DEFAULT_PERSIST_RESULT": "false",
}


def configure_prefect() -> None:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    home = Path(os.environ.setdefault("PREFECT_HOME", str(Path.home() / ".akhbar" / "prefect")))
    home.mkdir(parents=True, exist_ok=True)  # Prefect creates the home itself, but not its parents
