"""Article-level readings of names: one type per name within an article, and descriptors outside a medium's name.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from flows.nlp.entities.base import Candidate, stable_id
from flows.nlp.entities.consistency import consistent_types, type_votes
from flows.nlp.entities.extract import extract_entities
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity

ARTICLE = "هاجم مسلحون الأهواز أمس. وتقع مدينة الأهواز جنوب البلاد. وزار الوزير الأهواز اليوم."


def mentions(text: str) -> list[tuple[str, str]]:
    doc = Document("t", text, sentences=split_sentences(text))
    return [(m.surface, m.entity_type) for m in extract_entities(doc)[1]]


def candidates(text: EntityText, word: str, typed: list[tuple[str, str]]) -> list[Candidate]:
    """One candidate per occurrence of ``word``, with the given (type, source) in order."""
    out = []
    at = [k for k, tok in enumerate(text.toks) if text.body[tok.char_start : tok.char_end] == word]
    for k, (kind, source) in zip(at, typed, strict=True):
        entity = Entity(stable_id(kind.lower(), word), kind, word, None, None)
        tok = text.toks[k]
        out.append(Candidate(tok.char_start, tok.char_end, k, k + 1, entity, 5, source))
    return out


def types_after(typed: list[tuple[str, str]]) -> list[str]:
    text = EntityText.build(ARTICLE, split_sentences(ARTICLE))
    chosen = candidates(text, "الأهواز", typed)
    return [c.entity.entity_type for c in consistent_types(text, chosen, type_votes(text, chosen))]


@pytest.mark.parametrize(
    "typed, expected",
    [
        pytest.param(
            [("ORG", "tagger"), ("GPE", "place-head"), ("ORG", "tagger")],
            ["GPE", "GPE", "GPE"],
            id="a-rule's-city-types-the-tagger's-body-of-the-same-name",
        ),
        pytest.param(
            [("GPE", "tagger"), ("ORG", "tagger"), ("GPE", "tagger")],
            ["GPE", "GPE", "GPE"],
            id="the-tagger's-readings-by-majority",
        ),
        pytest.param(
            [("GPE", "tagger"), ("ORG", "tagger"), ("PERSON", "title")],
            ["PERSON", "PERSON", "PERSON"],
            id="a-rule's-person-over-two-tagger-readings",
        ),
        pytest.param(
            [("GPE", "tagger"), ("ORG", "tagger"), ("LOC", "tagger")],
            ["GPE", "ORG", "LOC"],
            id="a-tie-keeps-each-reading",
        ),
        pytest.param(
            [("ORG", "place-head"), ("GPE", "tagger"), ("GPE", "tagger")],
            ["ORG", "ORG", "ORG"],
            id="a-rule's-type-is-never-changed",
        ),
    ],
)
def test_a_name_keeps_one_type_within_an_article(typed: list[tuple[str, str]], expected: list[str]) -> None:
    assert types_after(typed) == expected


def test_a_listed_entity_is_never_retyped() -> None:
    text = EntityText.build(ARTICLE, split_sentences(ARTICLE))
    listed = Entity("gpe:ahvaz", "GPE", "الأهواز", None, None)
    chosen = candidates(text, "الأهواز", [("ORG", "rule"), ("ORG", "rule"), ("ORG", "rule")])
    chosen[0] = Candidate(chosen[0].char_start, chosen[0].char_end, 2, 3, listed, 0, "repeated")
    out = consistent_types(text, chosen, type_votes(text, chosen))
    assert out[0].entity == listed


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("وذكرت صحيفة واشنطن بوست أن الاتفاق قريب", "واشنطن بوست", id="the-newspaper-washington-post"),
        pytest.param("ونقلت وكالة أنباء يونهاب عن مسؤول قوله", "يونهاب", id="the-news-agency-yonhap"),
        pytest.param("وقالت شبكة بلومبيرغ إن الأسعار ارتفعت", "بلومبيرغ", id="the-network-bloomberg"),
    ],
)
def test_a_descriptor_is_outside_a_mediums_name(text: str, name: str) -> None:
    found = mentions(text)
    assert (name, "ORG") in found
    assert not any(surface != name and surface.endswith(name) for surface, _ in found)


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("وقالت وكالة الأنباء السورية إن الجيش تقدم", "وكالة الأنباء السورية", id="the-syrian-news-agency"),
        pytest.param(
            "وأعلنت وكالة الفضاء الأوروبية إطلاق القمر", "وكالة الفضاء الأوروبية", id="the-european-space-agency"
        ),
    ],
)
def test_a_descriptor_that_is_the_name_stays(text: str, name: str) -> None:
    assert (name, "ORG") in mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ولم يقدم الوزير أي دليل على اتهامه", id="the-minister-gave-no-proof"),
        pytest.param("وأعلن الرئيس الأفغاني يدعم فتوى تحريم الهجمات", id="the-president-supports-a-fatwa"),
    ],
)
def test_words_after_a_title_that_the_tagger_reads_as_no_name_are_no_person(text: str) -> None:
    assert not any(kind == "PERSON" for _, kind in mentions(text))


def test_a_body_after_a_title_is_the_body_not_a_person() -> None:
    found = mentions("أعلن رئيس نادي سموحة، فرج عامر، أن الفريق سينسحب")
    assert not any(kind == "PERSON" and "سموحة" in surface for surface, kind in found)
    assert ("فرج عامر", "PERSON") in found


def test_a_name_after_a_title_and_a_body_stays() -> None:
    assert ("ياسر عرفات", "PERSON") in mentions("ورئيس منظمة التحرير ياسر عرفات، الذي توفي في 2004")
