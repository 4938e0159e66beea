"""The per-file chain as plain functions: read the article (flows/read), then analyse it (flows/nlp).

``process_file`` runs in worker processes; it returns a picklable ``FileOutcome`` and never raises for bad input:
whatever goes wrong with one file becomes its quarantine reason. No Prefect, no DuckDB here.
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from flows.errors import Quarantine
from flows.nlp.text import split_sentences
from flows.nlp.types import Analysis, Document
from flows.outcome import ArticleFacts, FileOutcome
from flows.read import ArticleRecord, InboxFile, article_from_bytes, read_inbox_bytes, read_sidecar, sha256_hex
from flows.read.article import resolve_published_at
from flows.read.textclean import clean_text
from flows.settings import Settings
from flows.timing import StageTimer

# The NLP stages grow faster than the text: 0.3 s for 40,000 characters, 1.8 s for 119,000, 15.6 s for 238,000
# (generated articles, one core, 19:45 UTC; issue 7 report has the command); the longest real article met is ~8,000
# characters. Beyond this many, only the first part is analysed (the article still loads whole), so that no file
# holds a run for minutes.
MAX_ANALYSED_CHARS = 100_000
# Wall seconds one file may take, all stages together: normal files take well under a second; this only stops a
# pathological page (a regex or parser blow-up) from holding a run, and is generous for a busy 2-core machine.
MAX_FILE_SECONDS = 60.0


def process_file(item: InboxFile, settings: Settings) -> FileOutcome:
    """Everything one file needs before loading; bad input becomes ``error``, never an exception."""
    outcome = FileOutcome(item.rel_path, item.size, item.mtime_ns)
    timer = StageTimer(outcome.stage_seconds)
    try:
        with _time_limit(MAX_FILE_SECONDS):
            with timer("read"):
                raw = read_inbox_bytes(item, settings)
                outcome.sha256 = sha256_hex(raw)
                sidecar, outcome.warning = read_sidecar(item.path)
            outcome.article = article_from_bytes(raw, item.path.suffix.lower(), sidecar, timer)
            document, cut_note = _analysed_part(outcome.article)
            notes = (outcome.warning, outcome.article.warning, cut_note)
            outcome.warning = "; ".join(w for w in notes if w) or None
            with timer("nlp"):
                outcome.analysis = analyse(document, timer)
    except Quarantine as bad:
        outcome.error, outcome.retryable = bad.reason, bad.retryable
    except _FileTimeout:
        outcome.article, outcome.analysis = None, None
        outcome.error = f"took longer than {MAX_FILE_SECONDS:g} s to process: not loaded (the page is pathological)"
    except (RecursionError, MemoryError) as error:
        outcome.error = f"too complex to process: {type(error).__name__}"
    except Exception as error:  # noqa: BLE001 - one file's surprise must not stop the run; it is recorded
        outcome.error = f"internal error while processing: {type(error).__name__}: {error}"
        outcome.retryable = True
    return outcome


class _FileTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a stage can swallow it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of wall time (SIGALRM: main thread only, as in workers and the plain run)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _FileTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay > 0:  # someone else's timer was running: give it back what is left of it
            left = max(outer_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the warehouse keeps it: all the language stages read (``akhbar reprocess``)."""

    article_id: str
    body_text: str
    title: str | None
    published_at: dt.datetime | None


def reanalyse(article: StoredArticle) -> ArticleFacts:
    """The language stages again on an article's stored text, exactly as ingest ran them; a failure becomes the
    article's ``error`` (it then has no facts), never an exception. Runs in worker processes."""
    try:
        with _time_limit(MAX_FILE_SECONDS):
            document, _ = _analysed_part(article)
            return ArticleFacts(article.article_id, analyse(document))
    except _FileTimeout:
        error = f"took longer than {MAX_FILE_SECONDS:g} s to analyse: no facts (the text is pathological)"
    except (RecursionError, MemoryError) as failure:
        error = f"too complex to analyse: {type(failure).__name__}"
    except Exception as failure:  # noqa: BLE001 - one article's surprise must not stop the run; it is recorded
        error = f"internal error while analysing: {type(failure).__name__}: {failure}"
    return ArticleFacts(article.article_id, None, error)


def _analysed_part(article: ArticleRecord | StoredArticle) -> tuple[Document, str | None]:
    """The article as the NLP stages see it: all of it, or its first MAX_ANALYSED_CHARS cut at a line end.

    Offsets into the prefix are offsets into the whole body, so every row stays true; the cut is noted.
    """
    document = document_for(article)
    if len(article.body_text) <= MAX_ANALYSED_CHARS:
        return document, None
    cut = article.body_text.rfind("\n", 0, MAX_ANALYSED_CHARS)
    cut = cut if cut > 0 else MAX_ANALYSED_CHARS
    body = article.body_text[:cut]
    note = f"entities, quotes and events read from the first {cut:,} of {len(article.body_text):,} characters only"
    shortened = Document(
        article_id=article.article_id,
        body_text=body,
        title=article.title,
        published_at=article.published_at,
        sentences=split_sentences(body),
    )
    return shortened, note


def document_for(article: ArticleRecord | StoredArticle) -> Document:
    return Document(
        article_id=article.article_id,
        body_text=article.body_text,
        title=article.title,
        published_at=article.published_at,
        sentences=split_sentences(article.body_text),
    )


def document_from_text(raw_text: str, article_id: str = "sample") -> Document:
    """A Document from a .txt copy-paste, as ingest would build it (for tests and evaluation)."""
    cleaned = clean_text(raw_text)
    published_at, _ = resolve_published_at(None, (None, None), cleaned.body_text, cleaned.date_hints)
    return Document(
        article_id=article_id,
        body_text=cleaned.body_text,
        title=cleaned.title,
        published_at=published_at,
        sentences=split_sentences(cleaned.body_text),
    )


def analyse(doc: Document, timer: StageTimer | None = None) -> Analysis:
    """Entities, then quotes and events, which build on the entities' mentions."""
    from flows.nlp.entities.coref import role_mentions
    from flows.nlp.entities.extract import extract_entities
    from flows.nlp.events.detect import detect_events
    from flows.nlp.quotes.extract import extract_quotes

    timer = timer or StageTimer({})
    with timer("entities"):
        entities, mentions = extract_entities(doc)
        roles = role_mentions(doc, mentions, entities)
    with timer("quotes"):
        quotes = extract_quotes(doc, mentions, entities)
    with timer("events"):
        event_mentions = detect_events(doc, mentions, entities, quotes)
    return Analysis(entities=entities, mentions=mentions + roles, quotes=quotes, event_mentions=event_mentions)
