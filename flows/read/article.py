"""One inbox file -> one article record: read the bytes safely, the sidecar, decode, extract or clean, date it.

Bad input raises ``Quarantine`` with the reason the files table records; nothing here analyses language.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import stat as stat_module
from dataclasses import dataclass
from pathlib import Path

from flows.dates import parse_iso_or_arabic, publication_date
from flows.errors import Quarantine
from flows.nlp.text import ARABIC_LETTER
from flows.pickling import pickled_as_arguments
from flows.read.decode import decode_bytes
from flows.read.discover import SUPPORTED_SUFFIXES, InboxFile, is_sidecar, sidecar_for
from flows.read.textclean import clean_extracted, clean_text
from flows.read.trec import is_trec, parse_trec
from flows.settings import Settings
from flows.timing import StageTimer

SIDECAR_FIELDS = ("url", "published_at", "site_name", "title", "author")
# A sidecar is a few hundred bytes; anything bigger is not one.
MAX_SIDECAR_BYTES = 64 * 1024
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MB = 1024 * 1024  # sizes in messages, in the unit the limit is set in (Settings: 20 * 1024 * 1024)
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Articles shorter than this many words are navigation pages, not news.
MIN_BODY_WORDS = 5
# An article states its own date near the top; scanning a 17 MB body for it took 17 s.
PUBLICATION_DATE_CHARS = 5000


@pickled_as_arguments
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
    warning: str | None = None  # repaired on reading (bytes replaced): files.warning says so


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_for(body_text: str) -> str:
    """Stable, content-derived: the same body from two files (or two machines) is the same article."""
    return sha256_hex(body_text.encode("utf-8"))[:16]


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
            # As large as discovery saw it, then (only if it grew) on to the limit: asked for the limit at once, the
            # read allocates that much (20 MB) for every file, 0.07 against 0.03 ms a bench page
            raw = handle.read(item.size + 1)
            if len(raw) > item.size:
                raw += handle.read(settings.max_file_bytes + 1 - len(raw))
            after = os.fstat(fd)
    except FileNotFoundError as error:
        raise Quarantine("file disappeared between discovery and reading", retryable=True) from error
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW: a link took the file's place after discovery
            raise Quarantine("file replaced by a symlink after discovery: not read") from error
        raise Quarantine(f"file could not be read: {error.strerror or error}", retryable=True) from error
    if len(raw) > settings.max_file_bytes:
        raise Quarantine(f"file too large: over the {settings.max_file_bytes / MB:.1f} MB limit")
    if len(raw) != item.size or (after.st_size, after.st_mtime_ns) != (item.size, item.mtime_ns):
        raise Quarantine(
            "file changed while being read (still being written?): it will be read again next run", retryable=True
        )
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
    fields = {
        k: str(data[k]).strip()
        for k in SIDECAR_FIELDS
        if isinstance(data.get(k), (str, int, float)) and str(data[k]).strip()
    }
    # JSON may spell lone surrogates ("\ud800"), which no text column can store: one would fail the whole load.
    fields = {k: LONE_SURROGATE.sub("\ufffd", v) for k, v in fields.items()}
    return fields, _sidecar_date_warning(sidecar.name, fields.get("published_at"))


def _sidecar_date_warning(name: str, value: str | None) -> str | None:
    """Say so when the sidecar's published_at is not a date: it is then ignored, and the page's own date used."""
    if value is None or parse_iso_or_arabic(value) is not None:
        return None
    return f"sidecar {name}: published_at {value[:40]!r} is not a full date; ignored"


def article_from_bytes(
    raw: bytes, suffix: str, sidecar: dict[str, str], timer: StageTimer | None = None
) -> ArticleRecord:
    timer = timer or StageTimer({})
    is_html = suffix in (".html", ".htm")
    with timer("decode"):
        decoded = decode_bytes(raw, html=is_html)
    page_date: tuple[str | None, str | None]  # the page's own date and where it came from (html, trec)
    with timer("extract"):
        if is_html:
            from flows.read.extract import extract_html  # workers import trafilatura only when they meet HTML

            page = extract_html(decoded.text)
            cleaned = clean_extracted(page.text, page.title)
            meta = {"title": page.title, "url": page.url, "site_name": page.site_name, "author": page.author}
            page_date = (page.date, "html")
        elif is_trec(decoded.text):
            document = parse_trec(decoded.text)
            cleaned = clean_extracted(document.text, document.title)
            meta = {
                "title": document.title,
                "url": document.url,
                "site_name": document.site_name,
                "author": document.author,
            }
            page_date = (document.time, "trec")
        else:
            cleaned = clean_text(decoded.text)
            meta = {"title": cleaned.title, "url": None, "site_name": None, "author": None}
            page_date = (None, None)
    body = cleaned.body_text
    if len(body.split()) < MIN_BODY_WORDS:
        if not is_html and LATIN_LETTER.search(decoded.text) and not ARABIC_LETTER.search(decoded.text):
            raise Quarantine("no Arabic text: akhbar reads Arabic news articles")
        raise Quarantine("no extractable text: fewer than 5 words of article text")
    meta.update({k: v for k, v in sidecar.items() if k != "published_at"})
    published_at, date_source = resolve_published_at(sidecar.get("published_at"), page_date, body, cleaned.date_hints)
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
        warning=decoded.warning,
        word_count=len(body.split()),
    )


def resolve_published_at(
    sidecar_value: str | None, page_date: tuple[str | None, str | None], body: str, hints: tuple[str, ...]
) -> tuple[dt.datetime | None, str | None]:
    """Sidecar, else the page's metadata (an HTML page's or a TREC file's date and its source), else the text
    itself, else None — never the file's mtime."""
    for value, source in ((sidecar_value, "sidecar"), page_date):
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


def article_from_file(path: Path, settings: Settings | None = None) -> ArticleRecord:
    """One inbox file -> its article (raises Quarantine on bad input). For tests and one-off use."""
    settings = settings or Settings()
    stat = path.stat()
    item = InboxFile(path.name, path, stat.st_size, stat.st_mtime_ns)
    raw = read_inbox_bytes(item, settings)
    sidecar, _ = read_sidecar(path)
    return article_from_bytes(raw, path.suffix.lower(), sidecar)
