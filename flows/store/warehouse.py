"""The DuckDB boundary: open and migrate the warehouse, read what it knows, load a batch atomically, query.

The only module that imports duckdb. Every statement that carries a user value binds it with ``?``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

import duckdb
import polars as pl

from flows.errors import AkhbarError, WarehouseBusy
from flows.resources import sql_dir
from flows.store.frames import SCHEMAS

# sql/ as installed (a checkout or a wheel): flows/resources.py
SQL_DIR = Path(str(sql_dir()))
SCHEMA_FILE = SQL_DIR / "schema.sql"
MIGRATIONS_DIR = SQL_DIR / "migrations"
VIEWS_DIR = SQL_DIR / "views"
QUERIES_DIR = SQL_DIR / "queries"
# Tables in load order. Events, entities and article_facts are upserted (an event's counts grow as articles arrive;
# an entity and an article's facts carry the extractor version that last wrote them); the search index replaces
# what it held for the batch's articles (search_docs first: see FORGET_INDEXED_SQL); the rest is only inserted.
LOAD_ORDER = (
    "files",
    "articles",
    "entities",
    "mentions",
    "quotes",
    "events",
    "event_mentions",
    "article_facts",
    "search_docs",
    "search_terms",
    "search_vocab",
    "search_spellings",
)
UPSERTED = ("events", "entities", "article_facts")
TABLES = ("files", "articles", "entities", "mentions", "events", "event_mentions", "quotes", "article_facts", "runs")

Connection = duckdb.DuckDBPyConnection


def recovery_hint(path: Path) -> str:
    return (
        f"The inbox is the source of truth: move {path} aside (e.g. `mv {path} {path}.broken`) "
        "and run `akhbar ingest` to rebuild the warehouse from it."
    )


# DuckDB's words for a file that is not (or no longer) a database, as opposed to one it may not open right now.
NOT_A_WAREHOUSE = ("not a valid DuckDB database file", "Corrupt database file", "Could not read enough bytes")


def connect(
    path: Path, *, read_only: bool = False, sandboxed: bool = False, readable: Path | None = None
) -> Connection:
    """Open the warehouse (creating and migrating it when writable); a clear AkhbarError when it cannot be.

    ``sandboxed``: no access outside the database file (no COPY TO, EXPORT, ATTACH, read_csv, extension installs):
    for statements a user typed without ``--write``. ``readable``: a folder the sandbox still reaches (the
    snapshot's Parquet parts, which its views read).
    """
    if read_only and not path.exists():
        raise AkhbarError(f"no warehouse at {path}: run `akhbar ingest` first")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a read-only disk, or a file where the folder should be
            raise AkhbarError(f"cannot create the warehouse folder {path.parent}: {error.strerror or error}") from error
    try:
        config: dict[str, str | bool | int | float | list[str]] = (
            {"enable_external_access": False} if sandboxed and readable is None else {}
        )
        con = duckdb.connect(str(path), read_only=read_only, config=config)
        if sandboxed and readable is not None:
            # allowed_directories must be set before external access is turned off, and cannot be changed after
            con.execute(f"set allowed_directories = [{sql_literal(str(readable.resolve()) + os.sep)}]")
            con.execute("set enable_external_access = false")
    except duckdb.IOException as error:
        message = str(error)
        if "lock" in message.lower():
            raise WarehouseBusy(f"warehouse {path} is in use by another process: {message.splitlines()[0]}") from error
        if any(sign in message for sign in NOT_A_WAREHOUSE):
            raise AkhbarError(
                f"warehouse {path} is damaged ({message.splitlines()[0]}). {recovery_hint(path)}"
            ) from error
        raise AkhbarError(f"cannot open warehouse {path}: {message.splitlines()[0]}") from error
    except (duckdb.Error, OSError) as error:
        raise AkhbarError(f"warehouse {path} is not a readable DuckDB file ({error}). {recovery_hint(path)}") from error
    if not read_only:
        try:
            migrate(con)
        except duckdb.Error as error:
            con.close()
            first = str(error).splitlines()[0]
            hint = f" {recovery_hint(path)}" if any(sign in first for sign in NOT_A_WAREHOUSE) else ""
            raise AkhbarError(f"cannot write warehouse {path}: {first}.{hint}") from error
    return con


def migrate(con: Connection) -> list[str]:
    """Apply schema.sql (version 1) and any sql/migrations/NNN_*.sql not yet applied; (re)create the views."""
    applied: list[str] = []
    con.execute("begin transaction")
    try:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
        steps = [(1, "schema", SCHEMA_FILE)] + [
            (int(p.name.split("_", 1)[0]), p.stem, p) for p in sorted(MIGRATIONS_DIR.glob("[0-9]*_*.sql"))
        ]
        for version, name, path in steps:
            if version in done:
                continue
            if version != 1:
                con.execute(path.read_text(encoding="utf-8"))
            if name in REBUILT_BY:
                REBUILT_BY[name](con)
            con.execute("insert into schema_migrations values (?, ?, ?)", [version, name, _now()])
            applied.append(name)
        for view in sorted(VIEWS_DIR.glob("*.sql")):
            con.execute(view.read_text(encoding="utf-8"))
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return applied


def _rebuild_derived(con: Connection) -> None:
    from flows.store import derived  # it imports this module

    derived.rebuild(con)


def _rebuild_event_reports(con: Connection) -> None:
    from flows.store import derived  # it imports this module

    derived.rebuild(con, ("event_reports",))


# Migrations whose rows are counted in Python after their SQL ran: the derived tables (flows/store/derived.py).
REBUILT_BY = {"010_derived_tables": _rebuild_derived, "011_event_reports": _rebuild_event_reports}


def unseen_files(con: Connection, scanned: pl.DataFrame, *, retry_quarantined: bool = False) -> set[str]:
    """The paths of ``scanned`` (file_path, size_bytes, mtime_ns) whose size and mtime the warehouse has not recorded
    for that path: an anti-join in DuckDB, so that a no-op over 200,000 files does not build a Python set of them.

    Files quarantined for a passing reason (or all quarantined files, with ``retry_quarantined``) count as unseen,
    so the next run reads them again.
    """
    con.register("akhbar_scanned", scanned)
    try:
        rows = con.execute(
            """select s.file_path from akhbar_scanned s
               anti join (select file_path, size_bytes, mtime_ns from files
                          where status <> 'quarantined' or not (? or retryable)) f
               on s.file_path = f.file_path and s.size_bytes = f.size_bytes and s.mtime_ns = f.mtime_ns""",
            [retry_quarantined],
        ).fetchall()
    finally:
        con.unregister("akhbar_scanned")
    return {row[0] for row in rows}


def existing_article_ids(con: Connection, article_ids: Sequence[str]) -> set[str]:
    return _existing_keys(con, "articles", "article_id", article_ids)


def existing_entity_ids(con: Connection, entity_ids: Sequence[str]) -> set[str]:
    return _existing_keys(con, "entities", "entity_id", entity_ids)


def _existing_keys(con: Connection, table: str, column: str, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    wanted = pl.DataFrame({column: list(keys)}, schema={column: pl.String})
    con.register("wanted_ids", wanted.to_arrow())
    try:
        rows = con.execute(
            f"select {sql_identifier(column)} from {sql_identifier(table)} "
            f"semi join wanted_ids using ({sql_identifier(column)})"
        ).fetchall()
    finally:
        con.unregister("wanted_ids")
    return {row[0] for row in rows}


def article_texts(con: Connection, article_ids: Sequence[str]) -> pl.DataFrame:
    """article_id, title and body_text of the given articles (for the search index of reprocessed articles)."""
    return con.sql(
        "select article_id, title, body_text from articles where article_id in (select unnest(?::varchar[])) "
        "order by article_id",
        params=[list(article_ids)],
    ).pl()


def unindexed(con: Connection) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The articles the search index does not cover yet (a warehouse from before the index), and their quotes.

    Every indexing writes one body row per article in the article's own transaction, so equal counts mean the index
    covers every article: two counts instead of comparing every article with the index on each batch (0.95 s and
    630 MB of article text read at 1M articles, measured)."""
    if _scalar(con, "select count(*) from articles") == _scalar(con, INDEXED_BODIES):
        return article_texts(con, []), article_quotes(con, [])
    ids = [
        row[0]
        for row in con.execute(
            "select article_id from articles anti join (select article_id from search_docs where kind = 'article') "
            "using (article_id)"
        ).fetchall()
    ]
    return article_texts(con, ids), article_quotes(con, ids)


INDEXED_BODIES = "select count(*) from search_docs where kind = 'article' and field = 'body'"


def article_quotes(con: Connection, article_ids: Sequence[str]) -> pl.DataFrame:
    """The quotes of these articles, as the search index reads them."""
    return con.sql(
        "select quote_id, article_id, quote_text, speaker_surface from quotes "
        "where article_id in (select unnest(?::varchar[]))",
        params=[list(article_ids)],
    ).pl()


def entities_without_english_source(con: Connection) -> pl.DataFrame:
    """The entities loaded before English names were given (no name_en_source), to be named once."""
    return con.sql(
        "select entity_id, entity_type, name_ar, name_en, country_code from entities "
        "where name_en_source is null order by entity_id"
    ).pl()


def set_english_names(con: Connection, named: pl.DataFrame) -> None:
    """Write name_en and name_en_source of these entities (entity_id, name_en, name_en_source), in one transaction."""
    if named.is_empty():
        return
    con.execute("begin transaction")
    try:
        con.register("named_entities", named.select("entity_id", "name_en", "name_en_source").to_arrow())
        con.execute(
            """update entities set name_en = named_entities.name_en, name_en_source = named_entities.name_en_source
               from named_entities where entities.entity_id = named_entities.entity_id"""
        )
        con.unregister("named_entities")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


@dataclass(frozen=True, slots=True)
class Retraction:
    """Facts a batch replaces: everything derived from ``articles``, and the stored reports (and their events) under
    ``link_keys``, which the batch re-links and writes back."""

    articles: tuple[str, ...] = ()
    link_keys: tuple[str, ...] = ()


# What a retraction deletes, in this order (the events first: they are found through their reports). Reports are
# found by link key alone in one pair of statements, so that DuckDB reads them through the index on link_key
# (migration 007); the articles' facts in another, run only when the batch replaces articles (reprocess).
RETRACT_KEYS_SQL = (
    "delete from events where event_id in "
    "(select event_id from event_mentions where link_key in (select link_key from retract_keys))",
    "delete from event_mentions where link_key in (select link_key from retract_keys)",
)
RETRACT_ARTICLES_SQL = (
    "delete from events where event_id in "
    "(select event_id from event_mentions where article_id in (select article_id from retract_articles))",
    "delete from event_mentions where article_id in (select article_id from retract_articles)",
    # entities.num_articles loses the articles whose mentions go (the load adds back those the new facts name)
    """update entities set num_articles = entities.num_articles - gone.n
       from (select entity_id, count(distinct article_id)::integer as n from mentions
             where article_id in (select article_id from retract_articles) group by entity_id) as gone
       where entities.entity_id = gone.entity_id""",
    "delete from mentions where article_id in (select article_id from retract_articles)",
    "delete from quotes where article_id in (select article_id from retract_articles)",
)


def retract_facts(con: Connection, retract: Retraction) -> None:
    """Delete the retracted facts (inside the caller's transaction)."""
    for name, column, values, statements in (
        ("retract_keys", "link_key", retract.link_keys, RETRACT_KEYS_SQL),
        ("retract_articles", "article_id", retract.articles, RETRACT_ARTICLES_SQL),
    ):
        if not values:
            continue
        con.register(name, pl.DataFrame({column: list(values)}, schema={column: pl.String}).to_arrow())
        try:
            for statement in statements:
                con.execute(statement)
        finally:
            con.unregister(name)


def load_batch(con: Connection, frames: dict[str, pl.DataFrame], retract: Retraction | None = None) -> None:
    """Every table of one batch in one transaction: all of it lands, or none of it does.

    ``retract``: the facts the batch replaces (a reprocessed article's, the reports of re-linked events), deleted in
    the same transaction, so a reader or a crash sees either the old facts or the new ones.
    """
    from flows.store import derived  # it imports this module

    con.execute("begin transaction")
    try:
        if retract is None:
            derived.before_load(con, frames)
        else:
            derived.before_load(con, frames, retract.articles, retract.link_keys)
        if retract is not None:
            retract_facts(con, retract)
        inserted = None
        stored_before = _stored_articles(con, frames.get("search_docs"))
        for table in LOAD_ORDER:
            data = frames.get(table)
            if data is None or data.is_empty():
                continue
            con.register("batch_frame", data.to_arrow())
            if table == "files":
                con.execute(SUPERSEDED_QUARANTINE_SQL)
            if table == "search_docs" and stored_before:
                for statement in FORGET_INDEXED_SQL:
                    con.execute(statement)
            if table == "mentions":
                inserted = pl.DataFrame(
                    con.execute(INSERT_MENTIONS_SQL).fetchall(), schema=INSERTED_MENTIONS, orient="row"
                )
                _count_new_mentions(con, inserted)
            else:
                con.execute(_insert_sql(table))
            con.unregister("batch_frame")
        derived.after_load(con, inserted)
        con.execute("commit")
    except BaseException:
        _rollback(con)
        raise


def _stored_articles(con: Connection, search_docs: pl.DataFrame | None) -> int:
    """How many of the articles the batch indexes were stored before it (read before the batch writes its articles):
    only those can have index rows to forget. A bound list on the primary key alone: an index lookup, not a scan."""
    if search_docs is None or search_docs.is_empty():
        return 0
    ids = search_docs["article_id"].unique().to_list()
    sql = "select count(*) from articles where article_id in (select unnest(?::varchar[]))"
    return con.execute(sql, [ids]).fetchall()[0][0]


def _rollback(con: Connection) -> None:
    """Roll the batch back, unless the failure already ended its transaction (a commit that could not be written,
    on a full disk): the error to report is the one that stopped the batch, not the rollback's."""
    try:
        con.execute("rollback")
    except duckdb.TransactionException:
        pass


# entities.num_articles, kept by each load rather than counted again: the mentions a load inserts add their
# articles to their entities' counts, and a retraction subtracts the articles whose mentions it deletes
# (RETRACT_ARTICLES_SQL). An article's mentions are written all at once (its first load, or a reprocess after its
# old ones were retracted), so an inserted (entity, article) pair is always new. Counting again over all mentions
# took 3 s per batch at 1M articles when a batch named entities as common as the users' Russia (measured).
COUNT_NEW_MENTIONS_SQL = """
    update entities set num_articles = coalesce(entities.num_articles, 0) + added.n
    from (select entity_id, count(distinct article_id)::integer as n from inserted_mentions group by entity_id) as added
    where entities.entity_id = added.entity_id
"""


# the mentions actually inserted (a mention already stored is ignored), for the count below
# (and for the sentence pairs of flows/store/derived.py)
INSERT_MENTIONS_SQL = (
    "insert or ignore into mentions by name select * from batch_frame "
    "returning entity_id, article_id, sentence_index, is_adjectival"
)


INSERTED_MENTIONS = {
    "entity_id": pl.String,
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "is_adjectival": pl.Boolean,
}


def _count_new_mentions(con: Connection, inserted: pl.DataFrame) -> None:
    """Add the articles of the mentions just inserted (entity_id, article_id) to their entities' num_articles."""
    con.register("inserted_mentions", inserted.select("entity_id", "article_id").to_arrow())
    try:
        con.execute(COUNT_NEW_MENTIONS_SQL)
    finally:
        con.unregister("inserted_mentions")


# A path read again under other content (a transient failure had no content hash; a file replaced) keeps only its
# newest outcome when the older one was a quarantine: `akhbar status` must not list a file that has since loaded.
SUPERSEDED_QUARANTINE_SQL = """
    delete from files
    where status = 'quarantined'
      and file_path in (select file_path from batch_frame)
      and (file_path, file_sha256) not in (select file_path, file_sha256 from batch_frame)
"""


# An article indexed again (reprocessed, or indexed late) first loses its old index rows, and the document counts of
# their terms, so that the index stays what one indexing of each article gives. A batch of new articles has none:
# for it these three statements only scanned the index (0.52 s of a one-file load at 1M articles under load,
# measured), so they run only when some article the batch indexes was stored before it (_stored_articles).
FORGET_INDEXED_SQL = (
    """
    update search_vocab set df = search_vocab.df - gone.df
    from (
        select kind, term, count(distinct doc_id) as df
        from search_terms
        where (kind, doc_id) in (
            select kind, doc_id from search_docs where article_id in (select article_id from batch_frame)
        )
        group by kind, term
    ) as gone
    where search_vocab.kind = gone.kind and search_vocab.term = gone.term
    """,
    """
    delete from search_terms
    where (kind, doc_id) in (
        select kind, doc_id from search_docs where article_id in (select article_id from batch_frame)
    )
    """,
    "delete from search_docs where article_id in (select article_id from batch_frame)",
)


def _insert_sql(table: str) -> str:
    if table == "entities":
        # a known entity takes the batch's row but keeps its count, which loads and retractions keep (a new one
        # starts at none: its mentions, inserted next, count its articles)
        kept = ("entity_id", "num_articles")
        updates = ", ".join(f"{column} = excluded.{column}" for column in SCHEMAS["entities"] if column not in kept)
        return (
            "insert into entities by name select * replace (0 as num_articles) from batch_frame "
            f"on conflict (entity_id) do update set {updates}"
        )
    if table in UPSERTED:
        return f"insert or replace into {table} by name select * from batch_frame"
    if table in ("search_docs", "search_terms"):
        return f"insert into {table} by name select * from batch_frame"  # FORGET_INDEXED_SQL made room
    if table == "search_vocab":
        return (
            "insert into search_vocab by name select * from batch_frame "
            "on conflict (kind, term) do update set df = search_vocab.df + excluded.df"
        )
    if table == "files":
        # A file seen again with the same content (touched, copied back) keeps its row and notes the new size and
        # mtime; one that was quarantined and is read again takes the new outcome.
        retried = "case when files.status = 'quarantined' then excluded.{0} else files.{0} end"
        updates = ", ".join(
            f"{column} = {retried.format(column)}"
            for column in ("article_id", "error", "run_id", "seen_at", "encoding", "warning", "status")  # status last
        )
        return (
            "insert into files by name select * from batch_frame on conflict (file_path, file_sha256) do update set "
            f"size_bytes = excluded.size_bytes, mtime_ns = excluded.mtime_ns, {updates}"
        )
    return f"insert or ignore into {table} by name select * from batch_frame"


def start_run(con: Connection, run_id: str, started_at: dt.datetime) -> None:
    """Record a run as running. Called under the warehouse lock, so any other 'running' run died (kill -9, power)."""
    con.execute("update runs set status = 'failed', finished_at = ? where status = 'running'", [_now()])
    con.execute(
        "insert or replace into runs (run_id, started_at, status) values (?, ?, 'running')", [run_id, started_at]
    )


def finish_run(con: Connection, run_id: str, status: str, counts: dict[str, int], seconds: float) -> None:
    con.execute(
        """update runs set finished_at = ?, status = ?, files_seen = ?, files_new = ?, files_loaded = ?,
           files_duplicate = ?, files_quarantined = ?, seconds = ? where run_id = ?""",
        [
            _now(),
            status,
            counts.get("seen", 0),
            counts.get("new", 0),
            counts.get("loaded", 0),
            counts.get("duplicate", 0),
            counts.get("quarantined", 0),
            seconds,
            run_id,
        ],
    )


def data_fingerprint(con: Connection) -> str:
    """What a reader of the warehouse can see, summed up: row counts, the last run that wrote anything, the
    applied migrations and the view definitions. Equal fingerprints mean the snapshot need not be copied again.

    The runs table itself is left out (every run adds a row); a run that wrote files, failed or died counts as
    a change, so a batch committed by a run that never published is published by the next one.
    """
    parts = [
        f"{table}={_scalar(con, f'select count(*) from {sql_identifier(table)}')}"
        for table in TABLES
        if table != "runs"
    ]
    # the count too: two runs that finish within the same second share their finished_at
    last_change = con.execute(
        """select max(coalesce(finished_at, started_at)), count(*) from runs
           where status <> 'completed' or files_loaded + files_duplicate + files_quarantined > 0"""
    ).fetchall()[0]
    migrations = _scalar(con, "select string_agg(version::varchar, ',' order by version) from schema_migrations")
    parts += [f"last_change={last_change}", f"migrations={migrations}"]
    # A reprocess keeps the row counts and records no ingest run: its last write is in article_facts.
    parts.append(f"facts={_scalar(con, 'select max(processed_at) from article_facts')}")
    views = _scalar(con, "select string_agg(sql, ';' order by view_name) from duckdb_views() where not internal")
    parts.append(f"views={views}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def query(con: Connection, sql: str, params: Sequence[object] = ()) -> tuple[list[str], list[tuple]]:
    """Column names and rows of one statement; DuckDB errors become AkhbarError with DuckDB's first line."""
    try:
        result = con.execute(sql, list(params))
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall() if columns else []
    except duckdb.Error as error:
        if is_damage(error):
            raise  # the file, not the statement: ``opened`` reports it with the recovery hint
        raise AkhbarError(f"SQL error: {str(error).splitlines()[0]}") from error


def statement_types(con: Connection, sql: str) -> list[str]:
    """The DuckDB statement type of each statement of ``sql`` (SELECT, UPDATE, TRANSACTION ...), without running it."""
    try:
        return [statement.type.name for statement in con.extract_statements(sql)]
    except duckdb.Error as error:
        raise AkhbarError(f"SQL error: {str(error).splitlines()[0]}") from error


def table_counts(con: Connection) -> dict[str, int]:
    """Rows per table; a table a read-only, not yet migrated warehouse lacks is left out."""
    present = {row[0] for row in con.execute("select table_name from duckdb_tables()").fetchall()}
    return {table: _scalar(con, f"select count(*) from {table}") for table in TABLES if table in present}


def _scalar(con: Connection, sql: str) -> Any:
    """The one value of a one-row, one-column statement (an aggregate: it always has its row)."""
    return con.execute(sql).fetchall()[0][0]  # fetchall: DuckDB 2 leaves a fetchone() result open on the connection


@contextmanager
def opened(
    path: Path, *, read_only: bool = False, sandboxed: bool = False, readable: Path | None = None
) -> Iterator[Connection]:
    """A connection for the ``with`` body; a DuckDB failure inside it (full disk, damaged blocks) becomes AkhbarError."""
    con = connect(path, read_only=read_only, sandboxed=sandboxed, readable=readable)
    try:
        yield con
    except duckdb.Error as error:
        raise AkhbarError(describe_failure(error, path)) from error
    finally:
        con.close()


def is_damage(error: Exception) -> bool:
    """The warehouse file itself is unreadable (whatever DuckDB's exception class), not the statement at fault."""
    return any(sign in str(error) for sign in NOT_A_WAREHOUSE)


def describe_failure(error: Exception, path: Path | None = None) -> str:
    """One line saying what went wrong with the warehouse and what to do about it."""
    first = str(error).splitlines()[0] if str(error) else type(error).__name__
    where = f"warehouse {path}" if path else "the warehouse"
    if "No space left on device" in first:
        return f"{where}: the disk is full ({first}); what was being written was rolled back. Free space and run again."
    if is_damage(error) or isinstance(error, (duckdb.IOException, duckdb.InternalException)):
        hint = (
            recovery_hint(path)
            if path
            else "The inbox is the source of truth: move the warehouse file aside and run `akhbar ingest` to rebuild it."
        )
        return f"{where} could not be read or written ({first}). {hint}"
    return f"{where}: {first}"


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def create_views_database(target: Path, storage_version: str, statements: Sequence[str]) -> None:
    """A new database file ``target`` in ``storage_version`` holding what ``statements`` create (the snapshot's views).

    ATTACH takes no bound parameters, so the path goes in as an escaped SQL string literal.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"attach {sql_literal(str(target))} as snapshot (storage_version {sql_literal(storage_version)})")
        con.execute("use snapshot")
        for statement in statements:
            con.execute(statement)
        con.execute("use memory")
        con.execute("detach snapshot")
    except duckdb.Error as error:
        raise AkhbarError(f"snapshot {target.name} not written: {describe_failure(error)}") from error
    finally:
        con.close()


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def sql_identifier(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'
