"""Per-file work as plain functions: read -> decode -> extract/clean -> analyse. No Prefect, no DuckDB here.

``process_file`` runs in worker processes; it returns a picklable ``FileOutcome`` and never raises for bad input:
whatever goes wrong with one file becomes its quarantine reason.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import signal
import stat as stat_module
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from flows.decode import decode_bytes
from flows.discover import InboxFile, SUPPORTED_SUFFIXES, is_sidecar, sidecar_for
from flows.errors import Quarantine
from flows.nlp.arabic import split_sentences
from flows.nlp.types import Analysis, Document
from flows.settings import Settings
from flows.textclean import clean_extracted, clean_text

SIDECAR_FIELDS = ("url", "published_at", "site_name", "title", "author")
# A sidecar is a few hundred bytes; anything bigger is not one.
MAX_SIDECAR_BYTES = 64 * 1024
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MB = 1024 * 1024  # sizes in messages, in the unit the limit is set in (Settings: 20 * 1024 * 1024)
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Articles shorter than this many words are navigation pages, not news.
MIN_BODY_WORDS = 5
# An article states its own date near the top; scanning a 17 MB body for it took 17 s.
PUBLICATION_DATE_CHARS = 5000
# The NLP stages grow faster than the text: 0.3 s for 40,000 characters, 1.8 s for 119,000, 15.6 s for 238,000
# (generated articles, one core, 19:45 UTC; issue 7 report has the command); the longest real article met is ~8,000
# characters. Beyond this many, only the first part is analysed (the article still loads whole), so that no file
# holds a run for minutes.
MAX_ANALYSED_CHARS = 100_000
# Wall seconds one file may take, all stages together: normal files take well under a second; this only stops a
# pathological page (a regex or parser blow-up) from holding a run, and is generous for a busy 2-core machine.
MAX_FILE_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    article_id: str
    title: str | None
    body_text: str
    published_at: dt.datetime | None
    date_source: str | None
    url: str | None
    site_name: str | None
    author: str | None
    language: str
    credits: tuple[str, ...]
    encoding: str
    word_count: int


@dataclass(slots=True)
class FileOutcome:
    rel_path: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    article: ArticleRecord | None = None
    analysis: Analysis | None = None
    error: str | None = None
    warning: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_for(body_text: str) -> str:
    """Stable, content-derived: the same body from two files (or two machines) is the same article."""
    return sha256_hex(body_text.encode("utf-8"))[:16]


def process_file(item: InboxFile, settings: Settings) -> FileOutcome:
    """Everything one file needs before loading; bad input becomes ``error``, never an exception."""
    outcome = FileOutcome(item.rel_path, item.size, item.mtime_ns)
    timer = _StageTimer(outcome.stage_seconds)
    try:
        with _time_limit(MAX_FILE_SECONDS):
            with timer("read"):
                raw = read_inbox_bytes(item, settings)
                outcome.sha256 = sha256_hex(raw)
                sidecar, outcome.warning = read_sidecar(item.path)
            outcome.article = article_from_bytes(raw, item.path.suffix.lower(), sidecar, timer)
            document, cut_note = _analysed_part(outcome.article)
            outcome.warning = "; ".join(w for w in (outcome.warning, cut_note) if w) or None
            with timer("nlp"):
                outcome.analysis = analyse(document, timer)
    except Quarantine as bad:
        outcome.error = bad.reason
    except _FileTimeout:
        outcome.article, outcome.analysis = None, None
        outcome.error = f"took longer than {MAX_FILE_SECONDS:g} s to process: not loaded (the page is pathological)"
    except (RecursionError, MemoryError) as error:
        outcome.error = f"too complex to process: {type(error).__name__}"
    except Exception as error:  # noqa: BLE001 - one file's surprise must not stop the run; it is recorded
        outcome.error = f"internal error while processing: {type(error).__name__}: {error}"
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


def _analysed_part(article: ArticleRecord) -> tuple[Document, str | None]:
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
        article_id=article.article_id, body_text=body, title=article.title, published_at=article.published_at,
        sentences=split_sentences(body),
    )
    return shortened, note


def read_inbox_bytes(item: InboxFile, settings: Settings) -> bytes:
    """The file's bytes, read once, within the size limit, never through a link leaving the inbox."""
    if item.outside_link:
        raise Quarantine("symlink pointing outside the inbox: not read")
    if item.broken_link:
        raise Quarantine("broken symlink: its target does not exist")
    if is_sidecar(item.path.name):
        raise Quarantine("metadata sidecar with no article file next to it")
    suffix = item.path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise Quarantine(f"unsupported file type {suffix or '(no extension)'}: akhbar reads .html, .htm and .txt")
    if item.size > settings.max_file_bytes:
        raise Quarantine(f"file too large: {item.size / MB:.1f} MB > limit {settings.max_file_bytes / MB:.1f} MB")
    try:
        fd = os.open(_path_inside_inbox(item), os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat_module.S_ISREG(os.fstat(fd).st_mode):
                raise Quarantine("not a regular file (a pipe, device or folder took its name): not read")
            raw = handle.read(settings.max_file_bytes + 1)
            after = os.fstat(fd)
    except FileNotFoundError as error:
        raise Quarantine("file disappeared between discovery and reading") from error
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW: a link took the file's place after discovery
            raise Quarantine("file replaced by a symlink after discovery: not read") from error
        raise Quarantine(f"file could not be read: {error.strerror or error}") from error
    if len(raw) > settings.max_file_bytes:
        raise Quarantine(f"file too large: over the {settings.max_file_bytes / MB:.1f} MB limit")
    if len(raw) != item.size or (after.st_size, after.st_mtime_ns) != (item.size, item.mtime_ns):
        raise Quarantine("file changed while being read (still being written?): it will be read again next run")
    return raw


def _path_inside_inbox(item: InboxFile) -> Path:
    """The path to open: the file itself, or a link's target checked again now (it may have changed since discovery)."""
    if not item.path.is_symlink():
        return item.path
    root = item.path.parents[item.rel_path.count("/")]
    target = item.path.resolve()
    if not target.is_relative_to(root.resolve()):
        raise Quarantine("symlink pointing outside the inbox: not read")
    return target


def read_sidecar(path: Path) -> tuple[dict[str, str], str | None]:
    """The sidecar's known fields, and a warning when there is one that cannot be used."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}, None
    if sidecar.is_symlink():  # it could point anywhere: only the article's own link target is checked
        return {}, f"sidecar {sidecar.name} ignored: a symlink (sidecars are read only as plain files)"
    try:
        fd = os.open(sidecar, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_SIDECAR_BYTES + 1) if stat_module.S_ISREG(os.fstat(fd).st_mode) else b""
        if len(raw) > MAX_SIDECAR_BYTES:
            return {}, f"sidecar {sidecar.name} ignored: larger than {MAX_SIDECAR_BYTES // 1024} KB"
        data = json.loads(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        return {}, f"sidecar {sidecar.name} ignored: {type(error).__name__}"
    if not isinstance(data, dict):
        return {}, f"sidecar {sidecar.name} ignored: not a JSON object"
    fields = {k: str(data[k]).strip() for k in SIDECAR_FIELDS if isinstance(data.get(k), (str, int, float)) and str(data[k]).strip()}
    # JSON may spell lone surrogates ("\ud800"), which no text column can store: one would fail the whole load.
    fields = {k: LONE_SURROGATE.sub("\ufffd", v) for k, v in fields.items()}
    return fields, _sidecar_date_warning(sidecar.name, fields.get("published_at"))


def _sidecar_date_warning(name: str, value: str | None) -> str | None:
    """Say so when the sidecar's published_at is not a date: it is then ignored, and the page's own date used."""
    from flows.dates import parse_iso_or_arabic

    if value is None or parse_iso_or_arabic(value) is not None:
        return None
    return f"sidecar {name}: published_at {value[:40]!r} is not a full date; ignored"


def article_from_bytes(raw: bytes, suffix: str, sidecar: dict[str, str], timer: "_StageTimer | None" = None) -> ArticleRecord:
    timer = timer or _StageTimer({})
    is_html = suffix in (".html", ".htm")
    with timer("decode"):
        decoded = decode_bytes(raw, html=is_html)
    with timer("extract"):
        if is_html:
            from flows.extract import extract_html  # workers import trafilatura only when they meet HTML

            page = extract_html(decoded.text)
            cleaned = clean_extracted(page.text, page.title)
            meta = {"title": page.title, "url": page.url, "site_name": page.site_name, "author": page.author}
            html_date = page.date
        else:
            cleaned = clean_text(decoded.text)
            meta = {"title": cleaned.title, "url": None, "site_name": None, "author": None}
            html_date = None
    body = cleaned.body_text
    if len(body.split()) < MIN_BODY_WORDS:
        if not is_html and LATIN_LETTER.search(decoded.text) and not ARABIC_LETTER.search(decoded.text):
            raise Quarantine("no Arabic text: akhbar reads Arabic news articles")
        raise Quarantine("no extractable text: fewer than 5 words of article text")
    meta.update({k: v for k, v in sidecar.items() if k != "published_at"})
    published_at, date_source = resolve_published_at(sidecar.get("published_at"), html_date, body, cleaned.date_hints)
    return ArticleRecord(
        article_id=article_id_for(body),
        title=meta["title"],
        body_text=body,
        published_at=published_at,
        date_source=date_source,
        url=meta["url"],
        site_name=meta["site_name"],
        author=meta["author"],
        language=detect_language(body),
        credits=cleaned.credits,
        encoding=decoded.encoding,
        word_count=len(body.split()),
    )


def resolve_published_at(
    sidecar_value: str | None, html_value: str | None, body: str, hints: tuple[str, ...]
) -> tuple[dt.datetime | None, str | None]:
    """Sidecar, else the page's metadata, else the text itself, else None — never the file's mtime."""
    from flows.dates import parse_iso_or_arabic, publication_date

    for value, source in ((sidecar_value, "sidecar"), (html_value, "html")):
        if value:
            parsed = parse_iso_or_arabic(value)
            if parsed is not None:
                return parsed, source
    found = publication_date("\n".join((*hints, body[:PUBLICATION_DATE_CHARS])))
    if found is not None:
        return dt.datetime.combine(found, dt.time()), "text"
    return None, None


def detect_language(text: str) -> str:
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    if arabic == 0 and latin == 0:
        return "und"
    return "ar" if arabic >= latin else "en"


def document_for(article: ArticleRecord) -> Document:
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
    published_at, _ = resolve_published_at(None, None, cleaned.body_text, cleaned.date_hints)
    return Document(
        article_id=article_id,
        body_text=cleaned.body_text,
        title=cleaned.title,
        published_at=published_at,
        sentences=split_sentences(cleaned.body_text),
    )


def analyse(doc: Document, timer: "_StageTimer | None" = None) -> Analysis:
    """Entities, then quotes and events, which build on the entities' mentions."""
    from flows.nlp.entities import extract_entities
    from flows.nlp.events import detect_events
    from flows.nlp.quotes import extract_quotes

    timer = timer or _StageTimer({})
    with timer("entities"):
        entities, mentions = extract_entities(doc)
    with timer("quotes"):
        quotes = extract_quotes(doc, mentions, entities)
    with timer("events"):
        event_mentions = detect_events(doc, mentions, entities)
    return Analysis(entities=entities, mentions=mentions, quotes=quotes, event_mentions=event_mentions)


def article_from_file(path: Path, settings: Settings | None = None) -> ArticleRecord:
    """One inbox file -> its article (raises Quarantine on bad input). For tests and one-off use."""
    settings = settings or Settings()
    stat = path.stat()
    item = InboxFile(path.name, path, stat.st_size, stat.st_mtime_ns)
    raw = read_inbox_bytes(item, settings)
    sidecar, _ = read_sidecar(path)
    return article_from_bytes(raw, path.suffix.lower(), sidecar)


class _StageTimer:
    """Adds wall seconds per stage name into a dict (nested stages count in both)."""

    def __init__(self, into: dict[str, float]):
        self.into = into

    def __call__(self, stage: str) -> "_Stage":
        return _Stage(self.into, stage)


class _Stage:
    def __init__(self, into: dict[str, float], stage: str):
        self.into, self.stage = into, stage

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.into[self.stage] = self.into.get(self.stage, 0.0) + time.perf_counter() - self.started


def run_ingest_plain(settings: Settings) -> "RunSummary":  # noqa: F821
    """The whole ingest without Prefect (tests, benchmarks): see flows/runner.py."""
    from flows.runner import run_ingest

    return run_ingest(settings)
