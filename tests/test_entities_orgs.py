"""Organisations (issue 12, round 12): a state's nisba closing a definite body's name, two bodies side by side in one
tagger span. Hand-written sentences, the real entity stage or the rule on its own."""

from __future__ import annotations

import pytest

from flows.nlp.entities.extract import extract_entities
from flows.nlp.entities.tagged import NameSpan, _bodies
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text import split_sentences
from flows.nlp.types import Document


def body_mentions(text: str) -> list[tuple[str, str]]:
    """(surface, type) of each body mention that is no nisba."""
    _, mentions = extract_entities(Document("t", text, "", None, split_sentences(text)))
    return [(m.surface, m.entity_type) for m in mentions if m.part == "body" and not m.is_adjectival]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "وقال الحرس الثوري الإيراني إن الصاروخ أصاب هدفه.", "الحرس الثوري الإيراني", id="revolutionary-guard"
        ),
        pytest.param(
            "وأعلن المجلس العسكري الانتقالي السوداني تعليق المفاوضات.",
            "المجلس العسكري الانتقالي السوداني",
            id="a-transitional-military-council-with-its-state",
        ),
    ],
)
def test_a_states_nisba_after_a_definite_bodys_adjective_closes_its_name(text: str, expected: str) -> None:
    assert (expected, "ORG") in body_mentions(text), body_mentions(text)


def test_a_states_nisba_past_the_bodys_longest_run_of_adjectives_stays_out() -> None:
    text = "وشاركت الجمعية النسائية الاجتماعية الثقافية الكويتية في المعرض."
    assert not any(surface.endswith("الكويتية") for surface, _ in body_mentions(text))


def spans_of(text: str, first: int, end: int) -> list[str]:
    entity_text = EntityText.build(text, split_sentences(text))
    pieces = _bodies(entity_text, NameSpan("ORG", first, end))
    return [" ".join(tok.norm for tok in entity_text.toks[p.tok_start : p.tok_end]) for p in pieces]


@pytest.mark.parametrize(
    ("text", "first", "end", "expected"),
    [
        pytest.param(
            "ينفذها الجيش الوطني والمقاومة الشعبية اليوم",
            1,
            5,
            ["الجيش الوطني", "والمقاومه الشعبيه"],
            id="the-national-army-and-the-popular-resistance",
        ),
        pytest.param(
            "قالت وزارة الخارجية والتعاون الدولي إن",
            1,
            5,
            ["وزاره الخارجيه والتعاون الدولي"],
            id="a-construct-keeps-its-and",
        ),
        pytest.param(
            "قالت الهيئة العامة للطيران والأرصاد الجوية إن",
            1,
            6,
            ["الهييه العامه للطيران والارصاد الجويه"],
            id="a-purpose-joined-by-and-stays-whole",
        ),
        pytest.param(
            "قال الجيش الوطني والقائد العام إن",
            1,
            5,
            ["الجيش الوطني والقايد العام"],
            id="no-relational-adjective-after-and-no-split",
        ),
    ],
)
def test_two_definite_bodies_side_by_side_are_two_names(text: str, first: int, end: int, expected: list[str]) -> None:
    assert spans_of(text, first, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("وقال مسؤول لشبكة CNN إن المفاوضات توقفت.", "CNN", id="a-network"),
        pytest.param(
            "وقالت شركة Samsung Display في بيان إن الإنتاج زاد.", "Samsung Display", id="a-company-of-two-words"
        ),
        pytest.param("وذكر موقع WIRED أن القطعة سقطت.", "WIRED", id="a-website"),
    ],
)
def test_a_latin_name_after_a_company_or_media_head_is_the_body(text: str, expected: str) -> None:
    assert (expected, "ORG") in body_mentions(text), body_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وأطلقت الشركة تطبيق Reeds الجديد للهواتف.", id="an-apps-name-is-no-body"),
        pytest.param("ويعمل الهاتف بنظام iOS منذ سنوات.", id="a-systems-name-is-no-body"),
    ],
)
def test_a_latin_name_after_a_products_noun_is_no_body(text: str) -> None:
    assert not any(kind == "ORG" for _, kind in body_mentions(text)), body_mentions(text)


