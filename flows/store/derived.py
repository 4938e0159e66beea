"""Tables derived from the facts, kept by each load and retraction, so that the named queries read what a question
selects instead of aggregating every mention or event (issue 18: at 1M articles entity_cooccurrence took 6-16 s,
events_by_country_month 8.5 s, who_met_whom 1.4-2.5 s, measured under load).

- entity_pairs: per ordered pair of entities, the sentences (and distinct articles) that name both;
- event_participants: per event, every actor and the place of a visit, with the entity's country;
- event_country_days: per day, country and event type, the counted events (occurred, dated to the day or month) in
  which the country took part through an actor, with their reports and article reports;
- event_reports: per event, its first report's sentence and the articles that report it (event_timeline read them
  from every report of the events it shows: 1.42 s over the whole span at 1M articles).

Each load (flows/store/warehouse.py load_batch) calls ``before_load`` inside its transaction, before it deletes or
writes anything, and ``after_load`` once everything is written: the first takes away what the events and articles
the batch replaces contributed, the second adds what the batch's rows contribute. An article's mentions are written
all at once and retracted all at once, so its sentence pairs are added or subtracted whole. ``recount`` gives what
each table must hold (a test compares them after ingest, reprocess and retraction); ``rebuild`` writes it (migration).
Plain SQL on a warehouse connection; only flows/store/warehouse.py imports duckdb.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Sequence

import polars as pl

DERIVED_TABLES = ("entity_pairs", "event_participants", "event_country_days", "event_reports")
# The facts they are counted from: a hand edit that may change one of these (`akhbar sql --write`) rebuilds them.
SOURCE_TABLES = ("mentions", "events", "event_mentions", "entities")
# DuckDB statement types that can change a table's rows (a SELECT, EXPLAIN, PRAGMA or SET cannot).
WRITING_STATEMENTS = frozenset({"INSERT", "UPDATE", "DELETE", "ALTER", "DROP", "COPY", "CREATE", "MERGE_INTO"})
# The temp tables the maintenance fills within a load (dropped after it).
AFFECTED = "akhbar_affected_events"

# The distinct (article, sentence, entity) triples of non-adjectival mentions, as entity_cooccurrence counts them,
# paired within each sentence. {mentions}: the mentions to pair (a batch's, a retraction's, or all).
PAIRS_SQL = """
    with triples as (
        select distinct article_id, sentence_index, entity_id from ({mentions}) where not is_adjectival
    )
    select a.entity_id, b.entity_id as other_id, count(*)::integer as num_sentences,
        count(distinct a.article_id)::integer as num_articles
    from triples as a join triples as b using (article_id, sentence_index)
    where a.entity_id <> b.entity_id
    group by all
"""

# Every actor of an event (actor_ids, or actor1/actor2 for rows from before it) and the place of a visit, with the
# entity's country as it is now. {events}: the events to derive (the affected ones, or all).
PARTICIPANTS_SQL = """
    with events as ({events}),
    participants as (
        select distinct e.event_id, x.entity_id, 'actor' as role
        from events as e, unnest(coalesce(e.actor_ids, [e.actor1_id, e.actor2_id])) as x(entity_id)
        where x.entity_id is not null
        union all
        select event_id, location_id, 'place' from events where event_mode = 'visit' and location_id is not null
    )
    select p.event_id, p.entity_id, p.role, en.country_code, e.event_type, e.status
    from participants as p
    join events as e using (event_id)
    left join entities as en on en.entity_id = p.entity_id
"""

# What events contribute to event_country_days: each event once per country of its actors. {events}: which events,
# {participants}: their rows of event_participants.
COUNTRY_DAYS_SQL = """
    with event_countries as (
        select distinct e.event_id, e.event_date, e.event_type, e.num_mentions, e.num_articles, p.country_code
        from ({events}) as e
        join ({participants}) as p on p.event_id = e.event_id
        where p.role = 'actor' and p.country_code is not null
            and e.date_precision in ('day', 'month') and e.status = 'occurred' and e.event_date is not null
    )
    select event_date, country_code, event_type, count(*)::integer as num_events,
        sum(num_mentions)::bigint as num_reports, sum(num_articles)::bigint as num_article_reports
    from event_countries
    group by all
