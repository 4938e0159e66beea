"""`akhbar report`: the page from a hand-built warehouse (self-contained, escaped, Arabic right to left), its SQL,
and the network layout. The page as a browser draws it: tests/test_report_browser.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from flows.errors import AkhbarError
from flows.report import charts, write_report
from flows.report.data import REPORT_SQL_DIR, Freshness, read_report_data, resolve_period
from flows.report.layout import spring_layout
from flows.report.page import quote_card
from flows.store import warehouse
from tests.bi_rows import ARTICLE_ID, make_warehouse

NOW = dt.datetime(2024, 3, 7, 8, 0)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    return make_warehouse(tmp_path / "w.duckdb")


def report_text(path: Path, **dates: dt.date) -> str:
    with warehouse.opened(path, read_only=True) as con:
        out = write_report(con, path.with_name("r.html"), warehouse_name=path.name, now=NOW, **dates)
    return out.read_text(encoding="utf-8")


def test_the_report_is_one_self_contained_page(built: Path):
    page = report_text(built)
    assert page.count(charts.plotly_js()) == 1  # plotly.js inlined exactly once
    ours = page.replace(charts.plotly_js(), "")  # (plotly.js names map tile servers, for map charts the page has not)
    assert not re.search(r"<script[^>]+src=", ours) and "<link" not in ours and "@import" not in ours
    addresses = re.findall(r"[\w-]+=\"?https?://[^\s\"]+", ours)
    assert addresses == ['href="https://example.org/visit'], addresses  # the quotation's article, a link only
    for slot in ("timeline", "network", "speakers", "trends", "articles"):
        assert f'id="chart-{slot}"' in page, slot


def test_the_report_shows_names_in_both_scripts_and_its_freshness(built: Path):
    page = report_text(built)
    assert "Sergey Lavrov" in page and "سيرغي لافروف" in page
    assert '<blockquote lang="ar" dir="rtl">روسيا تدعم مالي</blockquote>' in page
    assert "Last ingest run 2024-03-06 12:00 (completed)" in page
    assert "newest article published 2024-03-05 09:30" in page
    assert "05 March 2024 to 05 March 2024" in page


def test_a_period_without_news_still_gives_a_page(built: Path):
    page = report_text(built, start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 31))
    assert "No dated articles in this period" in page
    assert "<figure" not in page  # no quote cards


def test_an_empty_warehouse_gives_a_page_saying_so(tmp_path: Path):
    with warehouse.opened(tmp_path / "empty.duckdb"):
        pass
    page = report_text(tmp_path / "empty.duckdb")
    assert "No ingest run recorded" in page and "No events dated to the day" in page


def test_the_report_replaces_the_old_one_atomically(built: Path):
    target = built.with_name("r.html")
    target.write_text("old", encoding="utf-8")
    report_text(built)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(built.parent.glob(".*.partial"))


def test_the_period_keeps_only_its_events_and_meetings(built: Path):
    with warehouse.opened(built, read_only=True) as con:
        inside = read_report_data(con, dt.date(2024, 3, 1), dt.date(2024, 3, 31))
        before = read_report_data(con, dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    assert inside.events_per_day["event_type"].to_list() == ["CONSULT"]
    pairs = set(zip(inside.meetings["source_id"], inside.meetings["target_id"]))
    assert pairs == {("G-bamako", "G-mali"), ("G-bamako", "P-lavrov"), ("G-mali", "P-lavrov")}  # the visit's place too
    assert inside.quote_cards["article_id"].to_list() == [ARTICLE_ID]
    assert before.events_per_day.is_empty() and before.meetings.is_empty() and before.quote_cards.is_empty()


def test_the_same_quotation_from_two_outlets_makes_one_card(built: Path):
    with warehouse.opened(built) as con:
        con.execute(
            "insert into articles (article_id, source_path, file_sha256, title, published_at, body_text, word_count, "
            "ingested_at, run_id) select 'a2', 'copy.txt', 'f2', title, published_at + interval 1 hour, body_text, "
            "word_count, ingested_at, run_id from articles"
        )
        con.execute("insert into quotes select 'q2', 'a2', * exclude (quote_id, article_id) from quotes")
    with warehouse.opened(built, read_only=True) as con:
        data = read_report_data(con)
    assert data.quote_cards["article_id"].to_list() == ["a2"]  # the newer report of the same words
    assert data.top_speakers["num_quotes"].to_list() == [2]  # while the chart still counts both


FRESH = Freshness("r1", "completed", NOW, 3, 0, dt.date(2024, 3, 1), dt.datetime(2024, 3, 5, 9, 0), NOW)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, (dt.date(2024, 3, 1), dt.date(2024, 3, 5))),
        (dt.date(2024, 3, 2), None, (dt.date(2024, 3, 2), dt.date(2024, 3, 5))),
        (None, dt.date(2024, 3, 3), (dt.date(2024, 3, 1), dt.date(2024, 3, 3))),
    ],
    ids=["whole span of the data", "from a date to the newest article", "from the first article to a date"],
)
def test_period_defaults_to_the_data(start, end, expected):
    period = resolve_period(FRESH, start, end)
    assert (period.start, period.end) == expected


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(AkhbarError, match="after"):
        resolve_period(FRESH, dt.date(2024, 3, 5), dt.date(2024, 3, 1))


CARD = {
    "speaker_name_en": "Sergey Lavrov",
    "speaker_name_ar": "سيرغي لافروف",
    "quote_kind": "direct",
    "quote_text": "روسيا تدعم مالي",
    "published_date": dt.date(2024, 3, 5),
    "site_name": "مثال",
    "url": "https://example.org/visit",
    "source_path": "visit.txt",
    "article_id": ARTICLE_ID,
    "char_start": 30,
    "char_end": 45,
}


@pytest.mark.parametrize(
    ("changes", "must_contain", "must_not_contain"),
    [
        (
            {},
            [
                '<blockquote lang="ar" dir="rtl">روسيا تدعم مالي</blockquote>',
                '<span lang="en">Sergey Lavrov</span>',
                '<span lang="ar" dir="rtl">سيرغي لافروف</span>',
                '<a href="https://example.org/visit">',
                "2024-03-05",
                "visit.txt",
                "chars 30–45",
            ],
            [],
        ),
        ({"speaker_name_en": "سيرغي لافروف"}, ['<span lang="ar" dir="rtl">سيرغي لافروف</span>'], ['lang="en"']),
        ({"url": None}, ["مثال"], ["<a "]),
        ({"quote_text": "<script>alert(1)</script>"}, ["&lt;script&gt;"], ["<script>"]),
        ({"quote_text": "كلمة " * 200}, [" …</blockquote>"], []),
    ],
    ids=[
        "quote right to left, speaker in both scripts, link to the article",
        "no English name yet: the Arabic once",
        "no url: the source named without a link",
        "markup in a quotation is escaped",
        "a long quotation is cut at a word",
    ],
)
def test_quote_card(changes, must_contain, must_not_contain):
    card = quote_card({**CARD, **changes})
    for text in must_contain:
        assert text in card
    for text in must_not_contain:
        assert text not in card


@pytest.mark.parametrize(
    ("en", "ar", "expected"),
    [("Mali", "مالي", "Mali · مالي"), ("مالي", "مالي", "مالي"), ("", "مالي", "مالي")],
    ids=["both scripts", "English name is the Arabic one", "no English name"],
)
def test_bilingual_label(en, ar, expected):
    assert charts.bilingual(en, ar) == expected


def test_layout_is_deterministic_and_inside_the_square():
    nodes = [f"n{i}" for i in range(12)]
    edges = [(f"n{i}", f"n{(i + 1) % 12}", 1.0) for i in range(12)]
    first, second = spring_layout(nodes, edges), spring_layout(nodes, edges)
    assert first == second
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first.values())


def test_layout_draws_a_pair_that_met_closer_than_strangers():
    place = spring_layout(["a", "b", "c", "d"], [("a", "b", 5.0), ("c", "d", 5.0)])

    def distance(p: str, q: str) -> float:
        return ((place[p][0] - place[q][0]) ** 2 + (place[p][1] - place[q][1]) ** 2) ** 0.5

    assert distance("a", "b") < distance("a", "c") and distance("c", "d") < distance("b", "d")


def test_report_sql_binds_its_parameters():
    for path in sorted(Path(str(REPORT_SQL_DIR)).glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"-- {path.stem}:"), path.name
        assert "{" not in text, path.name  # nothing formatted in: values are bound with ?


# ---- the command and the runs that refresh the report ----------------------------------------------------------


def test_akhbar_report_writes_beside_the_warehouse(built: Path, capsys):
    from flows.cli import main

    assert main(["report", "--warehouse", str(built), "--from", "2024-03-01", "--to", "2024-03-31"]) == 0
    written = built.with_name("w.report.html")
    assert "01 March 2024 to 31 March 2024" in written.read_text(encoding="utf-8")
    assert f"report written: {written}" in capsys.readouterr().out


@pytest.mark.parametrize(
    "dates",
    [["--from", "2024-13-01"], ["--to", "yesterday"]],
    ids=["no such month", "not a date"],
)
def test_akhbar_report_refuses_a_date_it_cannot_read(built: Path, dates, capsys):
    from flows.cli import main

    with pytest.raises(SystemExit):
        main(["report", "--warehouse", str(built), *dates])
    assert "is not a date like 2018-04-30" in capsys.readouterr().err


def test_ingest_with_report_rewrites_it_after_the_run(tmp_path: Path):
    from flows.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for sample in sorted((Path(__file__).resolve().parents[1] / "inbox").glob("sample_0[12]*")):
        (inbox / sample.name).write_bytes(sample.read_bytes())
    target = tmp_path / "wh" / "akhbar.duckdb"
    assert (
        main(["ingest", "--no-prefect", "--quiet", "--inbox", str(inbox), "--warehouse", str(target), "--report"]) == 0
    )
    page = (tmp_path / "wh" / "akhbar.report.html").read_text(encoding="utf-8")
    assert "(completed)" in page and "Sergey Lavrov" in page  # written after the run was recorded as finished


@pytest.mark.slow
def test_the_flow_links_its_report_from_an_artifact(tmp_path: Path, monkeypatch):
    import flows.ingest

    links: list[dict] = []
    monkeypatch.setattr(flows.ingest, "create_link_artifact", lambda **kw: links.append(kw))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sample = Path(__file__).resolve().parents[1] / "inbox" / "sample_01_lavrov_diop_moscow.html"
    (inbox / sample.name).write_bytes(sample.read_bytes())
    out = tmp_path / "out" / "r.html"
    flows.ingest.ingest_flow(inbox=str(inbox), warehouse_path=str(tmp_path / "w.duckdb"), report_path=str(out))
    assert out.exists()
    assert [(link["key"], link["link"]) for link in links] == [("akhbar-report", out.resolve().as_uri())]
