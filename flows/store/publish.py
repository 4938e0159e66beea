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
from dataclasses import dataclass, replace
from pathlib import Path

from flows.errors import WarehouseLocked
from flows.settings import snapshot_path
from flows.store import snapshot, warehouse
from flows.store.export import table_names, write_parquet
from flows.store.lock import warehouse_lock
from flows.store.snapshot import Manifest, TableParts

# Every table but the migrations' bookkeeping: the search index too, which `akhbar search` reads from the snapshot
# while an ingest writes the warehouse.
SKIPPED_TABLES = frozenset({"schema_migrations"})
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
    marked = _mtime(stale)
    previous = None if marked is not None else snapshot.current_manifest(target)
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
    if marked is not None and _mtime(stale) == marked:  # after the swap: a crash before it leaves the next publish
        stale.unlink(missing_ok=True)  # whole; an edit marked since (the warehouse was closed) keeps its mark
    snapshot.collect_garbage(target, manifest.generation)
    return Published(target, full=whole, bytes_written=written)


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


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
    for name in table_names(con, SKIPPED_TABLES):
        relative = snapshot.part_path(name, manifest.generation)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        write_parquet(con, name, root / relative)
        parts = TableParts(relative)
        if name not in snapshot.KEYS:
            [(rows, last_rowid)] = con.execute(
                f"select count(*), max(rowid) from {warehouse.sql_identifier(name)}"
            ).fetchall()
            end = -1 if last_rowid is None else last_rowid
            parts = TableParts(relative, rows=rows, end=end + 1, last=_row_digest(con, name, end))
        manifest = manifest.with_table(name, parts)
    return manifest


def _row_digest(con: warehouse.Connection, table: str, rowid: int) -> str:
    """What the row at ``rowid`` holds, summed up ('' for none): the mark of where the snapshot's copy of an
    append-only table ends."""
    rows = con.execute(f"select * from {warehouse.sql_identifier(table)} where rowid = ?", [rowid]).fetchall()
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest() if rows else ""


def _add_deltas(con: warehouse.Connection, target: Path, previous: Manifest, start: Manifest) -> Manifest | None:
    """The previous generation plus one delta part per table that changed; None when the change cannot be told this
    way (no new run, a table the snapshot lacks, rows deleted or rewritten): publish whole instead.

    Rows are only ever appended to the tables without a key (articles, mentions, ...), so their delta is the rows
    past where the snapshot's copy ended (DuckDB's rowid: appends take the next ones; a range filter on it reads only
    the table's tail). A keyed table's delta holds the current rows of every key the new runs touched: the files
    they read, the events their event mentions report, their own runs rows.
    """
    if set(previous.tables) != set(table_names(con, SKIPPED_TABLES)):
        return None
    query = snapshot.table_select_sql(target, "runs", previous.tables["runs"])  # the runs the snapshot shows
    runs = [row[0] for row in con.execute(f"select run_id from runs anti join ({query}) using (run_id)").fetchall()]
    if not runs or not _files_rows_name_their_runs(con, runs):
        return None
    manifest = Manifest(start.generation, start.fingerprint, start.schema, dict(previous.tables))
    for name, parts in previous.tables.items():
        if name in snapshot.KEYS:
            continue
        tail = _append_tail(con, target, name, parts, start.generation)
        if tail is None:
            return None
        manifest = manifest.with_table(name, tail)
    events = _tail_values(con, "event_mentions", previous.tables["event_mentions"].end, "event_id")
    entities = _tail_values(con, "mentions", previous.tables["mentions"].end, "entity_id")
    keyed: dict[str, tuple[str, list]] = {
        "files": (
            "select * from files where file_path in (select file_path from files where run_id in (select unnest(?)))",
            [runs],
        ),
        "events": ("select * from events where event_id in (select unnest(?))", [events]),
        "entities": ("select * from entities where entity_id in (select unnest(?))", [entities]),
        "search_vocab": (
            "select * from search_vocab where (kind, term) in "
            "(select distinct kind, term from search_terms where rowid >= ?)",
            [previous.tables["search_terms"].end],
        ),
        # A new article's sentence pairs are between the entities its mentions name; the derived rows of the new
        # runs' events (rows of other events change only with a retraction, which deletes: a whole publish).
        "entity_pairs": (
            "select * from entity_pairs where entity_id in (select unnest(?)) and other_id in (select unnest(?))",
            [entities, entities],
        ),
        "event_participants": ("select * from event_participants where event_id in (select unnest(?))", [events]),
        "event_reports": ("select * from event_reports where event_id in (select unnest(?))", [events]),
        "event_country_days": (  # each event and its participants read by event_id alone: through their indexes
            "select * from event_country_days where (event_date, country_code, event_type) in "
            "(select distinct e.event_date, p.country_code, e.event_type "
            "from (select * from events where event_id in (select unnest(?))) as e "
            "join (select * from event_participants where event_id in (select unnest(?))) as p using (event_id))",
            [events, events],
        ),
        "runs": (
            f"select * from runs where run_id in (select run_id from (select * from runs except select * from ({query})))",
            [],
        ),
    }
    for name, (select, params) in keyed.items():
        stamped = f"select *, {start.generation}::bigint as {snapshot.GENERATION_COLUMN} from ({select})"
        manifest = manifest.with_table(
            name, _add_part(con, target, name, manifest.tables[name], stamped, params, start.generation)
        )
    return None if snapshot.deltas_outgrew_base(target, manifest) else manifest


def _append_tail(
    con: warehouse.Connection, target: Path, name: str, parts: TableParts, generation: int
) -> TableParts | None:
    """An append-only table's parts with its new rows added; None when rows were deleted or moved since."""
    table = warehouse.sql_identifier(name)
    if _row_digest(con, name, parts.end - 1) != parts.last:
        return None  # the last row the snapshot copied is not where it was: rows were deleted and the table compacted
    updated = _add_part(con, target, name, parts, f"select * from {table} where rowid >= ?", [parts.end], generation)
    [(rows, last_rowid)] = con.execute(
        f"select (select count(*) from {table}), (select max(rowid) from {table} where rowid >= ?)", [parts.end]
    ).fetchall()
    added = 0 if last_rowid is None else last_rowid + 1 - parts.end
    if rows != parts.rows + added:
        return None  # fewer rows than the snapshot's plus the tail: some were deleted
    end = parts.end if last_rowid is None else last_rowid + 1
    return TableParts(updated.base, updated.deltas, rows=rows, end=end, last=_row_digest(con, name, end - 1))


def _tail_values(con: warehouse.Connection, table: str, end: int, column: str) -> list:
    sql = f"select distinct {warehouse.sql_identifier(column)} from {warehouse.sql_identifier(table)} where rowid >= ?"
    return [row[0] for row in con.execute(sql, [end]).fetchall()]


def _add_part(
    con: warehouse.Connection, target: Path, name: str, parts: TableParts, select: str, params: list, generation: int
) -> TableParts:
    """``parts`` with ``select`` written as this generation's delta (nothing when it is empty); the deltas merged
    into one part when there are more than snapshot.MAX_DELTAS."""
    root = snapshot.parts_dir(target)
    relative = snapshot.part_path(name, generation, "delta")
    if not _copy(con, select, params, root / relative):
        (root / relative).unlink(missing_ok=True)
        return parts
    parts = replace(parts, deltas=(*parts.deltas, relative))
    if len(parts.deltas) > snapshot.MAX_DELTAS:
        merged = snapshot.part_path(name, generation, "merged")
        _copy(con, snapshot.merged_deltas_sql(target, name, parts), [], root / merged)
        parts = replace(parts, deltas=(merged,))
    return parts


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
