"""Folding reports into an event: which reports are compatible, and what the event says once they are merged.

Used by linking.py, within an article and across articles; pure functions on report dicts (``event_mentions``
rows or EventMention fields plus ``article_id``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Finest first: dated reports found events, vaguer ones then join them.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
# Modes that name the same kind of act (talks are a meeting; to condemn is to accuse; a killing is an attack).
MODE_FAMILY = {
    "talks": "meeting",
    "summit": "meeting",  # a summit is the meeting of its leaders: "قمتهما" and "اجتماعهما" report one
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
    """An event while its reports are folded in."""

    event_id: str
    event_type: str
    event_mode: str | None
    actor1_id: str | None
    actor2_id: str | None
    location_id: str | None
    event_date: dt.date | None
    date_precision: str
    status: str
    contexts: list[str]
    actor_ids: list[str]
    num_mentions: int = 1
    articles: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)  # report offsets (used within one article)


def mention_order(row: dict) -> tuple:
    """Finest date first, then article and offset: a total order that depends only on the reports themselves."""
    return (PRECISION_RANK.get(row["date_precision"] or "unknown", 3), row["article_id"], row["char_start"])


def mention_actors(row: dict) -> list[str]:
    listed = list(row.get("actor_ids") or [])
    for key in ("actor1_id", "actor2_id"):
        if row.get(key) and row[key] not in listed:
            listed.append(row[key])
    return listed


def found_event(row: dict, event_id: str) -> EventState:
    return EventState(
        event_id=event_id,
        event_type=row["event_type"],
        event_mode=row["event_mode"],
        actor1_id=row["actor1_id"],
        actor2_id=row["actor2_id"],
        location_id=row["location_id"],
        event_date=row["event_date"],
        date_precision=row["date_precision"] or "unknown",
        status=row["status"] or "occurred",
        contexts=sorted(set(row.get("contexts") or [])),
        actor_ids=mention_actors(row),
        articles={row["article_id"]},
        positions=[row["char_start"]],
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
    event.positions.append(row["char_start"])


def more_specific(known: str | None, offered: str | None) -> str | None:
    """Keep a role's actor, but let a person or body replace a bare country: countries act through officials,
    so "Lavrov and Diop" says more than "Lavrov and Mali". Ids carry their type ("person:…", "gpe:…")."""
    if known is None:
        return offered
    if offered and known.startswith(("gpe:", "loc:")) and offered.startswith(("person:", "org:")):
        return offered
    return known


def mode_family(mode: str | None) -> str | None:
    return MODE_FAMILY.get(mode, mode) if mode else None


def modes_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or mode_family(a) == mode_family(b)


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
        "num_articles": len(event.articles),
        "num_mentions": event.num_mentions,
        "status": event.status,
        "contexts": event.contexts,
        "actor_ids": event.actor_ids,
    }