"""

# Per stored event, its date, its first report's sentence (in article and offset order) and the articles that report
# it, as event_timeline shows them. {event_mentions}: the reports to count, {events}: their events (the affected
# ones, or all). The date lets event_timeline read only the row groups of its events' dates (rows are written in date
# order by a rebuild, and roughly so by loads, which add the news of the day).
REPORTS_SQL = """
    with reports as (
        select event_id,
            arg_min(evidence, article_id || ':' || lpad(cast(char_start as varchar), 9, '0')) as evidence,
            list(distinct article_id order by article_id) as article_ids
        from ({event_mentions})
        group by event_id
    )
    select r.event_id, e.event_date, r.evidence, r.article_ids
    from reports as r
    join ({events}) as e using (event_id)
"""

ALL_MENTIONS = "select * from mentions"
ALL_EVENTS = "select * from events"
# The affected events and their participants, each read with event_id as the statement's one filter, so that DuckDB
# reads them through the index on event_id (events' primary key; event_participants_event, migration 010) instead of
# scanning 1M events and 2M participants per batch.
AFFECTED_EVENTS = f"select * from events where event_id in (select event_id from {AFFECTED})"
AFFECTED_PARTICIPANTS = f"select * from event_participants where event_id in (select event_id from {AFFECTED})"
AFFECTED_DAYS = COUNTRY_DAYS_SQL.format(events=AFFECTED_EVENTS, participants=AFFECTED_PARTICIPANTS)
# through the index on event_mentions.event_id (migration 011)
AFFECTED_REPORTS = REPORTS_SQL.format(
    event_mentions=f"select * from event_mentions where event_id in (select event_id from {AFFECTED})",
    events=AFFECTED_EVENTS,
)

# Adding (sign 1) or taking away (sign -1) counts, then dropping the rows left at zero.
ADD_PAIRS_SQL = """
    insert into entity_pairs by name select * from ({delta})
    on conflict (entity_id, other_id) do update set
        num_sentences = entity_pairs.num_sentences + excluded.num_sentences,
        num_articles = entity_pairs.num_articles + excluded.num_articles
"""
SUBTRACT_PAIRS_SQL = """
    update entity_pairs set num_sentences = entity_pairs.num_sentences - gone.num_sentences,
        num_articles = entity_pairs.num_articles - gone.num_articles
    from ({delta}) as gone
    where entity_pairs.entity_id = gone.entity_id and entity_pairs.other_id = gone.other_id
"""
ADD_DAYS_SQL = """
    insert into event_country_days by name select * from ({delta})
    on conflict (event_date, country_code, event_type) do update set
        num_events = event_country_days.num_events + excluded.num_events,
        num_reports = event_country_days.num_reports + excluded.num_reports,
        num_article_reports = event_country_days.num_article_reports + excluded.num_article_reports
"""
SUBTRACT_DAYS_SQL = """
    update event_country_days set num_events = event_country_days.num_events - gone.num_events,
        num_reports = event_country_days.num_reports - gone.num_reports,
        num_article_reports = event_country_days.num_article_reports - gone.num_article_reports
    from ({delta}) as gone
    where event_country_days.event_date = gone.event_date and event_country_days.country_code = gone.country_code
        and event_country_days.event_type = gone.event_type
