"""A place is where an event happened, not who did it: "تفجير مانشستر", "شهدت برلين عملية دهس", "القصف على إدلب".

A country acts (its government), and so does a capital that news uses as its state's voice ("قالت موسكو",
flows/data/gazetteer/state_voices.tsv, counted on ANT v2.1 by bench/quality/build_state_voices.py); any other
city, town or region (GPE), and every LOC (seas, regions, continents), is a place only. A place the roles took as an actor becomes
the event's place when it has none (unless it is a party coordinated with a meeting's agent), and leaves the actors.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from flows.nlp.events.roles import Roles
from flows.nlp.types import Entity
from flows.resources import read_tsv


@cache
def state_voices() -> frozenset[str]:
    return frozenset(row["entity_id"] for row in read_tsv("gazetteer", "state_voices.tsv"))


def is_place_only(entity: Entity) -> bool:
    """A LOC, or a GPE that is neither a country (gazetteer id gpe:<ISO alpha-3>) nor a state's voice."""
    if entity.entity_type == "LOC":
        return True
    if entity.entity_type != "GPE":
        return False
    country = entity.country_code is not None and entity.entity_id == f"gpe:{entity.country_code.lower()}"
    return not country and entity.entity_id not in state_voices()


def places_out_of_roles(roles: Roles, places: frozenset[str]) -> Roles:
    """The roles with no place among the actors; the first place taken out becomes the place if there was none.
    An agent taken out leaves no agent (its source a guess): the clause named where, not who."""
    out = [a for a in (roles.actor1_id, roles.actor2_id) if a in places]
    moved = [a for a in out if a not in roles.partner_ids]  # a partner city stood for its state: no place
    if not out and not places.intersection(roles.actor_ids):
        return roles
    return replace(
        roles,
        actor1_id=None if roles.actor1_id in places else roles.actor1_id,
        actor2_id=None if roles.actor2_id in places else roles.actor2_id,
        location_id=roles.location_id or (moved[0] if moved else None),
        actor_ids=tuple(a for a in roles.actor_ids if a not in places),
        source="guess" if roles.actor1_id in places else roles.source,
    )
