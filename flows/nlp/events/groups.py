"""Group phrases: "الدول الثلاث" and the like stand for the countries the text listed just before them.

Each resolved phrase becomes an actor candidate (flows/nlp/events/roles.py) whose entity_ids are those countries.
The phrases and their sizes are flows/data/event_groups.tsv (loaded with the other event lexicons).
"""

from __future__ import annotations

import re

from flows.nlp.events.lexicon import EventLexicon
from flows.nlp.events.roles import ActorCandidate
from flows.nlp.text.arabic import normalize_with_map
from flows.nlp.types import Mention

# How far back "الدول الثلاث" may look for the countries it stands for; the countries must form a list
# ("مالي وبوركينا فاسو والنيجر": only و, commas and spaces between them).
GROUP_LOOKBACK_CHARS = 600
LIST_JOINER = re.compile(r"[\s،,\-]*(?:و|ف)?[\s،,]*")


def resolve_groups(
    text: str, lexicon: EventLexicon, start: int, end: int, mentions: tuple[Mention, ...]
) -> list[ActorCandidate]:
    """Group phrases in text[start:end] as candidates standing for the countries listed just before them."""
    found: list[ActorCandidate] = []
    norm, origin = normalize_with_map(text[start:end])
    for match in lexicon.group_pattern.finditer(norm):
        size = lexicon.groups[match.group("group")]
        g_start = start + origin[match.start("group")]
        g_end = start + origin[match.end("group") - 1] + 1
        members = listed_countries(text, mentions, g_start, size)
        if members:
            found.append(ActorCandidate(g_start, g_end, members, "GPE"))
    return found


def listed_countries(text: str, mentions: tuple[Mention, ...], before: int, size: int) -> tuple[str, ...]:
    """The last ``size`` distinct GPEs named together (a list, few words apart) before offset ``before``."""
    gpes = [
        m
        for m in mentions
        if m.entity_type == "GPE" and not m.is_adjectival and before - GROUP_LOOKBACK_CHARS <= m.char_end <= before
    ]
    for last in range(len(gpes) - 1, -1, -1):
        chosen = [gpes[last]]
        for m in reversed(gpes[:last]):
            if not LIST_JOINER.fullmatch(text[m.char_end : chosen[0].char_start]):
                break
            if m.entity_id not in {c.entity_id for c in chosen}:
                chosen.insert(0, m)
        if len({c.entity_id for c in chosen}) == size:
            return tuple(c.entity_id for c in chosen)
    return ()
