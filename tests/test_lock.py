"""Never two writers: the warehouse lock across processes, and overlapping ingests that neither crash nor double-load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flows.errors import WarehouseLocked
from flows.store import warehouse
from flows.store.lock import lock_holder, lock_path, warehouse_lock
from tests.bi_rows import REPO

HOLD = """
import sys
from pathlib import Path
from flows.store.lock import warehouse_lock
with warehouse_lock(Path(sys.argv[1])):
    print('locked', flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def other_process(tmp_path: Path):
    """Another process holding the lock of tmp_path/w.duckdb until the test closes its stdin (or kills it)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "w.duckdb")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert process.stdout.readline().strip() == "locked"
    yield process
    if process.poll() is None:
        process.stdin.close()
        process.wait(timeout=10)


@pytest.mark.slow
def test_a_second_writer_is_refused_with_a_clear_message(tmp_path: Path, other_process):
    with pytest.raises(WarehouseLocked, match=rf"pid {other_process.pid}\) is writing .*next one will pick up"):
        with warehouse_lock(tmp_path / "w.duckdb"):
            pass


@pytest.mark.slow
def test_a_waiting_writer_gets_the_lock_when_the_other_finishes(tmp_path: Path, other_process):
    other_process.stdin.close()  # the other run finishes while we wait
    with warehouse_lock(tmp_path / "w.duckdb", wait_seconds=20):
        assert lock_holder(tmp_path / "w.duckdb") == os.getpid()


@pytest.mark.slow
def test_a_killed_run_leaves_no_stale_lock(tmp_path: Path, other_process):
    other_process.send_signal(signal.SIGKILL)
    other_process.wait(timeout=10)
    assert lock_path(tmp_path / "w.duckdb").exists()  # the file stays; the kernel dropped the lock
    with warehouse_lock(tmp_path / "w.duckdb"):
        pass


@pytest.mark.slow
def test_the_lock_is_reentrant_in_one_process(tmp_path: Path):
    with warehouse_lock(tmp_path / "w.duckdb"):
        with warehouse_lock(tmp_path / "w.duckdb"):
            pass
        # still held by us after the inner block: another process is refused
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; from flows.store.lock import warehouse_lock\n"
                "with warehouse_lock(Path(sys.argv[1])): pass",
                str(tmp_path / "w.duckdb"),
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert probe.returncode != 0 and "WarehouseLocked" in probe.stderr


@pytest.mark.slow
def test_cli_ingest_exits_3_while_another_run_writes(tmp_path: Path, other_process):
    (tmp_path / "inbox").mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "ingest",
            "--no-prefect",
            "--wait",
            "0",
            "--inbox",
            str(tmp_path / "inbox"),
            "--warehouse",
            str(tmp_path / "w.duckdb"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert "another akhbar run" in result.stderr and "Traceback" not in result.stderr


def write_inbox(inbox: Path, count: int) -> None:
    inbox.mkdir(parents=True)
    for n in range(count):
        (inbox / f"article_{n:03d}.txt").write_text(
            f"خبر رقم {n}\nقال المتحدث إن الوفد الروسي وصل إلى باماكو في الزيارة رقم {n} لبحث التعاون.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_overlapping_ingests_load_each_file_once(tmp_path: Path):
    """Two plain ingests started together on the same inbox: both exit cleanly, every file has one row."""
    write_inbox(tmp_path / "inbox", 12)
    command = [
        sys.executable,
        "-m",
        "flows.cli",
        "ingest",
        "--no-prefect",
        "--wait",
        "60",
        "--quiet",
        "--inbox",
        str(tmp_path / "inbox"),
        "--warehouse",
        str(tmp_path / "w.duckdb"),
    ]
    env = {**os.environ, "AKHBAR_WORKERS": "1"}
    runs = [
        subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert [code for code, _ in results] == [0, 0], results
    with warehouse.opened(tmp_path / "w.duckdb", read_only=True) as con:
        [(rows, paths)] = con.execute("select count(*), count(distinct file_path) from files").fetchall()
        runs_done = con.execute("select count(*) from runs where status = 'completed'").fetchone()[0]
    assert rows == paths == 12
    assert runs_done == 2