"""


# The statements of one load, written out once (the affected events go through the temp table AFFECTED).
SUBTRACT_RETRACTED_PAIRS = SUBTRACT_PAIRS_SQL.format(
    delta=PAIRS_SQL.format(mentions="select * from mentions where article_id in (select unnest(?::varchar[]))")
)
ADD_INSERTED_PAIRS = ADD_PAIRS_SQL.format(delta=PAIRS_SQL.format(mentions="select * from akhbar_inserted_mentions"))
CREATE_AFFECTED = f"create or replace temp table {AFFECTED} (event_id varchar)"
NOTE_WRITTEN = f"insert into {AFFECTED} select unnest(?::varchar[])"
# through the index on link_key: the key is the statement's one filter
NOTE_BY_LINK_KEY = (
    f"insert into {AFFECTED} select event_id from event_mentions where link_key in (select unnest(?::varchar[]))"
)
NOTE_BY_ARTICLE = (
    f"insert into {AFFECTED} select event_id from event_mentions where article_id in (select unnest(?::varchar[]))"
)
NOTE_BY_ENTITY = (
    f"insert into {AFFECTED} select event_id from event_participants where entity_id in (select unnest(?::varchar[]))"
)
COUNTRY_CHANGED = """
    select b.entity_id from akhbar_batch_entities as b join entities as en using (entity_id)
    where en.country_code is distinct from b.country_code
