"""The background Prefect server: started by the first `akhbar ingest`, reused by the next, stopped by itself once
idle; and `akhbar ingest` with nothing new starts no run at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import prefect_env, prefect_server

REPO = Path(__file__).resolve().parents[1]


def akhbar(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for sample in sorted((REPO / "inbox").glob("sample_0[6-7]*")):
        shutil.copy(sample, inbox / sample.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AKHBAR_", "PREFECT_"))}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "AKHBAR_INBOX": str(inbox),
        "AKHBAR_WAREHOUSE": str(tmp_path / "w.duckdb"),
        "AKHBAR_PREFECT_SERVER": "background",
        "AKHBAR_PREFECT_IDLE_SECONDS": "4",
        "PYTHONPATH": str(REPO),
    }
    return tmp_path, env


@pytest.mark.slow
def test_the_background_server_is_reused_and_stops_by_itself(workspace) -> None:
    root, env = workspace
    home = root / "prefect-home"
    first = akhbar(["ingest", "--quiet"], env, root)
    assert first.returncode == 0, first.stderr
    assert "started a background Prefect server" in first.stderr
    note = json.loads((home / prefect_env.SERVER_NOTE).read_text())
    server_pid = note["pid"]
    try:
        (Path(env["AKHBAR_INBOX"]) / "sample_08.txt").write_text(
            (REPO / "inbox" / "sample_08_russian_wheat_burkina.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
        second = akhbar(["ingest", "--quiet"], env, root)
        assert second.returncode == 0, second.stderr
        assert "started a background" not in second.stderr  # the same server, reused
        assert json.loads((home / prefect_env.SERVER_NOTE).read_text())["pid"] == server_pid
        deadline = time.monotonic() + 120
        while prefect_env.pid_alive(server_pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not prefect_env.pid_alive(server_pid), "the idle server did not stop by itself"
        assert not (home / prefect_env.SERVER_NOTE).exists()
    finally:
        if prefect_env.pid_alive(server_pid):  # leave no process behind, whatever failed
            os.kill(server_pid, 9)


@pytest.mark.slow
def test_nothing_new_starts_no_run_and_no_server(workspace) -> None:
    root, env = workspace
    assert akhbar(["ingest", "--no-prefect", "--quiet"], env, root).returncode == 0
    again = akhbar(["ingest", "--quiet"], env, root)
    assert again.returncode == 0, again.stderr
    assert "nothing new in the inbox: no run started" in again.stderr
    assert not (root / "prefect-home" / prefect_env.SERVER_NOTE).exists()


def test_temporary_mode_turns_the_background_server_off(monkeypatch) -> None:
    monkeypatch.setenv(prefect_server.MODE_VARIABLE, "temporary")
    assert not prefect_server.background_enabled()
    monkeypatch.setenv(prefect_server.MODE_VARIABLE, "background")
    assert prefect_server.background_enabled()


def test_leases_of_dead_processes_are_cleared(tmp_path: Path) -> None:
    leases = tmp_path / prefect_env.LEASES
    leases.mkdir()
    (leases / str(os.getpid())).touch()  # this process: alive
    (leases / "999999999").touch()  # above Linux's pid_max: no such process
    assert prefect_server.live_leases(tmp_path) == 1
    assert sorted(p.name for p in leases.iterdir()) == [str(os.getpid())]
