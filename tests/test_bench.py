"""The benchmark (bench/): its corpus builder makes the pages it promises, its figures are computed right, and the
README documents it. Pages are built from the ANT corpus (A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An
Arabic News Text Collection for Textual Classification. AICCSA 2017) when ../shared is present; the rendering rules
are also checked on hand-made articles, which need nothing outside the repo.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from conftest import REPO, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

if str(REPO) not in sys.path:  # bench/ is a development tool beside flows/, not an installed package
    sys.path.insert(0, str(REPO))

from bench.ant import AntArticle, parse_ant_document, read_ant  # noqa: E402
from bench.perf.corpus import MAX_PAGE_KB, MIN_PAGE_KB, arabic_date, build_corpus, render_page  # noqa: E402
from bench.perf.queries import build_synthetic_warehouse, example_params, placeholder_count, time_named_queries  # noqa: E402
from bench.perf.report import verdicts  # noqa: E402
from bench.perf.run import scale_sizes  # noqa: E402

CODECS = {"utf-8": "utf-8", "windows-1256": "cp1256"}


def hand_made(index: int) -> AntArticle:
    """A small article in the ANT shape, written for these tests."""
    return AntArticle(
        docno=f"T-test-{index}-20170101",
        url=f"http://example.org/{index}",
        category="politic",
        title=f"وزير الخارجية يزور العاصمة رقم {index}",
        time="2017-03-05T10:30:00+01:00",
        author="",
        abstract="",
        text=f"وصل الوزير اليوم إلى العاصمة في زيارة رسمية رقم {index}.\nوبحث الطرفان سبل التعاون في مجال الطاقة.",
    )


HAND_MADE = [hand_made(i) for i in range(12)]


# ---- reading ANT ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("xml", "expected_title"),
    [
        pytest.param(
            "<DOC><DOCNO>A-1</DOCNO><TITLE>عنوان الخبر</TITLE><TEXT>\nنص الخبر\n</TEXT></DOC>",
            "عنوان الخبر",
            id="title-and-text",
        ),
        pytest.param("<DOC><DOCNO>A-2</DOCNO><TEXT>نص فقط</TEXT></DOC>", "", id="no-title-is-empty"),
        pytest.param("<DOC><DOCNO>A-3</DOCNO><TITLE>بلا نص</TITLE></DOC>", None, id="no-text-is-skipped"),
        pytest.param("<DOC><TITLE>بلا رقم</TITLE><TEXT>نص</TEXT></DOC>", None, id="no-docno-is-skipped"),
    ],
)
def test_parse_ant_document(xml: str, expected_title: str | None) -> None:
    article = parse_ant_document(xml)
    assert (article.title if article else None) == expected_title


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        pytest.param("2017-01-20T21:43:00+01:00", "20 جانفي 2017", id="january-maghreb-name"),
        pytest.param("2016-08-02T09:00:00+01:00", "2 أوت 2016", id="august-maghreb-name"),
        pytest.param("", "", id="no-date"),
        pytest.param("2017-13-01T00:00:00", "", id="month-out-of-range"),
    ],
)
def test_arabic_date(iso: str, expected: str) -> None:
    assert arabic_date(iso) == expected


# ---- pages from hand-made articles (no ../shared needed) -------------------------------------------------------


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(min_value=0, max_value=10_000))
def test_any_page_is_in_its_size_range_and_decodes_in_its_encoding(index: int) -> None:
    rng = random.Random(f"6:{index}")
    name, data, page = render_page(index, HAND_MADE[index % 12], HAND_MADE, rng, MIN_PAGE_KB, MAX_PAGE_KB)
    assert page.size_bytes == len(data)
    text = data.decode(CODECS[page.encoding])  # strict: the declared encoding is the real one
    if page.kind == "html":
        assert MIN_PAGE_KB * 1024 <= len(data) <= MAX_PAGE_KB * 1024
        assert name.endswith(".html")
    else:
        assert name.endswith(".txt") and text.splitlines()[0] == HAND_MADE[index % 12].title


def test_a_page_is_the_same_bytes_every_time() -> None:
    first = render_page(3, HAND_MADE[3], HAND_MADE, random.Random("6:3"), MIN_PAGE_KB, MAX_PAGE_KB)
    again = render_page(3, HAND_MADE[3], HAND_MADE, random.Random("6:3"), MIN_PAGE_KB, MAX_PAGE_KB)
    assert first == again


# ---- a real corpus of 20 pages from ANT --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ant_articles() -> list[AntArticle]:
    return read_ant(shared_path("corpus", "ant-v1.1.tar.gz"))


@pytest.fixture(scope="module")
def corpus20(ant_articles: list[AntArticle], tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("bench") / "inbox"
    return out, build_corpus(out, 20, seed=6, articles=ant_articles)


def test_ant_has_every_article(ant_articles: list[AntArticle]) -> None:
    assert len(ant_articles) == 10_161  # ANT v1.1, as its README counts them


def test_corpus_has_the_requested_pages_sizes_and_encodings(corpus20) -> None:
    out, pages = corpus20
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in pages) and len(pages) == 20
    assert {p.kind for p in pages} == {"html", "txt"}
    assert "windows-1256" in {p.encoding for p in pages if p.kind == "html"}
    assert len({p.template for p in pages}) >= 4
    for page in pages:
        data = (out / page.name).read_bytes()
        assert len(data) == page.size_bytes
        data.decode(CODECS[page.encoding])
        if page.kind == "html":
            assert MIN_PAGE_KB * 1024 <= len(data) <= MAX_PAGE_KB * 1024, page.name


def test_html_pages_are_parseable_and_declare_their_charset(corpus20, ant_articles: list[AntArticle]) -> None:
    out, pages = corpus20
    by_docno = {a.docno: a for a in ant_articles}
    for page in (p for p in pages if p.kind == "html"):
        data = (out / page.name).read_bytes()
        assert re.search(rb'charset="?' + page.encoding.encode(), data[:2000], re.IGNORECASE), page.name
        tree = lxml_html.document_fromstring(data.decode(CODECS[page.encoding]))
        assert tree.find(".//body") is not None and tree.findtext(".//title")
        text = tree.text_content()
        article = by_docno[page.docno]
        # must contain: the article's text; and the clutter a saved page has around it
        assert article.paragraphs[0][:30] in text, page.name
        assert b"<script" in data and b"<!--" in data and (b"<nav" in data or b'class="menu"' in data)


def test_txt_pages_are_copy_pastes(corpus20, ant_articles: list[AntArticle]) -> None:
    out, pages = corpus20
    by_docno = {a.docno: a for a in ant_articles}
    for page in (p for p in pages if p.kind == "txt"):
        text = (out / page.name).read_bytes().decode(CODECS[page.encoding])
        assert text.splitlines()[0] == by_docno[page.docno].title.encode(CODECS[page.encoding], "replace").decode(
            CODECS[page.encoding]
        )
        assert "<" not in text.splitlines()[0]


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(corpus20, ant_articles, tmp_path: Path) -> None:
    out, pages = corpus20
    smaller = build_corpus(tmp_path, 5, seed=6, articles=ant_articles)
    assert smaller == pages[:5]
    assert all((tmp_path / p.name).read_bytes() == (out / p.name).read_bytes() for p in smaller)


# ---- figures ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        pytest.param("", [], id="none"),
        pytest.param("1000,10000,all", [1000, 10000, None], id="sizes-and-whole-corpus"),
        pytest.param(" 200 , all ", [200, None], id="spaces"),
    ],
)
def test_scale_sizes(spec: str, expected: list) -> None:
    assert scale_sizes(spec) == expected


def run(seconds: float, rss: int = 100) -> dict:
    return {"seconds": seconds, "peak_tree_rss": rss}


def test_verdicts_compare_figures_with_the_targets() -> None:
    results = {
        "n": 10_000,
        "bare": run(100.0),
        "plain": run(50.0, rss=1000),
        "flow": run(56.0),
        "noop_plain": run(1.5),
        "empty_plain": run(0.1),
        "noop_flow": run(9.0),
        "empty_flow": run(5.0),
        "scale": {"10161": run(300.0, rss=1100)},
        "queries": {
            "timings": [{"first_seconds": 0.4, "best_seconds": 0.2}, {"first_seconds": 1.5, "best_seconds": 1.2}]
        },
    }
    v = verdicts(results)
    assert v["e2e_ratio_plain"] == {"value": 2.0, "target": 1.3, "met": True}
    assert v["prefect_overhead"]["value"] == pytest.approx(0.12) and not v["prefect_overhead"]["met"]
    assert v["noop_minus_empty_flow"]["value"] == pytest.approx(4.0) and not v["noop_minus_empty_flow"]["met"]
    assert v["noop_minus_empty_plain"]["met"]
    assert v["rss_growth_whole_vs_10k"]["value"] == pytest.approx(1.1) and v["rss_growth_whole_vs_10k"]["met"]
    assert v["slowest_query_seconds"]["value"] == 1.5 and not v["slowest_query_seconds"]["met"]


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        pytest.param("select 1", 0, id="none"),
        pytest.param("select * from entities where name_ar = ? and entity_type = ?", 2, id="two"),
        pytest.param("select '?' as q -- what?\nwhere a = ?", 1, id="not-in-strings-or-comments"),
    ],
)
def test_placeholder_count(sql: str, expected: int) -> None:
    assert placeholder_count(sql) == expected


def test_synthetic_warehouse_has_the_shape_asked_for(tmp_path: Path) -> None:
    counts = build_synthetic_warehouse(tmp_path / "synthetic.duckdb", mentions=2_000)
    assert counts["mentions"] == 2_000
    assert counts["articles"] == 100 and counts["entities"] == 40
    assert counts["event_mentions"] == 2 * counts["events"]
    timings = time_named_queries(tmp_path / "synthetic.duckdb")
    assert [t.name for t in timings if t.error] == []  # every named query got parameters it accepts


def test_the_synthetic_warehouse_holds_the_derived_tables_of_its_rows(tmp_path: Path) -> None:
    """The queries that read the derived tables are timed on what a real warehouse holds, not on empty tables."""
    from flows.store import derived, warehouse

    build_synthetic_warehouse(tmp_path / "synthetic.duckdb", mentions=2_000)
    with warehouse.opened(tmp_path / "synthetic.duckdb", read_only=True) as con:
        for table in derived.DERIVED_TABLES:
            assert con.execute(f"select count(*) from {table}").fetchall()[0][0] > 0, table
        assert set(derived.mismatches(con).values()) == {0}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(
            "-- Parameters: 1) from date (YYYY-MM-DD)  2) to date (YYYY-MM-DD).\nselect ?, ?",
            ("2016-01-01", "2024-12-31"),
            id="date-span",
        ),
        pytest.param("-- Parameters: 1) entity_id (e.g. person:x).\nselect ?", ("e0",), id="most-mentioned-entity"),
        pytest.param(
            "-- Parameters: 1) first country  2) second country.\nselect ?, ?", ("C00", "C04"), id="two-countries"
        ),
        pytest.param("select ?", ("كيان 0",), id="undocumented-is-a-name"),
    ],
)
def test_example_params_follow_the_parameters_header(header: str, expected: tuple, synthetic_small: Path) -> None:
    from flows.store import warehouse

    with warehouse.opened(synthetic_small, read_only=True) as con:
        assert example_params(con, header) == expected


@pytest.fixture(scope="module")
def synthetic_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "small.duckdb"
    build_synthetic_warehouse(path, mentions=2_000)
    return path


# ---- docs ------------------------------------------------------------------------------------------------------


def test_readme_has_a_performance_section_with_the_bench_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Performance\n(.*?)(?=^## |\Z)", readme, re.MULTILINE | re.DOTALL)
    assert match, "README.md has no '## Performance' section (issue 6)"
    section = match.group(1)
    assert "akhbar bench" in section
    assert "Chouigui" in section, "results on ANT must cite it"


def test_akhbar_bench_entry_point_shows_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    from flows.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "--", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "akhbar bench" in out and "--scale" in out


def test_failed_runs_give_no_verdict_and_are_listed() -> None:
    from bench.perf.run import failed_runs

    results = {
        "n": 200,
        "bare": run(10.0),
        "plain": {"error": "exit code 1"},
        "noop_plain": run(0.5),
        "empty_plain": run(0.1),
        "scale": {"10161": {"error": "exit code 1"}},
    }
    assert verdicts(results) == {"noop_minus_empty_plain": {"value": pytest.approx(0.4), "target": 2.0, "met": True}}
    assert failed_runs(results) == ["plain", "scale 10161"]


def test_a_work_folder_is_cleared_of_an_earlier_run(tmp_path: Path) -> None:
    from bench.perf.run import clear_work

    for path in ("inbox-200/a.html", "prefect-home/x.db", "pages/00000-a.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    (tmp_path / "plain.duckdb").write_text("x")
    (tmp_path / "plain.duckdb.wal").write_text("x")
    clear_work(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["pages", "pages/00000-a.html"]


def test_stage_cpu_child_processes_the_files_and_times_each_stage() -> None:
    from bench.perf.child import stage_cpu

    result = stage_cpu(REPO / "inbox", 3)
    assert result["errors"] == 0
    assert {"read", "decode", "entities", "quotes", "events"} <= result["stage_cpu_seconds"].keys()