def test_a_body_named_once_is_a_mention_where_the_text_repeats_its_name() -> None:
    text = "وقال مسؤول لشبكة CNN إن المفاوضات توقفت. وأضاف المسؤول في حديثه إلى CNN أن الوفد غادر."
    assert [surface for surface, kind in body_mentions(text) if kind == "ORG"] == ["CNN", "CNN"]


def test_a_definite_description_found_once_is_not_repeated() -> None:
    """A body found by its definite head and adjectives is as often a description as a name (repeated.py)."""
    from flows.nlp.entities.repeated import _repeatable_body

    assert not _repeatable_body_source("definite-body", _repeatable_body)
    assert _repeatable_body_source("tagger", _repeatable_body)


def _repeatable_body_source(source: str, rule) -> bool:
    from flows.nlp.entities.base import Candidate
    from flows.nlp.types import Entity

    return rule(Candidate(0, 3, 0, 1, Entity("org:x", "ORG", "x", None, None), 5, source))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "وقالت وكالة الأنباء القطرية السبت إن الوفد وصل.", "وكالة الأنباء القطرية", id="an-agency-then-saturday"
        ),
        pytest.param(
            "وقضت المحكمة العليا الأميركية الاثنين بإلغاء القرار.", "المحكمة العليا الأميركية", id="a-court-then-monday"
        ),
    ],
)
def test_a_weekday_after_a_bodys_name_is_outside_it(text: str, expected: str) -> None:
    found = body_mentions(text)
    assert not any("الاثنين" in surface or "السبت" in surface for surface, _ in found), found
    assert (expected, "ORG") in found, found


def test_a_bracketed_acronym_after_a_bodys_name_is_the_body_and_so_is_its_repetition() -> None:
    text = "وقالت منظمة حظر الأسلحة الكيميائية (OPCW) إن الفريق وصل. وأكدت OPCW لاحقا أن العينات أخذت."
    found = body_mentions(text)
    assert [surface for surface, kind in found if kind == "ORG"] == ["منظمة حظر الأسلحة الكيميائية", "OPCW", "OPCW"]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        pytest.param("وأكدت وكالة الأنباء السورية (سانا) وصول الوفد.", "سانا", id="an-arabic-acronym"),
        pytest.param("وقال بنك الاستثمار الأوروبي (EIB) إنه سيمول المشروع.", "EIB", id="a-latin-acronym"),
    ],
)
def test_a_bracketed_acronym_is_a_mention_of_its_own(text: str, acronym: str) -> None:
    assert (acronym, "ORG") in body_mentions(text), body_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وقالت منظمة الصحة العالمية (في بيان) إن الوباء انتهى.", id="words-in-brackets-are-no-acronym"),
        pytest.param("وقالت منظمة الصحة العالمية (الأحد) إن الوباء انتهى.", id="a-definite-word-is-no-acronym"),
    ],
)
def test_other_words_in_brackets_after_a_body_are_no_mention(text: str) -> None:
    assert [kind for _, kind in body_mentions(text)].count("ORG") == 1, body_mentions(text)


def test_a_states_nisba_after_a_definite_bodys_head_inside_a_longer_span_stays_the_bodys() -> None:
    """The tagger's span starts before the head (قوات): the nisba is still the body's, not cut and lost."""
    found = body_mentions("وأطلقت قوات الحرس الثوري الإيراني صواريخ على جنود إسرائيليين في الجولان. وترد إسرائيل.")
    assert any(kind == "ORG" and surface.endswith("الحرس الثوري الإيراني") for surface, kind in found), found


