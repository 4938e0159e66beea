"""The snapshot's layout: NAME.snapshot.duckdb is a small "views" database whose tables are views over Parquet parts
under NAME.snapshot.d/, so that a run adds a part for what it changed instead of copying the warehouse.

    NAME.snapshot.duckdb          the views database BI tools open (renamed over the old one by each publish)
    NAME.snapshot.d/parts/TABLE/  G.parquet: the table written whole by generation G (a compaction);
                                  G.delta.parquet: what generation G added or changed
    NAME.snapshot.d/generations/  G.duckdb: a hard link to the views database of generation G; G.json: its manifest

Each view names its Parquet files in an explicit list (no glob): a dashboard that opened an older views database
keeps reading the older, consistent set of parts. Tables whose rows are only ever added (articles, mentions, ...)
are the union of their parts; tables whose rows change in place (events: counts; files: a retried file; runs:
status; search_vocab: document counts) are keyed: a delta part holds the current rows of every key it touches, stamped with its generation, and
the view takes each key's rows from its newest part.

A generation's parts are deleted only once no views database that names them is still open: DuckDB holds a shared
``fcntl`` lock on a database file for as long as a connection has it open, and an older generation's hard link
shares that lock, so a probe tells a dashboard still on it from a file nobody reads.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Sequence

from flows.store import warehouse

# Rows of these tables change in place; the column that identifies what a delta part replaces.
# entities is keyed: a load updates the rows of the entities it mentions in place (num_articles, extractor_version).
KEYS = {
    "files": "file_path",
    "events": "event_id",
    "entities": "entity_id",
    "runs": "run_id",
    "search_vocab": "kind, term",
    # the derived tables (flows/store/derived.py): counts change in place, an event's participants are written again
    "entity_pairs": "entity_id, other_id",
    "event_participants": "event_id",
    "event_country_days": "event_date, country_code, event_type",
    "event_reports": "event_id",
}
# The column a keyed delta part carries (dropped by the view): the generation that wrote it.
GENERATION_COLUMN = "akhbar_generation"
# Delta parts per table before they are merged into one. Measured on a 100k-article warehouse (three queries on the
# snapshot, best of 3): 0.16 s with no delta part, 0.14-0.16 s with 8, 16 and 32 per table (no cost seen); a publish
# that merges 33 one-article deltas takes 0.21 s against 0.16 s. The merged part holds everything since the last
# whole publish, so its cost grows until `akhbar publish` writes every table whole again.
MAX_DELTAS = 32
# When a table's delta parts outgrow this share of its whole part, and this many bytes, the publish writes every table
# whole instead (at 1M articles, 24 s once, instead of re-merging an ever larger part every 33 runs).
COMPACT_SHARE = 0.25
COMPACT_MIN_BYTES = 64 * 1024 * 1024
# A superseded generation is kept at least this long even when no lock is seen on it: a reader may have opened the
# file just before the rename and not yet taken its lock.
GRACE_SECONDS = 60.0
MANIFEST_FORMAT = 2


@dataclass(frozen=True, slots=True)
class TableParts:
    """One table of the snapshot: its compacted part and the delta parts written since (oldest first); for a table
    without a key (rows only appended), the rows shown, the warehouse rowid where the copy ends and a digest of the
    row just before it."""

    base: str
    deltas: tuple[str, ...] = ()
    rows: int = 0
    end: int = 0
    last: str = ""


@dataclass(frozen=True, slots=True)
class Manifest:
    """What one generation of the snapshot shows: parts per table (paths relative to NAME.snapshot.d/), and the
    warehouse it showed (data fingerprint, migrations and views), to decide whether the next publish may add to it."""

    generation: int
    fingerprint: str
    schema: str
    tables: dict[str, TableParts] = field(default_factory=dict)

    def parts(self) -> set[str]:
        return {path for parts in self.tables.values() for path in (parts.base, *parts.deltas)}

    def with_table(self, name: str, parts: TableParts) -> Manifest:
        return replace(self, tables={**self.tables, name: parts})


def parts_dir(snapshot: Path) -> Path:
    """NAME.snapshot.d beside NAME.snapshot.duckdb."""
    return snapshot.with_name(snapshot.name.removesuffix(".duckdb") + ".d")


def generations_dir(snapshot: Path) -> Path:
    return parts_dir(snapshot) / "generations"


def part_path(table: str, generation: int, kind: str = "") -> str:
    """parts/TABLE/G.parquet (whole), G.delta.parquet (what G changed) or G.merged.parquet (deltas merged by G)."""
    return f"parts/{table}/{generation:08d}{'.' + kind if kind else ''}.parquet"


def _files(snapshot: Path, paths: Sequence[str]) -> str:
    root = parts_dir(snapshot).resolve()
    return "read_parquet([" + ", ".join(warehouse.sql_literal(str(root / p)) for p in paths) + "])"


def table_select_sql(snapshot: Path, name: str, parts: TableParts) -> str:
    """The SELECT that shows one table from its parts (absolute paths: a reader's working folder is anywhere)."""
    key = KEYS.get(name)
    if key is None or not parts.deltas:
        return f"select * from {_files(snapshot, (parts.base, *parts.deltas))}"
    return (
        f"with latest as (select * exclude ({GENERATION_COLUMN}) from {_files(snapshot, parts.deltas)} "
        f"qualify {GENERATION_COLUMN} = max({GENERATION_COLUMN}) over (partition by {key})) "
        f"select * from {_files(snapshot, (parts.base,))} anti join latest using ({key}) "
        "union all select * from latest"
    )


def table_view_sql(snapshot: Path, name: str, parts: TableParts) -> str:
    return f"create or replace view {warehouse.sql_identifier(name)} as {table_select_sql(snapshot, name, parts)}"


def merged_deltas_sql(snapshot: Path, name: str, parts: TableParts) -> str:
    """One part for all of a table's deltas (for a keyed table: each key's newest rows, still stamped)."""
    every = f"select * from {_files(snapshot, parts.deltas)}"
    key = KEYS.get(name)
    if key is None:
        return every
    return every + f" qualify {GENERATION_COLUMN} = max({GENERATION_COLUMN}) over (partition by {key})"


def deltas_outgrew_base(snapshot: Path, manifest: Manifest) -> bool:
    """Whether some table's delta parts have grown past COMPACT_SHARE of its whole part (and COMPACT_MIN_BYTES)."""
    root = parts_dir(snapshot)
    for parts in manifest.tables.values():
        deltas = sum((root / p).stat().st_size for p in parts.deltas)
        if deltas > COMPACT_MIN_BYTES and deltas > COMPACT_SHARE * (root / parts.base).stat().st_size:
            return True
    return False


# ---- manifests and generations ------------------------------------------------------------------------------


def manifest_path(snapshot: Path, generation: int) -> Path:
    return generations_dir(snapshot) / f"{generation:08d}.json"


def views_link(snapshot: Path, generation: int) -> Path:
    return generations_dir(snapshot) / f"{generation:08d}.duckdb"


def write_manifest(snapshot: Path, manifest: Manifest) -> None:
    data = {
        "format": MANIFEST_FORMAT,
        "generation": manifest.generation,
        "fingerprint": manifest.fingerprint,
        "schema": manifest.schema,
        "tables": {name: {**asdict(p), "deltas": list(p.deltas)} for name, p in manifest.tables.items()},
    }
    path = manifest_path(snapshot, manifest.generation)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(temp, path)


def read_manifest(path: Path) -> Manifest | None:
    """A generation's manifest, or None when missing, unreadable or of another format (the next publish is full)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            return None
        tables = {name: TableParts(**{**t, "deltas": tuple(t["deltas"])}) for name, t in data["tables"].items()}
        return Manifest(int(data["generation"]), str(data["fingerprint"]), str(data["schema"]), tables)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def generations(snapshot: Path) -> list[int]:
    folder = generations_dir(snapshot)
    if not folder.is_dir():
        return []
    return sorted(int(p.stem) for p in folder.glob("*.json") if p.stem.isdigit())


def current_manifest(snapshot: Path) -> Manifest | None:
    """The manifest of the views database NAME.snapshot.duckdb is now (same file), else None."""
    found = generations(snapshot)
    if not found or not snapshot.exists():
        return None
    link = views_link(snapshot, found[-1])
    try:
        if not os.path.samefile(link, snapshot):
            return None
    except OSError:
        return None
    manifest = read_manifest(manifest_path(snapshot, found[-1]))
    if manifest is None or not all((parts_dir(snapshot) / p).exists() for p in manifest.parts()):
        return None
    return manifest


def is_open_by_a_reader(path: Path) -> bool:
    """Whether another process holds DuckDB's lock on this database file (a dashboard still reading it)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases our probe lock
    return False


def collect_garbage(snapshot: Path, current: int, now: float | None = None) -> list[Path]:
    """Delete superseded generations nobody reads any more and every part only they named; the paths deleted."""
    now = time.time() if now is None else now
    found = generations(snapshot)
    keep: set[str] = set()
    removed: list[Path] = []
    for index, generation in enumerate(found):
        link, manifest_file = views_link(snapshot, generation), manifest_path(snapshot, generation)
        successor = views_link(snapshot, found[index + 1]) if index + 1 < len(found) else None
        superseded_for = now - successor.stat().st_mtime if successor and successor.exists() else 0.0
        manifest = read_manifest(manifest_file)
        if generation >= current or superseded_for < GRACE_SECONDS or is_open_by_a_reader(link):
            keep |= manifest.parts() if manifest else set()
            continue
        for path in (link, manifest_file):
            path.unlink(missing_ok=True)
            removed.append(path)
    root = parts_dir(snapshot)
    for part in sorted((root / "parts").glob("*/*.parquet")):
        if str(part.relative_to(root)) not in keep:
            part.unlink(missing_ok=True)
            removed.append(part)
    return removed
