"""The named queries in sql/queries/, run against a tiny warehouse built here from sql/schema.sql."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from flows.store import derived
from flows.store.named import with_defaults

REPO = Path(__file__).resolve().parents[1]
QUERIES = REPO / "sql" / "queries"
NAMES = [
    "event_timeline",
    "who_met_whom",
    "events_by_country_month",
    "entity_cooccurrence",
    "quotes_by_speaker",
    "article_provenance",
]
LAVROV, DIOP, GOITA = "person:sergey-lavrov", "person:abdoulaye-diop", "person:assimi-goita"
# Two short invented articles; offsets below point into them.
BODY_A = "التقى لافروف ديوب في موسكو. وقال لافروف إن التعاون سيستمر."
BODY_B = "زار لافروف باماكو والتقى غويتا."


def at(body: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    return start, start + len(surface)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute((REPO / "sql" / "schema.sql").read_text(encoding="utf-8"))
    now = dt.datetime(2024, 3, 1, 12)
    con.executemany(
        "insert into entities (entity_id, entity_type, name_ar, name_en, country_code, name_en_source) values (?, ?, ?, ?, ?, ?)",
        [
            (LAVROV, "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS", "gazetteer"),
            (DIOP, "PERSON", "عبد الله ديوب", "Abdoulaye Diop", "MLI", "gazetteer"),
            (GOITA, "PERSON", "عاصمي غويتا", "Assimi Goita", "MLI", "gazetteer"),
            ("gpe:moscow", "GPE", "موسكو", "Moscow", "RUS", "gazetteer"),
            ("gpe:bamako", "GPE", "باماكو", "Bamako", "MLI", "gazetteer"),
            ("gpe:rus", "GPE", "روسيا", "Russia", "RUS", "cldr"),
        ],
    )
    for article_id, body, published in [
        ("a1", BODY_A, dt.datetime(2024, 2, 28)),
        ("a2", BODY_B, dt.datetime(2023, 2, 7)),
    ]:
        con.execute(
            "insert into articles (article_id, source_path, file_sha256, title, published_at, body_text, word_count,"
            " ingested_at, run_id) values (?, ?, 'sha', 'عنوان', ?, ?, 5, ?, 'r1')",
            [article_id, f"{article_id}.txt", published, body, now],
        )
        con.execute(
            "insert into files (file_path, file_sha256, status, article_id, run_id, seen_at)"
            " values (?, 'sha', 'loaded', ?, 'r1', ?)",
            [f"{article_id}.txt", article_id, now],
        )
    mentions = [
        ("a1", BODY_A, "لافروف", 0, LAVROV, "PERSON", 0),
        ("a1", BODY_A, "ديوب", 0, DIOP, "PERSON", 0),
        ("a1", BODY_A, "موسكو", 0, "gpe:moscow", "GPE", 0),
        ("a1", BODY_A, "لافروف", 1, LAVROV, "PERSON", 1),
        ("a2", BODY_B, "لافروف", 0, LAVROV, "PERSON", 0),
        ("a2", BODY_B, "باماكو", 0, "gpe:bamako", "GPE", 0),
        ("a2", BODY_B, "غويتا", 0, GOITA, "PERSON", 0),
    ]
    for article_id, body, surface, nth, entity_id, entity_type, sentence in mentions:
        s, e = at(body, surface, nth)
        con.execute(
            "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end, "
            "sentence_index, is_adjectival) values (?, ?, ?, ?, ?, ?, ?, ?, false)",
            [f"{article_id}:m{s}-{e}", article_id, entity_id, entity_type, surface, s, e, sentence],
        )
    qs, qe = at(BODY_A, "التعاون سيستمر")
    con.execute(
        "insert into quotes (quote_id, article_id, speaker_id, speaker_surface, quote_text, quote_kind, cue, "
        "char_start, char_end, sentence_index, cue_start, cue_end) values ('a1:q1', 'a1', ?, 'لافروف', 'التعاون سيستمر', 'indirect', 'قال', ?, ?, 1,"
        " null, null)",
        [LAVROV, qs, qe],
    )
    con.executemany(
        "insert into events (event_id, event_type, event_mode, actor1_id, actor2_id, location_id, event_date, "
        "date_precision, num_articles, num_mentions, status, contexts, actor_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                "ev:talks",
                "CONSULT",
                "talks",
                LAVROV,
                DIOP,
                "gpe:moscow",
                dt.date(2024, 2, 28),
                "day",
                1,
                1,
                "occurred",
                ["diplomatic"],
                [LAVROV, DIOP],
            ),
            (
                "ev:visit",
                "CONSULT",
                "visit",
                LAVROV,
                None,
                "gpe:bamako",
                dt.date(2023, 2, 7),
                "day",
                1,
                2,
                "occurred",
                ["diplomatic"],
                [LAVROV],
            ),
            (
                "ev:aid",
                "AID",
                "military",
                "gpe:moscow",
                "gpe:bamako",
                None,
                dt.date(2023, 1, 1),
                "year",
                1,
                1,
                "occurred",
                ["military"],
                ["gpe:moscow", "gpe:bamako"],
            ),
            ("ev:undated", "ACCUSE", "condemn", LAVROV, None, None, None, "unknown", 1, 1, "occurred", [], [LAVROV]),
        ],
    )
    event_mentions = [
        ("ev:talks", "a1", BODY_A, "التقى", 0),
        ("ev:visit", "a2", BODY_B, "زار", 0),
        ("ev:visit", "a2", BODY_B, "والتقى", 0),
        ("ev:aid", "a1", BODY_A, "التعاون", 1),
        ("ev:undated", "a1", BODY_A, "وقال", 1),
    ]
    for event_id, article_id, body, trigger, sentence in event_mentions:
        s, e = at(body, trigger)
        con.execute(
            "insert into event_mentions (event_id, article_id, sentence_index, char_start, char_end, evidence, "
            "trigger, event_date, date_precision) values (?, ?, ?, ?, ?, ?, ?, null, null)",
            [event_id, article_id, sentence, s, e, body, trigger],
        )
    return con


def run(con: duckdb.DuckDBPyConnection, name: str, *params) -> list[dict]:
    """The query's rows as `akhbar query` gives them, after the derived tables are counted from the rows the test
    inserted by hand (a load keeps them: flows/store/derived.py)."""
    derived.rebuild(con)
    sql = (QUERIES / f"{name}.sql").read_text(encoding="utf-8")
    cursor = con.execute(sql, with_defaults(sql, params))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


@pytest.mark.parametrize("name", NAMES)
def test_query_file_follows_the_house_style(name: str) -> None:
    text = (QUERIES / f"{name}.sql").read_text(encoding="utf-8")
    assert text.startswith(f"-- {name}:"), "a header comment says what the query answers"
    assert "-- Parameters:" in text
    assert text.rstrip().endswith("select * from final")
    assert "{" not in text and "%s" not in text, "parameters are bound with ?, never formatted in"


def test_timeline_shows_at_most_its_limit_earliest_first_and_by_default_ten_thousand(con) -> None:
    assert [r["event_id"] for r in run(con, "event_timeline", "2023-01-01", "2024-12-31", 2)] == ["ev:aid", "ev:visit"]
    sql = (QUERIES / "event_timeline.sql").read_text(encoding="utf-8")
    assert with_defaults(sql, ["2023-01-01", "2024-12-31"]) == ["2023-01-01", "2024-12-31", "10000"]
    assert with_defaults(sql, ["2023-01-01", "2024-12-31", "5"])[-1] == "5"
    assert with_defaults(sql, ["2023-01-01"]) == ["2023-01-01"], "a required parameter is not made up"


def test_timeline_with_a_limit_is_the_first_rows_of_the_whole_timeline(con) -> None:
    """The last date shown is found first, on dates alone: every limit cuts the same ordered timeline."""
    con.execute(
        "insert into events select * replace ('ev:aid-2' as event_id) from events where event_id = 'ev:aid'"
    )  # a second event on the first event's date: a tie at the last date shown
    whole = [r["event_id"] for r in run(con, "event_timeline", "2023-01-01", "2024-12-31")]
    assert len(whole) == 4
    for limit in range(5):
        assert [r["event_id"] for r in run(con, "event_timeline", "2023-01-01", "2024-12-31", limit)] == whole[:limit]


def test_timeline_orders_dated_events_and_leaves_undated_out(con) -> None:
    rows = run(con, "event_timeline", "2023-01-01", "2024-12-31")
    assert [r["event_id"] for r in rows] == ["ev:aid", "ev:visit", "ev:talks"]
    talks = rows[-1]
    assert (talks["actor1"], talks["actor2"], talks["location"]) == ("سيرغي لافروف", "عبد الله ديوب", "موسكو")
    assert (talks["actor1_name_en"], talks["actor2_name_en"], talks["location_name_en"]) == (
        "Sergey Lavrov",
        "Abdoulaye Diop",
        "Moscow",
    )
    assert talks["article_ids"] == ["a1"] and talks["evidence"] == BODY_A


def test_timeline_respects_its_window(con) -> None:
    assert [r["event_id"] for r in run(con, "event_timeline", "2024-01-01", "2024-12-31")] == ["ev:talks"]


@pytest.mark.parametrize("countries", [("RUS", "MLI"), ("mli", "rus")], ids=["russia-mali", "either-order-any-case"])
def test_who_met_whom_lists_each_meeting_once(con, countries) -> None:
    rows = run(con, "who_met_whom", *countries)
    assert [r["event_id"] for r in rows] == ["ev:visit", "ev:talks"], "a visit to Bamako involves Mali"
    talks = rows[-1]
    assert talks["month"] == "2024-02", "a month is 'YYYY-MM' text, not a midnight timestamp"
    sides = {talks["side_a"][0]: talks["side_a_en"][0], talks["side_b"][0]: talks["side_b_en"][0]}
    assert sides == {"سيرغي لافروف": "Sergey Lavrov", "عبد الله ديوب": "Abdoulaye Diop"}, "English beside Arabic"
    assert (rows[0]["location"], rows[0]["location_name_en"]) == ("باماكو", "Bamako")
    assert talks["article_ids"] == ["a1"]
    assert "ev:aid" not in [r["event_id"] for r in rows], "only CONSULT events are meetings"


def test_who_met_whom_is_empty_for_countries_that_did_not_meet(con) -> None:
    assert run(con, "who_met_whom", "RUS", "FRA") == []


def test_events_by_country_month_counts_countries_through_officials(con) -> None:
    rows = run(con, "events_by_country_month", "2023-01-01", "2024-12-31")
    got = {(r["month"], r["country_code"], r["event_type"]): r["num_events"] for r in rows}
    assert got == {
        ("2023-02", "RUS", "CONSULT"): 1,
        ("2024-02", "MLI", "CONSULT"): 1,
        ("2024-02", "RUS", "CONSULT"): 1,
    }, "year-precision and undated events have no month"
    names = {r["country_code"]: (r["country_name_ar"], r["country_name_en"]) for r in rows}
    assert names == {"RUS": ("روسيا", "Russia"), "MLI": (None, None)}, "a country no article named has no name row"


def test_entity_cooccurrence_counts_shared_sentences(con) -> None:
    rows = run(con, "entity_cooccurrence", LAVROV)
    got = {r["entity_id"]: (r["num_sentences"], r["num_articles"]) for r in rows}
    assert got == {DIOP: (1, 1), "gpe:moscow": (1, 1), "gpe:bamako": (1, 1), GOITA: (1, 1)}
    assert LAVROV not in got


@pytest.mark.parametrize("speaker", [LAVROV, "لافروف", "lavrov"], ids=["by-id", "by-arabic-name", "by-english-name"])
def test_quotes_by_speaker(con, speaker: str) -> None:
    rows = run(con, "quotes_by_speaker", speaker)
    assert [r["quote_text"] for r in rows] == ["التعاون سيستمر"]
    assert (rows[0]["speaker"], rows[0]["speaker_name_en"]) == ("سيرغي لافروف", "Sergey Lavrov")


def test_article_provenance_has_every_fact_with_offsets(con) -> None:
    rows = run(con, "article_provenance", "a1")
    kinds = [r["record_kind"] for r in rows]
    assert kinds[:2] == ["file", "article"]
    assert {"mention", "quote", "event"} <= set(kinds)
    for r in rows:
        if r["record_kind"] in {"mention", "quote", "event"}:
            assert BODY_A[r["char_start"] : r["char_end"]] == r["surface"]
    assert not any(r["record_id"] == "a2.txt" for r in rows), "another article's file is not this one's provenance"
    mention = next(r for r in rows if r["record_kind"] == "mention" and r["surface"] == "ديوب")
    assert mention["detail"] == f"PERSON {DIOP} عبد الله ديوب / Abdoulaye Diop"


@pytest.mark.parametrize("status", ["planned", "negated", "claimed", "hypothetical"])
def test_event_queries_count_only_what_occurred(con, status: str) -> None:
    con.execute(
        "insert into events (event_id, event_type, event_mode, actor1_id, actor2_id, location_id, event_date,"
        " date_precision, num_articles, num_mentions, status, contexts, actor_ids)"
        " values ('ev:other', 'CONSULT', 'visit', ?, ?, 'gpe:bamako', ?, 'day', 1, 1, ?, ['diplomatic'], [?, ?])",
        [LAVROV, DIOP, dt.date(2024, 2, 29), status, LAVROV, DIOP],
    )
    s, e = at(BODY_A, "التقى")
    con.execute(
        "insert into event_mentions (event_id, article_id, sentence_index, char_start, char_end, evidence, trigger)"
        " values ('ev:other', 'a1', 0, ?, ?, ?, 'التقى')",
        [s, e + 1, BODY_A],
    )
    found = [r["event_id"] for r in run(con, "event_timeline", "2024-01-01", "2024-12-31")]
    found += [r["event_id"] for r in run(con, "who_met_whom", "RUS", "MLI")]
    assert "ev:other" not in found
    months = run(con, "events_by_country_month", "2024-01-01", "2024-12-31")
    assert sum(r["num_events"] for r in months if r["country_code"] == "MLI") == 1
