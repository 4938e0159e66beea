"""The BI snapshot: NAME.snapshot.duckdb written atomically, in a storage format DuckDB 1.x opens, readable while
an ingest writes the warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows import pipeline
from flows.cli import main
from flows.nlp.types import Analysis
from flows.runner import run_ingest
from flows.settings import Settings
from flows.store import warehouse
from flows.store.publish import SNAPSHOT_STORAGE_VERSION, publish_snapshot, snapshot_path
from tests.bi_rows import held_open, make_warehouse

BI_VIEWS = ("v_events", "v_quotes", "v_mentions_daily")
# A Python with DuckDB 1.x (a throwaway venv, never the project's): e.g. /tmp/duck1/bin/python after
# `python3 -m venv /tmp/duck1 && /tmp/duck1/bin/pip install 'duckdb==1.4.*'`.
DUCKDB1_PYTHON = os.environ.get("AKHBAR_DUCKDB1_PYTHON")


@pytest.fixture
def published(tmp_path: Path) -> Path:
    source = make_warehouse(tmp_path / "w.duckdb")
    target = publish_snapshot(source)
    assert target is not None
    return target


def test_snapshot_sits_beside_the_warehouse_with_tables_and_views(published: Path, tmp_path: Path):
    assert published == tmp_path / "w.snapshot.duckdb" == snapshot_path(tmp_path / "w.duckdb")
    assert sorted(p.name for p in tmp_path.iterdir() if "tmp" in p.name or p.suffix == ".wal") == []
    with warehouse.opened(published, read_only=True) as con:
        for name in (*warehouse.TABLES, *BI_VIEWS):
            assert con.execute(f"select count(*) from {name}").fetchone()[0] >= 1, name


def test_snapshot_is_written_in_the_1x_storage_format(published: Path):
    con = duckdb.connect()
    con.execute(f"attach {warehouse.sql_literal(str(published))} as snap (read_only)")
    [(tags,)] = con.execute("select tags from duckdb_databases() where database_name = 'snap'").fetchall()
    assert tags["storage_version"].startswith(SNAPSHOT_STORAGE_VERSION)
    assert published.read_bytes()[8:12] == b"DUCK"
    # header version 64 is the v1.0.0 storage format, which DuckDB 1.0 to 1.5 all read
    assert int.from_bytes(published.read_bytes()[12:20], "little") == 64


@pytest.mark.skipif(not DUCKDB1_PYTHON, reason="set AKHBAR_DUCKDB1_PYTHON to a Python with duckdb 1.x installed")
@pytest.mark.slow
def test_duckdb_1x_opens_the_snapshot_and_reads_every_view(published: Path):
    script = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        f"print(duckdb.__version__, [con.execute(f'select count(*) from {{v}}').fetchone()[0] for v in {BI_VIEWS!r}])"
    )
    result = subprocess.run([DUCKDB1_PYTHON, "-c", script, str(published)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    version, counts = result.stdout.split(" ", 1)
    assert version.startswith("1.") and counts.strip() == "[1, 1, 3]"


def test_publish_replaces_the_old_snapshot(published: Path, tmp_path: Path):
    with warehouse.opened(tmp_path / "w.duckdb") as con:
        con.execute("delete from quotes")
    publish_snapshot(tmp_path / "w.duckdb")
    with warehouse.opened(published, read_only=True) as con:
        assert con.execute("select count(*) from v_quotes").fetchone()[0] == 0


@pytest.mark.slow
def test_publish_skips_while_another_process_writes(published: Path, tmp_path: Path):
    before = published.stat().st_mtime_ns
    hold = (
        "import sys; from pathlib import Path; from flows.store.lock import warehouse_lock\n"
        "with warehouse_lock(Path(sys.argv[1])):\n    print('locked', flush=True); sys.stdin.read()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", hold, str(tmp_path / "w.duckdb")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        assert process.stdout.readline().strip() == "locked"
        assert publish_snapshot(tmp_path / "w.duckdb") is None  # that run publishes when it finishes
    finally:
        process.stdin.close()
        process.wait(timeout=10)
    assert published.stat().st_mtime_ns == before


def test_a_reader_holds_the_snapshot_while_an_ingest_writes(published: Path, tmp_path: Path, monkeypatch):
    """Two processes: a dashboard holds the snapshot open; an ingest writes the warehouse and publishes anew."""
    monkeypatch.setattr(pipeline, "analyse", lambda doc, timer=None: Analysis())  # the snapshot, not the NLP
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "new.txt").write_text(
        "خبر جديد\nوصل وفد روسي إلى نيامي لبحث التعاون الأمني مع النيجر.\n", encoding="utf-8"
    )
    with held_open(published, "read") as dashboard:
        summary = run_ingest(Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1))
        assert summary.status == "completed" and summary.new == 1
        dashboard.stdin.write("select count(*) from files\n")
        dashboard.stdin.flush()
        assert dashboard.stdout.readline().strip() == "1"  # the old snapshot, still open and readable
    with warehouse.opened(published, read_only=True) as con:
        assert con.execute("select count(*) from files").fetchone()[0] == 2  # new connections see the new one


def test_cli_publish_reports_size_and_time(tmp_path: Path, capsys):
    source = make_warehouse(tmp_path / "w.duckdb")
    assert main(["publish", "--warehouse", str(source)]) == 0
    out = capsys.readouterr().out
    assert "snapshot written" in out and " MB in " in out


def test_cli_publish_without_warehouse(tmp_path: Path, capsys):
    assert main(["publish", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert "no warehouse" in capsys.readouterr().err


# ---- ingest runs copy the snapshot only when the warehouse changed --------------------------------------------


def _write_article(inbox: Path, name: str, place: str) -> None:
    inbox.mkdir(exist_ok=True)
    (inbox / name).write_text(f"خبر تجريبي\nوصل وفد روسي إلى {place} لبحث التعاون الأمني.\n", encoding="utf-8")


def _snapshot_files(tmp_path: Path) -> int:
    with warehouse.opened(snapshot_path(tmp_path / "w.duckdb"), read_only=True) as con:
        return con.execute("select count(*) from files").fetchone()[0]


@pytest.fixture
def ingest(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(pipeline, "analyse", lambda doc, timer=None: Analysis())  # the snapshot, not the NLP

    def run(publish: bool = True):
        return run_ingest(
            Settings(inbox=tmp_path / "inbox", warehouse=tmp_path / "w.duckdb", workers=1, publish=publish)
        )

    _write_article(tmp_path / "inbox", "a.txt", "نيامي")
    return run


def test_a_run_that_finds_nothing_new_leaves_the_snapshot_as_it_was(ingest, tmp_path: Path):
    ingest()
    target = snapshot_path(tmp_path / "w.duckdb")
    before = target.stat()
    assert ingest().new == 0
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    _write_article(tmp_path / "inbox", "b.txt", "باماكو")
    assert ingest().loaded == 1
    assert target.stat().st_ino != before.st_ino and _snapshot_files(tmp_path) == 2


def test_a_change_that_was_never_published_is_published_by_the_next_run(ingest, tmp_path: Path):
    ingest()
    _write_article(tmp_path / "inbox", "b.txt", "باماكو")
    assert ingest(publish=False).loaded == 1  # e.g. its publish found another run holding the lock
    assert _snapshot_files(tmp_path) == 1
    assert ingest().new == 0
    assert _snapshot_files(tmp_path) == 2


def test_a_missing_snapshot_or_an_edit_made_with_sql_write_is_published_again(ingest, tmp_path: Path):
    ingest()
    snapshot_path(tmp_path / "w.duckdb").unlink()
    ingest()
    assert _snapshot_files(tmp_path) == 1
    edit = "insert into entities (entity_id, entity_type, name_ar, name_en, country_code, name_en_source) values ('gpe:ner', 'GPE', 'النيجر', 'Niger', 'NER', 'cldr')"
    assert main(["sql", "--write", "--warehouse", str(tmp_path / "w.duckdb"), edit]) == 0
    assert ingest().new == 0
    with warehouse.opened(snapshot_path(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select name_en from entities").fetchall() == [("Niger",)]
