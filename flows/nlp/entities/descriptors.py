"""A descriptor before a medium's or an agency's proper name is outside the name (ANT v2.1 guidelines,
tests/gold/ant2/GUIDELINES.md: "قناة الحدث" -> "الحدث", "وكالة ناسا" -> "ناسا"; where the descriptor is the name,
"وكالة الأنباء السورية", it is the span).

A body the rules or the tagger read as descriptor + name ("وكالة ناسا", "شبكة بلومبيرغ", "وكالة أنباء إنترفاكس") is
the name alone when the name is written without the article, is not made of common words only and does not start with
a listed place and its adjectives only: a definite rest ("وكالة الفضاء الأوروبية", "قناة الجزيرة") is as often the body's own name, and a
place's name after a descriptor is the medium's (جريدة فلسطين), so these are left whole. A listed body keeps
its list's span.
"""

from __future__ import annotations

from functools import cache

from flows.nlp.entities.base import Candidate, made_up, stable_id
from flows.nlp.entities.gazetteer import load_gazetteer, org_heads
from flows.nlp.entities.span_words import only_common_words
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import normalize
from flows.nlp.types import Entity

# The descriptors: the media heads of flows/data/org_heads.tsv (صحيفة، جريدة، قناة، إذاعة، مجلة) and the two the
# guidelines' examples and the entity audits show before a proper name (وكالة "agency", شبكة "network").
EXTRA_DESCRIPTORS = ("وكالة", "شبكة")
# "news", after an agency's descriptor (وكالة أنباء إنترفاكس): part of the descriptor.
NEWS = normalize("أنباء")
# The gazetteer's ids of places (countries, cities, regions).
PLACE_IDS = ("gpe:", "loc:")


@cache
def descriptors() -> frozenset[str]:
    heads = {head for head, kind in org_heads().items() if kind == "media"}
    return frozenset(heads | {normalize(w) for w in EXTRA_DESCRIPTORS})


def without_descriptors(text: EntityText, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each made-up body's descriptor left out of its span and name."""
    return [_name_only(text, c) for c in chosen]


def _place_named(text: EntityText, a: int, b: int) -> bool:
    """Tokens a..b are a listed place, alone or with definite adjectives: a medium named after a place is its
    descriptor and the place (جريدة فلسطين "the Filastin newspaper", إذاعة أوروبا الحرة); without the descriptor it
    reads as the place. A place followed by a word of the name (واشنطن بوست) is the name."""
    if not all(text.starts_with_article(k) for k in range(a + 1, b)):
        return False
    index = load_gazetteer().index
    return any(
        info.entity_id.startswith(PLACE_IDS)
        for stem in text.bare_stems(a)
        for _, infos in index.get(stem, ())
        for info in infos
    )


def _name_only(text: EntityText, c: Candidate) -> Candidate:
    a, b = c.tok_start, c.tok_end
    if c.entity.entity_type != "ORG" or b - a < 2 or not made_up(c.entity):
        return c
    if text.has_article(a) or not text.bare_stems(a) & descriptors():
        return c
    rest = a + 1
    if rest < b - 1 and NEWS in text.bare_stems(rest):
        rest += 1
    if any(not text.joined(k) for k in range(a + 1, b)):
        return c
    if text.has_article(rest) or only_common_words(text, rest, b) or _place_named(text, rest, b):
        return c
    start = text.toks[rest].char_start
    name = " ".join(text.body[start : c.char_end].split())
    entity = Entity(stable_id("org", name), "ORG", name, None, None)
    return Candidate(start, c.char_end, rest, b, entity, c.priority, c.source, c.is_adjectival)
