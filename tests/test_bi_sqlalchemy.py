"""What Superset and Metabase-style tools do: connect through SQLAlchemy + duckdb-engine to the snapshot,
read-only, list the views and read every one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.store.publish import publish_snapshot
from tests.bi_rows import held_open, make_warehouse

sqlalchemy = pytest.importorskip("sqlalchemy")
pytest.importorskip("duckdb_engine", reason="duckdb-engine is a test extra: pip install -e '.[test]'")

BI_VIEWS = ("v_events", "v_quotes", "v_mentions_daily")


@pytest.fixture
def snapshot(tmp_path: Path) -> Path:
    published = publish_snapshot(make_warehouse(tmp_path / "w.duckdb"))
    assert published is not None
    return published.path


def engine_for(snapshot: Path, how: str):
    if how == "uri":  # what one types into Superset's "SQLAlchemy URI" box
        return sqlalchemy.create_engine(f"duckdb:///{snapshot}?access_mode=read_only")
    return sqlalchemy.create_engine(f"duckdb:///{snapshot}", connect_args={"read_only": True})


@pytest.mark.parametrize("how", [pytest.param("uri", id="uri-access-mode"), pytest.param("args", id="connect-args")])
def test_every_view_reads_through_sqlalchemy(snapshot: Path, how: str):
    engine = engine_for(snapshot, how)
    try:
        inspector = sqlalchemy.inspect(engine)
        assert set(BI_VIEWS) <= set(inspector.get_view_names())
        # the snapshot's tables are views over its Parquet parts (flows/store/snapshot.py)
        assert {"articles", "events", "quotes", "mentions", "entities"} <= set(inspector.get_view_names())
        with engine.connect() as con:
            counts = {v: con.execute(sqlalchemy.text(f"select count(*) from {v}")).scalar_one() for v in BI_VIEWS}
            speaker = con.execute(sqlalchemy.text("select speaker_name_en from v_quotes")).scalar_one()
            columns = {c["name"] for c in inspector.get_columns("v_events")}
    finally:
        engine.dispose()
    assert counts == {"v_events": 1, "v_quotes": 1, "v_mentions_daily": 3}
    assert speaker == "Sergey Lavrov"
    assert {"actor1_name_ar", "location_name_en", "event_date", "num_articles"} <= columns


def test_the_connection_is_read_only(snapshot: Path):
    engine = engine_for(snapshot, "uri")
    try:
        with engine.connect() as con, pytest.raises(sqlalchemy.exc.DBAPIError, match="(?i)read.only"):
            con.execute(sqlalchemy.text("create table notes as select 1 as x"))
    finally:
        engine.dispose()


def test_a_dashboard_and_a_second_reader_share_the_snapshot(snapshot: Path):
    """Read-only opens do not lock each other out: another process holds the snapshot while we query it."""
    with held_open(snapshot, "read"):
        engine = engine_for(snapshot, "uri")
        try:
            with engine.connect() as con:
                assert con.execute(sqlalchemy.text("select count(*) from v_events")).scalar_one() == 1
        finally:
            engine.dispose()


def test_an_open_dashboard_connection_survives_a_publish(tmp_path: Path, snapshot: Path):
    """Superset holds a connection; a run publishes a new snapshot over it; the old connection keeps working and
    a new one sees the new data."""
    from flows.store import warehouse

    engine = engine_for(snapshot, "uri")
    try:
        with engine.connect() as held:
            assert held.execute(sqlalchemy.text("select count(*) from v_quotes")).scalar_one() == 1
            with warehouse.opened(tmp_path / "w.duckdb") as con:
                con.execute("delete from quotes")
            assert publish_snapshot(tmp_path / "w.duckdb").path == snapshot
            assert held.execute(sqlalchemy.text("select count(*) from v_quotes")).scalar_one() == 1
        engine.dispose()
        with engine.connect() as fresh:
            assert fresh.execute(sqlalchemy.text("select count(*) from v_quotes")).scalar_one() == 0
    finally:
        engine.dispose()
