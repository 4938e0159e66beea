"""Cross-article event linking on 1–3-row frames built by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.nlp.events.linking import (
    EVENT_COLUMNS,
    EVENT_MENTION_COLUMNS,
    article_reports,
    link_events,
    link_keys,
    link_reports,
)

NEW_COLUMNS = {
    "article_id": pl.String,
    "event_type": pl.String,
    "event_mode": pl.String,
    "actor1_id": pl.String,
    "actor2_id": pl.String,
    "location_id": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "status": pl.String,
    "sentence_index": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "evidence": pl.String,
    "trigger": pl.String,
    "contexts": pl.List(pl.String),
    "actor_ids": pl.List(pl.String),
}
LAVROV, DIOP, GOITA = "person:sergey-lavrov", "person:abdoulaye-diop", "person:assimi-goita"


def report(
    article: str,
    start: int = 0,
    *,
    kind=("CONSULT", "visit"),
    actors=(LAVROV,),
    place="gpe:mli",
    date=None,
    precision="unknown",
    status="occurred",
    contexts=(),
) -> dict:
    return {
        "article_id": article,
        "event_type": kind[0],
        "event_mode": kind[1],
        "actor1_id": actors[0] if actors else None,
        "actor2_id": actors[1] if len(actors) > 1 else None,
        "location_id": place,
        "event_date": date,
        "date_precision": precision,
        "status": status,
        "sentence_index": 0,
        "char_start": start,
        "char_end": start + 5,
        "evidence": "جملة",
        "trigger": "زيارة",
        "contexts": list(contexts),
        "actor_ids": list(actors),
    }


def frame(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=NEW_COLUMNS)


EMPTY = pl.DataFrame(schema=EVENT_MENTION_COLUMNS)  # no stored reports


def test_output_columns_match_the_tables() -> None:
    events, mentions = link_events(frame(report("a")), EMPTY)
    assert events.schema == pl.Schema(EVENT_COLUMNS)
    assert mentions.schema == pl.Schema(EVENT_MENTION_COLUMNS)


def test_a_month_report_joins_the_dated_visit_but_an_undated_one_stays_in_its_article() -> None:
    events, mentions = link_events(
        frame(
            report("a", date=dt.date(2023, 2, 1), precision="month"),
            report("b", place="gpe:bamako"),
            report("c", date=dt.date(2023, 2, 7), precision="day"),
        ),
        EMPTY,
    )
    assert events.height == 2
    joined = events.filter(pl.col("num_articles") == 2).row(0, named=True)
    assert (joined["num_articles"], joined["num_mentions"]) == (2, 2)
    assert (joined["event_date"], joined["date_precision"]) == (dt.date(2023, 2, 7), "day")
    assert mentions.filter(pl.col("article_id") == "b")["event_id"][0] != joined["event_id"]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        pytest.param((dt.date(2023, 2, 7), "day"), (dt.date(2023, 2, 8), "day"), False, id="two-different-days"),
        pytest.param((dt.date(2023, 2, 7), "day"), (dt.date(2023, 2, 1), "month"), True, id="day-within-month"),
        pytest.param((dt.date(2023, 2, 7), "day"), (dt.date(2023, 3, 1), "month"), False, id="day-outside-month"),
        pytest.param(
            (dt.date(2023, 2, 7), "day"),
            (dt.date(2023, 1, 1), "year"),
            False,
            id="a-year-is-too-coarse-across-articles",
        ),
        pytest.param((dt.date(2024, 2, 7), "day"), (dt.date(2023, 1, 1), "year"), False, id="different-years"),
    ],
)
def test_precision_aware_dates(first, second, merged: bool) -> None:
    events, _ = link_events(
        frame(report("a", date=first[0], precision=first[1]), report("b", date=second[0], precision=second[1])), EMPTY
    )
    assert (events.height == 1) is merged


def test_actors_match_as_sets_in_any_order() -> None:
    kind = ("CONSULT", "talks")
    day = dict(date=dt.date(2024, 2, 28), precision="day", place="gpe:moscow", kind=kind)
    events, _ = link_events(
        frame(report("a", actors=(LAVROV, DIOP), **day), report("b", actors=(DIOP, LAVROV), **day)), EMPTY
    )
    assert events.height == 1


def test_different_actors_or_types_stay_apart() -> None:
    day = dict(date=dt.date(2024, 2, 28), precision="day")
    events, _ = link_events(
        frame(
            report("a", actors=(LAVROV,), **day),
            report("b", actors=(GOITA,), **day),
            report("c", actors=(LAVROV,), kind=("AID", "military"), **day),
        ),
        EMPTY,
    )
    assert events.height == 3


def test_meeting_and_talks_are_one_family_but_not_a_visit() -> None:
    day = dict(date=dt.date(2024, 2, 28), precision="day", actors=(LAVROV, DIOP))
    events, _ = link_events(
        frame(
            report("a", kind=("CONSULT", "talks"), **day),
            report("b", kind=("CONSULT", "meeting"), **day),
            report("c", kind=("CONSULT", "visit"), **day),
        ),
        EMPTY,
    )
    assert sorted(events["num_mentions"].to_list()) == [1, 2]


def test_actorless_report_joins_only_its_own_articles_event() -> None:
    talks = ("CONSULT", "talks")
    day = dict(date=dt.date(2024, 2, 28), precision="day", kind=talks, actors=(LAVROV, DIOP), status="planned")
    events, mentions = link_events(
        frame(
            report("a", 0, **day),
            report("a", 90, kind=talks, actors=(), place=None, status="planned"),
            report("b", 0, kind=talks, actors=(), place=None, status="planned"),
        ),
        EMPTY,
    )
    assert sorted(events["num_mentions"].to_list()) == [1, 2]
    assert mentions.filter(pl.col("article_id") == "a")["event_id"].n_unique() == 1


def test_ids_are_stable_and_counts_grow_when_a_later_article_joins() -> None:
    first_events, first_mentions = link_events(frame(report("a", date=dt.date(2023, 2, 7), precision="day")), EMPTY)
    event_id = first_events["event_id"][0]
    later_events, later_mentions = link_events(
        frame(report("b", date=dt.date(2023, 2, 1), precision="month")), first_mentions
    )
    assert later_events["event_id"].to_list() == [event_id]
    assert later_events.row(0, named=True)["num_articles"] == 2
    assert later_events.row(0, named=True)["num_mentions"] == 2
    assert later_mentions["event_id"].to_list() == [event_id, event_id]


def test_an_undated_report_never_joins_another_articles_event() -> None:
    _, first_mentions = link_events(frame(report("a", date=dt.date(2023, 2, 7), precision="day")), EMPTY)
    later_events, later_mentions = link_events(frame(report("b")), first_mentions)
    assert later_events["num_articles"].to_list() == [1, 1]
    assert later_mentions["event_id"].n_unique() == 2


def test_relinking_from_scratch_gives_the_same_ids() -> None:
    rows = frame(report("b"), report("a", date=dt.date(2023, 2, 7), precision="day"))
    assert (
        link_events(rows, EMPTY)[0]["event_id"].to_list() == link_events(rows.reverse(), EMPTY)[0]["event_id"].to_list()
    )


def test_planned_then_occurred_settles_the_status() -> None:
    day = dict(date=dt.date(2025, 4, 3), precision="day")
    events, _ = link_events(frame(report("a", status="planned", **day), report("b", status="occurred", **day)), EMPTY)
    assert events["status"].to_list() == ["occurred"]


def test_contexts_and_actors_union() -> None:
    day = dict(date=dt.date(2023, 2, 7), precision="day")
    events, _ = link_events(
        frame(
            report("a", actors=(LAVROV,), contexts=("military",), **day),
            report("b", actors=(LAVROV, GOITA), contexts=("economic",), **day),
        ),
        EMPTY,
    )
    row = events.row(0, named=True)
    assert row["contexts"] == ["economic", "military"]
    assert row["actor_ids"] == [LAVROV, GOITA]
    assert row["actor2_id"] == GOITA


def test_two_undated_reports_in_different_articles_stay_apart() -> None:
    events, _ = link_events(frame(report("a", kind=("AID", "economic")), report("b", kind=("AID", "economic"))), EMPTY)
    assert events.height == 2


def test_within_an_article_a_report_joins_the_event_of_its_agent() -> None:
    day = dict(date=dt.date(2024, 1, 28), precision="day", kind=("RETREAT", "withdrawal"), place=None)
    events, mentions = link_events(
        frame(
            report("a", 0, actors=("gpe:mli", "gpe:ner"), **day),
            report("a", 50, actors=("gpe:fra", "gpe:mli"), kind=("RETREAT", "withdrawal"), place=None),
            report("a", 90, actors=("gpe:ner",), kind=("RETREAT", "withdrawal"), place=None),
        ),
        EMPTY,
    )
    by_start = dict(zip(mentions["char_start"].to_list(), mentions["event_id"].to_list()))
    assert by_start[0] == by_start[90] != by_start[50], "France's withdrawal is not the Sahel states' one"


def test_an_ambiguous_undated_report_joins_the_event_mentioned_last() -> None:
    visit = ("CONSULT", "visit")
    events, mentions = link_events(
        frame(
            report("a", 0, actors=(LAVROV,), place="gpe:mli", date=dt.date(2023, 2, 7), precision="day"),
            report("a", 40, actors=(DIOP,), place="gpe:moscow", kind=visit),
            report("a", 80, actors=(), place=None, kind=visit),
        ),
        EMPTY,
    )
    by_start = dict(zip(mentions["char_start"].to_list(), mentions["event_id"].to_list()))
    assert by_start[80] == by_start[40] != by_start[0]


REPORTS = st.builds(
    lambda article, start, kind, actors, day, status: report(
        article,
        start,
        kind=kind,
        actors=actors,
        place=None,
        date=dt.date(2023, 2, day) if day else None,
        precision="day" if day else "unknown",
        status=status,
    ),
    st.sampled_from(["a", "b", "c"]),
    st.integers(0, 500),
    st.sampled_from([("CONSULT", "visit"), ("CONSULT", "talks"), ("CONSULT", "meeting"), ("AID", "military")]),
    st.sampled_from([(), (LAVROV,), (LAVROV, DIOP), (DIOP,), (GOITA, DIOP)]),
    st.sampled_from([0, 7, 8]),
    st.sampled_from(["occurred", "planned"]),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(REPORTS, min_size=1, max_size=8, unique_by=lambda r: (r["article_id"], r["char_start"])))
def test_every_report_lands_in_exactly_one_event(rows: list[dict]) -> None:
    events, mentions = link_events(frame(*rows), EMPTY)
    assert mentions.height == len(rows)
    assert set(mentions["event_id"]) == set(events["event_id"])
    assert events["num_mentions"].sum() == len(rows)
    for event in events.iter_rows(named=True):
        reports = mentions.filter(pl.col("event_id") == event["event_id"])
        assert event["num_articles"] == reports["article_id"].n_unique()
        days = {d for d in reports["event_date"].to_list() if d is not None}
        assert len(days) <= 1, "two different days never merge"


def test_a_killing_and_an_attack_in_one_article_are_one_event() -> None:
    day = dict(date=dt.date(2017, 6, 3), precision="day", place=None)
    events, _ = link_events(
        frame(
            report("a", 0, kind=("ASSAULT", "kill"), actors=("gpe:gbr",), **day),
            report("a", 80, kind=("ASSAULT", "attack"), actors=(), place=None),
        ),
        EMPTY,
    )
    assert events.height == 1


@pytest.mark.parametrize(
    ("other", "why"),
    [
        pytest.param(dict(date=dt.date(2023, 2, 8), precision="day"), "another day", id="another-day"),
        pytest.param(
            dict(date=dt.date(2023, 2, 7), precision="day", place="gpe:rus"), "another place", id="another-place"
        ),
        pytest.param(
            dict(date=dt.date(2023, 2, 7), precision="day", kind=("CONSULT", "talks")),
            "a meeting is not a visit",
            id="another-mode",
        ),
        pytest.param(dict(), "no date", id="undated"),
    ],
)
def test_a_prolific_actor_alone_never_links_two_articles(other: dict, why: str) -> None:
    events, _ = link_events(frame(report("a", date=dt.date(2023, 2, 7), precision="day"), report("b", **other)), EMPTY)
    assert events.height == 2, why


def test_a_month_report_that_fits_two_days_stays_apart() -> None:
    month = dict(date=dt.date(2023, 2, 1), precision="month")
    events, mentions = link_events(
        frame(
            report("a", date=dt.date(2023, 2, 7), precision="day"),
            report("b", date=dt.date(2023, 2, 20), precision="day"),
            report("c", **month),
        ),
        EMPTY,
    )
    assert events.height == 3


def test_a_meeting_links_whichever_side_the_sentence_names_first() -> None:
    day = dict(date=dt.date(2024, 2, 28), precision="day", kind=("CONSULT", "meeting"))
    events, _ = link_events(
        frame(report("a", actors=(LAVROV, DIOP), **day), report("b", actors=(DIOP, LAVROV), **day)), EMPTY
    )
    assert events.height == 1


def test_an_official_replaces_a_bare_country_in_a_role() -> None:
    day = dict(date=dt.date(2025, 4, 3), precision="day", kind=("CONSULT", "talks"), place="gpe:moscow")
    events, _ = link_events(
        frame(report("a", 0, actors=(LAVROV, "gpe:rus"), **day), report("a", 90, actors=(LAVROV, DIOP), **day)),
        EMPTY,
    )
    assert (events["actor1_id"][0], events["actor2_id"][0]) == (LAVROV, DIOP)


def link_in_batches(batches: list[list[dict]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Link batch after batch against an in-memory warehouse, the way the load step does against DuckDB: each batch
    reads the stored reports sharing its link keys, and its output replaces those reports and their events."""
    events = pl.DataFrame(schema=EVENT_COLUMNS)
    stored = EMPTY
    for batch in batches:
        reports = article_reports(frame(*batch))
        keys = link_keys(reports)
        touched = pl.col("link_key").is_in(pl.Series(keys, dtype=pl.String).implode())
        candidates = stored.filter(touched)
        new_events, new_mentions = link_reports(reports, candidates)
        gone = stored.filter(touched)["event_id"].implode()
        events = pl.concat([events.filter(~pl.col("event_id").is_in(gone)), new_events]).unique("event_id", keep="last")
        stored = pl.concat([stored.filter(~touched.fill_null(False)), new_mentions])
    return events.sort("event_id"), stored.sort("article_id", "char_start", "event_id")


