"""`akhbar search`: Arabic spellings that must find each other, BM25 ranking in SQL, snippets, the index kept by
ingest, and the command end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flows.cli import main
from flows.runner import search_index
from flows.search import index_frames, search
from flows.search.query import query_terms, query_words
from flows.search.snippet import snippet
from flows.search.terms import skeleton, terms
from flows.store import warehouse
from flows.store.frames import frame


def articles(*rows: tuple[str, str, str], published: dt.datetime | None = None) -> pl.DataFrame:
    """Articles frame from (article_id, title, body_text) rows."""
    now = dt.datetime(2018, 7, 1)
    return frame(
        "articles",
        [
            {
                "article_id": aid,
                "source_path": f"{aid}.txt",
                "file_sha256": aid,
                "title": title,
                "published_at": published,
                "body_text": body,
                "word_count": len(body.split()),
                "ingested_at": now,
                "run_id": "test",
            }
            for aid, title, body in rows
        ],
    )


def load(con: warehouse.Connection, batch: pl.DataFrame) -> None:
    warehouse.load_batch(con, {"articles": batch, **index_frames(batch)})


def found(con: warehouse.Connection, query: str, **kwargs) -> list[str]:
    return [row[0] for row in search(con, query, limit=50, **kwargs)[1]]


@pytest.fixture
def con():
    connection = warehouse.connect(Path(":memory:"))
    yield connection
    connection.close()


# (the word in the article, the word the analyst types): each pair must find the article.
SPELLINGS = [
    pytest.param("أحمد", "احمد", id="hamza-on-alef-above"),
    pytest.param("إيران", "ايران", id="hamza-on-alef-below"),
    pytest.param("آلاف", "الاف", id="alef-madda"),
    pytest.param("مدرسة", "مدرسه", id="ta-marbuta-as-ha"),
    pytest.param("مصطفى", "مصطفي", id="alef-maqsura-as-ya"),
    pytest.param("مُحَمَّد", "محمد", id="diacritics"),
    pytest.param("العـــراق", "العراق", id="tatweel"),
    pytest.param("وبموسكو", "موسكو", id="conjunction-and-preposition-clitics"),
    pytest.param("موسكو", "بموسكو", id="clitic-in-the-query"),
    pytest.param("للحوثيين", "الحوثي", id="li-plus-article-and-plural"),
    pytest.param("المسيرات", "مسيرة", id="definite-plural-vs-singular"),
    pytest.param("الانتخابات", "انتخاب", id="feminine-plural-vs-noun"),
    pytest.param("حكومته", "الحكومة", id="pronoun-suffix-vs-definite"),
    pytest.param("غوتيريش", "جوتيريس", id="guterres-egyptian-spelling"),
    pytest.param("واشنطن", "واشنطون", id="washington-with-waw"),
    pytest.param("بيونغ", "بيونج", id="pyongyang-ghain-vs-jim"),
    pytest.param("نتنياهو", "نتانياهو", id="netanyahu-with-alef"),
    pytest.param("ميغان", "ميجان", id="meghan-ghain-vs-jim"),
    pytest.param("بوتين", "بوتن", id="putin-without-ya"),
    pytest.param("ترامب", "ترمب", id="trump-without-alef"),
    pytest.param("بريكست", "بريكسيت", id="brexit-with-ya"),
]


@pytest.mark.parametrize("written, typed", SPELLINGS)
def test_a_spelling_finds_the_article(con, written: str, typed: str) -> None:
    load(con, articles(("a1", "خبر", f"قال مصدر إن {written} في الخبر."), ("a2", "آخر", "خبر عن الطقس والبحر.")))
    assert found(con, typed) == ["a1"]


@pytest.mark.parametrize(
    "typed, other",
    [
        pytest.param("قال", "قيل", id="short-words-are-not-respelled"),
        pytest.param("كتاب", "كاتب", id="book-is-not-writer"),
    ],
)
def test_unrelated_words_are_not_spelling_variants(typed: str, other: str) -> None:
    qwords = query_words(typed)
    known = [("typed", "", "", qwords[0].term, 5), ("spelling", other, skeleton(other), terms(other)[0], 5)]
    assert [t.term for t in query_terms(qwords, known, n=10)] == [qwords[0].term]


@pytest.mark.parametrize(
    "typed_df, variant_df, widened",
    [
        pytest.param(0, 3, True, id="a-spelling-the-index-lacks-finds-the-one-it-has"),
        pytest.param(3, 30, True, id="a-rare-spelling-finds-the-usual-one"),
        pytest.param(30, 3, False, id="a-usual-word-is-not-widened-to-a-rarer-look-alike"),
    ],
)
def test_a_variant_is_added_when_the_index_knows_it_at_least_as_well(typed_df, variant_df, widened) -> None:
    qwords = query_words("جوتيريس")
    known = [("typed", "", "", qwords[0].term, typed_df)] if typed_df else []
    known.append(("spelling", "غوتيريش", skeleton("غوتيريش"), "غوتيريش", variant_df))
    assert ("غوتيريش" in [t.term for t in query_terms(qwords, known, n=100)]) is widened


def test_common_words_are_left_out_of_a_query_with_rarer_ones() -> None:
    qwords = query_words("قال غوتيريش")
    known = [("typed", "", "", "قال", 90), ("typed", "", "", "غوتيريش", 2)]
    assert [t.term for t in query_terms(qwords, known, n=100)] == ["غوتيريش"]
    assert [t.term for t in query_terms(query_words("قال"), known[:1], n=100)] == ["قال"]


def test_a_variant_counts_less_than_the_spelling_typed(con) -> None:
    load(con, articles(("typed", "خبر", "تصريحات جوتيريس اليوم"), ("other", "خبر", "تصريحات غوتيريش اليوم")))
    assert found(con, "جوتيريس") == ["typed", "other"]


def test_title_words_count_more_than_body_words(con) -> None:
    load(
        con,
        articles(
            ("body", "أخبار اليوم", "زلزال قوي يضرب المنطقة وأخبار أخرى عن الطقس"),
            ("title", "زلزال قوي", "ضرب المنطقة اليوم وأخبار أخرى عن الطقس والبحر"),
            ("none", "الطقس", "أمطار غزيرة"),
        ),
    )
    assert found(con, "زلزال") == ["title", "body"]


def test_an_article_with_more_query_words_ranks_first(con) -> None:
    load(
        con,
        articles(
            ("one", "خبر", "حرائق في كاليفورنيا"),
            ("two", "خبر", "حرائق الغابات في اليونان"),
            ("three", "خبر", "اليونان بلد جميل"),
        ),
    )
    assert found(con, "حرائق اليونان")[0] == "two"


def test_rare_words_weigh_more_than_common_ones(con) -> None:
    common = [(f"c{i}", "خبر", "قال المتحدث إن الوضع هادئ") for i in range(5)]
    load(con, articles(*common, ("rare", "خبر", "قال المتحدث إن نوفيتشوك خطير")))
    assert found(con, "قال نوفيتشوك")[0] == "rare"


def test_dates_bound_the_results(con) -> None:
    load(con, articles(("june", "زلزال", "زلزال"), published=dt.datetime(2018, 6, 10, 9, 30)))
    load(con, articles(("july", "زلزال", "زلزال"), published=dt.datetime(2018, 7, 10)))
    assert set(found(con, "زلزال")) == {"june", "july"}
    assert found(con, "زلزال", date_from=dt.date(2018, 7, 1)) == ["july"]
    assert found(con, "زلزال", date_to=dt.date(2018, 6, 10)) == ["june"]


def test_indexing_an_article_again_replaces_its_rows(con) -> None:
    batch = articles(("a1", "زلزال", "زلزال في اليابان"))
    load(con, batch)
    before = {t: con.execute(f"select * from {t} order by all").fetchall() for t in ("search_terms", "search_vocab")}
    load(con, batch)
    after = {t: con.execute(f"select * from {t} order by all").fetchall() for t in ("search_terms", "search_vocab")}
    assert after == before
    load(con, articles(("a1", "فيضان", "فيضان في الهند")))  # reprocessed with other text
    assert found(con, "زلزال") == [] and found(con, "فيضان") == ["a1"]


def test_articles_loaded_before_the_index_are_indexed_by_the_next_batch(con) -> None:
    warehouse.load_batch(con, {"articles": articles(("old", "زلزال", "زلزال في اليابان"))})
    assert found(con, "زلزال") == []
    empty = {"articles": articles(), "quotes": frame("quotes", [])}
    warehouse.load_batch(con, search_index(con, empty))
    assert found(con, "زلزال") == ["old"]


def test_quotes_are_ranked_by_their_words_and_speaker(con) -> None:
    batch = articles(("a1", "خبر", "نص"))
    said = {"article_id": "a1", "quote_kind": "direct", "char_start": 0, "char_end": 2}
    quotes = frame(
        "quotes",
        [
            {**said, "quote_id": "q1", "speaker_surface": "لافروف", "quote_text": "الحل في سوريا سياسي"},
            {**said, "quote_id": "q2", "speaker_surface": "بومبيو", "quote_text": "العقوبات باقية"},
        ],
    )
    warehouse.load_batch(con, {"articles": batch, "quotes": quotes, **index_frames(batch, quotes)})
    columns, rows = search(con, "لافروف سوريا", quotes=True)
    assert [r[columns.index("quote_id")] for r in rows] == ["q1"]
    assert "[سوريا]" in rows[0][columns.index("snippet")]


@pytest.mark.parametrize(
    "text, matched, expected",
    [
        pytest.param("زلزال في اليابان. أمطار.", {"زلزال"}, "[زلزال] في اليابان.", id="marks-the-word"),
        pytest.param("أمطار. وبموسكو قمة.", {"موسكو"}, "[وبموسكو] قمة.", id="marks-the-whole-word-with-clitics"),
        pytest.param(
            "أمطار غزيرة. زلزال في اليابان. زلزال وتسونامي في اليابان.",
            {"زلزال", "تسونامي"},
            "[زلزال] [وتسونامي] في اليابان.",
            id="picks-the-sentence-with-most-terms",
        ),
    ],
)
def test_snippets_mark_the_matched_words(text: str, matched: set[str], expected: str) -> None:
    assert snippet(text, matched) == expected


def test_a_long_sentence_is_cut_around_the_match() -> None:
    text = " ".join(["كلمة"] * 100 + ["زلزال"] + ["كلمة"] * 100)
    cut = snippet(text, {"زلزال"})
    assert "[زلزال]" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) < 260


ARABIC_WORD = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى", min_size=2, max_size=9)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(ARABIC_WORD, min_size=1, max_size=12), pick=st.integers(min_value=0))
def test_a_word_of_an_article_always_finds_it(con, words: list[str], pick: int) -> None:
    word = words[pick % len(words)]
    assume(query_words(word))
    con.execute("delete from search_terms; delete from search_docs; delete from search_vocab; delete from articles")
    load(con, articles(("doc", "عنوان", " ".join(words)), ("other", "عنوان", "نص آخر")))
    assert "doc" in found(con, word)


@pytest.fixture
def inbox_warehouse(tmp_path: Path) -> tuple[Path, Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "guterres.txt").write_text(
        "غوتيريش يدعو إلى الالتزام بالاتفاق النووي\n"
        "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش جميع الأطراف إلى الالتزام بالاتفاق النووي مع إيران.\n",
        encoding="utf-8",
    )
    (inbox / "fires.txt").write_text(
        "حرائق الغابات في اليونان\nاندلع حريق كبير قرب أثينا، وقالت السلطات إن الحريق أودى بحياة العشرات.\n",
        encoding="utf-8",
    )
    wh = tmp_path / "w.duckdb"
    assert main(["ingest", "--no-prefect", "--quiet", "--inbox", str(inbox), "--warehouse", str(wh)]) == 0
    return inbox, wh


def test_search_end_to_end_through_the_cli(inbox_warehouse, capsys) -> None:
    _, wh = inbox_warehouse
    capsys.readouterr()
    assert main(["search", "جوتيريس", "--warehouse", str(wh), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and {"article_id", "title", "score", "snippet", "published_at"} <= set(rows[0])
    assert rows[0]["title"].startswith("غوتيريش") and "[غوتيريش]" in rows[0]["snippet"]
    assert main(["search", "حريق", "--warehouse", str(wh), "--format", "csv", "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "article_id,title,published_at,score,snippet" and len(lines) == 2
    assert main(["search", "حريق", "--warehouse", str(wh)]) == 0
    assert "(1 row)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--from", "2018-13-01"], id="bad-date"),
        pytest.param(["--limit", "0"], id="zero-limit"),
    ],
)
def test_bad_search_options_are_rejected(inbox_warehouse, argv: list[str]) -> None:
    _, wh = inbox_warehouse
    with pytest.raises(SystemExit):
        main(["search", "حريق", "--warehouse", str(wh), *argv])


def test_a_warehouse_without_the_index_says_what_to_do(tmp_path: Path, capsys) -> None:
    wh = tmp_path / "old.duckdb"
    con = warehouse.connect(wh)
    con.execute("drop table search_terms")
    con.close()
    assert main(["search", "زلزال", "--warehouse", str(wh)]) == 1
    assert "no search index yet" in capsys.readouterr().err


def test_articles_not_yet_indexed_are_reported(tmp_path: Path, capsys) -> None:
    wh = tmp_path / "w.duckdb"
    con = warehouse.connect(wh)
    warehouse.load_batch(con, {"articles": articles(("old", "زلزال", "زلزال في اليابان"))})
    con.close()
    assert main(["search", "زلزال", "--warehouse", str(wh)]) == 0
    assert "1 articles, loaded before the search index existed" in capsys.readouterr().err
    assert main(["status", "--warehouse", str(wh)]) == 0
    assert "search index: 0 of 1 articles" in capsys.readouterr().out
