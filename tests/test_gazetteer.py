"""The gazetteer files: well-formed, complete for the beat, and the variants the loader derives."""

from __future__ import annotations

import re

import pytest

from flows.nlp.entities.gazetteer import (
    GAZETTEER_FILES,
    definite_place_rows,
    load_gazetteer,
    nisba_forms,
    read_tsv,
    spelling_variants,
    split_alias,
)
from flows.nlp.text.arabic import normalize

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC"}


def lookup(alias: str) -> set[tuple[str, str]]:
    """(entity_id, kind) pairs the index holds for exactly this alias."""
    tokens = split_alias(alias)[0]
    return {
        (info.entity_id, info.kind)
        for rest, infos in load_gazetteer().index.get(tokens[0], ())
        if rest == tokens[1:]
        for info in infos
    }


@pytest.mark.parametrize("name", GAZETTEER_FILES)
def test_rows_are_well_formed(name: str) -> None:
    rows = read_tsv("gazetteer", name)
    assert rows
    for row in rows:
        assert row["entity_type"] in ENTITY_TYPES, row
        assert re.fullmatch(r"(gpe|loc|org|person):[a-z0-9-]+", row["entity_id"]), row
        assert row["name_ar"] and row["name_en"], row
        assert not row["country_code"] or re.fullmatch(r"[A-Z]{3}", row["country_code"]), row


def test_entity_ids_are_unique_across_files() -> None:
    ids = [row["entity_id"] for name in GAZETTEER_FILES for row in read_tsv("gazetteer", name)]
    assert len(ids) == len(set(ids))


def test_every_country_extra_is_a_country() -> None:
    countries = {row["country_code"] for row in read_tsv("gazetteer", "countries.tsv")}
    extras = {row["country_code"] for row in read_tsv("gazetteer", "country_extras.tsv")}
    assert extras <= countries and len(countries) >= 190


@pytest.mark.parametrize(
    "alias, entity_id, kind",
    [
        pytest.param("روسيا", "gpe:rus", "name", id="russia"),
        pytest.param("الروسية", "gpe:rus", "nisba", id="russian-feminine"),
        pytest.param("الماليين", "gpe:mli", "nisba", id="malians"),
        pytest.param("مالي", "gpe:mli", "name", id="mali-bare-is-the-country"),
        pytest.param("كوت ديفوار", "gpe:civ", "name", id="ivory-coast-alias"),
        pytest.param("إيكواس", "org:ecowas", "name", id="ecowas-short"),
        pytest.param("تحالف دول الساحل", "org:aes", "name", id="alliance-sahel-states"),
        pytest.param("نصرة الإسلام والمسلمين", "org:jnim", "name", id="jnim"),
        pytest.param("أسيمي كويتا", "person:assimi-goita", "name", id="goita-g-as-kaf"),
        pytest.param("عبدالرحمن تياني", "person:abdourahamane-tiani", "name", id="tiani-joined-abd"),
        pytest.param("كارين جان-بيار", "person:karine-jean-pierre", "name", id="hyphen-as-space"),
    ],
)
def test_index_holds(alias: str, entity_id: str, kind: str) -> None:
    assert (entity_id, kind) in lookup(alias)


def test_quoted_only_alias_is_marked() -> None:
    infos = [
        info
        for rest, infos in load_gazetteer().index[normalize("الشرق")]
        if rest == (normalize("الأوسط"),)
        for info in infos
    ]
    assert {(i.entity_id, i.quoted_only) for i in infos} == {("loc:middle-east", False), ("org:asharq-al-awsat", True)}


def test_spelling_rules() -> None:
    assert normalize("سيرجي لافروف") in spelling_variants("سيرغي لافروف", "PERSON")
    assert normalize("عبدالله") in spelling_variants("عبد الله", "PERSON")
    assert len(spelling_variants("منظمة", "ORG")) == 1


def test_nisba_forms() -> None:
    forms = nisba_forms("روسي")
    assert {"روسي", "روسيه", "روسيين", "الروسي", "الروسيه", "الروسيون"} <= forms
    assert nisba_forms("روس") == {"روس", "الروس"}


def test_people_and_orgs_carry_country_codes() -> None:
    entities = load_gazetteer().entities
    assert entities["person:sergey-lavrov"].country_code == "RUS"
    assert entities["person:abdoulaye-diop"].country_code == "MLI"
    assert entities["org:wagner"].country_code == "RUS"
    # every hand-listed place carries its country; a place of the corpus census (definite_places.tsv) carries the id
    # of a place no list knows, and no country, as the tagger's places do
    census = {row["entity_id"] for row in definite_place_rows()}
    assert all(e.country_code for e in entities.values() if e.entity_type == "GPE" and e.entity_id not in census)
    assert census and all(entities[entity_id].country_code is None for entity_id in census)


def test_every_judged_body_purpose_has_a_verdict_and_an_other_body_its_entity() -> None:
    rows = read_tsv("gazetteer", "body_purposes.tsv")
    assert len({row["phrase"] for row in rows}) == len(rows) >= 40
    for row in rows:
        assert row["verdict"] in ("other", "same", "none"), row
        assert int(row["count"]) >= 5, row
        if row["verdict"] == "other":
            assert re.fullmatch(r"org:[a-z0-9-]+", row["entity_id"]), row
    new_ids = {row["entity_id"] for row in rows if row["verdict"] == "other" and row["name_en"]}
    listed = {row["entity_id"] for name in GAZETTEER_FILES for row in read_tsv("gazetteer", name)}
    assert new_ids and not new_ids & listed  # a new body's English name is given once, for an id no file lists
    assert all(load_gazetteer().entities[entity_id].entity_type == "ORG" for entity_id in new_ids)
