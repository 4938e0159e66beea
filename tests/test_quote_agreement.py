"""Speakers of subjectless cues: agreement in gender and number, prepositions with pronouns, a described subject."""

from __future__ import annotations

import pytest

from flows.nlp.quotes.agreement import FEMININE, MASCULINE, PLURAL, cue_agreement
from flows.nlp.quotes.lexicon import cue_for, speaker_word
from flows.nlp.text.arabic import normalize
from tests.test_quotes import quotes_of


@pytest.mark.parametrize(
    ("form", "agreement"),
    [
        pytest.param("قال", MASCULINE, id="said-masculine"),
        pytest.param("وقالت", FEMININE, id="and-she-said"),
        pytest.param("تقول", FEMININE, id="she-says"),
        pytest.param("يقول", MASCULINE, id="he-says"),
        pytest.param("قالوا", PLURAL, id="they-said"),
        pytest.param("يقولون", PLURAL, id="they-say"),
        pytest.param("وتابعت", FEMININE, id="she-went-on-lemma-with-ta"),
        pytest.param("مضيفة", FEMININE, id="adding-feminine-participle"),
        pytest.param("مشيراً", MASCULINE, id="pointing-out-masculine-participle"),
        pytest.param("قولها", FEMININE, id="her-saying"),
        pytest.param("بحسب", None, id="according-to-has-none"),
    ],
)
def test_cue_agreement_from_the_form(form, agreement):
    hit = cue_for(normalize(form))
    assert hit is not None
    assert cue_agreement(hit[0]) == agreement


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("فوقها", id="above-it"),
        pytest.param("عليه", id="on-him"),
        pytest.param("إليها", id="to-her"),
        pytest.param("منهم", id="from-them"),
    ],
)
def test_a_preposition_with_its_pronoun_is_a_preposition(token):
    word = speaker_word(normalize(token))
    assert word is not None and word.kind == "stop"


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker_id, q.speaker_surface) for q in quotes_of(text)]


def test_a_singular_continuation_skips_a_plural_speaker():
    text = "قال لافروف إن الحوار ممكن. ويرى معارضوه أن الحوار لن ينجح. وقال إنه سيزور مالي قريبا."
    assert speakers(text)[-1] == ("person:sergey-lavrov", "لافروف")


def test_a_feminine_continuation_skips_a_speaker_quoted_with_a_masculine_verb():
    text = "قالت وزارة الخارجية الروسية إن الزيارة مهمة. وقال لافروف إنه سيزور مالي. وأضافت أن الموعد لم يحدد."
    assert speakers(text)[-1] == ("org:mfa-rus", "وزارة الخارجية الروسية")


def test_a_masculine_continuation_still_takes_the_man_quoted_before():
    text = "وقال لافروف إن الحوار ممكن. وأضاف أن موسكو مستعدة."
    assert speakers(text)[-1] == ("person:sergey-lavrov", "لافروف")


def test_a_preposition_after_the_verb_is_not_its_subject():
    text = "ونشر لافروف صورة للقاء وكتب فوقها «الحوار مع مالي مستمر بلا شروط»."
    assert speakers(text) == [("person:sergey-lavrov", "لافروف")]


def test_a_participle_takes_the_name_that_closes_the_description_after_the_first_verb():
    text = "ورد النجم الروسي سيرغي لافروف على الاتهامات التي وجهتها له الصحيفة، مشيراً إلى أن بلاده لم تتدخل."
    assert speakers(text) == [("person:sergey-lavrov", "سيرغي لافروف")]
