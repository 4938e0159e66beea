"""The ingest steps as plain functions, and a plain runner that chains them (the Prefect flow chains the same steps).

discover -> process (read, decode, extract, entities, quotes, events; in a process pool) -> frames -> link events
-> search index -> load (one transaction per batch) -> [HTML report] -> publish snapshot -> summary.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Sequence

import polars as pl

from flows.nlp import version as extractors
from flows.nlp.entities import add_english_names
from flows.nlp.events.linking import article_reports, link_keys, link_reports
from flows.outcome import FileOutcome
from flows.pipeline import process_file
from flows.read import InboxFile, scan_inbox
from flows.search import index_frames
from flows.settings import Settings
from flows.store import facts, warehouse
from flows.store.frames import SCHEMAS, outcomes_to_frames
from flows.store.lock import warehouse_lock
from flows.store.publish import mark_stale, publish_snapshot
from flows.store.warehouse import Retraction

# Below this many files a run processes them in its own process: starting workers costs more than it saves.
MIN_FILES_FOR_POOL = 8
# What the pool's forkserver imports before it forks workers: the main module (multiprocessing's default) and the
# warm-up that loads the language stages once for all workers (flows/warm.py).
FORKSERVER_PRELOAD = ["__main__", "flows.warm"]
Progress = Callable[[int, int], None]  # (files done, files to do)
_progress_hook: list[Progress] = []  # set by the CLI; the flow and the plain runner both report through it


@dataclass(slots=True)
class RunSummary:
    run_id: str
    started_at: dt.datetime
    seen: int = 0
    new: int = 0
    loaded: int = 0
    duplicate: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    status: str = "running"
    stale_articles: int = 0  # articles whose facts come from an older extractor version (`akhbar reprocess`)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    quarantined_files: list[tuple[str, str]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("seen", "new", "loaded", "duplicate", "quarantined")}

    def rows(self) -> list[tuple[str, str]]:
        """The summary as (label, value) rows, for the CLI table and the Prefect artifact."""
        rows = [(k.replace("_", " "), str(v)) for k, v in self.counts.items()]
        rows.append(("seconds", f"{self.seconds:.2f}"))
        return rows


def new_run(settings: Settings, run_id: str | None = None) -> RunSummary:
    return RunSummary(run_id=run_id or uuid.uuid4().hex[:12], started_at=dt.datetime.now().replace(microsecond=0))


def discover(settings: Settings, con: warehouse.Connection, summary: RunSummary) -> list[InboxFile]:
    """The inbox files this run must handle."""
    started = time.perf_counter()
    found = scan_inbox(settings.inbox)
    unseen = warehouse.unseen_files(con, _scanned(found))
    todo = [f for f in found if f.rel_path in unseen]
    summary.seen, summary.new = len(found), len(todo)
    _add(summary.stage_seconds, "discover", time.perf_counter() - started)
    return todo


def count_new_files(settings: Settings) -> tuple[int, int] | None:
    """(files in the inbox, files a run would handle), read without taking the writer lock; None when the warehouse
    cannot say (absent, busy, from an older release) or a run has other work (entities to name in English): only a
    real run can tell or do it then."""
    if not settings.warehouse.exists():
        return None
    found = scan_inbox(settings.inbox)
    try:
        with warehouse.opened(settings.warehouse, read_only=True) as con:
            if not warehouse.entities_without_english_source(con).is_empty():
                return None
            return len(found), len(warehouse.unseen_files(con, _scanned(found)))
    except Exception:  # noqa: BLE001 - any doubt means: run the flow, which reports real problems properly
        return None


def _scanned(found: list[InboxFile]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "file_path": [f.rel_path for f in found],
            "size_bytes": [f.size for f in found],
            "mtime_ns": [f.mtime_ns for f in found],
        },
        schema={"file_path": pl.String, "size_bytes": pl.Int64, "mtime_ns": pl.Int64},
    )


def batches(items: Sequence[InboxFile], size: int) -> Iterator[list[InboxFile]]:
    for start in range(0, len(items), max(1, size)):
        yield list(items[start : start + size])


def make_pool(settings: Settings, files: int) -> Executor | None:
    """A process pool sized to the cores, or None when the run is too small to pay for one.

    forkserver, not fork: the parent may hold threads (Prefect's API client) that a fork would copy mid-lock. The
    forkserver imports flows.warm before its first fork, so the workers start with the language stages loaded
    (taken when the forkserver starts: the first pool of a process).
    """
    workers = settings.worker_count
    if workers < 2 or files < MIN_FILES_FOR_POOL:
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def process_batch(items: list[InboxFile], settings: Settings, pool: Executor | None) -> list[FileOutcome]:
    """Read, decode, extract and analyse every file of a batch (in the pool when there is one)."""
    if pool is None:
        return [process_file(item, settings) for item in items]
    return list(submit_batch(items, settings, pool))


def submit_batch(items: list[InboxFile], settings: Settings, pool: Executor) -> Iterator[FileOutcome]:
    """The batch handed to the pool now; its outcomes, in order, as the returned iterator is read."""
    chunk = max(1, len(items) // (settings.worker_count * 4))
    return pool.map(partial(process_file, settings=settings), items, chunksize=chunk)


def load_outcomes(con: warehouse.Connection, outcomes: list[FileOutcome], summary: RunSummary) -> None:
    """Frames for the batch, events linked to those already known, all tables in one transaction."""
    started = time.perf_counter()
    seen_at = dt.datetime.now().replace(microsecond=0)
    ids = [o.article.article_id for o in outcomes if o.article is not None]
    version = extractors.extractor_version()
    frames, new_event_mentions = outcomes_to_frames(
        outcomes, summary.run_id, seen_at, warehouse.existing_article_ids(con, ids), version
    )
    retract = link_batch(con, frames, new_event_mentions, version)
    naming = time.perf_counter()
    frames["entities"] = name_new_entities(con, frames["entities"], version)
    _add(summary.stage_seconds, "english_names", time.perf_counter() - naming)
    indexing = time.perf_counter()
    frames.update(search_index(con, frames))
    _add(summary.stage_seconds, "search_index", time.perf_counter() - indexing)
    warehouse.load_batch(con, frames, retract)
    _count(summary, frames["files"])
    for outcome in outcomes:
        for stage, seconds in outcome.stage_seconds.items():
            _add(summary.stage_seconds, stage, seconds)
    _add(summary.stage_seconds, "load", time.perf_counter() - started)


def search_index(con: warehouse.Connection, frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The search index rows for the batch's new articles, and for any article loaded before the index existed."""
    late_articles, late_quotes = warehouse.unindexed(con)
    articles = pl.concat([frames["articles"].select(late_articles.columns), late_articles])
    quotes = pl.concat([frames["quotes"].select(late_quotes.columns), late_quotes])
    return index_frames(articles, quotes)


def link_batch(
    con: warehouse.Connection,
    frames: dict[str, pl.DataFrame],
    new_event_mentions: pl.DataFrame,
    version: str,
    replaced: Sequence[str] = (),
) -> Retraction:
    """Link a batch's event reports with the stored reports they may join (only those sharing a link key: the
    candidates, not the table), put events and reports into ``frames``, and say what they replace.

    ``replaced``: articles whose stored facts the batch replaces (reprocess); their events are re-linked without them.
    """
    reports = article_reports(new_event_mentions, version)
    keys = sorted(set(link_keys(reports)) | set(facts.link_keys_of(con, replaced)))
    batch_articles = sorted(set(replaced) | set(reports["article_id"].to_list()))
    stored = facts.linked_reports(con, keys, excluding=batch_articles)
    frames["events"], frames["event_mentions"] = link_reports(reports, stored, version)
    return Retraction(articles=tuple(replaced), link_keys=tuple(keys))


def name_new_entities(con: warehouse.Connection, entities: pl.DataFrame, version: str) -> pl.DataFrame:
    """The batch's entities to upsert: new ones named in English (about 4 ms each, so only once), known ones as
    stored with their extractor version brought to ``version`` (an entity id names one entity, so its row stands)."""
    stored = facts.stored_entities(con, entities["entity_id"].to_list())
    new = entities.filter(~pl.col("entity_id").is_in(stored["entity_id"].implode()))
    known = stored.with_columns(pl.lit(version, dtype=pl.String).alias("extractor_version"))
    schema = pl.Schema(SCHEMAS["entities"])
    return pl.concat([add_english_names(new).select(schema.names()), known.select(schema.names()).cast(schema)])


def name_entities_in_english(con: warehouse.Connection) -> int:
    """Give an English name and its source to the entities an older run loaded without them (after migration 3:
    the first run names them all, later runs find none). Returns how many were named."""
    unnamed = warehouse.entities_without_english_source(con)
    if unnamed.is_empty():  # the usual case: loading the naming models costs 0.3-0.5 s a run for nothing (measured)
        return 0
    warehouse.set_english_names(con, add_english_names(unnamed))
    return unnamed.height


def _count(summary: RunSummary, files) -> None:  # files: pl.DataFrame
    for status in ("loaded", "duplicate", "quarantined"):
        setattr(summary, status, getattr(summary, status) + files.filter(files["status"] == status).height)
    for path, error in files.filter(files["status"] == "quarantined").select("file_path", "error").iter_rows():
        summary.quarantined_files.append((path, error))


def refresh_report(con: warehouse.Connection, settings: Settings, summary: RunSummary) -> Path | None:
    """Rewrite the HTML report (settings.report) from the finished run's connection, still under the lock."""
    if settings.report is None:
        return None
    from flows.report import write_report  # plotly is imported only by runs that write a report

    started = time.perf_counter()
    written = write_report(con, settings.report, warehouse_name=settings.warehouse.name)
    _add(summary.stage_seconds, "report", time.perf_counter() - started)
    return written


def finish(con: warehouse.Connection, summary: RunSummary, started: float, status: str = "completed") -> RunSummary:
    summary.seconds = time.perf_counter() - started
    summary.status = status
    warehouse.finish_run(con, summary.run_id, status, summary.counts, summary.seconds)
    return summary


def set_progress(callback: Progress | None) -> None:
    _progress_hook[:] = [callback] if callback else []


def report_progress(summary: RunSummary, total: int) -> None:
    done = summary.loaded + summary.duplicate + summary.quarantined
    for callback in _progress_hook:
        callback(done, total)


def record_failure(con: warehouse.Connection, summary: RunSummary, started: float) -> None:
    """Mark the run failed if the warehouse still takes writes (after a full disk it may not: the cause is raised)."""
    try:
        finish(con, summary, started, status="failed")
    except Exception:  # noqa: BLE001 - the original error is the one worth reporting
        pass


def process_locally(todo: list[InboxFile], settings: Settings, pool: Executor | None) -> Iterator[list[FileOutcome]]:
    """Each batch's outcomes in turn, processed in this process or the pool.

    With a pool, the next batch is handed to the workers before this one is given back, so that the workers read and
    analyse it while this process loads the one before (linking, English names, the index and the transaction run
    here). One batch ahead, no more: memory holds two batches' outcomes at most.
    """
    if pool is None:
        for batch in batches(todo, settings.batch_size):
            yield process_batch(batch, settings, None)
        return
    ahead: Iterator[FileOutcome] | None = None
    for batch in batches(todo, settings.batch_size):
        submitted = submit_batch(batch, settings, pool)
        if ahead is not None:
            yield list(ahead)
        ahead = submitted
    if ahead is not None:
        yield list(ahead)


@dataclass(frozen=True, slots=True)
class Steps:
    """The steps one run chains. The plain run uses these functions; the Prefect flow passes the same functions
    wrapped as tasks (flows/ingest.py), so that there is one run skeleton."""

    discover: Callable[[Settings, warehouse.Connection, RunSummary], list[InboxFile]] = discover
    process: Callable[[list[InboxFile], Settings, Executor | None], Iterator[list[FileOutcome]]] = process_locally
    load: Callable[[warehouse.Connection, list[FileOutcome], RunSummary], None] = load_outcomes
    publish: Callable[..., object] = publish_snapshot
    report: Callable[[warehouse.Connection, Settings, RunSummary], Path | None] = refresh_report
    local_pool: bool = True  # False when batches go to a cluster (the flow's Dask task runner) instead


def run_ingest(
    settings: Settings, run_id: str | None = None, lock_wait: float = 0.0, steps: Steps = Steps()
) -> RunSummary:
    """One ingest run: lock, discover, process and load batch by batch, finish, publish.

    ``lock_wait``: seconds to wait for another run that holds the warehouse, then WarehouseLocked.
    """
    started = time.perf_counter()
    summary = new_run(settings, run_id)
    with warehouse_lock(settings.warehouse, wait_seconds=lock_wait), warehouse.opened(settings.warehouse) as con:
        warehouse.start_run(con, summary.run_id, summary.started_at)
        if name_entities_in_english(con):
            mark_stale(settings.warehouse)  # entities renamed in place: no delta part would carry the new names
        todo = steps.discover(settings, con, summary)
        pool = make_pool(settings, len(todo)) if steps.local_pool else None
        try:
            for outcomes in steps.process(todo, settings, pool):
                steps.load(con, outcomes, summary)
                report_progress(summary, len(todo))
        except BaseException:
            record_failure(con, summary, started)
            raise
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        finish(con, summary, started)
        steps.report(con, settings, summary)
        summary.stale_articles = facts.stale_count(con, extractors.extractor_version())
    if settings.publish:
        steps.publish(settings.warehouse, only_if_changed=True)
    return summary


def _add(into: dict[str, float], key: str, seconds: float) -> None:
    into[key] = into.get(key, 0.0) + seconds
