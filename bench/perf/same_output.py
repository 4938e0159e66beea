"""Do two warehouses hold the same output? For changes that must leave every row as it was (the cost work).

    python -m bench.perf.same_output digest WAREHOUSE [--out FILE.json]   a fingerprint of every table
    python -m bench.perf.same_output compare A B                          A and B, table by table (digests or
                                                                          warehouses); exit 1 when they differ

Ingest the same inbox with the code before and after (`akhbar ingest --no-prefect --inbox I --warehouse W`, from two
worktrees: PYTHONPATH=/path/to/before .venv/bin/python -m flows.cli ...), then compare. Every table of
sql/schema.sql is read but ``runs`` and ``schema_migrations`` (a run's own record), and the columns that name the run
or its clock (run_id, seen_at, ingested_at, processed_at) and the code (extractor_version: a hash of the language
stages' source, flows/nlp/version.py, so any edit there changes it) are left out: all else, rows and values, must be
equal.
A table's fingerprint is the sha256 of its rows in a fixed order (every column sorted), so a digest kept from a
warehouse since deleted still compares.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Sequence

import duckdb

SKIPPED_TABLES = frozenset({"runs", "schema_migrations"})
RUN_COLUMNS = frozenset({"run_id", "seen_at", "ingested_at", "processed_at", "extractor_version"})
SHOWN_DIFFERENCES = 5


def table_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every compared table's rows (run columns left out), sorted on all their columns."""
    tables = [
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE'"
            " order by table_name"
        ).fetchall()
        if name not in SKIPPED_TABLES
    ]
    rows = {}
    for table in tables:
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns where table_schema = 'main' and table_name = ?"
                " order by ordinal_position",
                [table],
            ).fetchall()
            if name not in RUN_COLUMNS
        ]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows[table] = [tuple(columns)] + con.execute(f'select {quoted} from "{table}" order by all').fetchall()
    return rows


def digest(rows: dict[str, list[tuple]]) -> dict[str, dict[str, object]]:
    return {
        table: {
            "rows": len(values) - 1,
            "sha256": hashlib.sha256("\n".join(repr(row) for row in values).encode("utf-8")).hexdigest(),
        }
        for table, values in rows.items()
    }


def read(path: Path) -> tuple[dict[str, dict[str, object]], dict[str, list[tuple]] | None]:
    """(digest, rows) of a warehouse, or (digest, None) of a digest file."""
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))["tables"], None
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = table_rows(con)
    finally:
        con.close()
    return digest(rows), rows


def compare(a: Path, b: Path) -> list[str]:
    """One line a table that differs (with the first differing rows when both are warehouses); empty when equal."""
    digest_a, rows_a = read(a)
    digest_b, rows_b = read(b)
    problems = []
    for table in sorted(set(digest_a) | set(digest_b)):
        left, right = digest_a.get(table), digest_b.get(table)
        if left == right:
            continue
        problems.append(f"{table}: {left} != {right}")
        if rows_a is not None and rows_b is not None and table in rows_a and table in rows_b:
            only_a, only_b = set(rows_a[table]) - set(rows_b[table]), set(rows_b[table]) - set(rows_a[table])
            for row in sorted(only_a, key=repr)[:SHOWN_DIFFERENCES]:
                problems.append(f"  only in A: {row!r}"[:400])
            for row in sorted(only_b, key=repr)[:SHOWN_DIFFERENCES]:
                problems.append(f"  only in B: {row!r}"[:400])
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.perf.same_output", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    to_digest = commands.add_parser("digest", help="a fingerprint of every table, as JSON")
    to_digest.add_argument("warehouse", type=Path)
    to_digest.add_argument("--out", type=Path, help="write it here (default: stdout)")
    to_compare = commands.add_parser("compare", help="two warehouses or digests, table by table")
    to_compare.add_argument("a", type=Path)
    to_compare.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "digest":
        tables, _ = read(args.warehouse)
        text = json.dumps({"warehouse": str(args.warehouse), "tables": tables}, indent=1) + "\n"
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    problems = compare(args.a, args.b)
    tables, _ = read(args.a)
    print(
        "\n".join(problems)
        if problems
        else f"same output: {len(tables)} tables, {sum(int(str(t['rows'])) for t in tables.values()):,} rows"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
