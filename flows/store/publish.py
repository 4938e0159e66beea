"""The read-only snapshot for BI tools: NAME.snapshot.duckdb, a views database over Parquet parts
(flows/store/snapshot.py), written in a temp file and renamed over the old one.

A run that changed the warehouse adds one delta part per table it touched and a new views database: its cost
follows what the run wrote, not what the warehouse holds. `akhbar publish` (and any publish that cannot account for
a change: a migration, an edit made with `akhbar sql --write`, a first publish) writes every table whole instead.
The views database is written with an older storage version so that the DuckDB bundled with BI drivers (1.x) can
open it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from flows.errors import WarehouseLocked
from flows.settings import snapshot_path
from flows.store import snapshot, warehouse
from flows.store.export import table_names, write_parquet
from flows.store.lock import warehouse_lock
from flows.store.snapshot import Manifest, TableParts

# DuckDB 2.0 writes files 1.x cannot open unless told to keep the older storage format.
SNAPSHOT_STORAGE_VERSION = "v1.0.0"
# Beside the warehouse: present when something changed the warehouse outside an ingest run's load (`akhbar sql
# --write`), so that the next publish writes every table whole.
STALE_SUFFIX = ".snapshot.stale"


@dataclass(frozen=True, slots=True)
class Published:
    """What one publish did: the snapshot path, whether it wrote every table whole, and the Parquet bytes written."""

    path: Path
    full: bool
    bytes_written: int


def stale_marker(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(f".{warehouse_path.stem}{STALE_SUFFIX}")


def mark_stale(warehouse_path: Path) -> None:
    """Say that the warehouse changed in a way an incremental publish cannot see: the next publish is full."""
    stale_marker(warehouse_path).touch()


def publish_snapshot(
    warehouse_path: Path, wait_seconds: float = 0.0, only_if_changed: bool = False, full: bool = False
) -> Published | None:
    """Publish NAME.snapshot.duckdb beside the warehouse, atomically, under the warehouse lock.

    When another run holds the lock (it started writing after ours finished) this returns None without
    publishing: that run publishes when it finishes, and publishing now would block its writes.
    ``only_if_changed`` (what ingest runs use): when the snapshot already shows what the warehouse holds (same
    data fingerprint), nothing is written. ``full``: write every table whole (a compaction), as `akhbar publish` does.
    """
    try:
        with warehouse_lock(warehouse_path, wait_seconds=wait_seconds):
            return _publish(warehouse_path, only_if_changed, full)
    except WarehouseLocked:
        return None


def _publish(warehouse_path: Path, only_if_changed: bool, full: bool) -> Published:
    target = snapshot_path(warehouse_path)
    stale = stale_marker(warehouse_path)
    previous = None if stale.exists() else snapshot.current_manifest(target)
    with warehouse.opened(warehouse_path, read_only=True) as con:
        fingerprint, schema = warehouse.data_fingerprint(con), _schema_fingerprint(con)
        if only_if_changed and previous is not None and previous.fingerprint == fingerprint:
            return Published(target, full=False, bytes_written=0)
        generation = (previous.generation if previous else max(snapshot.generations(target), default=0)) + 1
        start = Manifest(generation, fingerprint, schema)
        manifest: Manifest | None = None
        if not full and previous is not None and previous.schema == schema:
            manifest = _add_deltas(con, target, previous, start)
        whole = manifest is None
        if manifest is None:
            manifest = _write_whole(con, target, start)
    root = snapshot.parts_dir(target)
    written = sum((root / p).stat().st_size for p in manifest.parts() - (previous.parts() if previous else set()))
    _swap_in(target, manifest)
    stale.unlink(missing_ok=True)  # after the swap: a crash before it leaves the next publish whole
    snapshot.collect_garbage(target, manifest.generation)
    return Published(target, full=whole, bytes_written=written)


def _schema_fingerprint(con: warehouse.Connection) -> str:
    """The applied migrations and the view definitions: when either changes, every part is written again."""
    rows = con.execute(
        "select (select string_agg(version::varchar, ',' order by version) from schema_migrations), "
        "(select string_agg(sql, ';' order by view_name) from duckdb_views() where not internal)"
    ).fetchall()
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def _write_whole(con: warehouse.Connection, target: Path, manifest: Manifest) -> Manifest:
    """Every table as one Parquet part of this generation (`akhbar export --parquet`'s writer)."""
    root = snapshot.parts_dir(target)
    for name in table_names(con):
        relative = snapshot.part_path(name, manifest.generation)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        write_parquet(con, name, root / relative)
        manifest = manifest.with_table(name, TableParts(relative))
    return manifest


# What each table's delta holds, given the runs the snapshot has not seen (?1 below) and the articles they loaded:
# rows are only ever added to the tables without a key, so their delta is the new rows; a keyed table's delta is the
# current rows of every key the new runs touched.
RUN_ROWS = "select * from {table} where run_id in (select unnest(?))"
ARTICLE_ROWS = "select * from {table} where article_id in (select unnest(?))"
DELTAS = {
    "articles": RUN_ROWS,
    "mentions": ARTICLE_ROWS,
    "quotes": ARTICLE_ROWS,
    "event_mentions": ARTICLE_ROWS,
    "events": "select * from events where event_id in "
    "(select event_id from event_mentions where article_id in (select unnest(?)))",
    "files": "select * from files where file_path in (select file_path from files where run_id in (select unnest(?)))",
}


def _add_deltas(con: warehouse.Connection, target: Path, previous: Manifest, start: Manifest) -> Manifest | None:
    """The previous generation plus one delta part per table the new runs changed; None when the change cannot be
    told from the runs (no new run, a table the snapshot lacks, row counts that disagree): publish whole instead."""
    if set(previous.tables) != set(table_names(con)):
        return None
    shown = {name: snapshot.table_select_sql(target, name, parts) for name, parts in previous.tables.items()}
    runs = [
        row[0] for row in con.execute(f"select run_id from runs anti join ({shown['runs']}) using (run_id)").fetchall()
    ]
    if not runs or not _files_rows_name_their_runs(con, runs):
        return None
    articles = [
        row[0]
        for row in con.execute("select article_id from articles where run_id in (select unnest(?))", [runs]).fetchall()
    ]
    selects: dict[str, tuple[str, list]] = {
        name: (sql.format(table=name), [articles if "article_id in" in sql else runs]) for name, sql in DELTAS.items()
    }
    selects["entities"] = (f"select * from entities anti join ({shown['entities']}) using (entity_id)", [])
    selects["runs"] = (
        f"select * from runs where run_id in (select run_id from (select * from runs except select * from ({shown['runs']})))",
        [],
    )
    manifest = Manifest(start.generation, start.fingerprint, start.schema, dict(previous.tables))
    root = snapshot.parts_dir(target)
    for name, (select, params) in selects.items():
        parts = previous.tables[name]
        relative = snapshot.part_path(name, start.generation, "delta")
        stamped = f"select *, {start.generation}::bigint as {snapshot.GENERATION_COLUMN} from ({select})"
        rows = _copy(con, stamped if name in snapshot.KEYS else select, params, root / relative)
        if not rows:
            (root / relative).unlink(missing_ok=True)
            continue
        parts = TableParts(parts.base, (*parts.deltas, relative))
        if len(parts.deltas) > snapshot.MAX_DELTAS:
            merged = snapshot.part_path(name, start.generation, "merged")
            _copy(con, snapshot.merged_deltas_sql(target, name, parts), [], root / merged)
            parts = TableParts(parts.base, (merged,))
        manifest = manifest.with_table(name, parts)
    return manifest if _counts_agree(con, target, manifest) else None


def _files_rows_name_their_runs(con: warehouse.Connection, runs: list[str]) -> bool:
    """Whether every file the new runs counted carries their run_id. A file seen again with the same content (touched,
    copied back) keeps its old row and run_id and only gets a new size and mtime, which no delta would find."""
    [(counted, named)] = con.execute(
        "select (select coalesce(sum(files_loaded + files_duplicate + files_quarantined), 0) from runs "
        "where run_id in (select unnest(?))), (select count(*) from files where run_id in (select unnest(?)))",
        [runs, runs],
    ).fetchall()
    return bool(counted == named)


def _copy(con: warehouse.Connection, select: str, params: list, target: Path) -> int:
    """``select`` into one Parquet file (temp name, then renamed); the rows written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    rows = con.execute(
        f"copy ({select}) to {warehouse.sql_literal(str(temp))} (format parquet, compression zstd)", params
    ).fetchall()
    os.replace(temp, target)
    return int(rows[0][0]) if rows else 0


def _counts_agree(con: warehouse.Connection, target: Path, manifest: Manifest) -> bool:
    """Whether every table of the new generation has as many rows as the warehouse's: a change made outside an
    ingest run's load (a deleted row, a reprocessed article) shows here and sends the publish down the whole path."""
    shown = " union all ".join(
        f"select {warehouse.sql_literal(name)}, (select count(*) from ({snapshot.table_select_sql(target, name, parts)})), "
        f"(select count(*) from {warehouse.sql_identifier(name)})"
        for name, parts in manifest.tables.items()
    )
    return all(shown_rows == stored for _, shown_rows, stored in con.execute(shown).fetchall())


def _swap_in(target: Path, manifest: Manifest) -> None:
    """Write the generation's views database, link it under generations/, then rename it over the snapshot."""
    statements = [snapshot.table_view_sql(target, name, parts) for name, parts in sorted(manifest.tables.items())]
    statements += [view.read_text(encoding="utf-8") for view in sorted(warehouse.VIEWS_DIR.glob("*.sql"))]
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    link = snapshot.views_link(target, manifest.generation)
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        warehouse.create_views_database(temp, SNAPSHOT_STORAGE_VERSION, statements)
        link.unlink(missing_ok=True)
        os.link(temp, link)
        snapshot.write_manifest(target, manifest)
        # A reader holding the old snapshot keeps its (now unlinked) file; new connections open the new one.
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + ".wal").unlink(missing_ok=True)
