"""Golden tests on the sample inbox: every inbox/sample_* file against tests/gold/samples.json.

Per sample: the title, the publication date (or null), the metadata the page or sidecar states, body paragraphs that
must survive and boilerplate that must not reach ``body_text``. Then one run of the plain ingest over a copy of
inbox/ must load every distinct sample once and record the copied one as a duplicate.
The samples were written for the project (see the marker comment in each page); the three pages that are not UTF-8
are written from readable sources by tests/fixtures/encode_samples.py, and checked against them here.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import re
import shutil
from functools import cache
from pathlib import Path

import pytest

from flows.errors import Quarantine
from flows.read import ArticleRecord, article_from_file
from flows.runner import run_ingest
from flows.settings import Settings

REPO = Path(__file__).resolve().parents[1]
INBOX = REPO / "inbox"
GOLD_FILE = REPO / "tests" / "gold" / "samples.json"
ENCODER = REPO / "tests" / "fixtures" / "encode_samples.py"
SAMPLE_MARKER = (
    "<!-- akhbar sample: written for the project, not a real article; facts restated from public reporting -->"
)
# Byte patterns of UTF-8 Arabic read as Latin-1 / windows-1252 ("Ø§Ù„"), and the replacement character.
MOJIBAKE = ("\ufffd", "Ø§", "Ù„", "Ã")
# "Keep each sample 2-8 KB of text": the .txt files are the text; pages may be bigger with their chrome.
MIN_TEXT_BYTES, MAX_TEXT_BYTES = 2_000, 8_192
SIDECAR_SUFFIX = ".meta.json"
# Where a page states its date in markup (htmldate and JSON-LD read these): a sample "dated only in the text" has none.
PAGE_DATE_MARKUP = re.compile(r"datePublished|published_time|pubdate|<time\b|name=\"date\"", re.IGNORECASE)

GOLD: dict = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
SAMPLES: dict[str, dict] = GOLD["files"]
NAMES = sorted(SAMPLES)


def cases(check: str, keys: list[tuple[str, ...]]) -> list:
    """Test parameters for ``keys`` (file, or file and snippet), each with a readable id."""
    params = []
    for key in keys:
        case_id = Path(key[0]).stem + (f"-{SAMPLES[key[0]]['must_not_contain'].index(key[1])}" if len(key) > 1 else "")
        params.append(pytest.param(*key, id=case_id))
    return params


def _encoder():
    spec = importlib.util.spec_from_file_location("encode_samples", ENCODER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


ENCODED = _encoder()


@cache
def article(name: str) -> ArticleRecord | Quarantine:
    """The article ingest builds from one sample (or the Quarantine it raised), computed once per session."""
    try:
        return article_from_file(INBOX / name, Settings())
    except Quarantine as bad:
        return bad


def loaded(name: str) -> ArticleRecord:
    result = article(name)
    if isinstance(result, Quarantine):
        pytest.fail(f"{name} was quarantined: {result.reason}")
    return result


def squeeze(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def inbox_names() -> list[str]:
    """The files ingest would see in inbox/ (it skips hidden names such as .gitkeep)."""
    return [p.name for p in INBOX.iterdir() if p.is_file() and not p.name.startswith(".")]


# --- the inbox and its gold file agree --------------------------------------------------------------------------


def test_every_sample_in_the_inbox_has_gold_and_every_gold_entry_a_file() -> None:
    on_disk = sorted(name for name in inbox_names() if not name.endswith(SIDECAR_SUFFIX))
    assert on_disk == NAMES


def test_inbox_holds_only_marked_samples() -> None:
    names = inbox_names()
    assert names and all(name.startswith("sample_") for name in names)
    sidecars = [n for n in names if n.endswith(SIDECAR_SUFFIX)]
    for sidecar in sidecars:
        stem = sidecar.removesuffix(SIDECAR_SUFFIX)
        assert any(stem + suffix in names for suffix in (".txt", ".html", ".htm")), f"{sidecar} has no article"


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith((".html", ".htm"))])
def test_every_page_carries_the_sample_marker(name: str) -> None:
    codec = SAMPLES[name].get("encoding", "utf-8")
    assert SAMPLE_MARKER in (INBOX / name).read_bytes().decode(codec)


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith(".txt")])
def test_text_samples_are_2_to_8_kb(name: str) -> None:
    assert MIN_TEXT_BYTES <= (INBOX / name).stat().st_size <= MAX_TEXT_BYTES


@pytest.mark.parametrize("name", sorted(ENCODED.ENCODED_SAMPLES))
def test_encoded_pages_are_their_sources_in_the_listed_encoding(name: str) -> None:
    assert (INBOX / name).read_bytes() == ENCODED.encoded_bytes(name)
    assert SAMPLES[name]["encoding"] == ENCODED.ENCODED_SAMPLES[name][0]


def test_the_lying_page_declares_utf8_over_windows_1256_bytes() -> None:
    name = "sample_05_nebenzia_mali_sanctions.html"
    raw = (INBOX / name).read_bytes()
    assert b'<meta charset="utf-8">' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_the_duplicate_pair_is_byte_identical() -> None:
    for name, gold in SAMPLES.items():
        if "duplicate_of" in gold:
            assert (INBOX / name).read_bytes() == (INBOX / gold["duplicate_of"]).read_bytes()


def test_at_least_three_samples_state_their_date_only_in_the_text() -> None:
    text_dated = [n for n in NAMES if SAMPLES[n]["date_source"] == "text"]
    assert len(text_dated) >= 3, text_dated
    for name in text_dated:  # neither a sidecar nor page metadata could supply it
        assert not (INBOX / (Path(name).stem + SIDECAR_SUFFIX)).exists()
        page = (INBOX / name).read_bytes().decode(SAMPLES[name].get("encoding", "utf-8"))
        assert not PAGE_DATE_MARKUP.search(page)


# --- each sample through the real per-file pipeline -------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    assert squeeze(loaded(name).title) == squeeze(SAMPLES[name]["title"])


@pytest.mark.parametrize("name", cases("date", [(n,) for n in NAMES]))
def test_published_date(name: str) -> None:
    record = loaded(name)
    found = record.published_at.date().isoformat() if record.published_at else None
    assert (found, record.date_source) == (SAMPLES[name]["published"], SAMPLES[name]["date_source"])


@pytest.mark.parametrize("name", [n for n in NAMES if {"site_name", "author", "url"} & SAMPLES[n].keys()])
def test_stated_metadata(name: str) -> None:
    record = loaded(name)
    for field in ("site_name", "author", "url"):
        if field in SAMPLES[name]:
            assert squeeze(getattr(record, field)) == SAMPLES[name][field], field


@pytest.mark.parametrize("name", [n for n in NAMES if "encoding" in SAMPLES[n]])
def test_detected_encoding(name: str) -> None:
    assert codecs.lookup(loaded(name).encoding).name == codecs.lookup(SAMPLES[name]["encoding"]).name


@pytest.mark.parametrize("name", NAMES)
def test_body_keeps_the_article(name: str) -> None:
    body = squeeze(loaded(name).body_text)
    missing = [s for s in SAMPLES[name]["must_contain"] if squeeze(s) not in body]
    assert not missing, f"missing from body_text: {missing}"


@pytest.mark.parametrize(
    ("name", "boilerplate"), cases("boilerplate", [(n, s) for n in NAMES for s in SAMPLES[n]["must_not_contain"]])
)
def test_body_drops_the_boilerplate(name: str, boilerplate: str) -> None:
    assert boilerplate not in loaded(name).body_text


@pytest.mark.parametrize("name", [n for n in NAMES if "credits_contain" in SAMPLES[n]])
def test_credit_lines_are_kept_as_credits(name: str) -> None:
    """Source and photo-credit lines leave the body but are not thrown away: they are the record's credits."""
    credits = loaded(name).credits
    missing = [s for s in SAMPLES[name]["credits_contain"] if not any(s in credit for credit in credits)]
    assert not missing, f"not among credits {credits}: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_body_has_no_mojibake(name: str) -> None:
    body = loaded(name).body_text
    assert not [m for m in MOJIBAKE if m in body]
    assert loaded(name).language == "ar"


