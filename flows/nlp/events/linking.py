"""Cross-article event linking: one ``events`` row per real-world event, one ``event_mentions`` row per report.

Pure: frames in, frames out, no database. A new mention joins a known event when the type matches, the modes are
compatible (a meeting and talks are one family; a visit is not a meeting), the dates are compatible at the coarser
precision (a month-precision mention joins a day-precision event in that month; two different days never merge),
and the actors agree as sets (order-free). A mention with no date, or no actors, is weak evidence: it joins only an
event its own article already reports, or the single event that fits. Otherwise it founds a new event whose id is
derived from that first report (article, offset, type), so ids stay stable when later articles join and counts grow.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import polars as pl

from flows.store.frames import NEW_EVENT_MENTION_SCHEMA, SCHEMAS

# The tables' columns, from the one Polars mirror of sql/schema.sql (tests/test_schema.py checks it).
EVENT_COLUMNS = SCHEMAS["events"]
EVENT_MENTION_COLUMNS = SCHEMAS["event_mentions"]
# The ``new`` frame: EventMention fields plus the article they came from.
NEW_MENTION_COLUMNS = NEW_EVENT_MENTION_SCHEMA
# Finest first: dated reports found events, vaguer ones then join them.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
# Modes that name the same kind of act (talks are a meeting; to condemn is to accuse; a killing is an attack).
MODE_FAMILY = {
    "talks": "meeting",
    "meeting": "meeting",
    "condemn": "accuse",
    "accuse": "accuse",
    # One attack is reported as a killing, a bombing or an ambush by turns.
    "attack": "attack",
    "kill": "attack",
    "bombing": "attack",
    "ambush": "attack",
    "assassination": "attack",
    "airstrike": "attack",
}


@dataclass(slots=True)
class EventState:
    """An event as linking sees it while the batch is folded in."""

    event_id: str
    event_type: str
    event_mode: str | None
    actor1_id: str | None
    actor2_id: str | None
    location_id: str | None
    event_date: dt.date | None
    date_precision: str
    num_mentions: int
    status: str
    contexts: list[str]
    actor_ids: list[str]
    articles: set[str] = field(default_factory=set)
    positions: dict[str, list[int]] = field(default_factory=dict)  # article -> report offsets, this batch
    known_articles: int = 0  # articles counted before this batch when their ids are not given
    touched: bool = False

    @property
    def num_articles(self) -> int:
        return self.known_articles + len(self.articles)


def link_events(new: pl.DataFrame, existing: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(events to upsert, event_mentions to insert) for a batch of new event mentions.

    ``new``: EventMention fields plus ``article_id`` (``actor_ids`` optional). ``existing``: rows of the ``events``
    table (``actor_ids`` and an ``article_ids`` list are used when present). Only created or changed events are
    returned, with their counts updated.
    """
    events = [state_from_row(row) for row in existing.iter_rows(named=True)] if not existing.is_empty() else []
    index = EventIndex(events)
    mention_rows: list[dict] = []
    for row in sorted(new.iter_rows(named=True), key=mention_order):
        event = best_match(row, index.candidates(row))
        if event is None:
            event = found_event(row)
            index.add(event)
        else:
            absorb(event, row)
            index.note(event)
        mention_rows.append(
            {
                "event_id": event.event_id,
                "article_id": row["article_id"],
                "sentence_index": row["sentence_index"],
                "char_start": row["char_start"],
                "char_end": row["char_end"],
                "evidence": row["evidence"],
                "trigger": row["trigger"],
                "event_date": row["event_date"],
                "date_precision": row["date_precision"],
            }
        )
    touched = [event_row(e) for e in index.touched]
    mention_rows.sort(key=lambda r: (r["article_id"], r["char_start"]))
    return (
        pl.DataFrame(touched, schema=EVENT_COLUMNS),
        pl.DataFrame(mention_rows, schema=EVENT_MENTION_COLUMNS),
    )


