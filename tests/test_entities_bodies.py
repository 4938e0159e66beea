"""Bodies named by a definite head and a country's nisba (round 6: the census heads of bench/quality/build_body_heads.py,
nisba=yes in flows/data/gazetteer/definite_org_heads.tsv). Hand-written sentences, the real entity stage."""

from __future__ import annotations

import pytest

from flows.nlp.entities.extract import extract_entities
from flows.nlp.text import split_sentences
from flows.nlp.types import Document


def body_mentions(text: str) -> list[tuple[str, str]]:
    """(surface, type) of each body mention."""
    entities, mentions = extract_entities(Document("t", text, "", None, split_sentences(text)))
    types = {e.entity_id: e.entity_type for e in entities}
    return [(m.surface, types[m.entity_id]) for m in mentions if m.part == "body" and not m.is_adjectival]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "وقال المرصد السوري لحقوق الإنسان إن الضحايا قتلوا في القصف.",
            [("المرصد السوري لحقوق الإنسان", "ORG")],
            id="the-observatory-with-its-purpose",
        ),
        pytest.param(
            "وقالت السفارة الأمريكية في بغداد إن الموظفين بخير.",
            [("السفارة الأمريكية", "ORG"), ("بغداد", "GPE")],
            id="an-embassy-and-where-it-stands",
        ),
        pytest.param(
            "وجاء ذلك بعد انتقادات من السفارة الروسية لرفض الحكومة البريطانية منح التأشيرة.",
            [("السفارة الروسية", "ORG")],
            id="a-purpose-phrase-naming-another-body-is-not-the-name",
        ),
        pytest.param(
            "ورفع البنك المركزي المصري سعر الفائدة.",
            [("البنك المركزي المصري", "ORG")],
            id="a-central-bank",
        ),
    ],
)
def test_bodies_named_with_a_country_nisba(text: str, expected: list[tuple[str, str]]) -> None:
    found = body_mentions(text)
    assert all(item in found for item in expected), found


def test_a_purpose_phrase_before_another_body_stays_out_of_the_name() -> None:
    text = "وجاء ذلك بعد انتقادات من السفارة الروسية لرفض الحكومة البريطانية منح التأشيرة."
    assert not any("لرفض" in surface for surface, _ in body_mentions(text))


def test_the_body_heads_census_flag_is_read() -> None:
    from flows.nlp.entities.gazetteer import nisba_body_heads

    assert {"مرصد", "بنك", "سفاره"} <= nisba_body_heads()
