"""The shared text layer's clause structure: auxiliary verbs, appositions, joined verbs with an object pronoun,
irrealis governors."""

from __future__ import annotations

import pytest

from flows.nlp.text.forms import finite_forms
from flows.nlp.text.syntax import (
    auxiliary_forms,
    auxiliary_verb,
    between_commas,
    in_parentheses_after,
    irrealis_forms,
    irrealis_governor,
    joined_with_object_pronoun,
    verb_gender,
)
from flows.resources import read_tsv


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("وظل", id="and-he-kept"),
        pytest.param("باتت", id="she-came-to"),
        pytest.param("يزال", id="still"),
        pytest.param("وكانت", id="and-she-was"),
        pytest.param("أصبحوا", id="they-became"),
        pytest.param("فبدأ", id="so-he-began"),
        pytest.param("دأب", id="he-kept-on"),
        pytest.param("تكاد", id="she-almost"),
    ],
)
def test_an_auxiliary_verbs_forms_are_read(word: str) -> None:
    assert auxiliary_verb(word)


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("قال", id="he-said"),
        pytest.param("الظل", id="the-shadow"),
        pytest.param("شارع", id="street-a-participle-of-shara-a"),
        pytest.param("كائن", id="being-a-participle"),
        pytest.param("وكن", id="a-short-hollow-form"),
    ],
)
def test_other_words_and_an_auxiliarys_nouns_are_not(word: str) -> None:
    assert not auxiliary_verb(word)


def test_finite_forms_are_the_third_persons_past_and_present_only() -> None:
    forms = finite_forms("كان")
    assert {"كان", "كانت", "كانوا", "يكون", "تكون", "يكونون"} <= forms
    assert not {"كاين", "كون", "مكون", "نكون", "كنتم"} & forms


def test_every_auxiliary_lemma_gives_forms() -> None:
    lemmas = [row["lemma"] for row in read_tsv("auxiliary_verbs.tsv")]
    assert lemmas and all(finite_forms(lemma) & auxiliary_forms() for lemma in lemmas)


def test_a_name_in_parentheses_after_another_is_its_apposition() -> None:
    text = "اتهمت الوزارة (الداخلية) المعارضين"
    first_end = text.index(" (")
    start = text.index("الداخلية")
    assert in_parentheses_after(text, first_end, start, start + len("الداخلية"))
    later = text.index("المعارضين")
    assert not in_parentheses_after(text, first_end, later, later + len("المعارضين"))


def test_a_name_between_commas_is_set_off() -> None:
    text = "ودعا المبعوث، مارتن غريفيث، الحكومة"
    start = text.index("مارتن")
    assert between_commas(text, start, start + len("مارتن غريفيث"))
    assert not between_commas(text, text.index("الحكومة"), len(text))


@pytest.mark.parametrize(
    ("word", "joined"),
    [
        pytest.param("واتهمها", True, id="and-accused-her"),
        pytest.param("فانتقده", True, id="so-criticised-him"),
        pytest.param("اتهمها", False, id="accused-her-not-joined"),
        pytest.param("واتهم", False, id="and-accused-no-pronoun"),
    ],
)
def test_a_joined_word_with_an_object_pronoun(word: str, joined: bool) -> None:
    assert joined_with_object_pronoun(word, 0, len(word)) is joined


LIGHT = frozenset({"عقد", "يشن"})


@pytest.mark.parametrize(
    ("text", "act", "kind"),
    [
        pytest.param("وقال إنه يريد هجوما مدمرا", "هجوما", "volition", id="wants-an-attack"),
        pytest.param(
            "وهي تسعى إلى عقد اتفاقات", "اتفاقات", "seeking", id="seeks-to-hold-agreements-through-a-light-noun"
        ),
        pytest.param("وحذرت من إمكانية سحب صلاحياتها", "سحب", "possibility", id="the-possibility-of-a-withdrawal"),
        pytest.param(
            "ولا يمكن أن يشن هجوما", "هجوما", "possibility", id="cannot-launch-an-attack-through-a-light-verb"
        ),
        pytest.param("أعربت عن رغبتها في الانسحاب", "الانسحاب", "volition", id="her-wish-to-withdraw"),
        pytest.param("إن بلاده مستعدة لتقديم قرض", "لتقديم", "readiness", id="ready-to-give"),
    ],
)
def test_an_act_a_word_of_wanting_or_possibility_governs(text: str, act: str, kind: str) -> None:
    assert irrealis_governor(text, text.index(act), 0, LIGHT) == kind


@pytest.mark.parametrize(
    ("text", "act"),
    [
        pytest.param("شنت روسيا هجوما مدمرا", "هجوما", id="an-attack-launched"),
        pytest.param("يريد الرئيس، بعد الهجوم الأخير، أن يرد", "الهجوم", id="a-comma-ends-the-governor-s-clause"),
        pytest.param("يريد الرئيس الروسي وقف الهجوم", "الهجوم", id="a-noun-between-that-is-no-link"),
        pytest.param("تمكنت القوات من السيطرة على المدينة", "السيطرة", id="managed-to-is-no-form-of-possibility"),
        pytest.param("يريد هجوما", "هجوما", id="before-the-clause-start"),
    ],
)
def test_a_reported_act_has_no_irrealis_governor(text: str, act: str) -> None:
    clause_start = text.index(act) if text == "يريد هجوما" else 0
    assert irrealis_governor(text, text.index(act), clause_start, LIGHT) is None


def test_every_irrealis_row_gives_forms_and_a_kind() -> None:
    forms = irrealis_forms()
    for row in read_tsv("irrealis_words.tsv"):
        assert row["kind"] in ("volition", "seeking", "possibility", "hope", "intention", "readiness"), row
    assert {"يريد", "تسعي", "امكانيه", "يمكن", "رغبه"} <= set(forms)
    assert "تمكن" not in forms  # تمكّن "managed to" is no possibility


@pytest.mark.parametrize(
    ("word", "lemma", "gender"),
    [
        pytest.param("وهدد", "هدّد", "m", id="and-he-threatened"),
        pytest.param("هددت", "هدّد", "f", id="she-threatened"),
        pytest.param("يهدد", "هدّد", "m", id="he-threatens-a-form-the-layer-does-not-make"),
        pytest.param("تتهم", "اتهم", "f", id="she-accuses"),
        pytest.param("ستهدد", "هدّد", "f", id="she-will-threaten"),
        pytest.param("تعاون", "تعاون", "m", id="he-cooperated-its-t-is-the-lemmas"),
        pytest.param("تعاونت", "تعاون", "f", id="she-cooperated"),
        pytest.param("يدين", "أدان", "m", id="he-condemns-its-n-is-the-roots"),
        pytest.param("التقت", "التقى", "f", id="she-met"),
        pytest.param("هددوا", "هدّد", None, id="they-threatened"),
        pytest.param("يهددون", "هدّد", None, id="they-threaten"),
        pytest.param("تهددان", "هدّد", None, id="the-two-threaten"),
    ],
)
def test_a_verbs_gender_is_read_against_its_lemma(word: str, lemma: str, gender: str | None) -> None:
    assert verb_gender(word, lemma) == gender
