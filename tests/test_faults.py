"""Issue 7, faults: a run killed in the middle of a load, a read-only or full disk under the warehouse, a damaged
warehouse file. Nothing in the inbox is ever touched; the warehouse after a crash and a re-run equals a clean build;
every failure is one clear line and a non-zero exit.

akhbar runs in a subprocess through ``python -m tests.helpers_badinput`` (the CLI with the NLP stages that have not
landed replaced by empty ones; ``--no-nlp`` where storage, not extraction, is under test). A read-only and a full
file system are real: a tmpfs mounted in a private mount namespace (``unshare -m``), so nothing leaks to the
machine; where that is not permitted the test skips with the reason, and an in-process ENOSPC test still runs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flows import cli
from flows.store import warehouse
from tests import helpers_badinput as h

REPO = Path(__file__).resolve().parents[1]
DRIVER = [sys.executable, "-m", "tests.helpers_badinput"]
# Tables compared between a crashed-and-resumed warehouse and a clean build, without run ids and clock columns.
VOLATILE = {"run_id", "seen_at", "ingested_at"}
COMPARED = ("files", "articles", "entities", "mentions", "events", "event_mentions", "quotes")
KEYS = {
    "articles": "article_id",
    "entities": "entity_id",
    "mentions": "mention_id",
    "events": "event_id",
    "quotes": "quote_id",
}


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "AKHBAR_WORKERS": "1", "PREFECT_HOME": str(Path.home() / ".akhbar" / "prefect"), **extra}


def akhbar(*args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*DRIVER, *args], cwd=REPO, env=env(**extra), capture_output=True, text=True, timeout=timeout)


def make_inbox(folder: Path, count: int, repeat: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"article-{n:03}.txt").write_text(h.article_text(n) * repeat, encoding="utf-8")
    (folder / "copy-of-0.txt").write_text(h.article_text(0) * repeat, encoding="utf-8")  # a duplicate
    (folder / "empty.txt").write_bytes(b"")  # a quarantined file
    return folder


def inbox_state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every inbox entry with its content hash, mode and mtime: a run may not change any of it."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        state[str(path.relative_to(folder))] = (digest, info.st_mode, info.st_mtime_ns)
    return state


def assert_clear_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.startswith("akhbar: ")


def table_rows(path: Path) -> dict[str, list[tuple]]:
    with warehouse.opened(path, read_only=True) as con:
        rows = {}
        for table in COMPARED:
            columns = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in VOLATILE]
            rows[table] = sorted(map(repr, con.execute(f"select {', '.join(columns)} from {table}").fetchall()))
        return rows


def duplicate_ids(path: Path) -> dict[str, int]:
    with warehouse.opened(path, read_only=True) as con:
        return {
            table: con.execute(f"select count(*) - count(distinct {key}) from {table}").fetchone()[0]
            for table, key in KEYS.items()
        }


# ---- kill -9 in the middle of a load --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crashed_and_resumed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """kill -9 a run inside batch 2's load transaction, run again, and build the same inbox cleanly beside it."""
    root = tmp_path_factory.mktemp("kill9")
    inbox = make_inbox(root / "inbox", 40)
    before = inbox_state(inbox)
    crashed, clean = root / "crashed" / "w.duckdb", root / "clean" / "w.duckdb"
    args = ["ingest", "--no-prefect", "--quiet", "--inbox", str(inbox)]
    process = subprocess.Popen(
        [*DRIVER, "--pause-in-load", *args, "--warehouse", str(crashed)],
        cwd=REPO,
        env=env(AKHBAR_BATCH_SIZE="10"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()  # printed once batch 2's rows are inserted, before its commit
        assert line.strip() == "INSIDE-LOAD-TRANSACTION", process.stderr.read()[-2000:]
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    with warehouse.opened(crashed, read_only=True) as con:
        files_after_crash = con.execute("select count(*) from files").fetchone()[0]
    resumed = akhbar(*args, "--warehouse", str(crashed), timeout=300, AKHBAR_BATCH_SIZE="10")
    built = akhbar(*args, "--warehouse", str(clean), timeout=300, AKHBAR_BATCH_SIZE="10")
    return {
        "returncode": process.returncode,
        "files_after_crash": files_after_crash,
        "resumed": resumed,
        "built": built,
        "crashed": crashed,
        "clean": clean,
        "inbox": inbox,
        "before": before,
    }


@pytest.mark.slow
def test_a_run_killed_inside_a_load_transaction_resumes_to_a_clean_build(crashed_and_resumed: dict) -> None:
    run = crashed_and_resumed
    assert run["returncode"] == -signal.SIGKILL
    assert run["files_after_crash"] == 10  # batch 1 committed; batch 2, killed before its commit, left nothing
    assert run["resumed"].returncode == 0, run["resumed"].stderr[-2000:]
    assert run["built"].returncode == 0, run["built"].stderr[-2000:]
    assert table_rows(run["crashed"]) == table_rows(run["clean"])
    assert duplicate_ids(run["crashed"]) == dict.fromkeys(KEYS, 0)
    assert inbox_state(run["inbox"]) == run["before"]


@pytest.mark.slow
def test_runs_killed_at_any_moment_still_resume_to_the_clean_build(crashed_and_resumed: dict, tmp_path: Path) -> None:
    """Kill -9 at several moments (start-up, reading, loading, publishing: wherever the clock lands), then finish."""
    run = crashed_and_resumed
    target = tmp_path / "w.duckdb"
    args = [*DRIVER, "ingest", "--no-prefect", "--quiet", "--inbox", str(run["inbox"]), "--warehouse", str(target)]
    for delay in (0.5, 2.0, 3.5):
        process = subprocess.Popen(
            args, cwd=REPO, env=env(AKHBAR_BATCH_SIZE="10"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    finished = akhbar(
        "ingest",
        "--no-prefect",
        "--quiet",
        "--inbox",
        str(run["inbox"]),
        "--warehouse",
        str(target),
        timeout=300,
        AKHBAR_BATCH_SIZE="10",
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert table_rows(target) == table_rows(run["clean"])
    assert duplicate_ids(target) == dict.fromkeys(KEYS, 0)
    assert inbox_state(run["inbox"]) == run["before"]


@pytest.mark.slow
def test_a_killed_run_is_not_left_running(crashed_and_resumed: dict) -> None:
    with warehouse.opened(crashed_and_resumed["crashed"], read_only=True) as con:
        assert con.execute("select count(*) from runs where status = 'running'").fetchone()[0] == 0


# ---- a warehouse that cannot be written ------------------------------------------------------------------------


def test_a_warehouse_path_under_a_file_is_a_clear_error_for_the_library(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("x")
    with pytest.raises(warehouse.AkhbarError, match="cannot create the warehouse folder .*not-a-folder"):
        warehouse.connect(tmp_path / "not-a-folder" / "w.duckdb")


@pytest.mark.slow
def test_a_warehouse_path_under_a_file_is_one_clear_line_and_leaves_the_inbox(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path / "inbox", 3)
    before = inbox_state(inbox)
    (tmp_path / "not-a-folder").write_text("x")  # works as root, where chmod does not stop a write
    result = akhbar(
        "--no-nlp",
        "ingest",
        "--no-prefect",
        "--inbox",
        str(inbox),
        "--warehouse",
        str(tmp_path / "not-a-folder" / "w.duckdb"),
    )
    assert_clear_error(result)
    assert "not-a-folder" in result.stderr
    assert inbox_state(inbox) == before


def run_on_tmpfs(tmp_path: Path, size: str, steps: str) -> subprocess.CompletedProcess:
    """``steps`` (shell) with $MNT a fresh tmpfs of ``size``, in a private mount namespace; skip when not allowed."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed: no private tmpfs for a real read-only or full disk")
    script = f'mount -t tmpfs -o size={size} tmpfs "$MNT" || exit 97\n{steps}'
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        cwd=REPO,
        env=env(MNT=str(mnt), PY=sys.executable),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode == 97 or "unshare failed" in result.stderr or "Operation not permitted" in result.stderr[:300]:
        pytest.skip(f"cannot mount a private tmpfs here (needs CAP_SYS_ADMIN): {result.stderr.strip()[:200]}")
    return result


INGEST_ON_MNT = (
    '"$PY" -m tests.helpers_badinput --no-nlp ingest --no-prefect --quiet --inbox "$INBOX" --warehouse "$MNT/w.duckdb"'
)


@pytest.mark.slow
def test_a_read_only_disk_fails_the_ingest_and_leaves_inbox_and_warehouse(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path / "inbox", 3)
    before = inbox_state(inbox)
    steps = (
        f'export INBOX="{inbox}"\n{INGEST_ON_MNT} >/dev/null || exit 90\n'
        f'mount -o remount,ro "$MNT" || exit 97\n'
        f'echo new > "$INBOX/zz-new.txt"; {INGEST_ON_MNT}; echo "INGEST-EXIT $?"\n'
        f'"$PY" -m tests.helpers_badinput status --warehouse "$MNT/w.duckdb" >/dev/null; echo "STATUS-EXIT $?"\n'
        f'rm "$INBOX/zz-new.txt"'
    )
    result = run_on_tmpfs(tmp_path, "64m", steps)
    assert result.returncode != 90, result.stderr[-2000:]
    assert "INGEST-EXIT 0" not in result.stdout and "INGEST-EXIT" in result.stdout, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "akhbar: " in result.stderr, result.stderr[-2000:]
    assert "Read-only file system" in result.stderr
    assert "STATUS-EXIT 0" in result.stdout  # the warehouse on the read-only disk is still readable
    assert inbox_state(inbox) == before


@pytest.mark.slow
def test_a_full_disk_is_one_clear_line_and_leaves_the_inbox(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path / "inbox", 60, repeat=20)  # ~1.5 MB of article text for a 1 MB disk
    before = inbox_state(inbox)
    result = run_on_tmpfs(tmp_path, "1m", f'export INBOX="{inbox}"\n{INGEST_ON_MNT}')
    assert_clear_error(result)
    assert "No space left on device" in result.stderr
    assert inbox_state(inbox) == before


# ---- a damaged warehouse file -----------------------------------------------------------------------------------


def damage(kind: str, path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        if kind == "garbage":
            handle.write(os.urandom(size))
        elif kind == "empty":
            handle.truncate(0)
        elif kind == "header-block":
            handle.seek(4096)
            handle.write(os.urandom(8192))
        elif kind == "truncated":
            handle.truncate(size // 2)
        elif kind == "middle-blocks":
            handle.seek(size // 2)
            handle.write(os.urandom(300_000))


@pytest.fixture(scope="module")
def good_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("good")
    result = akhbar(
        "--no-nlp",
        "ingest",
        "--no-prefect",
        "--quiet",
        "--inbox",
        str(make_inbox(root / "inbox", 5)),
        "--warehouse",
        str(root / "w.duckdb"),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return root / "w.duckdb"


@pytest.mark.parametrize("command", ["status", "ingest"])
@pytest.mark.parametrize(
    "kind",
    [
        pytest.param("garbage", id="random-bytes"),
        pytest.param("empty", id="zero-bytes"),
        pytest.param("header-block", id="damaged-first-blocks"),
        # DuckDB reads data blocks lazily: a file cut short opens and fails at the first read; warehouse.opened
        # maps that to the recovery hint too.
        pytest.param("truncated", id="cut-in-half"),
        pytest.param("middle-blocks", id="damaged-middle-blocks"),
    ],
)
def test_a_damaged_warehouse_says_how_to_recover(
    good_warehouse: Path, tmp_path: Path, kind: str, command: str, monkeypatch, capsys, request
) -> None:
    path = tmp_path / "w.duckdb"
    shutil.copy(good_warehouse, path)
    damage(kind, path)
    inbox = make_inbox(tmp_path / "inbox", 2)
    before = inbox_state(inbox)
    if kind == "middle-blocks" and command == "status":
        # status reads counts and a few small tables, not every data block: damage in blocks it does not read is
        # found by the next command that reads them (ingest, export, sql). Whether the damaged middle of the file
        # holds a block status reads depends on the table layout, which changes as tables are added.
        request.applymarker(pytest.mark.xfail(reason="status does not read every data block", strict=False))
    args = ["status"] if command == "status" else ["ingest", "--no-prefect", "--quiet", "--inbox", str(inbox)]
    h.stub_nlp(monkeypatch.setattr)
    monkeypatch.setenv("AKHBAR_WORKERS", "1")
    exit_code = cli.main([*args, "--warehouse", str(path)])  # in-process: a traceback would fail the test here
    err = capsys.readouterr().err
    assert exit_code != 0 and err.startswith("akhbar: ")
    assert f"move {path} aside" in err and "akhbar ingest" in err
    assert inbox_state(inbox) == before


@pytest.mark.slow
def test_a_garbage_wal_beside_a_good_warehouse_is_survived(good_warehouse: Path, tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    shutil.copy(good_warehouse, path)
    Path(f"{path}.wal").write_bytes(os.urandom(5000))
    result = akhbar("status", "--warehouse", str(path))
    assert result.returncode == 0 or f"move {path} aside" in result.stderr, result.stderr[-2000:]


# ---- ENOSPC without a real disk: the boundary raises, the run says so -------------------------------------------


def test_an_enospc_while_loading_leaves_the_inbox_and_fails_the_run(tmp_path: Path, monkeypatch, capsys) -> None:
    import errno

    h.stub_nlp(monkeypatch.setattr)
    inbox = make_inbox(tmp_path / "inbox", 3)
    before = inbox_state(inbox)

    def full_disk(con, frames, retract=None):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(warehouse, "load_batch", full_disk)
    monkeypatch.setenv("AKHBAR_WORKERS", "1")
    exit_code = cli.main(
        ["ingest", "--no-prefect", "--quiet", "--inbox", str(inbox), "--warehouse", str(tmp_path / "w.duckdb")]
    )
    err = capsys.readouterr().err
    assert exit_code == cli.EXIT_ERROR
    assert err.startswith("akhbar: ") and "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert inbox_state(inbox) == before
    with warehouse.opened(tmp_path / "w.duckdb", read_only=True) as con:
        assert con.execute("select status from runs").fetchall() == [("failed",)]  # the run says it failed
        assert con.execute("select count(*) from files").fetchone()[0] == 0  # and nothing half-loaded
