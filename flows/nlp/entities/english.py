"""An English name for every entity, and where it came from.

In order: the name the entity stage found (a gazetteer entry, or a name built by a rule such as "Ministry of
Defence (Mali)"); else the English name a reviewed list gives for the same Arabic name (the gazetteer files,
the 2018 office holders, CLDR's territory and city names); else a transliteration of the Arabic name
(flows.nlp.entities.romanize), which knows the lists' person names and their parts, and common foreign given names,
before its own data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable

import polars as pl

from flows.nlp.entities.gazetteer import spelling_variants
from flows.nlp.entities.romanize import Romanizer, romanize, romanize_words, romanizer
from flows.nlp.entities.spelling_rules import spelling_rules
from flows.nlp.text.arabic import NORM_WORD, normalize
from flows.resources import read_tsv

GAZETTEER = "gazetteer"  # a reviewed list written for this beat
CLDR = "cldr"  # Unicode CLDR territory and exemplar-city names
RULE = "rule"  # built by an entity rule from listed parts ("Ministry of Defence (Mali)")
TRANSLITERATION = "transliteration"
SOURCES = (GAZETTEER, CLDR, RULE, TRANSLITERATION)

# The lists with English names, in the order they win when two give the same Arabic name, and the source
# their names count as. The gazetteer files come first, as the matcher reads them.
NAME_LISTS = (
    ("countries.tsv", CLDR),
    ("places.tsv", GAZETTEER),
    ("orgs.tsv", GAZETTEER),
    ("people.tsv", GAZETTEER),
    ("office_holders_2018.tsv", GAZETTEER),
    ("cities.tsv", CLDR),
)
# cities.tsv has no entity_type column: every CLDR exemplar city is a GPE (ACE and Wojood convention).
CITY_TYPE = "GPE"


@dataclass(frozen=True, slots=True)
class NamePair:
    name_ar: str
    name_en: str
    entity_type: str
    country_code: str | None
    source: str
    aliases: tuple[str, ...] = ()
    entity_id: str | None = None


@cache
def name_pairs() -> tuple[NamePair, ...]:
    """Every (Arabic, English) name the reviewed lists give, in the order of NAME_LISTS."""
    pairs = []
    for file, source in NAME_LISTS:
        for row in read_tsv("gazetteer", file):
            aliases = tuple(a.lstrip('"').strip() for a in row.get("aliases", "").split("|") if a.strip())
            pairs.append(
                NamePair(
                    row["name_ar"],
                    row["name_en"],
                    row.get("entity_type", CITY_TYPE),
                    row["country_code"] or None,
                    source,
                    aliases,
                    row.get("entity_id") or None,
                )
            )
    return tuple(pairs)


def name_key(name_ar: str) -> str:
    """The Arabic name as matching sees it: normalised words, single spaces."""
    return " ".join(NORM_WORD.findall(normalize(name_ar)))


def is_person(entity_type: str) -> bool:
    return entity_type == "PERSON"


@cache
def english_name_index() -> dict[tuple[bool, str], tuple[str, str]]:
    """(is a person, name key) -> (English name, source), for every listed name, alias and spelling variant.

    People and other entities are kept apart: a person named like a place keeps a person's name.
    """
    index: dict[tuple[bool, str], tuple[str, str]] = {}
    for pair in name_pairs():
        for alias in (pair.name_ar, *pair.aliases):
            for variant in spelling_variants(alias, pair.entity_type):
                index.setdefault((is_person(pair.entity_type), name_key(variant)), (pair.name_en, pair.source))
    return index


@cache
def listed_entity_sources() -> dict[str, str]:
    """entity_id -> source, for the entities the gazetteer files define (their name_en comes from there)."""
    return {pair.entity_id: pair.source for pair in name_pairs() if pair.entity_id}


def person_pairs(pairs: Iterable[NamePair]) -> list[tuple[str, str, str | None]]:
    """(Arabic, English, country) for the listed people: what the transliterator learns name parts from."""
    return [(p.name_ar, p.name_en, p.country_code) for p in pairs if is_person(p.entity_type)]


@cache
def foreign_given_names() -> tuple[tuple[str, str, str | None], ...]:
    """Common foreign given names as Arabic writes them (جون -> John): name parts the transliterator's own data,
    Arab-world people's spellings, lacks."""
    return tuple((row["name_ar"], row["name_en"], None) for row in read_tsv("gazetteer", "foreign_given_names.tsv"))


def learned_pairs(pairs: Iterable[NamePair]) -> list[tuple[str, str, str | None]]:
    """Everything the transliterator knows before its own data: the people of ``pairs`` and the foreign given names."""
    return person_pairs(pairs) + list(foreign_given_names())


@cache
def default_romanizer() -> Romanizer:
    return romanizer(learned_pairs(name_pairs()), spelling_rules())


def add_english_names(entities: pl.DataFrame) -> pl.DataFrame:
    """``entities`` with ``name_en`` filled for every row and ``name_en_source`` saying where it came from."""
    index, listed = english_name_index(), listed_entity_sources()
    names, sources, unnamed = [], [], []
    for i, row in enumerate(entities.iter_rows(named=True)):
        if row["name_en"]:
            names.append(row["name_en"])
            sources.append(listed.get(row["entity_id"], RULE))
            continue
        found = index.get((is_person(row["entity_type"]), name_key(row["name_ar"])))
        names.append(found[0] if found else None)
        sources.append(found[1] if found else TRANSLITERATION)
        if not found:
            unnamed.append(i)
    people = [i for i in unnamed if is_person(entities["entity_type"][i])]
    others = [i for i in unnamed if not is_person(entities["entity_type"][i])]
    # A person's name is spelled whole (the package knows full names: "Mohammed bin Salman"); an organisation's or a
    # place's word by word, as names of their own: its words recur across names (المجلس، وزارة، الوطني).
    spelled = romanize(
        default_romanizer(), [entities["name_ar"][i] for i in people], [entities["country_code"][i] for i in people]
    )
    spelled += romanize_words(
        default_romanizer(), [entities["name_ar"][i] for i in others], [entities["country_code"][i] for i in others]
    )
    for i, text in zip(people + others, spelled):
        names[i] = text or entities["name_ar"][i]  # nothing Latin to say (digits, symbols): the name as written
    return entities.with_columns(
        pl.Series("name_en", names, dtype=pl.String), pl.Series("name_en_source", sources, dtype=pl.String)
    )
