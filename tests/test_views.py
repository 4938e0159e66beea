"""The BI views of sql/views/: golden checks on a hand-built warehouse (names joined in, dates, counts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flows.store import warehouse
from tests.bi_rows import ARTICLE_ID, make_warehouse

VIEWS = ("v_events", "v_quotes", "v_mentions_daily")


@pytest.fixture
def con(tmp_path: Path):
    with warehouse.opened(make_warehouse(tmp_path / "w.duckdb"), read_only=True) as con:
        yield con


def rows(con, sql: str) -> list[dict]:
    columns, values = warehouse.query(con, sql)
    return [dict(zip(columns, row)) for row in values]


def test_every_view_file_is_created_by_migrate(con):
    names = {row["view_name"] for row in rows(con, "select view_name from duckdb_views() where not internal")}
    assert set(VIEWS) <= names
    assert {p.stem for p in warehouse.VIEWS_DIR.glob("*.sql")} == set(VIEWS)


def test_v_events_names_actors_and_place(con):
    [event] = rows(con, "select * from v_events")
    assert event["actor1_name_en"] == "Sergey Lavrov" and event["actor1_name_ar"] == "سيرغي لافروف"
    assert event["actor2_name_en"] == "Mali"
    assert event["location_name_en"] == "Bamako" and event["location_country_code"] == "MLI"
    assert event["event_date"] == dt.date(2024, 3, 4) and event["date_precision"] == "day"
    assert (event["event_month"], event["first_reported_month"]) == ("2024-03", "2024-03")
    assert (event["num_articles"], event["num_mentions"]) == (1, 1)
    assert event["contexts"] == "diplomacy, military"  # a plain string: BI tools choke on list columns
    assert event["first_reported_at"] == dt.datetime(2024, 3, 5, 9, 30)
    assert event["example_evidence"].startswith("زار لافروف")


def test_v_events_keeps_an_event_without_actors_or_reports(tmp_path: Path):
    with warehouse.opened(make_warehouse(tmp_path / "w.duckdb")) as con:
        con.execute(
            "insert into events (event_id, event_type, date_precision, num_articles, num_mentions) "
            "values ('e2', 'PROTEST', 'unknown', 0, 0)"
        )
        event = rows(con, "select * from v_events where event_id = 'e2'")[0]
    assert event["actor1_name_ar"] is None and event["location_name_ar"] is None
    assert event["event_month"] is None, "an event of unknown date has no month"
    assert event["contexts"] is None and event["example_evidence"] is None


def test_v_quotes_carries_speaker_and_article(con):
    [quote] = rows(con, "select * from v_quotes")
    assert (quote["speaker_name_ar"], quote["speaker_name_en"]) == ("سيرغي لافروف", "Sergey Lavrov")
    assert quote["published_month"] == "2024-03"
    assert quote["article_title"] == "لافروف في باماكو"
    assert quote["url"] == "https://example.org/visit"
    assert quote["published_date"] == dt.date(2024, 3, 5)
    assert quote["quote_text"] == "روسيا تدعم مالي" and quote["cue"] == "قال"


def test_v_mentions_daily_counts_per_entity_and_day(con):
    daily = {row["entity_id"]: row for row in rows(con, "select * from v_mentions_daily")}
    assert set(daily) == {"P-lavrov", "G-bamako", "G-mali"}
    assert daily["P-lavrov"]["day"] == dt.date(2024, 3, 5) and daily["P-lavrov"]["month"] == "2024-03"
    assert (daily["P-lavrov"]["name_ar"], daily["P-lavrov"]["name_en"]) == ("سيرغي لافروف", "Sergey Lavrov")
    assert daily["G-mali"]["name_en_source"] == "cldr"
    assert daily["P-lavrov"]["date_basis"] == "published"
    assert (daily["G-mali"]["num_mentions"], daily["G-mali"]["num_articles"]) == (1, 1)


def test_v_mentions_daily_falls_back_to_ingest_day(tmp_path: Path):
    path = make_warehouse(tmp_path / "w.duckdb")
    with warehouse.opened(path) as con:
        con.execute("update articles set published_at = null where article_id = ?", [ARTICLE_ID])
        days = rows(con, "select distinct day, date_basis from v_mentions_daily")
    assert days == [{"day": dt.date(2024, 3, 6), "date_basis": "ingested"}]
