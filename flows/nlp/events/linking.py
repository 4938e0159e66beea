"""Event linking: one ``events`` row per real-world event, one ``event_mentions`` row per report.

Pure: frames in, frames out, no database. Linking is a function of the set of reports, never of the order they
arrived in, so a warehouse built in any split and order of its files holds the same events under the same ids:

1. Within one article (``article_reports``) a report joins an event of its kind that the article already reports
   when it names no actors or its agent is among the event's actors (the rules of ``same_article_match``). An
   undated report, or one with no agent, links only here: its article is all the evidence there is.
2. Across articles (``link_reports``) an article's event may join others only when it has an agent and a date known
   to the day or the month. Its link key (type, mode family, agent, month) names the only events it could join;
   within one key, events on the same day at the same place are one, and a vaguer one (the month only, or no place)
   joins the single such event it fits, else stays its own. A prolific actor alone therefore never links two
   reports: the type, mode, month, day and place must agree as well.

An event's id comes from what identifies it (its link key and day and place; or, within an article, its first
report), so the same reports give the same id after a reprocess or a rebuild, and counts grow as articles join.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from typing import Iterable

import polars as pl

from flows.nlp.events.merge import (
    EventState,
    absorb,
    dates_compatible,
    event_row,
    found_event,
    mention_actors,
    mention_order,
    mode_family,
    modes_compatible,
)
from flows.store.frames import NEW_EVENT_MENTION_SCHEMA, SCHEMAS

# The tables' columns, from the one Polars mirror of sql/schema.sql (tests/test_schema.py checks it).
EVENT_COLUMNS = SCHEMAS["events"]
EVENT_MENTION_COLUMNS = SCHEMAS["event_mentions"]
# The ``new`` frame: EventMention fields plus the article they came from.
NEW_MENTION_COLUMNS = NEW_EVENT_MENTION_SCHEMA
# A cross-article join needs the date at least to this precision: a year is too coarse to tell two visits apart.
LINKABLE_PRECISIONS = ("day", "month")
UNKNOWN = "*"  # a mode or place a link key or event identity does not know
# In a meeting both sides act: "لافروف التقى ديوب" and "ديوب التقى لافروف" report one meeting, so its agent for
# linking is the first of the two in id order rather than whoever the sentence names first.
SYMMETRIC_FAMILIES = ("meeting",)


def link_events(
    new: pl.DataFrame, stored: pl.DataFrame | None = None, version: str | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(events, event_mentions) for a batch of new reports and the stored reports they could join.

    ``new``: EventMention fields plus ``article_id``. ``stored``: ``event_mentions`` rows of other articles (those
    sharing a link key with the batch; see ``link_keys``). Returned: every event the batch creates or changes,
    with its counts, and every report of those events with its (possibly new) event id.
    """
    return link_reports(article_reports(new, version), stored, version)


def new_mentions_frame(article_id: str, event_mentions: Iterable) -> pl.DataFrame:
    """EventMention records of one article as the ``new`` frame link_events takes."""
    rows = []
    for e in event_mentions:
        row = {name: getattr(e, name) for name in NEW_MENTION_COLUMNS if name != "article_id"}
        row.update(article_id=article_id, contexts=list(e.contexts), actor_ids=list(e.actor_ids))
        rows.append(row)
    return pl.DataFrame(rows, schema=NEW_MENTION_COLUMNS)


def article_reports(new: pl.DataFrame, version: str | None = None) -> pl.DataFrame:
    """Step 1: the batch's reports as ``event_mentions`` rows, linked within their articles (``local_event_id``)
    and keyed for linking across articles (``link_key``, null when the report stays in its article)."""
    rows: list[dict] = []
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in new.iter_rows(named=True):
        by_article[row["article_id"]].append(row)
    for article in sorted(by_article):
        rows.extend(_link_within_article(by_article[article], version))
    return pl.DataFrame(rows, schema=EVENT_MENTION_COLUMNS)


def link_keys(reports: pl.DataFrame) -> list[str]:
    """The link keys a batch's reports carry: the stored reports that share one are the batch's candidates."""
    return sorted(reports["link_key"].drop_nulls().unique().to_list())