def entity_ids(text: str) -> list[tuple[str, str]]:
    """(surface, entity_id) of each body mention that is no nisba."""
    _, mentions = extract_entities(Document("t", text, "", None, split_sentences(text)))
    return [(m.surface, m.entity_id) for m in mentions if m.part == "body" and not m.is_adjectival]


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        pytest.param(
            "وقال الاتحاد الأوروبي لكرة القدم إن القضية ستحال إلى لجنة الانضباط.",
            "الاتحاد الأوروبي لكرة القدم",
            "org:uefa",
            id="the-european-football-union-is-uefa-not-the-eu",
        ),
        pytest.param(
            "وأعلن الاتحاد الأفريقي لكرة القدم موعد البطولة.",
            "الاتحاد الأفريقي لكرة القدم",
            "org:caf",
            id="the-african-football-union-is-caf-not-the-au",
        ),
        pytest.param(
            "وأصدر صندوق الأمم المتحدة للسكان تقريره السنوي.",
            "صندوق الأمم المتحدة للسكان",
            "org:unfpa",
            id="the-un-population-fund-is-unfpa",
        ),
        pytest.param(
            "وقال صندوق الأمم المتحدة للطفولة إن الأطفال يعانون.",
            "صندوق الأمم المتحدة للطفولة",
            "org:unicef",
            id="the-un-childrens-fund-is-a-longer-name-of-unicef",
        ),
        pytest.param(
            "وانتقد مكتب الأمم المتحدة لحقوق الإنسان الحكم.",
            "مكتب الأمم المتحدة لحقوق الإنسان",
            "org:ohchr",
            id="the-un-human-rights-office-is-ohchr",
        ),
    ],
)
def test_a_listed_body_and_a_purpose_judged_another_body_is_read_whole(text: str, surface: str, entity_id: str) -> None:
    assert (surface, entity_id) in entity_ids(text), entity_ids(text)


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        pytest.param("وقالت مفوضة الأمم المتحدة لحقوق الإنسان إن الوضع خطير.", "org:un", id="a-commissioners-un"),
        pytest.param("وقال مبعوث الأمم المتحدة لليمن إن المحادثات ستبدأ.", "org:un", id="an-envoys-un"),
        pytest.param("وقال الاتحاد الأوروبي إن العقوبات ستستمر.", "org:eu", id="the-eu-alone"),
    ],
)
def test_a_purpose_judged_no_name_of_its_own_leaves_the_listed_body(text: str, entity_id: str) -> None:
    assert ("الأمم المتحدة" if entity_id == "org:un" else "الاتحاد الأوروبي", entity_id) in entity_ids(text)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("وكتب ترامب في تغريدة على تويتر أن الاتفاق سيئ.", "تويتر", id="a-tweet-on-twitter"),
        pytest.param("ونشرت الفيديو على صفحتها في فيس بوك مساء الأحد.", "فيس بوك", id="facebook-in-two-words"),
        pytest.param("وقال إن فيسبوك سيحذف الحسابات المزيفة.", "فيسبوك", id="facebook-as-a-company"),
        pytest.param("وبث المقطع عبر قناته على يوتيوب.", "يوتيوب", id="youtube"),
    ],
)
def test_a_platform_named_bare_is_an_org(text: str, surface: str) -> None:
    assert (surface, "ORG") in body_mentions(text), body_mentions(text)


def test_a_league_named_by_its_head_and_definite_words_is_an_org() -> None:
    text = "وقالت رابطة اللاعبين المحترفين إن التصويت انتهى."
    assert ("رابطة اللاعبين المحترفين", "ORG") in body_mentions(text), body_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وقال رئيس غرفة العمليات إن الدفاعات تصدت للصواريخ.", id="an-operations-room"),
        pytest.param("وأصدر مكتب العبادي بيانا.", id="a-prime-ministers-office"),
    ],
)
def test_heads_the_census_left_out_make_no_body(text: str) -> None:
    assert not [s for s, t in body_mentions(text) if t == "ORG" and s.startswith(("غرفة", "مكتب"))], body_mentions(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("وتقدم المنتخب الفرنسي بهدف في الدقيقة الثامنة.", "المنتخب الفرنسي", id="the-french-team"),
        pytest.param("وقال مدرب المنتخب المغربي إن الفريق جاهز.", "المنتخب المغربي", id="the-moroccan-teams-coach"),
    ],
)
def test_a_national_team_by_its_countrys_nisba_is_one_org(text: str, expected: str) -> None:
    assert (expected, "ORG") in body_mentions(text), body_mentions(text)
    assert ("المنتخب", "ORG") not in body_mentions(text)


def test_the_national_team_without_a_country_is_no_name() -> None:
    assert not [s for s, t in body_mentions("وتعادل المنتخب الوطني مع تونس.") if "المنتخب" in s]
