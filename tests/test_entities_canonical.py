"""One person, one entity across the warehouse: the spellings person_key folds, the ones it must keep apart, and a
new person linked to the listed one their name spells. Names written for these tests."""

from __future__ import annotations

import pytest

from flows.nlp.entities.base import stable_id
from flows.nlp.entities.canonical import listed_person, person_key, vowel_fold
from flows.nlp.entities.extract import extract_entities
from flows.nlp.entities.gazetteer import load_gazetteer
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("جان-إيف لودريان", "جان إيف لودريان", id="a hyphen is a space: Jean-Yves Le Drian"),
        pytest.param("عبدالرحمن السويحلي", "عبد الرحمن السويحلي", id="Abdulrahman written joined or apart"),
        pytest.param("خليفة عبدالله", "خليفة عبد الله", id="Abdullah as a second name joined or apart"),
        pytest.param("ماريو دراغي", "ماريو دراغي", id="the same name: the same key"),
        pytest.param("نتانياهو", "نتنياهو", id="Netanyahu with and without the long a"),
        pytest.param("غابرييل كاراموكو", "غابرييل كاراموكو", id="a name with a listed given name keeps its key"),
        pytest.param("جيريمي كوربين", "جيريمي كوربين", id="Jeremy Corbyn, no alef to fold"),
        pytest.param("بيل كلينتون", "بيل كلنتون", id="Bill Clinton with and without the inner ya"),
        pytest.param("ريكس تيلرسون", "ريكس تليرسون", id="Rex Tillerson with the ya in either place"),
        pytest.param("أندرو برونسون", "أندرو برانسون", id="Andrew Brunson with waw or alef: the listed spelling"),
        pytest.param(
            "ماريانا كولر", "مارينا كولر", id="two words fold, Mariana and Marina too: the surname is the evidence"
        ),
        pytest.param("ميلان ستيفانوفيتش", "ميلان ستيفنوفيتش", id="Milan Stefanovic with and without the alef"),
        pytest.param("أنطونيو غوتيريش", "انطونيو غوتيريش", id="hamza forms as the normaliser folds them"),
    ],
)
def test_spellings_of_one_person_share_a_key(one: str, other: str) -> None:
    assert person_key(one) == person_key(other)
    assert stable_id("person", one) == stable_id("person", other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param(
            "عبدالله الثني", "عبدالله الثاني", id="al-Thinni is not King Abdullah II: the article does not count"
        ),
        pytest.param("أندرياس كولر", "أندريس كولر", id="Andreas is not the listed Andres"),
        pytest.param("كريستيان مولر", "كريستين مولر", id="Christian is not the listed Christine"),
        pytest.param("سالم حمدي", "سلم حمدي", id="Salem is not Salm: short words keep their alefs"),
        pytest.param("عامر الخطيب", "عمر الخطيب", id="Amer is not Omar"),
        pytest.param("محمد الحسيني", "محمد الحسني", id="al-Husseini is not al-Hasani: four letters keep their ya"),
        pytest.param("خالد سليمان", "خالد سلمان", id="Sulaiman is not Salman"),
        pytest.param("محمود حميدة", "محمد حميدة", id="Mahmoud is not Mohamed: listed given names never fold"),
        pytest.param(
            "ستيفان كولر", "ستيفن كولر", id="two listed given names never fold into each other: Stefan, Stephen"
        ),
        pytest.param("محمد بن سلمان", "محمد بن سلمان صورة", id="a longer name is another key"),
        pytest.param("ماريانا", "مارينا", id="one unlisted word is too little to fold: Mariana, Marina"),
    ],
)
def test_different_names_keep_apart(one: str, other: str) -> None:
    assert person_key(one) != person_key(other)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        pytest.param("نتانياهو", "نتنهو", id="Netanyahu: every inner long vowel dropped"),
        pytest.param("اوباما", "اوبما", id="Obama: the first and last letters stay"),
        pytest.param("الثاني", "الثاني", id="al-thani: four letters after the article, kept"),
        pytest.param("الهاشميه", "الهشميه", id="a long normalised word after the article folds"),
        pytest.param("سالم", "سالم", id="Salem: short, kept"),
    ],
)
def test_vowel_fold(word: str, folded: str) -> None:
    assert vowel_fold(word) == folded


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        pytest.param("نتانياهو", "person:benjamin-netanyahu", id="Netanyahu spelt with the long a: the listed alias"),
        pytest.param("بنيامين نتانياهو", "person:benjamin-netanyahu", id="Benjamin Netanyahu spelt with the long a"),
        pytest.param("سيرجي-لافروف", "person:sergey-lavrov", id="Lavrov's listed alias with a hyphen"),
    ],
)
def test_a_spelling_of_a_listed_person_is_that_person(name: str, entity_id: str) -> None:
    found = listed_person(name, load_gazetteer())
    assert found is not None and found.entity_id == entity_id


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("نتانياهو صورة", id="Netanyahu plus a word: not a spelling of a name"),
        pytest.param("لافروفا", id="Lavrova: another word, not Lavrov"),
    ],
)
def test_other_names_are_no_listed_person(name: str) -> None:
    assert listed_person(name, load_gazetteer()) is None


def test_an_unlisted_spelling_in_an_article_is_the_listed_person() -> None:
    body = "قال رئيس الوزراء الإسرائيلي بنيامين نتانياهو إن الحكومة ستجتمع. وأضاف نتانياهو أن القرار نهائي."
    entities, mentions = extract_entities(Document("t", body, sentences=split_sentences(body)))
    persons = {m.entity_id for m in mentions if m.entity_type == "PERSON"}
    assert persons == {"person:benjamin-netanyahu"}
    assert "person:benjamin-netanyahu" in {e.entity_id for e in entities}