def test_the_copy_is_the_same_article() -> None:
    for name, gold in SAMPLES.items():
        if "duplicate_of" in gold:
            assert loaded(name).article_id == loaded(gold["duplicate_of"]).article_id


# --- the whole sample inbox through one plain ingest run ---------------------------------------------------------


@pytest.fixture(scope="module")
def sample_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[object, dict[str, tuple[str, str | None, str | None]]]:
    """One plain ingest run over a copy of inbox/: its summary, and the files table as path -> (status, id, error)."""
    from flows.store import warehouse

    root = tmp_path_factory.mktemp("sample_run")
    inbox = root / "inbox"
    shutil.copytree(INBOX, inbox)
    settings = Settings(inbox=inbox, warehouse=root / "akhbar.duckdb", workers=1, publish=False)
    summary = run_ingest(settings)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        _, rows = warehouse.query(con, "select file_path, status, article_id, error from files")
    return summary, {path: (status, article_id, error) for path, status, article_id, error in rows}


def test_a_run_loads_each_sample_article_once(sample_run) -> None:
    summary, files = sample_run
    articles = {path: row for path, row in files.items() if not path.endswith(SIDECAR_SUFFIX)}
    quarantined = {path: row[2] for path, row in articles.items() if row[0] == "quarantined"}
    assert not quarantined
    assert sorted(articles) == NAMES
    assert (summary.loaded, summary.duplicate) == (GOLD["run"]["loaded"], GOLD["run"]["duplicate"])


def test_the_copy_is_recorded_as_a_duplicate_of_the_same_article(sample_run) -> None:
    _, files = sample_run
    for name, gold in SAMPLES.items():
        if "duplicate_of" in gold:
            status, article_id, _ = files[name]
            assert (status, article_id) == ("duplicate", files[gold["duplicate_of"]][1])
            assert files[gold["duplicate_of"]][0] == "loaded"


def test_a_sidecar_next_to_its_article_is_not_quarantined(sample_run) -> None:
    summary, files = sample_run
    sidecars = {path: row for path, row in files.items() if path.endswith(SIDECAR_SUFFIX)}
    assert not [path for path, row in sidecars.items() if row[0] == "quarantined"]
    assert summary.quarantined == GOLD["run"]["quarantined"]
