"""sql/schema.sql is the single source of the schema: the Polars frames must agree with it, column for column."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from flows.store.frames import SCHEMAS
from flows.store.warehouse import SCHEMA_FILE, migrate

DUCKDB_TYPE = {
    pl.String: "VARCHAR",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Boolean: "BOOLEAN",
    pl.Float64: "DOUBLE",
    pl.Date: "DATE",
}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMP"
    if isinstance(dtype, pl.List):
        return duckdb_type(dtype.inner) + "[]"
    return DUCKDB_TYPE[dtype.base_type()]


@pytest.fixture(scope="module")
def schema_columns() -> dict[str, list[tuple[str, str]]]:
    con = duckdb.connect()
    con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
    rows = con.execute(
        "select table_name, column_name, data_type from information_schema.columns order by table_name, ordinal_position"
    ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        columns.setdefault(table, []).append((column, data_type))
    return columns


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_polars_frame_matches_schema_sql(table: str, schema_columns) -> None:
    expected = schema_columns[table]
    actual = [(column, duckdb_type(dtype)) for column, dtype in SCHEMAS[table].items()]
    assert actual == expected


def test_every_contract_table_exists(schema_columns) -> None:
    for table in ("files", "articles", "entities", "mentions", "events", "event_mentions", "quotes"):
        assert table in schema_columns


def test_migrations_are_recorded_once(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert "schema" in migrate(con)
    assert migrate(con) == []
    assert con.execute("select count(*) from schema_migrations").fetchone()[0] >= 1
