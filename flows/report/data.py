"""What the report shows, read from the warehouse: one SQL file of sql/report/ per part, parameters bound with ``?``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

import polars as pl

from flows.errors import AkhbarError
from flows.resources import sql_dir, sql_text
from flows.store import warehouse

REPORT_SQL_DIR = sql_dir().joinpath("report")
# How much each part shows, chosen by looking at the report of a month of ANT v2.1 (2,677 articles): past 40 pairs
# the network's labels run into each other; 12 bars fit the speakers chart; 9 speakers with 2 quotations each fill
# six rows of three cards; past 5 names per type a trend panel's lines cannot be told apart.
MAX_PAIRS = 40
MAX_SPEAKERS = 12
CARD_SPEAKERS = 9
QUOTES_PER_SPEAKER = 2
TRENDS_PER_TYPE = 5


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class Freshness:
    last_run_id: str | None
    last_run_status: str | None
    last_run_at: dt.datetime | None
    num_articles: int
    num_undated: int
    first_published: dt.date | None
    newest_published_at: dt.datetime | None
    newest_ingested_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ReportData:
    period: Period
    freshness: Freshness
    articles_per_day: pl.DataFrame
    events_per_day: pl.DataFrame
    meetings: pl.DataFrame
    top_speakers: pl.DataFrame
    quote_cards: pl.DataFrame
    entity_trends: pl.DataFrame


def read_report_data(con: warehouse.Connection, start: dt.date | None = None, end: dt.date | None = None) -> ReportData:
    """Everything the report draws, for articles and events between ``start`` and ``end`` (inclusive).

    Without dates the period is the warehouse's whole span of publication dates.
    """
    columns, rows = warehouse.query(con, read_sql("freshness"))
    freshness = Freshness(**dict(zip(columns, rows[0])))
    period = resolve_period(freshness, start, end)
    dates = [period.start, period.end]
    return ReportData(
        period=period,
        freshness=freshness,
        articles_per_day=read_frame(con, "articles_per_day", dates),
        events_per_day=read_frame(con, "events_per_day", dates),
        meetings=read_frame(con, "meetings", [*dates, MAX_PAIRS]),
        top_speakers=read_frame(con, "top_speakers", [*dates, MAX_SPEAKERS]),
        quote_cards=read_frame(con, "quote_cards", [*dates, CARD_SPEAKERS, QUOTES_PER_SPEAKER]),
        entity_trends=read_frame(con, "entity_trends", [*dates, TRENDS_PER_TYPE]),
    )


def resolve_period(freshness: Freshness, start: dt.date | None, end: dt.date | None) -> Period:
    """The dates asked for, the data's first and last publication dates standing in for those not given."""
    newest = freshness.newest_published_at.date() if freshness.newest_published_at else None
    start = start or freshness.first_published or newest or dt.date.today()
    end = end or newest or start
    if end < start:
        raise AkhbarError(f"--from {start} is after --to {end}")
    return Period(start, end)


def read_sql(name: str) -> str:
    return sql_text(f"report/{name}.sql")


def read_frame(con: warehouse.Connection, name: str, params: Sequence[object]) -> pl.DataFrame:
    columns, rows = warehouse.query(con, read_sql(name), params)
    return pl.DataFrame(rows, schema=columns, orient="row")