def link_reports(
    reports: pl.DataFrame, stored: pl.DataFrame | None = None, version: str | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Step 2: link the batch's reports with the stored ones across articles; events and reports of every event
    the batch touches. Stored reports of the batch's own articles are replaced, not joined."""
    if stored is not None and not stored.is_empty():
        replaced = reports["article_id"].unique().implode()
        reports = pl.concat([stored.filter(~pl.col("article_id").is_in(replaced)).select(reports.columns), reports])
    rows = reports.to_dicts()
    local: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        local[row["local_event_id"]].append(row)
    keyed: dict[str, list[str]] = defaultdict(list)
    event_of: dict[str, str] = {}
    for local_id, members in local.items():
        key = members[0]["link_key"]
        if key is None:
            event_of[local_id] = local_id
        else:
            keyed[key].append(local_id)
    for key, local_ids in keyed.items():
        event_of.update(partition_linked(key, {i: fold(local[i]) for i in local_ids}))
    members_of: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        row["event_id"] = event_of[row["local_event_id"]]
        members_of[row["event_id"]].append(row)
    events = []
    for event_id in sorted(members_of):
        state = fold(members_of[event_id])
        state.event_id = event_id
        events.append({**event_row(state), "extractor_version": version})
    rows.sort(key=lambda r: (r["article_id"], r["char_start"], r["event_id"]))
    return pl.DataFrame(events, schema=EVENT_COLUMNS), pl.DataFrame(rows, schema=EVENT_MENTION_COLUMNS)


def fold(reports: Iterable[dict]) -> EventState:
    """The event a set of reports describes, folded finest date first (the order depends only on the set)."""
    ordered = sorted(reports, key=mention_order)
    state = found_event(ordered[0], local_event_id(ordered[0]))
    for row in ordered[1:]:
        absorb(state, row)
    return state


def partition_linked(key: str, events: dict[str, EventState]) -> dict[str, str]:
    """Local event id -> event id for the article events sharing one link key.

    Anchors are events dated to the day at a known place. An event that knows less (the month only, or no place)
    joins the one anchor it fits; with none or several it stays apart, keyed by what it knows.
    """
    anchors: set[tuple[dt.date, str]] = {
        (state.event_date, state.location_id)
        for state in events.values()
        if state.date_precision == "day" and state.event_date is not None and state.location_id
    }
    assigned = {}
    for local_id, state in events.items():
        fits = sorted(
            (day, place)
            for day, place in anchors
            if dates_compatible(day, "day", state.event_date, state.date_precision)
            and (state.location_id is None or state.location_id == place)
        )
        if len(fits) == 1:
            day, place = fits[0]
            identity = (day.isoformat(), place)
        else:
            identity = (date_label(state), state.location_id or UNKNOWN)
        assigned[local_id] = linked_event_id(key, *identity)
    return assigned


def date_label(state: EventState) -> str:
    assert state.event_date is not None
    return state.event_date.isoformat() if state.date_precision == "day" else state.event_date.strftime("%Y-%m")


def linked_event_id(key: str, day: str, place: str) -> str:
    return "ev:" + hashlib.sha1(f"{key}|{day}|{place}".encode("utf-8")).hexdigest()[:16]


def local_event_id(row: dict) -> str:
    """The id of an event known from one article: its first report (article, offset, type)."""
    key = f"{row['article_id']}|{row['char_start']}|{row['event_type']}"
    return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def link_key(state: EventState) -> str | None:
    """type|mode family|agent|month, or None when the event may not be linked across articles."""
    if state.event_date is None or state.date_precision not in LINKABLE_PRECISIONS or not state.actor1_id:
        return None
    family = mode_family(state.event_mode)
    agent = state.actor1_id
    if family in SYMMETRIC_FAMILIES and state.actor2_id:
        agent = min(agent, state.actor2_id)
    return f"{state.event_type}|{family or UNKNOWN}|{agent}|{state.event_date.strftime('%Y-%m')}"


def _link_within_article(rows: list[dict], version: str | None) -> list[dict]:
    events: list[EventState] = []
    assigned: list[tuple[dict, EventState]] = []
    for row in sorted(rows, key=mention_order):
        event = same_article_match(row, events)
        if event is None:
            event = found_event(row, local_event_id(row))
            events.append(event)
        else:
            absorb(event, row)
        assigned.append((row, event))
    keys = {id(event): link_key(event) for event in events}
    return [
        {
            **{name: row.get(name) for name in EVENT_MENTION_COLUMNS},
            "event_id": event.event_id,
            "local_event_id": event.event_id,
            "link_key": keys[id(event)],
            "contexts": list(row.get("contexts") or []),
            "actor_ids": list(row.get("actor_ids") or []),
            "extractor_version": version,
        }
        for row, event in assigned
    ]


def same_article_match(row: dict, events: list[EventState]) -> EventState | None:
    """The event of this article a report belongs to, or None when it founds a new one (ambiguity founds one).

    It joins an event of its kind when it names no actors, or when its agent (actor1) is among the event's actors.
    """
    actors = set(mention_actors(row))
    agent = row["actor1_id"]
    precision = row["date_precision"] or "unknown"
    dated = row["event_date"] is not None and precision != "unknown"
    same = []
    for event in events:
        if event.event_type != row["event_type"] or not modes_compatible(event.event_mode, row["event_mode"]):
            continue
        if not dates_compatible(row["event_date"], precision, event.event_date, event.date_precision):
            continue
        known = set(event.actor_ids)
        shared = actors & known
        # Different places are tolerated only when actors are shared (a city and its country: باماكو / مالي).
        if row["location_id"] and event.location_id and row["location_id"] != event.location_id and not shared:
            continue
        if not actors or not known or (agent in known if agent else bool(shared)):
            same.append(event)
    if len(same) > 1:
        # A planned report and an event that already happened are not the same event.
        same = [e for e in same if e.status == row["status"]] or same
    if len(same) > 1 and not dated:
        # Several fit: the one this article mentioned last before this report (discourse recency).
        earlier = [
            (max(p for p in e.positions if p < row["char_start"]), e)
            for e in same
            if min(e.positions) < row["char_start"]
        ]
        same = [max(earlier, key=lambda pair: pair[0])[1]] if earlier else same
    if same:
        return same[0] if len(same) == 1 or dated else None
    return None
