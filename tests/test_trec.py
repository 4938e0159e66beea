"""TREC-style files (<DOC>…<TEXT>…</TEXT></DOC>, as the ANT corpora ship their articles) dropped into the inbox as .txt:
each field lands in its column, the tags and the byline stay out of the body, and a file of several documents is
quarantined with its reason. Fixtures are written here; they are not taken from any corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flows.errors import Quarantine
from flows.read import article_from_bytes
from flows.read.trec import is_trec, parse_trec
from flows.runner import run_ingest
from flows.settings import Settings
from flows.store import warehouse

BODY = (
    "أعلنت وزارة الزراعة في بيان اليوم عن خطة جديدة لدعم المزارعين في المناطق الجنوبية خلال الموسم المقبل.\n"
    "وقال الوزير إن الخطة تشمل توزيع البذور والأسمدة بأسعار مخفضة على أكثر من عشرة آلاف أسرة.\n"
    "وأضاف أن الحكومة ستراجع نتائج الخطة بعد ستة أشهر من بدء تنفيذها."
)
ABSTRACT = "ملخص الموقع للخبر: خطة زراعية جديدة في الجنوب."


def trec(
    *,
    time: str = "Tue, 06 Mar 2018 09:15:00 GMT",
    author: str = "الرباط - مراسل الموقع",
    body: str = BODY,
    title_tag: str = "TITLE",
) -> str:
    return (
        "<DOC>\n<DOCNO>XX-economy-7-20180306</DOCNO>\n<URL>https://news.example.org/economy/7</URL>\n"
        "<SRC>examplenews</SRC>\n<CAT>economy</CAT>\n"
        f"<{title_tag}>خطة لدعم المزارعين &amp; الأسر الريفية</{title_tag}>\n<TIME>{time}</TIME>\n"
        f"<AUTHOR>{author}</AUTHOR>\n<ABSTRACT>\n{ABSTRACT}\n</ABSTRACT>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n"
    )


def test_each_field_lands_in_its_column() -> None:
    article = article_from_bytes(trec().encode("utf-8"), ".txt", {})
    assert article.title == "خطة لدعم المزارعين & الأسر الريفية"
    assert article.body_text == BODY
    assert article.published_at == dt.datetime(2018, 3, 6, 9, 15)
    assert article.date_source == "trec"
    assert article.url == "https://news.example.org/economy/7"
    assert article.site_name == "examplenews"
    assert article.author == "الرباط - مراسل الموقع"


def test_no_tag_byline_or_abstract_in_the_body() -> None:
    body = article_from_bytes(trec().encode("utf-8"), ".txt", {}).body_text
    assert "<" not in body and "مراسل الموقع" not in body and ABSTRACT not in body


@pytest.mark.parametrize(
    "time, expected",
    [
        ("2017-01-26T08:31:00+01:00", dt.datetime(2017, 1, 26, 8, 31)),  # ISO 8601: the site's wall clock is kept
        ("Sun, 15 Jul 2018 21:56:56 +0400", dt.datetime(2018, 7, 15, 21, 56, 56)),
    ],
)
def test_machine_dates_of_either_kind(time: str, expected: dt.datetime) -> None:
    assert article_from_bytes(trec(time=time).encode("utf-8"), ".txt", {}).published_at == expected


def test_no_time_falls_back_to_the_text_and_a_sidecar_wins() -> None:
    undated = article_from_bytes(trec(time="").encode("utf-8"), ".txt", {})
    assert undated.published_at is None and undated.date_source is None
    sidecar = {"published_at": "2019-05-01", "title": "عنوان الملف الجانبي"}
    article = article_from_bytes(trec().encode("utf-8"), ".txt", sidecar)
    assert (article.published_at, article.date_source, article.title) == (
        dt.datetime(2019, 5, 1),
        "sidecar",
        "عنوان الملف الجانبي",
    )


def test_headline_paragraph_tags_and_a_machine_id_for_an_author() -> None:
    paragraphs = "<P>\nأعلنت الوزارة خطة جديدة لدعم المزارعين في الجنوب.\n</P>\n<P>وقال الوزير إن الخطة تبدأ قريبا.</P>"
    article = article_from_bytes(
        trec(title_tag="HEADLINE", body=paragraphs, author="8f3c6211-7e64-4bd6-9d15-e0c3280c1d9e").encode(), ".txt", {}
    )
    assert article.title == "خطة لدعم المزارعين & الأسر الريفية"
    assert article.body_text.split("\n") == [
        "أعلنت الوزارة خطة جديدة لدعم المزارعين في الجنوب.",
        "وقال الوزير إن الخطة تبدأ قريبا.",
    ]
    assert article.author is None  # a content id in the byline field names nobody


def test_only_a_file_that_starts_with_doc_is_read_as_one() -> None:
    assert is_trec("\ufeff  <DOC>\n<TEXT>نص</TEXT></DOC>")
    assert not is_trec("عنوان الخبر\nنص يذكر الوسم <DOC> في وسطه")


@pytest.mark.parametrize(
    "text, reason",
    [
        (trec() + trec(), "2 TREC-style documents (<DOC>) in one file"),
        ("<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>عنوان</TITLE>\n</DOC>", "without a <TEXT> element"),
    ],
)
def test_what_cannot_be_one_article_is_quarantined_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(Quarantine, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_trec(text)


def test_ingest_loads_one_and_quarantines_the_bundle(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(trec(), encoding="utf-8")
    (inbox / "bundle.txt").write_text(trec() + trec(body=BODY.replace("الزراعة", "الصحة")), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    run_ingest(settings)
    with warehouse.opened(settings.warehouse) as con:
        files = dict(con.execute("select file_path, status from files").fetchall())
        reason = con.execute("select error from files where status = 'quarantined'").fetchone()
        row = con.execute("select title, date_source, site_name, body_text from articles").fetchall()
    assert files == {"one.txt": "loaded", "bundle.txt": "quarantined"}
    assert reason is not None and "akhbar reads one article per file" in reason[0]
    assert row == [("خطة لدعم المزارعين & الأسر الريفية", "trec", "examplenews", BODY)]
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before  # the user's files untouched
