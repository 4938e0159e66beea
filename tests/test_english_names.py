"""English names for entities: where each comes from (found, listed, CLDR, rule, transliterated), and that none is
ever missing. Tiny frames built by hand; names invented or from the reviewed lists."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest
from arabic_name_romanizer.ranking import Scored
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.nlp.entities import add_english_names
from flows.nlp.entities import romanize as romanizer_boundary
from flows.nlp.entities.english import SOURCES, english_name_index, name_key, name_pairs
from flows.nlp.entities.romanize import best_spelling, latin_words, romanize, romanizer
from flows.store.frames import SCHEMAS

# The batch's entities frame as flows.store.frames builds it: every column, name_en_source (and num_articles) null.
ENTITY_COLUMNS = SCHEMAS["entities"]


def entities(*rows: tuple) -> pl.DataFrame:
    return pl.DataFrame([dict(zip(ENTITY_COLUMNS, row)) for row in rows], schema=ENTITY_COLUMNS, orient="row")


def named(entity_id: str, entity_type: str, name_ar: str, name_en: str | None, country: str | None) -> dict:
    return add_english_names(entities((entity_id, entity_type, name_ar, name_en, country))).row(0, named=True)


@pytest.mark.parametrize(
    ("entity_id", "entity_type", "name_ar", "name_en", "country", "expected", "source"),
    [
        ("gpe:rus", "GPE", "روسيا", "Russia", "RUS", "Russia", "cldr"),
        ("person:vladimir-putin", "PERSON", "فلاديمير بوتين", "Vladimir Putin", "RUS", "Vladimir Putin", "gazetteer"),
        (
            "org:ministry-defence-mli",
            "ORG",
            "وزارة الدفاع (مالي)",
            "Ministry of Defence (Mali)",
            "MLI",
            "Ministry of Defence (Mali)",
            "rule",
        ),
        ("person:h1", "PERSON", "محمد بن سلمان", None, None, "Mohammed bin Salman", "gazetteer"),
        ("person:h2", "PERSON", "إيمانويل ماكرون", None, None, "Emmanuel Macron", "gazetteer"),
        ("person:h3", "PERSON", "دونالد ترامب", None, None, "Donald Trump", "gazetteer"),
        ("gpe:h4", "GPE", "شيكاغو", None, None, "Chicago", "cldr"),
        ("gpe:h5", "GPE", "القاهرة", None, None, "Cairo", "gazetteer"),
    ],
    ids=[
        "a listed country keeps its CLDR name",
        "a listed person keeps the gazetteer's spelling",
        "a ministry built by the rule keeps its composed name",
        "the crown prince found by the tagger gets the office holders' spelling",
        "the French president found by the tagger gets the conventional spelling",
        "a spelling the list gives as an alias (ترامب) finds the name",
        "Chicago from CLDR's exemplar cities",
        "Cairo from places.tsv before CLDR",
    ],
)
def test_name_and_source(entity_id, entity_type, name_ar, name_en, country, expected, source):
    row = named(entity_id, entity_type, name_ar, name_en, country)
    assert (row["name_en"], row["name_en_source"]) == (expected, source)


def test_an_unlisted_arabic_name_is_transliterated():
    row = named("person:h6", "PERSON", "خالد عبد الرحمن الحربي", None, "SAU")
    assert row["name_en_source"] == "transliteration"
    assert row["name_en"].isascii() and row["name_en"].split()[0] in {"Khaled", "Khalid"}


def test_people_and_places_are_looked_up_apart():
    index = english_name_index()
    assert (True, name_key("عمان")) not in index, "a person called عمان is not the country Oman"
    assert index[(False, name_key("عمان"))][0] in {"Oman", "Amman"}


def test_every_listed_pair_has_both_names():
    assert all(pair.name_ar.strip() and pair.name_en.strip() for pair in name_pairs())
    assert sum(pair.entity_type == "PERSON" for pair in name_pairs()) >= 200, "the evaluation holds 200 out"


ARABIC_NAME = st.lists(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=2, max_size=8), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(words=ARABIC_NAME, entity_type=st.sampled_from(["PERSON", "ORG", "GPE", "LOC"]))
def test_name_en_is_never_null(words, entity_type):
    row = named("x:1", entity_type, " ".join(words), None, None)
    assert row["name_en"] and row["name_en_source"] in SOURCES


def test_an_empty_frame_stays_empty_with_the_source_column():
    out = add_english_names(entities())
    assert out.is_empty() and sorted(out.columns) == sorted(SCHEMAS["entities"])  # name_en_source added; order aside


def candidate(text: str, source: str, parts: int):
    return SimpleNamespace(text=text, source=source, units=[object()] * parts)


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        (
            [candidate("Ibrahim Abdulaziz Al-Assaf", "dictionary", 0), candidate("Ibrahim Al-Assaf", "dictionary", 2)],
            "Ibrahim Al-Assaf",
        ),
        (
            [candidate("Rania de Jordanie", "dictionary", 0), candidate("Rania Al-Abdullah", "dictionary", 2)],
            "Rania Al-Abdullah",
        ),
        ([candidate("Saad Hariri", "dictionary", 0), candidate("Saad Al-Hariri", "dictionary", 2)], "Saad Hariri"),
        (
            [candidate("Khalid Al-Faisal", "dictionary", 2), candidate("Khalid bin Faisal", "dictionary", 2)],
            "Khalid Al-Faisal",
        ),
    ],
    ids=[
        "a whole-name label with a middle name gives way to the parts",
        "a whole-name label in another language gives way to the parts",
        "a whole-name label that spells the same words is kept",
        "a spelling built from the parts is kept",
    ],
)
def test_best_spelling(candidates, expected):
    assert best_spelling(candidates) == expected


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Jean-Yves Le Drian", ["Jean", "Yves", "Le", "Drian"]),
        ("Sabah Al-Ahmad Al-Jaber Al-Sabah", ["Sabah", "Al-Ahmad", "Al-Jaber", "Al-Sabah"]),
        ("Abdul-Malik al-Houthi", ["Abdul", "Malik", "al-Houthi"]),
    ],
    ids=["a hyphenated given name is two words", "the article stays with its word", "Abdul-Malik is two words"],
)
def test_latin_words(name, words):
    assert latin_words(name) == words


def test_pairs_whose_words_do_not_pair_up_teach_no_parts():
    taught = romanizer([("جان إيف لودريان", "Jean-Yves Le Drian", "FRA")])
    [spelled] = romanize(taught, ["جان إيف"], [None])
    assert not spelled.endswith("Le"), "إيف is not 'Le': the pair's words do not pair up, so it teaches nothing"


def test_entities_left_unnamed_make_the_next_ingest_run(tmp_path):
    from flows import runner
    from flows.settings import Settings
    from flows.store import warehouse

    settings = Settings(inbox=tmp_path / "inbox", warehouse=tmp_path / "w.duckdb", workers=1)
    settings.inbox.mkdir()
    with warehouse.opened(settings.warehouse) as con:  # as an older release left it: no English name, no source
        con.execute(
            "insert into entities (entity_id, entity_type, name_ar) values ('person:x', 'PERSON', 'سامر الخطيب')"
        )
    assert runner.count_new_files(settings) is None, "nothing new in the inbox, but a run has names to give"
    runner.run_ingest(settings)
    assert runner.count_new_files(settings) == (0, 0)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        [(name_en, source)] = con.execute("select name_en, name_en_source from entities").fetchall()
    assert source == "transliteration" and name_en.isascii()


# Organisation names as the entity stage finds them, and two person names: words that share letters and lengths.
BATCH_NEIGHBOURS = ["المجلس الانتقالي", "المجلس العسكري", "مايك بومبيو", "سيرغي لافروف", "هيئة الأركان"]


@pytest.mark.parametrize("name", BATCH_NEIGHBOURS, ids=["council", "military council", "Pompeo", "Lavrov", "staff"])
def test_a_name_is_spelled_the_same_alone_and_beside_others(name):
    alone = romanize(romanizer([]), [name], [None])
    together = romanize(romanizer([]), BATCH_NEIGHBOURS[::-1], [None] * len(BATCH_NEIGHBOURS))
    assert alone == [together[BATCH_NEIGHBOURS[::-1].index(name)]]


def test_a_name_part_gets_the_same_scores_alone_and_in_any_batch():
    from flows.nlp.entities.romanize import UnitSpellings, default_resources_dir

    parts = ["ماكرون", "لافروف", "بومبيو", "المجلس", "عسكري"]  # two encoded lengths: batches without padding
    alone = [UnitSpellings(default_resources_dir()).transliterate_units([p], None, 5, ["given"]) for p in parts]
    batch = UnitSpellings(default_resources_dir()).transliterate_units(parts, None, 5, ["given"] * len(parts))
    assert [a[0] for a in alone] == batch, "the model's scores for a part do not depend on the parts beside it"


# Spellings of one name part as the package scores them: few distinct scores, so that combinations tie.
PART_SPELLINGS = st.lists(
    st.builds(
        Scored,
        text=st.sampled_from(["Ali", "Aly", "Al-Sabah", "Sabah", "Ben", "Bin", ""]),
        score=st.sampled_from([1.0, 0.5, 0.25, 0.1, 0.01, 0.3333333333333333, 0.0]),
        source=st.sampled_from(["user", "dictionary", "model", "rules"]),
        count=st.integers(0, 3),
    ),
    min_size=0,
    max_size=7,
)


@settings(max_examples=300, deadline=None)
@given(per_unit=st.lists(PART_SPELLINGS, min_size=0, max_size=5), keep=st.integers(1, 60))
def test_combining_name_parts_gives_the_packages_combinations_in_its_order(
    per_unit: list[list[Scored]], keep: int
) -> None:
    assert romanizer_boundary.combine_units(per_unit, 5, keep) == romanizer_boundary.PACKAGE_COMBINE_UNITS(
        per_unit, 5, keep
    )


def test_the_package_combines_name_parts_through_ours() -> None:
    from arabic_name_romanizer import api

    assert api.combine_units is romanizer_boundary.combine_units
