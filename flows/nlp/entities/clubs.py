"""A club named by its city alone: "روما الإيطالي", "برشلونة الإسباني" are the clubs, not the cities.

A city is feminine in Arabic (روما الإيطالية، مدينة برشلونة الإسبانية); news writes a club after the masculine نادي or
فريق it leaves out, so a city followed by the masculine nisba of a country is the club (ANT v2.1, counted by
bench/quality/build_clubs.py: روما الإيطالي 178 times in sports articles and 8 elsewhere, موسكو الروسي 43 / 1, مدريد
الإسباني 636 / 56, nearly all after ريال or أتلتيكو). The nisba stays out of the club's span (the ANT v2.1 guidelines:
the club's country qualifies it), and within one article the city's other bare mentions are the club as well: an
article that names the club so is about the club. Clubs whose full name holds the city (ريال مدريد) are listed in
flows/data/gazetteer/clubs.tsv.
"""

from __future__ import annotations

from functools import cache

from flows.nlp.entities.base import Candidate, stable_id
from flows.nlp.entities.consistency import name_key
from flows.nlp.entities.gazetteer import load_gazetteer, place_heads
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import ARTICLE
from flows.nlp.types import Entity

CLUB_TYPE = "ORG"
NISBA = "ي"
FEMININE = ("يه", "يات")  # normalised ـية، ـيات: a city's own adjectives (مدينة روما الإيطالية)


def is_country(entity: Entity) -> bool:
    """A country of countries.tsv (gpe:fra): a national team is no club, and the rule reads cities only."""
    code = entity.country_code
    return code is not None and entity.entity_id == f"gpe:{code.lower()}"


@cache
def country_nisbas() -> frozenset[str]:
    """The masculine singular nisba of each country with the article, normalised (الاسباني، الايطالي، الروسي): the
    gazetteer's nisba forms of the countries, not of cities or regions (الدمشقي، الغربي qualify a place)."""
    gazetteer = load_gazetteer()
    return frozenset(
        first
        for first, candidates in gazetteer.index.items()
        if first.startswith(ARTICLE) and first.endswith(NISBA)
        for rest, infos in candidates
        if not rest
        for info in infos
        if info.kind == "nisba" and is_country(gazetteer.entities[info.entity_id])
    )


def club_names(text: EntityText, chosen: list[Candidate]) -> frozenset[str]:
    """The normalised names of the cities ``text`` writes as a club: right before a masculine country nisba, not
    after a place's head word (استاد مدينة سان بطرسبرغ الروسي is the city)."""
    nisbas = country_nisbas()
    return frozenset(
        name_key(text, c)
        for c in chosen
        if _city(text, c)
        and not _after_place_head(text, c)
        and c.tok_end < len(text.toks)
        and text.joined(c.tok_end)
        and text.toks[c.tok_end].norm in nisbas
    )


def club_readings(text: EntityText, chosen: list[Candidate], clubs: frozenset[str]) -> list[Candidate]:
    """``chosen`` with every mention of a city in ``clubs`` read as the club (an ORG of the city's name), except
    where the words say the city: a place's head word before it (مدينة روما) or a feminine adjective after it."""
    if not clubs:
        return chosen
    out = []
    for c in chosen:
        if _city(text, c) and name_key(text, c) in clubs and not _said_a_city(text, c):
            name = c.entity.name_ar
            entity = Entity(stable_id(CLUB_TYPE.lower(), name), CLUB_TYPE, name, None, None)
            c = Candidate(c.char_start, c.char_end, c.tok_start, c.tok_end, entity, c.priority, "club")
        out.append(c)
    return out


def _after_place_head(text: EntityText, c: Candidate) -> bool:
    return c.tok_start > 0 and bool(text.bare_stems(c.tok_start - 1) & place_heads())


def _said_a_city(text: EntityText, c: Candidate) -> bool:
    after = text.toks[c.tok_end].norm if c.tok_end < len(text.toks) and text.joined(c.tok_end) else ""
    return _after_place_head(text, c) or (after.startswith(ARTICLE) and after.endswith(FEMININE))


def _city(text: EntityText, c: Candidate) -> bool:
    """A city's mention; not a country's, nor a definite adjective the tagger read as a place (الساحلي)."""
    last = text.toks[c.tok_end - 1].norm
    adjective = text.starts_with_article(c.tok_end - 1) and last.endswith(NISBA)
    return c.entity.entity_type == "GPE" and not c.is_adjectival and not is_country(c.entity) and not adjective
