"""`akhbar reprocess` as plain steps: the language stages again on stored articles whose facts are stale.

select stale articles (batch by batch) -> reanalyse (entities, quotes, events; in the process pool) -> frames ->
link events (re-linking every event the batch touches) -> load (one transaction per batch, replacing the old facts)
-> drop entities no article finds any more -> publish the snapshot once.

It reads ``articles.body_text`` and never touches inbox files, ``files`` or ``articles``. Each batch commits its
facts with their version, so after a crash (kill -9) the next run finds the rest still stale and finishes the job;
``--all`` first marks every article's facts stale in one statement, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Callable

import polars as pl

from flows.nlp import version as extractors
from flows.outcome import ArticleFacts
from flows.pipeline import StoredArticle, reanalyse
from flows.runner import link_batch, make_pool, name_entities_in_english, name_new_entities
from flows.search import index_frames
from flows.settings import Settings
from flows.store import facts, warehouse
from flows.store.frames import facts_frames
from flows.store.lock import warehouse_lock
from flows.store.publish import publish_snapshot

Progress = Callable[[int, int], None]  # (articles done, articles to do)
_progress_hook: list[Progress] = []  # set by the CLI; the flow and the plain run both report through it


def set_progress(callback: Progress | None) -> None:
    _progress_hook[:] = [callback] if callback else []


def report_progress(done: int, total: int) -> None:
    for callback in _progress_hook:
        callback(done, total)


@dataclass(slots=True)
class ReprocessSummary:
    run_id: str
    version: str
    stale: int = 0  # articles whose facts were stale when the run began (all of them with --all)
    reprocessed: int = 0
    failed: int = 0  # the language stages failed on the article: it has no facts (see article_facts.error)
    events_before: int = 0
    events_after: int = 0
    entities_dropped: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str]]:
        """The summary as (label, value) rows, for the CLI table and the Prefect artifact."""
        rate = self.reprocessed / self.seconds if self.seconds else 0.0
        return [
            ("extractor version", self.version),
            ("stale articles", str(self.stale)),
            ("reprocessed", str(self.reprocessed)),
            ("failed", str(self.failed)),
            ("events before", str(self.events_before)),
            ("events after", str(self.events_after)),
            ("entities dropped", str(self.entities_dropped)),
            ("seconds", f"{self.seconds:.2f}"),
            ("articles per second", f"{rate:.1f}"),
        ]


def stored_articles(batch: pl.DataFrame) -> list[StoredArticle]:
    return [StoredArticle(**row) for row in batch.iter_rows(named=True)]


def analyse_batch(articles: list[StoredArticle], settings: Settings, pool: Executor | None) -> list[ArticleFacts]:
    """The language stages on every article of a batch (in the pool when there is one)."""
    if pool is None:
        return [reanalyse(article) for article in articles]
    chunk = max(1, len(articles) // (settings.worker_count * 4))
    return list(pool.map(reanalyse, articles, chunksize=chunk))


def load_facts(con: warehouse.Connection, analysed: list[ArticleFacts], summary: ReprocessSummary) -> None:
    """Replace the batch's articles' facts with the new ones, events re-linked, in one transaction."""
    processed_at = dt.datetime.now().replace(microsecond=0)
    frames, new_event_mentions = facts_frames(analysed, summary.version, summary.run_id, processed_at)
    # The one place reprocess builds derived frames: the search index is rebuilt for these articles (their quotes
    # changed), in the same transaction as the facts.
    replaced = [item.article_id for item in analysed]
    frames.update(index_frames(warehouse.article_texts(con, replaced), frames["quotes"]))
    retract = link_batch(con, frames, new_event_mentions, summary.version, replaced=replaced)
    frames["entities"] = name_new_entities(con, frames["entities"], summary.version)
    warehouse.load_batch(con, frames, retract)
    summary.reprocessed += len(analysed)
    for item in analysed:
        if item.error is not None:
            summary.failed += 1
            summary.failures.append((item.article_id, item.error))


@dataclass(frozen=True, slots=True)
class ReprocessSteps:
    """The steps one reprocess chains; the Prefect flow (flows/reprocess_flow.py) passes them wrapped as tasks."""

    analyse: Callable[[list[StoredArticle], Settings, Executor | None], list[ArticleFacts]] = analyse_batch
    load: Callable[[warehouse.Connection, list[ArticleFacts], ReprocessSummary], None] = load_facts
    publish: Callable[..., object] = publish_snapshot


def run_reprocess(
    settings: Settings,
    *,
    everything: bool = False,
    since: dt.datetime | None = None,
    run_id: str | None = None,
    lock_wait: float = 0.0,
    steps: ReprocessSteps = ReprocessSteps(),
) -> ReprocessSummary:
    """Bring stale facts (or, with ``everything``, all facts; with ``since``, those of articles published or
    ingested since then) up to the installed extractors, under the writer lock; publish once at the end."""
    started = time.perf_counter()
    summary = ReprocessSummary(run_id=run_id or uuid.uuid4().hex[:12], version=extractors.extractor_version())
    with warehouse_lock(settings.warehouse, wait_seconds=lock_wait), warehouse.opened(settings.warehouse) as con:
        name_entities_in_english(con)  # entities an older release stored unnamed (migration 3), as ingest does
        if everything:
            facts.invalidate_facts(con, since)
        summary.stale = facts.stale_count(con, summary.version, since)
        summary.events_before = warehouse.table_counts(con)["events"]
        pool = make_pool(settings, summary.stale)
        try:
            for batch in facts.stale_batches(con, summary.version, settings.batch_size, since):
                steps.load(con, steps.analyse(stored_articles(batch), settings, pool), summary)
                report_progress(summary.reprocessed, summary.stale)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        summary.entities_dropped = facts.drop_unreferenced_entities(con, summary.version)
        summary.events_after = warehouse.table_counts(con)["events"]
    if settings.publish and (summary.reprocessed or summary.entities_dropped):
        # Facts replaced in place: the snapshot's delta parts cannot carry that, so the publish writes tables whole.
        steps.publish(settings.warehouse, full=True)
    summary.seconds = time.perf_counter() - started
    return summary
