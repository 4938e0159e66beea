"""Place names from the corpus census (gazetteer/definite_places.tsv, bench/quality/build_definite_places.py)
and the place-head rule's word after و."""

from __future__ import annotations

from argparse import Namespace
from collections import Counter

import pytest

from flows.nlp.entities.extract import extract_entities
from flows.nlp.text.arabic import normalize, split_sentences
from flows.nlp.types import Document


def mentions(text: str) -> list[tuple[str, str]]:
    doc = Document("t", text, sentences=split_sentences(text))
    return [(m.surface, m.entity_type) for m in extract_entities(doc)[1]]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param("وقال: تقدمنا نحو الحديدة بتأن بسبب الألغام", "الحديدة", id="hodeidah-with-no-head-before-it"),
        pytest.param("رفضت الميليشيات خروج الأهالي من الحديدة.", "الحديدة", id="hodeidah-after-min"),
        pytest.param("وصلت التعزيزات إلى الموصل أمس", "الموصل", id="mosul-after-ila"),
        pytest.param("أعلن الجيش السيطرة على البوكمال", "البوكمال", id="abu-kamal"),
        pytest.param("الرئيس اليمني يصل عدن", "عدن", id="aden-bare-in-a-title"),
        pytest.param("أهداف قرب دمشق وحمص", "حمص", id="homs-after-wa"),
    ],
)
def test_a_definite_place_the_census_found_is_a_gpe_wherever_it_stands(text: str, place: str) -> None:
    assert (place, "GPE") in mentions(text)


def test_a_second_head_after_wa_is_no_place_name() -> None:
    # "مدينة وميناء الحديدة": the city and port of Hodeidah; وميناء is و + ميناء, not a name after مدينة
    found = mentions("عملية لتحرير مدينة وميناء الحديدة، والتي قالت الحكومة إنها ستنجح")
    assert ("الحديدة", "GPE") in found
    assert not any(surface.startswith("وميناء") for surface, _ in found)


def test_a_name_that_starts_with_wa_after_a_head_stays_a_place() -> None:
    assert ("وهران", "GPE") in mentions("وصل الوفد إلى مدينة وهران الجزائرية")


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("البيضاء", id="white-casablanca-keeps-its-first-word"),
        pytest.param("الفقيه", id="wilayat-al-faqih-a-doctrine"),
        pytest.param("الوادي", id="the-valley"),
    ],
)
def test_a_word_judged_no_place_is_not_listed(word: str) -> None:
    from bench.quality.build_definite_places import NOT_PLACES
    from flows.resources import read_tsv

    assert word in NOT_PLACES
    assert word not in {r["name_ar"] for r in read_tsv("gazetteer", "definite_places.tsv")}


def test_casablanca_is_still_one_place() -> None:
    assert ("الدار البيضاء", "GPE") in mentions("وصل الوفد إلى الدار البيضاء أمس")


def test_the_census_keeps_words_seen_often_after_a_head_and_in_a_share_of_their_uses() -> None:
    from bench.quality.build_definite_places import places

    total = Counter({"الحديده": 100, "الباب": 1000, "النادره": 3})
    after = Counter({("الحديده", "الحديدة"): 40, ("الحديده", "الحديده"): 2, ("الباب", "الباب"): 30})
    after[("النادره", "النادرة")] = 3
    following = Counter({("الحديده", "في"): 15, ("الحديده", "و"): 15, ("الحديده", "اليمنيه"): 12})
    following.update({("الباب", ""): 30, ("النادره", ""): 3})
    args = Namespace(min_after=4, min_share=0.1, min_after_bare=8, min_share_bare=0.15)
    rows = places(total, after, following, args)
    # the door follows مدينة 30 times in 1000; a word after a head 3 times is too rare; the spelling written most wins
    assert rows == [("الحديدة", 100, 42)]


