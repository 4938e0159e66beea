"""Names that hold a listed place (gazetteer/headed_names.tsv, bench/quality/build_headed_names.py): the whole name is
one mention, and the place inside it is none of its own."""

from __future__ import annotations

from argparse import Namespace

import pytest

from flows.nlp.entities.extract import extract_entities
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document


def mentions(text: str) -> list[tuple[str, str, str]]:
    doc = Document("t", text, sentences=split_sentences(text))
    return [(m.surface, m.entity_type, m.entity_id) for m in extract_entities(doc)[1]]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            "وقالت قوات سوريا الديمقراطية إن الغارات استهدفت القرى", "قوات سوريا الديمقراطية", "ORG", id="sdf-one-org"
        ),
        pytest.param("ممثلون من المجر ورومانيا وجمهورية التشيك", "جمهورية التشيك", "GPE", id="czech-republic-whole"),
        pytest.param("أعلن بنك السودان المركزي خفض العملة", "بنك السودان المركزي", "ORG", id="central-bank-of-sudan"),
        pytest.param("توترات في بحر الصين الجنوبي", "بحر الصين الجنوبي", "LOC", id="south-china-sea-a-loc"),
    ],
)
def test_a_judged_name_holding_a_place_is_one_mention(text: str, name: str, kind: str) -> None:
    found = mentions(text)
    assert (name, kind) in [(surface, entity_type) for surface, entity_type, _ in found]
    inner = name.split()[1]
    assert not any(surface == inner for surface, _, _ in found)  # the place inside is no mention of its own


def test_a_state_by_its_formal_name_is_the_state() -> None:
    # جمهورية التشيك and التشيك are one GPE (NOTES_test2.md: two mentions of one entity)
    found = mentions("زار الوفد جمهورية التشيك ثم عاد من التشيك")
    assert {entity_id for _, entity_type, entity_id in found if entity_type == "GPE"} == {"gpe:cze"}


def test_an_org_holding_a_place_carries_its_country() -> None:
    from flows.nlp.entities.gazetteer import load_gazetteer

    found = mentions("وقالت قوات سوريا الديمقراطية إن الغارات استهدفت القرى")
    entity_id = next(entity_id for surface, _, entity_id in found if surface == "قوات سوريا الديمقراطية")
    assert load_gazetteer().entities[entity_id].country_code == "SYR"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param("منذ حرب فيتنام قبل عقود", "فيتنام", id="an-event-the-place-stays"),
        pytest.param("هبطت الطائرة في مطار دمشق الدولي", "دمشق", id="a-facility-the-place-stays"),
    ],
)
def test_a_sequence_judged_no_name_leaves_the_place(text: str, place: str) -> None:
    assert place in [surface for surface, _, _ in mentions(text)]


def test_every_census_row_is_judged() -> None:
    from flows.resources import read_tsv

    verdicts = {row["verdict"] for row in read_tsv("gazetteer", "headed_names.tsv")}
    assert verdicts <= {"org", "gpe", "loc", "no"}


def test_the_census_keeps_fixed_phrases_and_heads_a_place_is_mostly_written_after() -> None:
    from bench.quality.build_headed_names import Counts, kept

    counts = Counts()
    sdf, syria_north = ("قوات", "سوريا", "الديمقراطيه"), ("شمال", "سوريا")
    counts.sequences.update({sdf: 90, ("قوات", "سوريا"): 10, syria_north: 300, ("شمال", "سوريا", "الغربي"): 30})
    counts.articles.update({sdf: 40, ("قوات", "سوريا"): 6, syria_north: 200, ("شمال", "سوريا", "الغربي"): 20})
    counts.pairs.update({("قوات", "سوريا"): 100, syria_north: 330})
    counts.places.update({("سوريا",): 5000})
    czech = ("جمهوريه", "التشيك")
    counts.sequences[czech] = 30
    counts.articles[czech] = 20
    counts.pairs[czech] = 30
    counts.places[("التشيك",)] = 100
    counts.place_ids.update({("سوريا",): "gpe:syr", ("التشيك",): "gpe:cze"})
    rows = kept(counts, Namespace(min_articles=5, min_fixed=0.5, min_head_share=0.15))
    # قوات سوريا is followed by الديمقراطية 90 times in 100; شمال سوريا by anything; شمال stands before a sliver of سوريا;
    # جمهورية stands before التشيك in 30 of its 100 occurrences
    assert [row[0] for row in rows] == [sdf, czech]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param("الأدلة على برنامج إيران النووي السري", "إيران", id="a-programme-is-no-body"),
        pytest.param("تحقيق تقدم جديد في جبهة تعز أمس", "تعز", id="a-front-is-no-body"),
        pytest.param("تمكنت القوات من تحرير مركز مدينة ميدي أمس", "ميدي", id="a-town-centre-is-no-body"),
    ],
)
def test_a_quoted_head_before_a_place_leaves_the_place(text: str, place: str) -> None:
    found = mentions(text)
    assert place in [surface for surface, _, _ in found]
    assert not any(entity_type == "ORG" for _, entity_type, _ in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("عقد مؤتمر للشباب في جامعة القاهرة أمس", "جامعة القاهرة", id="a-university-by-its-city"),
        pytest.param("اجتمع المجلس البلدي في بلدية نابلس", "بلدية نابلس", id="a-municipality"),
        pytest.param("كشفت صحيفة نيويورك تايمز الأميركية أن السيناتور", "نيويورك تايمز", id="a-paper-named-by-a-city"),
        pytest.param(
            "سعت حكومة دبي إلى تأسيس مؤسسة دبي لتنمية الاستثمار", "مؤسسة دبي لتنمية الاستثمار", id="a-purpose"
        ),
    ],
)
def test_a_head_that_names_a_body_by_its_place_stays_a_body(text: str, name: str) -> None:
    assert (name, "ORG") in [(surface, entity_type) for surface, entity_type, _ in mentions(text)]
