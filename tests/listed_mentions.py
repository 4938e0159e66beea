"""Mentions of listed names, the way the entity stage reports them (longest name first, no overlaps, sorted by
offset): what the quote and role tests hand the stages instead of running the entity stage."""

from __future__ import annotations

from collections.abc import Mapping

from flows.nlp.types import Entity, Mention


def listed_mentions(text: str, names: Mapping[str, tuple[Entity, bool]]) -> tuple[Mention, ...]:
    """Every occurrence in ``text`` of a surface of ``names`` (surface -> (entity, is_adjectival))."""
    found: list[Mention] = []
    for surface in sorted(names, key=len, reverse=True):
        entity, adjectival = names[surface]
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if not any(m.char_start < end and start < m.char_end for m in found):
                mention_id = f"t:m{start}-{end}"
                found.append(
                    Mention(mention_id, entity.entity_id, entity.entity_type, surface, start, end, 0, adjectival)
                )
            start = text.find(surface, end)
    return tuple(sorted(found, key=lambda m: m.char_start))