def test_the_census_keeps_a_bare_name_seldom_written_with_the_article_and_no_first_word() -> None:
    from bench.quality.build_definite_places import places

    total = Counter({"عدن": 200, "رياسيه": 300, "الرياسيه": 3000, "دير": 400})
    after = Counter({("عدن", "عدن"): 60, ("رياسيه", "رئاسية"): 70, ("دير", "دير"): 120})
    following = Counter({("عدن", ""): 20, ("عدن", "و"): 15, ("رياسيه", "ثانيه"): 30, ("دير", "الزور"): 100})
    args = Namespace(min_after=4, min_share=0.1, min_after_bare=8, min_share_bare=0.15)
    # ولاية رئاسية "a presidential term": an adjective the corpus mostly writes with the article; دير الزور: a first word
    assert places(total, after, following, args) == [("عدن", 200, 60)]


def test_the_definite_places_file_states_its_census_and_keeps_its_thresholds() -> None:
    from flows.resources import data_text, read_tsv

    header = data_text("gazetteer", "definite_places.tsv").splitlines()[:3]
    assert any("build_definite_places" in line for line in header)
    rows = read_tsv("gazetteer", "definite_places.tsv")
    assert len(rows) > 50
    assert all(int(r["after_head"]) >= 4 and int(r["after_head"]) >= 0.1 * int(r["count"]) for r in rows)
    bare = [r for r in rows if not normalize(r["name_ar"]).startswith("ال")]
    assert bare and all(int(r["after_head"]) >= 8 and int(r["after_head"]) >= 0.15 * int(r["count"]) for r in bare)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("الذي يقاتل من أجل إقامة إقليم كردي مستقل منذ 1984", id="a-kurdish-region-names-none"),
        pytest.param("تحتفل بلدة ساحلية صغيرة بعيدها", id="a-coastal-town-names-none"),
    ],
)
def test_an_adjective_after_a_place_head_is_no_place_name(text: str) -> None:
    assert not [m for m in mentions(text) if m[1] == "GPE"]


def test_a_compound_place_name_after_a_head_keeps_its_first_word() -> None:
    # عين "eye" is mostly written with the article, but starts a compound name after قرية
    assert ("عين حوض", "GPE") in mentions("هُجّر سكان قرية عين حوض عام 1948")


def test_the_gazetteer_is_loaded_once() -> None:
    from flows.nlp.entities.gazetteer import load_gazetteer

    assert load_gazetteer() is load_gazetteer()


def adjectival(text: str) -> list[tuple[str, str, bool]]:
    doc = Document("t", text, sentences=split_sentences(text))
    return [(m.surface, m.entity_type, m.is_adjectival) for m in extract_entities(doc)[1]]


def test_a_country_named_as_its_own_nisba_is_the_adjective_after_a_noun_it_agrees_with() -> None:
    # القوات السعودية "the Saudi forces": a nisba (kept for the event and quote stages, flagged), not the country
    assert ("السعودية", "GPE", True) in adjectival("هاجمت القوات السعودية مواقع المتمردين")
    # فصائل معارضة سورية "Syrian opposition factions": the indefinite feminine nisba, no mention of Syria
    assert not [m for m in adjectival("وشنت فصائل معارضة سورية هجوما") if m[0] == "سورية"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("زار ترامب السعودية أمس", id="after-a-name"),
        pytest.param("وصلت القوات إلى سورية الأسبوع الماضي", id="after-a-preposition"),
        pytest.param("وأعلنت سورية موافقتها", id="after-a-verb"),
        pytest.param("وقال الرئيس إن السعودية تدعم الاتفاق", id="after-inna"),
    ],
)
def test_a_country_named_as_its_own_nisba_stays_the_country_elsewhere(text: str) -> None:
    assert any(m[1] == "GPE" and not m[2] for m in adjectival(text))


def test_only_feminine_names_read_as_nisbas() -> None:
    from flows.nlp.entities.gazetteer import names_spelled_as_nisbas

    # مالي is Mali and "financial": "حكومة مالي" is Mali's government, so a masculine name is never read so
    assert names_spelled_as_nisbas() == {"السعوديه", "سوريه"}
    assert ("مالي", "GPE", False) in adjectival("وقال إن أزمة مالي تتفاقم")
