"""Issue 7: folders nobody curated. Every bad file ends loaded, duplicate or quarantined with a reason; none is
skipped silently, none crashes the run, none takes long; a second run changes nothing.

One inbox holds every case; it is ingested once per module through the same steps ``run_ingest`` chains, each
file timed.
"""

from __future__ import annotations

import faulthandler
import json
import os
import time
from pathlib import Path
from typing import Callable

import pytest

from flows import pipeline, runner
from flows.errors import Quarantine
from flows.pipeline import process_file
from flows.read import article_from_bytes, read_inbox_bytes
from flows.read.discover import InboxFile, scan_inbox
from flows.settings import Settings
from flows.store import warehouse
from tests import helpers_badinput as h

# Generous for a shared 2-core machine: the slowest case (the 100k-deep page) takes ~0.3 s alone.
MAX_SECONDS_PER_FILE = 10.0
FIFTY_MB = 50 * 1024 * 1024

Builder = Callable[[Path], bytes]


def text(n: int) -> Builder:
    return lambda tmp: h.article_text(n).encode("utf-8")


# name in the inbox, builder, expected status, a piece of the reason (error or warning) a user reads
CASES = [
    pytest.param("empty.txt", lambda t: b"", "quarantined", "empty file", id="empty-file"),
    pytest.param("blank.html", lambda t: b" \n\t\r\n  ", "quarantined", "empty file", id="whitespace-only"),
    pytest.param("photo.html", lambda t: h.png_bytes(), "quarantined", "PNG image", id="png-named-html"),
    pytest.param("report.txt", lambda t: h.pdf_bytes(), "quarantined", "PDF document", id="pdf-named-txt"),
    pytest.param("bundle.html", h.zip_bytes, "quarantined", "ZIP archive", id="zip-named-html"),
    pytest.param("cut.html", lambda t: h.truncated_html(2), "loaded", None, id="truncated-html"),
    pytest.param("garbage.txt", lambda t: h.invalid_utf8(), "quarantined", "undecodable", id="invalid-utf8"),
    pytest.param(
        "damaged.txt",
        lambda t: (h.article_text(3) * 10).encode()[:2000] + b"\xff\xfe\xff" + (h.article_text(3) * 10).encode()[2000:],
        "loaded",
        None,
        id="utf8-with-three-stray-bytes",
    ),
    pytest.param(
        "lie-1256.html",
        lambda t: h.lying_meta(8, "windows-1256", "utf-8"),
        "loaded",
        None,
        id="meta-says-1256-bytes-utf8",
    ),
    pytest.param(
        "lie-utf8.html", lambda t: h.lying_meta(9, "utf-8", "cp1256"), "loaded", None, id="meta-says-utf8-bytes-1256"
    ),
    pytest.param(
        "page-1256.html",
        lambda t: h.article_html(10, "windows-1256").encode("cp1256"),
        "loaded",
        None,
        id="windows-1256-page",
    ),
    pytest.param(
        "page-8859-6.html",
        lambda t: h.article_html(11, "iso-8859-6").encode("iso8859_6"),
        "loaded",
        None,
        id="iso-8859-6-page",
    ),
    pytest.param("text-1256.txt", lambda t: h.article_text(12).encode("cp1256"), "loaded", None, id="windows-1256-txt"),
    pytest.param(
        "text-8859-6.txt", lambda t: h.article_text(13).encode("iso8859_6"), "loaded", None, id="iso-8859-6-txt"
    ),
    pytest.param(
        "nested.html",
        lambda t: h.nested_html(100_000),
        "quarantined",
        "HTML nested deeper than 256 levels",
        id="html-nested-100k-deep",
    ),
    pytest.param(
        "nested-300.html",
        lambda t: h.nested_html(300),
        "quarantined",
        "HTML nested deeper than 256 levels",
        id="html-nested-300-deep",
    ),
    pytest.param("nested-200.html", lambda t: h.nested_html(200), "loaded", None, id="html-nested-200-deep-is-fine"),
    pytest.param("laughs.html", lambda t: h.billion_laughs(), "loaded", None, id="billion-laughs-not-expanded"),
    pytest.param("scripts.html", lambda t: h.scripts_only(), "quarantined", "no extractable text", id="scripts-only"),
    pytest.param("copy-a.txt", text(14), "loaded", None, id="identical-first-name"),
    pytest.param("copy-b.txt", text(14), "duplicate", None, id="identical-second-name"),
    pytest.param("notes.docx", text(15), "quarantined", "unsupported file type .docx", id="unsupported-extension"),
    pytest.param("with space.txt", text(16), "loaded", None, id="name-with-spaces"),
    pytest.param("خبر عاجل.txt", text(17), "loaded", None, id="arabic-name"),
    pytest.param('it\'s "quoted".txt', text(18), "loaded", None, id="name-with-quotes"),
    pytest.param("new\nline.txt", text(19), "loaded", None, id="name-with-newline"),
    pytest.param("'; drop table files; --.txt", text(20), "loaded", None, id="name-that-is-sql"),
    pytest.param("empty-meta.txt", text(21), "loaded", "sidecar empty-meta.meta.json ignored", id="empty-sidecar"),
    pytest.param("bad-meta.txt", text(22), "loaded", "sidecar bad-meta.meta.json ignored", id="malformed-sidecar"),
    pytest.param("list-meta.txt", text(23), "loaded", "not a JSON object", id="sidecar-not-an-object"),
    pytest.param("good-meta.txt", text(24), "loaded", None, id="good-sidecar"),
    pytest.param("surrogate-meta.txt", text(25), "loaded", None, id="sidecar-with-a-lone-surrogate"),
    pytest.param(
        "bad-date-meta.txt",
        text(26),
        "loaded",
        "published_at '2024-13-45' is not a full date",
        id="sidecar-date-not-a-date",
    ),
    pytest.param(
        "lonely.meta.json", lambda t: b'{"title": "x"}', "quarantined", "sidecar with no article", id="orphan-sidecar"
    ),
]
SIDECARS = {
    "empty-meta.meta.json": b"",
    "bad-meta.meta.json": b'{"title": "unterminated',
    "list-meta.meta.json": b"[1, 2, 3]",
    "good-meta.meta.json": json.dumps({"title": "عنوان من الملف", "url": "https://example.org/a"}).encode(),
    "surrogate-meta.meta.json": b'{"title": "\\ud800 x"}',  # one used to fail every run at load
    "bad-date-meta.meta.json": b'{"published_at": "2024-13-45"}',
}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Build the inbox, run the ingest steps once (timing each file), then run the whole ingest again."""
    root = tmp_path_factory.mktemp("badinput")
    inbox = root / "inbox"
    inbox.mkdir()
    for case in CASES:
        name, build = case.values[0], case.values[1]
        (inbox / name).write_bytes(build(root))
    for name, raw in SIDECARS.items():
        (inbox / name).write_bytes(raw)
    with open(inbox / "big.txt", "wb") as big:
        big.truncate(FIFTY_MB)  # sparse: 50 MB on paper, nothing on disk
    outside = root / "outside.txt"
    outside.write_text(h.article_text(90) + h.OUTSIDE_MARKER, encoding="utf-8")
    (inbox / "escape.txt").symlink_to(outside)
    (inbox / "inside-link.txt").symlink_to(inbox / "copy-a.txt")
    (inbox / "dangling.txt").symlink_to(inbox / "no-such-file.txt")
    (inbox / "still-downloading.html.crdownload").write_bytes(h.article_html(30).encode())
    settings = Settings(inbox=inbox, warehouse=root / "w.duckdb", workers=1, publish=False)
    seconds: dict[str, float] = {}
    with warehouse.opened(settings.warehouse) as con:
        summary = runner.new_run(settings)
        warehouse.start_run(con, summary.run_id, summary.started_at)
        outcomes = []
        for item in runner.discover(settings, con, summary):
            started = time.perf_counter()
            outcomes.append(process_file(item, settings))
            seconds[item.rel_path] = time.perf_counter() - started
        runner.load_outcomes(con, outcomes, summary)
        runner.finish(con, summary, 0.0)
    second = runner.run_ingest(settings)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        rows = con.execute("select file_path, status, error, warning, article_id from files").fetchall()
        tables = {t: con.execute(f"select * from {t}").fetchall() for t in ("articles", "files")}
        titles = dict(con.execute("select source_path, title from articles").fetchall())
        bodies = dict(con.execute("select source_path, body_text from articles").fetchall())
    files: dict[str, list[tuple]] = {}
    for path, *rest in rows:
        files.setdefault(path, []).append(tuple(rest))
    return {"files": files, "seconds": seconds, "second": second, "tables": tables, "titles": titles, "bodies": bodies}


@pytest.mark.parametrize("name, build, status, reason", CASES)
def test_each_bad_file_ends_with_a_status_and_a_reason(ingested: dict, name: str, build, status: str, reason) -> None:
    rows = ingested["files"].get(name)
    assert rows is not None, f"{name!r} was skipped silently"
    assert len(rows) == 1, f"{name!r} has {len(rows)} rows: {rows}"
    got_status, error, warning, article_id = rows[0]
    assert got_status == status, f"{name!r}: {got_status} ({error})"
    if status == "quarantined":
        assert error and reason in error and article_id is None
    else:
        assert error is None and article_id
        if reason:
            assert warning and reason in warning
    assert ingested["seconds"][name] < MAX_SECONDS_PER_FILE


@pytest.mark.parametrize(
    "name, status, reason",
    [
        pytest.param("big.txt", "quarantined", "file too large: 50.0 MB > limit 20.0 MB", id="fifty-mb-file"),
        pytest.param("escape.txt", "quarantined", "symlink pointing outside the inbox", id="symlink-outside-inbox"),
        pytest.param("inside-link.txt", "duplicate", None, id="symlink-inside-inbox-to-a-copy"),
        pytest.param("dangling.txt", "quarantined", "broken symlink: its target does not exist", id="broken-symlink"),
    ],
)
def test_big_files_and_links(ingested: dict, name: str, status: str, reason: str | None) -> None:
    [(got_status, error, _, _)] = ingested["files"][name]
    assert got_status == status
    assert (reason in error) if reason else error is None
    assert (
        ingested["seconds"][name] < MAX_SECONDS_PER_FILE / 2
    )  # neither is read (milliseconds; generous for a busy machine)


def test_every_file_is_accounted_for_and_in_progress_downloads_wait(ingested: dict) -> None:
    handled = set(ingested["files"])
    expected = {case.values[0] for case in CASES} | {"big.txt", "escape.txt", "inside-link.txt", "dangling.txt"}
    assert handled == expected  # attached sidecars belong to their article; downloads wait for their final name


def test_a_sidecar_wins_over_the_text(ingested: dict) -> None:
    assert ingested["titles"]["good-meta.txt"] == "عنوان من الملف"  # "title from the file"
    assert ingested["titles"]["surrogate-meta.txt"] == "\ufffd x"


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("lie-1256.html", "وزير الخارجية الروسي", id="utf8-despite-meta"),
        pytest.param("lie-utf8.html", "وزير الخارجية الروسي", id="1256-despite-meta"),
        pytest.param("page-8859-6.html", "مكافحة الإرهاب", id="iso-8859-6"),
        pytest.param("text-1256.txt", "شحنات من القمح", id="windows-1256"),
        pytest.param("cut.html", "الوضع الأمني", id="truncated-keeps-what-came"),
    ],
)
def test_decoded_bodies_read_as_arabic(ingested: dict, name: str, expected: str) -> None:
    assert expected in ingested["bodies"][name]


def test_entities_are_never_expanded_and_nothing_outside_is_read(ingested: dict) -> None:
    for body in ingested["bodies"].values():
        assert "lollol" not in body
        assert h.OUTSIDE_MARKER not in body


def test_a_second_run_changes_nothing(ingested: dict) -> None:
    second = ingested["second"]
    assert (second.new, second.loaded, second.duplicate, second.quarantined) == (0, 0, 0, 0)
    for rows in ingested["files"].values():
        assert len(rows) == 1


def test_a_name_that_is_not_utf8_loads_under_an_escaped_name(tmp_path: Path, monkeypatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with open(os.fsencode(inbox) + b"/latin1-\xe9t\xe9.txt", "w", encoding="utf-8") as handle:  # a name in Latin-1
        handle.write(h.article_text(47))
    (inbox / "fine.txt").write_text(h.article_text(48), encoding="utf-8")
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    summary = runner.run_ingest(settings)  # one such name used to fail every run (polars: surrogates not allowed)
    assert (summary.loaded, summary.quarantined) == (2, 0)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        names = sorted(r[0] for r in con.execute("select file_path from files").fetchall())
    assert names == ["fine.txt", "latin1-\\xe9t\\xe9.txt"]
    assert runner.run_ingest(settings).new == 0  # and it is recognised next time


# ---- races: the steps called directly, the file changed between discovery and reading --------------------------


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def only_item(inbox: Path) -> InboxFile:
    [item] = scan_inbox(inbox)
    return item


def test_a_file_deleted_after_discovery_is_quarantined_and_retried(inbox: Path, monkeypatch) -> None:
    (inbox / "gone.txt").write_text(h.article_text(40), encoding="utf-8")
    item = only_item(inbox)
    (inbox / "gone.txt").unlink()
    outcome = process_file(item, Settings(inbox=inbox))
    assert outcome.error == "file disappeared between discovery and reading"


def test_a_file_still_being_written_is_read_again_next_run(inbox: Path, tmp_path: Path, monkeypatch) -> None:
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    path = inbox / "growing.txt"
    full = h.article_text(41).encode("utf-8")
    path.write_bytes(full[:100])
    with warehouse.opened(settings.warehouse) as con:
        summary = runner.new_run(settings)
        todo = runner.discover(settings, con, summary)
        path.write_bytes(full)  # the writer goes on after discovery
        runner.load_outcomes(con, runner.process_batch(todo, settings, None), summary)
    assert summary.quarantined_files == [
        ("growing.txt", "file changed while being read (still being written?): it will be read again next run")
    ]
    again = runner.run_ingest(settings)
    assert (again.new, again.loaded) == (1, 1)


def test_a_file_read_again_after_a_transient_failure_keeps_one_row(inbox: Path, tmp_path: Path, monkeypatch) -> None:
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    path = inbox / "growing.txt"
    path.write_bytes(h.article_text(46).encode("utf-8")[:100])
    with warehouse.opened(settings.warehouse) as con:
        summary = runner.new_run(settings)
        todo = runner.discover(settings, con, summary)
        path.write_bytes(h.article_text(46).encode("utf-8"))
        runner.load_outcomes(con, runner.process_batch(todo, settings, None), summary)
    runner.run_ingest(settings)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        assert con.execute("select status from files where file_path = 'growing.txt'").fetchall() == [("loaded",)]


def test_a_file_rewritten_to_the_same_size_after_discovery_is_not_taken_for_the_old_one(inbox: Path) -> None:
    path = inbox / "rewritten.txt"
    path.write_bytes(h.article_text(42).encode("utf-8"))
    item = only_item(inbox)
    path.write_bytes(h.article_text(43).encode("utf-8"))  # same length, other content, newer mtime
    os.utime(path, ns=(item.mtime_ns + 10**9, item.mtime_ns + 10**9))
    with pytest.raises(Exception, match="changed while being read"):
        read_inbox_bytes(item, Settings(inbox=inbox))


def test_a_file_that_grew_past_the_limit_after_discovery_is_not_read_whole(inbox: Path) -> None:
    path = inbox / "swelling.txt"
    path.write_bytes(h.article_text(44).encode("utf-8"))
    item = only_item(inbox)
    with open(path, "ab") as grown:
        grown.truncate(FIFTY_MB)
    with pytest.raises(Exception, match="too large|changed while being read"):
        read_inbox_bytes(item, Settings(inbox=inbox, max_file_bytes=1024 * 1024))


def test_a_file_replaced_by_a_fifo_after_discovery_does_not_hang_the_run(inbox: Path) -> None:
    path = inbox / "pipe.txt"
    path.write_bytes(h.article_text(45).encode("utf-8"))
    item = only_item(inbox)
    path.unlink()
    os.mkfifo(path)  # opening a FIFO for reading blocks until a writer comes: it must not be opened so
    faulthandler.dump_traceback_later(30, exit=True)  # a hang would stop the whole session, loudly
    try:
        outcome = process_file(item, Settings(inbox=inbox))
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert outcome.error and "not a regular file" in outcome.error


# ---- time bounds: no file holds a run for minutes -------------------------------------------------------------


def long_article(paragraphs: int) -> str:
    return h.article_text(50) + "".join(h.article_text(n).split("\n", 1)[1] for n in range(51, 51 + paragraphs))


def test_a_very_long_article_loads_whole_and_is_analysed_in_part(inbox: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_ANALYSED_CHARS", 3000)
    (inbox / "long.txt").write_text(long_article(20), encoding="utf-8")
    outcome = process_file(only_item(inbox), Settings(inbox=inbox))
    assert outcome.error is None and len(outcome.article.body_text) > 8000
    assert outcome.warning and "read from the first" in outcome.warning
    cut = int(outcome.warning.split("first ")[1].split(" ")[0].replace(",", ""))
    assert cut <= 3000
    for mention in outcome.analysis.mentions:
        text = outcome.article.title if mention.part == "title" else outcome.article.body_text
        assert mention.part == "title" or mention.char_end <= cut
        assert text[mention.char_start : mention.char_end] == mention.surface


def spin(doc, timer=None):
    while True:
        pass


def spin_swallowing(doc, timer=None):
    while True:
        try:
            sum(range(1000))
        except Exception:  # noqa: BLE001 - a stage that swallows everything must not swallow the time limit
            pass


@pytest.mark.parametrize(
    "stage",
    [
        pytest.param(spin, id="busy-loop"),
        pytest.param(spin_swallowing, id="busy-loop-that-swallows-exceptions"),
        pytest.param(lambda doc, timer=None: time.sleep(60), id="sleeping-stage"),
    ],
)
def test_a_file_that_takes_too_long_is_quarantined_and_the_run_goes_on(inbox: Path, monkeypatch, stage) -> None:
    monkeypatch.setattr(pipeline, "analyse", stage)
    monkeypatch.setattr(pipeline, "MAX_FILE_SECONDS", 0.5)
    (inbox / "slow.txt").write_text(h.article_text(60), encoding="utf-8")
    started = time.perf_counter()
    outcome = process_file(only_item(inbox), Settings(inbox=inbox))
    assert time.perf_counter() - started < 5
    assert outcome.error == "took longer than 0.5 s to process: not loaded (the page is pathological)"
    assert outcome.article is None and outcome.analysis is None


# ---- decoding oddities, one file at a time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "charset",
    [
        pytest.param("zlib", id="meta-names-a-compression-codec"),
        pytest.param("rot13", id="meta-names-a-text-transform"),
        pytest.param("utf-7", id="meta-names-utf7"),
        pytest.param("unicode_escape", id="meta-names-python-escapes"),
        pytest.param("x-no-such-charset", id="meta-names-nothing-known"),
        pytest.param("latin-1", id="meta-names-a-wrong-real-charset"),
    ],
)
def test_a_meta_charset_that_names_no_text_encoding_is_not_obeyed(charset: str, monkeypatch) -> None:
    article = article_from_bytes(h.article_html(5, charset=charset).encode("cp1256"), ".html", {})
    assert "وزير الخارجية الروسي" in article.body_text and article.encoding == "cp1256"


@pytest.mark.parametrize(
    "raw, suffix, reason",
    [
        pytest.param(b"\r\n" * 1000, ".txt", "empty file", id="line-breaks-only"),
        pytest.param(b"\xef\xbb\xbf", ".txt", "empty file", id="utf8-bom-only"),
        pytest.param(b"<html><body></body></html>", ".html", "no extractable text", id="page-with-empty-body"),
        pytest.param(
            b"<!-- " + h.article_text(4).encode() + b" -->",
            ".html",
            "no extractable text",
            id="article-inside-a-comment",
        ),
        pytest.param(
            h.article_text(1).encode() * 3 + h.article_text(2).encode("cp1256") * 3,
            ".txt",
            "undecodable",
            id="utf8-then-1256-glued",
        ),
    ],
)
def test_what_cannot_become_an_article_says_why(raw: bytes, suffix: str, reason: str, monkeypatch) -> None:
    with pytest.raises(Quarantine, match=reason):
        article_from_bytes(raw, suffix, {})


def test_utf16_with_a_bom_loads(monkeypatch) -> None:
    article = article_from_bytes(h.article_text(3).encode("utf-16"), ".txt", {})
    assert article.encoding == "utf-16" and "مكافحة الإرهاب" in article.body_text


def test_the_time_limit_gives_an_outer_timer_back(inbox: Path, monkeypatch) -> None:
    import signal

    (inbox / "quick.txt").write_text(h.article_text(61), encoding="utf-8")
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        outcome = process_file(only_item(inbox), Settings(inbox=inbox))
        left, _ = signal.getitimer(signal.ITIMER_REAL)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert outcome.error is None and not fired
    assert 0 < left <= 30  # still armed, and not restarted


@pytest.mark.parametrize(
    "status, retryable, retry_all, unseen",
    [
        pytest.param("loaded", False, False, False, id="loaded-same-stamp-is-seen"),
        pytest.param("quarantined", False, False, False, id="quarantined-for-good-is-seen"),
        pytest.param("quarantined", True, False, True, id="quarantined-for-a-passing-reason-is-read-again"),
        pytest.param("quarantined", False, True, True, id="retry-all-quarantined"),
    ],
)
def test_unseen_files_is_an_anti_join_on_path_size_and_mtime(tmp_path, status, retryable, retry_all, unseen) -> None:
    import datetime as dt

    import polars as pl

    with warehouse.opened(tmp_path / "w.duckdb") as con:
        con.execute(
            "insert into files (file_path, file_sha256, status, run_id, seen_at, size_bytes, mtime_ns, retryable) "
            "values ('a.txt', 'x', ?, 'r', ?, 10, 20, ?)",
            [status, dt.datetime(2026, 1, 1), retryable],
        )
        scanned = pl.DataFrame(
            {"file_path": ["a.txt", "b.txt", "c.txt"], "size_bytes": [10, 10, 10], "mtime_ns": [20, 20, 20]}
        )
        found = warehouse.unseen_files(con, scanned, retry_quarantined=retry_all)
        con.execute("update files set size_bytes = 11")  # the same path with another size: changed, so unseen
        changed = warehouse.unseen_files(con, scanned.head(1))
    assert found == {"b.txt", "c.txt"} | ({"a.txt"} if unseen else set())
    assert changed == {"a.txt"}