REPORTS_ACROSS_ARTICLES = st.builds(
    lambda article, start, kind, actors, day, place: report(
        article,
        start,
        kind=kind,
        actors=actors,
        place=place,
        date=dt.date(2023, 2, day) if day > 1 else (dt.date(2023, 2, 1) if day == 1 else None),
        precision="day" if day > 1 else ("month" if day == 1 else "unknown"),
    ),
    st.sampled_from(["a", "b", "c", "d", "e"]),
    st.integers(0, 300),
    st.sampled_from([("CONSULT", "visit"), ("CONSULT", "talks"), ("CONSULT", "meeting"), ("ASSAULT", "kill")]),
    st.sampled_from([(), (LAVROV,), (LAVROV, DIOP), (DIOP, LAVROV), (GOITA,)]),
    st.sampled_from([0, 1, 7, 8]),
    st.sampled_from([None, "gpe:mli", "gpe:rus"]),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(REPORTS_ACROSS_ARTICLES, min_size=1, max_size=12, unique_by=lambda r: (r["article_id"], r["char_start"])),
    st.randoms(use_true_random=False),
    st.integers(1, 5),
)
def test_any_split_and_order_of_the_articles_gives_the_same_events_and_ids(rows, rng, parts: int) -> None:
    at_once = link_in_batches([rows])
    articles = sorted({r["article_id"] for r in rows})
    rng.shuffle(articles)
    cut = sorted(rng.sample(range(1, len(articles)), min(parts, len(articles)) - 1)) if len(articles) > 1 else []
    groups = [articles[i:j] for i, j in zip([0, *cut], [*cut, len(articles)])]
    batches = [[r for r in rows if r["article_id"] in group] for group in groups]
    in_parts = link_in_batches(batches)
    assert in_parts[0].to_dicts() == at_once[0].to_dicts()
    assert in_parts[1].to_dicts() == at_once[1].to_dicts()