class EventIndex:
    """Known events by actor and by article: a report can only join an event sharing one of them, so a batch is
    compared with a handful of events, not the whole table."""

    def __init__(self, events: list[EventState]) -> None:
        self.events: list[EventState] = []
        self.by_key: dict[str, set[int]] = {}
        self.position: dict[str, int] = {}
        for event in events:
            self.add(event)

    def add(self, event: EventState) -> None:
        self.position[event.event_id] = len(self.events)
        self.events.append(event)
        self.note(event)

    def note(self, event: EventState) -> None:
        at = self.position[event.event_id]
        for key in [*(f"a:{a}" for a in event.actor_ids), *(f"r:{r}" for r in event.articles)]:
            self.by_key.setdefault(key, set()).add(at)

    def candidates(self, row: dict) -> list[EventState]:
        """Events sharing an actor or the article with ``row``, in the order they became known."""
        keys = [*(f"a:{a}" for a in mention_actors(row)), f"r:{row['article_id']}"]
        found = set().union(*(self.by_key.get(k, set()) for k in keys))
        return [self.events[i] for i in sorted(found)]

    @property
    def touched(self) -> list[EventState]:
        return [e for e in self.events if e.touched]


def new_mentions_frame(article_id: str, event_mentions) -> pl.DataFrame:
    """EventMention records of one article as the ``new`` frame link_events takes."""
    rows = []
    for e in event_mentions:
        row = {name: getattr(e, name) for name in NEW_MENTION_COLUMNS if name != "article_id"}
        row.update(article_id=article_id, contexts=list(e.contexts), actor_ids=list(e.actor_ids))
        rows.append(row)
    return pl.DataFrame(rows, schema=NEW_MENTION_COLUMNS)


def mention_order(row: dict) -> tuple:
    return (PRECISION_RANK.get(row["date_precision"], 3), row["article_id"], row["char_start"])


def mention_actors(row: dict) -> list[str]:
    listed = list(row.get("actor_ids") or [])
    for key in ("actor1_id", "actor2_id"):
        if row.get(key) and row[key] not in listed:
            listed.append(row[key])
    return listed


def state_from_row(row: dict) -> EventState:
    actors = mention_actors(row)
    article_ids = row.get("article_ids")
    return EventState(
        event_id=row["event_id"],
        event_type=row["event_type"],
        event_mode=row["event_mode"],
        actor1_id=row["actor1_id"],
        actor2_id=row["actor2_id"],
        location_id=row["location_id"],
        event_date=row["event_date"],
        date_precision=row["date_precision"] or "unknown",
        num_mentions=row["num_mentions"] or 0,
        status=row.get("status") or "occurred",
        contexts=list(row.get("contexts") or []),
        actor_ids=actors,
        articles=set(article_ids or ()),
        known_articles=0 if article_ids is not None else (row["num_articles"] or 0),
    )


def event_id_for(row: dict) -> str:
    key = f"{row['article_id']}|{row['char_start']}|{row['event_type']}"
    return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def found_event(row: dict) -> EventState:
    return EventState(
        event_id=event_id_for(row),
        event_type=row["event_type"],
        event_mode=row["event_mode"],
        actor1_id=row["actor1_id"],
        actor2_id=row["actor2_id"],
        location_id=row["location_id"],
        event_date=row["event_date"],
        date_precision=row["date_precision"] or "unknown",
        num_mentions=1,
        status=row["status"] or "occurred",
        contexts=sorted(set(row.get("contexts") or [])),
        actor_ids=mention_actors(row),
        articles={row["article_id"]},
        touched=True,
        positions={row["article_id"]: [row["char_start"]]},
    )


