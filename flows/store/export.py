"""`akhbar export --parquet DIR`: one Parquet file per table and view, plus views.sql that recreates the views.

For tools that read Parquet (pandas, Polars, Spark, Power BI, DuckDB itself). views.sql first turns every table's
Parquet file into a view of the same name, then recreates the warehouse's own views (v_events, ...) over them, so
`cd DIR && duckdb -init views.sql` gives the same names an analyst sees in the warehouse.
"""

from __future__ import annotations

import os
from pathlib import Path

from flows.store import warehouse

VIEWS_SQL = "views.sql"
# Bookkeeping tables an analyst has no use for in a dashboard, and the search index (`akhbar search` reads it; it is
# derived from articles and quotes, and its term rows outnumber every other table's).
SKIPPED_TABLES = frozenset({"schema_migrations", "search_docs", "search_terms", "search_vocab", "search_spellings"})


def export_parquet(warehouse_path: Path, out_dir: Path) -> list[Path]:
    """Write DIR/NAME.parquet for every table and view of the warehouse, and DIR/views.sql; return the paths.

    Each file is written under a temporary name and renamed, so a reader never sees half a file.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with warehouse.opened(warehouse_path, read_only=True) as con:
        tables = table_names(con)
        views = _view_definitions(con)
        written = [write_parquet(con, name, out_dir / f"{name}.parquet") for name in [*tables, *views]]
    script = out_dir / VIEWS_SQL
    _replace_text(script, views_script(tables, views))
    return [*written, script]


def views_script(tables: list[str], views: dict[str, str]) -> str:
    """DuckDB SQL that maps each table name to its Parquet file, then recreates the warehouse views over them."""
    lines = [
        "-- akhbar Parquet export: run from this folder, e.g. `duckdb -init views.sql` or `.read views.sql`.",
        "-- Each table is a view over its Parquet file; the analyst views are recreated over those.",
    ]
    for name in tables:
        lines.append(
            f"create or replace view {warehouse.sql_identifier(name)} as "
            f"select * from read_parquet({warehouse.sql_literal(name + '.parquet')});"
        )
    for definition in views.values():
        lines.append("")
        lines.append(_or_replace(definition.strip()).rstrip(";") + ";")
    return "\n".join(lines) + "\n"


def table_names(con: warehouse.Connection, skipped: frozenset[str] = SKIPPED_TABLES) -> list[str]:
    """The warehouse's tables but ``skipped``; in a snapshot, the views over its Parquet parts that stand for them
    (NAME.snapshot.duckdb holds no tables: flows/store/snapshot.py)."""
    rows = con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() "
        "and schema_name = 'main' and not internal order by table_name"
    ).fetchall()
    names = [row[0] for row in rows if row[0] not in skipped]
    return names or [name for name in warehouse.TABLES if name in _view_definitions(con)]


def _view_definitions(con: warehouse.Connection) -> dict[str, str]:
    """Each user view's CREATE statement as DuckDB stored it."""
    rows = con.execute(
        "select view_name, sql from duckdb_views() where database_name = current_database() "
        "and schema_name = 'main' and not internal order by view_name"
    ).fetchall()
    return {name: sql for name, sql in rows if name not in warehouse.TABLES and name not in SKIPPED_TABLES}


def _or_replace(create_sql: str) -> str:
    """CREATE VIEW -> create or replace view, so views.sql can be run again over a newer export."""
    head = "create view"
    if create_sql[: len(head)].lower() == head:
        return "create or replace view" + create_sql[len(head) :]
    return create_sql


def write_parquet(con: warehouse.Connection, name: str, target: Path, select: str | None = None) -> Path:
    """``select`` (default: every row of table or view ``name``) as one Parquet file, written under a temporary
    name and renamed."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    query = select or f"select * from {warehouse.sql_identifier(name)}"
    # COPY takes no bound parameters: the identifier and the path go in escaped.
    con.execute(f"copy ({query}) to {warehouse.sql_literal(str(temp))} (format parquet, compression zstd)")
    os.replace(temp, target)
    return target


def _replace_text(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