"""
SUBTRACT_AFFECTED_DAYS = SUBTRACT_DAYS_SQL.format(delta=AFFECTED_DAYS)
ADD_AFFECTED_DAYS = ADD_DAYS_SQL.format(delta=AFFECTED_DAYS)
DELETE_AFFECTED_PARTICIPANTS = f"delete from event_participants where event_id in (select event_id from {AFFECTED})"
INSERT_AFFECTED_PARTICIPANTS = "insert into event_participants by name " + PARTICIPANTS_SQL.format(
    events=AFFECTED_EVENTS
)
DELETE_AFFECTED_REPORTS = f"delete from event_reports where event_id in (select event_id from {AFFECTED})"
INSERT_AFFECTED_REPORTS = "insert into event_reports by name " + AFFECTED_REPORTS
DROP_AFFECTED = f"drop table if exists {AFFECTED}"


class Connection(Protocol):
    """What the maintenance needs of a warehouse connection (flows/store/warehouse.py opens it; this module does not
    import it, which imports this one)."""

    def execute(self, query: str, parameters: object = None) -> Any: ...
    def register(self, view_name: str, python_object: object) -> Any: ...
    def unregister(self, view_name: str) -> Any: ...


def before_load(
    con: Connection, frames: dict[str, pl.DataFrame], articles: Sequence[str] = (), link_keys: Sequence[str] = ()
) -> None:
    """Take away what the batch replaces (inside the load's transaction, before it deletes or writes anything): the
    sentence pairs of the ``articles`` it retracts, and everything derived from the events it deletes (those of the
    articles and of the ``link_keys`` it retracts) or rewrites."""
    if articles:
        con.execute(SUBTRACT_RETRACTED_PAIRS, [list(articles)])
        con.execute("delete from entity_pairs where num_sentences <= 0")
    con.execute(CREATE_AFFECTED)
    _note_affected_events(con, frames, articles, link_keys)
    con.execute(SUBTRACT_AFFECTED_DAYS)
    con.execute("delete from event_country_days where num_events <= 0")
    con.execute(DELETE_AFFECTED_PARTICIPANTS)
    con.execute(DELETE_AFFECTED_REPORTS)


def _note_affected_events(
    con: Connection, frames: dict[str, pl.DataFrame], articles: Sequence[str], link_keys: Sequence[str]
) -> None:
    """The events whose derived rows the batch changes: those it writes or reports, those its retraction deletes, and
    those with a participant whose country the batch's entity rows change."""
    written = _column(frames.get("events"), "event_id") + _column(frames.get("event_mentions"), "event_id")
    con.execute(NOTE_WRITTEN, [sorted(set(written))])
    if link_keys:
        con.execute(NOTE_BY_LINK_KEY, [list(link_keys)])
    if articles:
        con.execute(NOTE_BY_ARTICLE, [list(articles)])
    entities = frames.get("entities")
    if entities is not None and not entities.is_empty():
        con.register("akhbar_batch_entities", entities.select("entity_id", "country_code").to_arrow())
        try:
            changed = con.execute(COUNTRY_CHANGED).fetchall()
            if changed:  # rare (a gazetteer update): only then are the participants searched for the entities
                con.execute(NOTE_BY_ENTITY, [[row[0] for row in changed]])
        finally:
            con.unregister("akhbar_batch_entities")


def after_load(con: Connection, inserted_mentions: pl.DataFrame | None) -> None:
    """Add what the batch's rows contribute (inside the load's transaction, once every table is written): the
    sentence pairs of the mentions it inserted, and the derived rows of the affected events that exist now."""
    if inserted_mentions is not None and not inserted_mentions.is_empty():
        con.register("akhbar_inserted_mentions", inserted_mentions.to_arrow())
        try:
            con.execute(ADD_INSERTED_PAIRS)
        finally:
            con.unregister("akhbar_inserted_mentions")
    con.execute(INSERT_AFFECTED_PARTICIPANTS)
    con.execute(ADD_AFFECTED_DAYS)
    con.execute(INSERT_AFFECTED_REPORTS)
    con.execute(DROP_AFFECTED)


def _column(frame: pl.DataFrame | None, column: str) -> list[str]:
    return [] if frame is None or frame.is_empty() else frame[column].unique().to_list()


RECOUNTS = {
    "entity_pairs": PAIRS_SQL.format(mentions=ALL_MENTIONS),
    "event_participants": PARTICIPANTS_SQL.format(events=ALL_EVENTS),
    "event_reports": REPORTS_SQL.format(event_mentions="select * from event_mentions", events=ALL_EVENTS),
}
# event_country_days is counted from event_participants: a recount of it recounts the participants first
RECOUNTS["event_country_days"] = COUNTRY_DAYS_SQL.format(events=ALL_EVENTS, participants=RECOUNTS["event_participants"])
COUNTRY_DAYS_FROM_PARTICIPANTS = COUNTRY_DAYS_SQL.format(
    events=ALL_EVENTS, participants="select * from event_participants"
)


MISMATCH_SQL = {
    table: f"select count(*) from ((select * from {table} except all ({counted})) "
    f"union all (({counted}) except all select * from {table}))"
    for table, counted in RECOUNTS.items()
}


def mismatches(con: Connection, tables: Sequence[str] = DERIVED_TABLES) -> dict[str, int]:
    """Rows that differ between each derived table and its recount (both ways), per table: all zero when kept right."""
    return {table: con.execute(MISMATCH_SQL[table]).fetchall()[0][0] for table in tables}


# The order rows are written in: a query for one entity (entity_cooccurrence) or a window of days reads only the row
# groups whose min-max range holds it (DuckDB's zone maps), not the whole table. Rows a load adds go after; a rebuild
# sorts them in again.
SORTED_BY = {
    "entity_pairs": "entity_id, other_id",
    "event_participants": "country_code, event_id",
    "event_country_days": "event_date, country_code, event_type",
    "event_reports": "event_date, event_id",
}
REBUILD_SQL = {
    table: f"insert into {table} by name select * from ({select}) order by {SORTED_BY[table]}"
    for table, select in {
        "entity_pairs": RECOUNTS["entity_pairs"],
        "event_participants": RECOUNTS["event_participants"],
        "event_country_days": COUNTRY_DAYS_FROM_PARTICIPANTS,  # from the participants just written
        "event_reports": RECOUNTS["event_reports"],
    }.items()
}


def edited_sources(statement_types: Sequence[str], sql: str) -> list[str]:
    """The source tables a hand-written ``sql`` (its statements of ``statement_types``) may have changed: those it
    names, when one of its statements writes. Conservative on purpose (an UPDATE of articles that reads mentions
    counts): a needless rebuild costs time, a missed one leaves the named queries disagreeing with the facts."""
    if not set(statement_types) & WRITING_STATEMENTS:
        return []
    named = set(re.findall(r"\w+", sql.lower()))
    return [table for table in SOURCE_TABLES if table in named]


def rebuild(con: Connection, tables: Sequence[str] = DERIVED_TABLES) -> None:
    """Write the derived ``tables`` (all by default) from the facts (the migration that adds them, or a repair), in
    the caller's transaction."""
    for table in tables:  # in order: event_country_days is counted from event_participants
        con.execute(f"delete from {table}")
        con.execute(REBUILD_SQL[table])
