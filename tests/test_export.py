"""`akhbar export --parquet DIR`: one Parquet file per table and view, and a views.sql that recreates the views."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.cli import main
from flows.store import warehouse
from flows.store.export import VIEWS_SQL, export_parquet, views_script
from flows.store.publish import publish_snapshot
from tests.bi_rows import held_open, make_warehouse

BI_VIEWS = ("v_events", "v_quotes", "v_mentions_daily")


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, list[Path]]:
    source = make_warehouse(tmp_path / "w.duckdb")
    out = tmp_path / "parquet"
    return source, export_parquet(source, out)


def test_one_parquet_file_per_table_and_view(exported):
    _, written = exported
    names = {p.name for p in written}
    for table in warehouse.TABLES:
        assert f"{table}.parquet" in names
    for view in BI_VIEWS:
        assert f"{view}.parquet" in names
    assert VIEWS_SQL in names
    assert "schema_migrations.parquet" not in names
    assert not [p for p in written[0].parent.iterdir() if p.name.endswith(".tmp")]


def test_parquet_rows_match_the_warehouse(exported):
    source, written = exported
    folder = written[0].parent
    with warehouse.opened(source, read_only=True) as con:
        for name in (*warehouse.TABLES, *BI_VIEWS):
            expected = con.execute(f"select count(*) from {name}").fetchone()[0]
            assert pl.read_parquet(folder / f"{name}.parquet").height == expected, name
    body = pl.read_parquet(folder / "articles.parquet")["body_text"][0]
    assert "لافروف" in body  # Arabic text survives the round trip


def test_views_sql_recreates_the_views_over_the_parquet_files(exported, monkeypatch):
    source, written = exported
    monkeypatch.chdir(written[0].parent)  # views.sql names the files relative to its folder
    con = duckdb.connect()
    con.execute(Path(VIEWS_SQL).read_text(encoding="utf-8"))
    with warehouse.opened(source, read_only=True) as original:
        for view in BI_VIEWS:
            assert (
                con.execute(f"select * from {view}").fetchall() == original.execute(f"select * from {view}").fetchall()
            )


def test_views_script_is_idempotent_sql():
    script = views_script(["events"], {"v_x": "CREATE VIEW v_x AS SELECT * FROM events;"})
    assert "create or replace view \"events\" as select * from read_parquet('events.parquet');" in script
    assert "create or replace view v_x AS SELECT * FROM events;" in script
    assert script.count("create or replace view") == 2


def test_export_twice_replaces_the_files(exported):
    source, written = exported
    again = export_parquet(source, written[0].parent)
    assert sorted(again) == sorted(written)


def test_cli_export(tmp_path: Path, capsys):
    source = make_warehouse(tmp_path / "w.duckdb")
    assert main(["export", "--warehouse", str(source), "--parquet", str(tmp_path / "out")]) == 0
    assert "written to" in capsys.readouterr().out
    assert (tmp_path / "out" / "v_quotes.parquet").is_file()


def test_cli_export_without_warehouse_is_one_clear_line(tmp_path: Path, capsys):
    assert main(["export", "--warehouse", str(tmp_path / "none.duckdb"), "--parquet", str(tmp_path / "o")]) == 1
    assert "no warehouse" in capsys.readouterr().err


def test_cli_export_reads_the_snapshot_while_an_ingest_writes(tmp_path: Path, capsys):
    source = make_warehouse(tmp_path / "w.duckdb")
    publish_snapshot(source)
    with held_open(source, "write"):
        assert main(["export", "--warehouse", str(source), "--parquet", str(tmp_path / "out")]) == 0
    assert "exporting the snapshot" in capsys.readouterr().err
    assert pl.read_parquet(tmp_path / "out" / "v_events.parquet").height == 1
