"""Start-up: what keeps a small `akhbar ingest` fast, checked by behaviour, not by the clock (figures: see the
issue-5 report; `akhbar ingest` reuses a running akhbar server, PREFECT_HOME is persistent, reads skip Prefect)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows import prefect_env
from tests.bi_rows import REPO, make_warehouse


@pytest.fixture
def env(monkeypatch, tmp_path: Path):
    for key in [k for k in os.environ if k.startswith("PREFECT_") or k == "DO_NOT_TRACK"]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_prefect_home_is_persistent_by_default(env: Path):
    prefect_env.configure_prefect()
    assert os.environ["PREFECT_HOME"] == str(env / ".akhbar" / "prefect")
    assert (env / ".akhbar" / "prefect").is_dir()


def test_offline_defaults_never_override_the_user(env: Path, monkeypatch):
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")
    monkeypatch.setenv("PREFECT_HOME", str(env / "mine"))
    prefect_env.configure_prefect()
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "DEBUG"
    assert os.environ["PREFECT_HOME"] == str(env / "mine")
    assert os.environ["PREFECT_API_BLOCKS_REGISTER_ON_START"] == "false"
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert os.environ["DO_NOT_TRACK"] == "1"


def test_without_a_running_server_ingest_keeps_prefects_temporary_api(env: Path):
    assert prefect_env.configure_prefect() is None
    assert "PREFECT_API_URL" not in os.environ


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["sql", "select count(*) from v_events"], id="sql"),
        pytest.param(["status"], id="status"),
        pytest.param(["publish"], id="publish"),
    ],
)
@pytest.mark.slow
def test_reading_commands_never_import_prefect(tmp_path: Path, argv: list[str]):
    wh = make_warehouse(tmp_path / "w.duckdb")
    probe = (
        "import sys; from flows.cli import main; code = main(sys.argv[1:]); "
        "assert 'prefect' not in sys.modules, 'prefect imported'; sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *argv, "--warehouse", str(wh)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