def absorb(event: EventState, row: dict) -> None:
    """Fold one report into its event: finer date, filled roles, unioned actors and contexts, counts."""
    precision = row["date_precision"] or "unknown"
    if row["event_date"] is not None and PRECISION_RANK[precision] < PRECISION_RANK[event.date_precision]:
        event.event_date, event.date_precision = row["event_date"], precision
    event.actor1_id = more_specific(event.actor1_id, row["actor1_id"])
    counterpart = next((a for a in mention_actors(row) if a != event.actor1_id), None)
    event.actor2_id = (
        more_specific(event.actor2_id, row["actor2_id"] if row["actor2_id"] != event.actor1_id else counterpart)
        or counterpart
    )
    event.location_id = event.location_id or row["location_id"]
    event.event_mode = event.event_mode or row["event_mode"]
    if row["status"] == "occurred":
        event.status = "occurred"  # a later report that it happened settles a planned event
    event.actor_ids += [a for a in mention_actors(row) if a not in event.actor_ids]
    event.contexts = sorted(set(event.contexts) | set(row.get("contexts") or []))
    event.num_mentions += 1
    event.articles.add(row["article_id"])
    event.positions.setdefault(row["article_id"], []).append(row["char_start"])
    event.touched = True


def more_specific(known: str | None, offered: str | None) -> str | None:
    """Keep a role's actor, but let a person or body replace a bare country: countries act through officials,
    so "Lavrov and Diop" says more than "Lavrov and Mali". Ids carry their type ("person:…", "gpe:…")."""
    if known is None:
        return offered
    if offered and known.startswith(("gpe:", "loc:")) and offered.startswith(("person:", "org:")):
        return offered
    return known


def modes_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or MODE_FAMILY.get(a, a) == MODE_FAMILY.get(b, b)


def dates_compatible(d1: dt.date | None, p1: str, d2: dt.date | None, p2: str) -> bool:
    """Equal at the coarser of the two precisions; unknown is compatible with anything (weak evidence)."""
    if d1 is None or d2 is None or p1 == "unknown" or p2 == "unknown":
        return True
    coarser = max(p1, p2, key=lambda p: PRECISION_RANK[p])
    if coarser == "day":
        return d1 == d2
    if coarser == "month":
        return (d1.year, d1.month) == (d2.year, d2.month)
    return d1.year == d2.year


def best_match(row: dict, events: list[EventState]) -> EventState | None:
    """The event this report belongs to, or None when it founds a new one (ambiguity founds a new one).

    Within its own article a report joins an event of its kind when it names no actors, or when its agent
    (actor1) is among the event's actors. Across articles the actor sets must overlap with one inside the other,
    and at least one side must be dated: two undated reports in different articles are too weak to merge.
    """
    actors = set(mention_actors(row))
    agent = row["actor1_id"]
    article = row["article_id"]
    precision = row["date_precision"] or "unknown"
    dated = row["event_date"] is not None and precision != "unknown"
    same, other = [], []
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
        if article in event.articles:
            if not actors or not known or (agent in known if agent else bool(shared)):
                same.append(event)
        elif shared and (actors <= known or known <= actors) and (dated or event.date_precision != "unknown"):
            other.append(event)
    if len(same) > 1:
        # Within one article a planned report and an event that already happened are not the same event.
        same = [e for e in same if e.status == row["status"]] or same
    if len(same) > 1 and not dated:
        # Several fit: the one this article mentioned last before this report (discourse recency).
        earlier = [
            (max(p for p in e.positions.get(article, ()) if p < row["char_start"]), e)
            for e in same
            if any(p < row["char_start"] for p in e.positions.get(article, ()))
        ]
        same = [max(earlier, key=lambda pair: pair[0])[1]] if earlier else same
    if same:
        return same[0] if len(same) == 1 or dated else None
    if len(other) > 1 and not dated:
        # Several events fit an undated report: the one whose actors it matches best, if one stands out.
        scored = sorted(((jaccard(actors, set(e.actor_ids)), i) for i, e in enumerate(other)), reverse=True)
        other = [other[scored[0][1]]] if scored[0][0] > scored[1][0] else other
    if other:
        return other[0] if len(other) == 1 or dated else None
    return None


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def event_row(event: EventState) -> dict:
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "event_mode": event.event_mode,
        "actor1_id": event.actor1_id,
        "actor2_id": event.actor2_id,
        "location_id": event.location_id,
        "event_date": event.event_date,
        "date_precision": event.date_precision,
        "num_articles": event.num_articles,
        "num_mentions": event.num_mentions,
        "status": event.status,
        "contexts": event.contexts,
        "actor_ids": event.actor_ids,
    }
