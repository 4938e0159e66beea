"""The shared text layer: clitic splits with offsets, stems, derived forms of a lemma, the lemma-keyed lexicon."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.nlp.text.arabic import normalize
from flows.nlp.text.forms import derived_forms, imperfect_only_forms
from flows.nlp.text.lexicon import LemmaLexicon, LexiconEntry, LexiconFileError
from flows.nlp.text.morph import analyse, words
from flows.resources import read_tsv

ARABIC_TEXT = st.text(alphabet=st.sampled_from(list("أإآابتثجحخدذرزسشصضطظعغفقكلمنهويىةئؤءـًٌٍَُِّْ ٠١٢.،«»-x9")), max_size=80)


@pytest.mark.parametrize(
    "word, proclitics, base, enclitic",
    [
        pytest.param("وقال", "و", "قال", "", id="and-he-said"),
        pytest.param("بالقول", "بال", "قول", "", id="by-the-saying"),
        pytest.param("للأمم", "لل", "امم", "", id="to-the-nations"),
        pytest.param("وبالتالي", "وبال", "تالي", "", id="and-consequently"),
        pytest.param("سيقول", "س", "يقول", "", id="he-will-say"),
        pytest.param("وسيكون", "وس", "يكون", "", id="and-it-will-be"),
        pytest.param("فالحكومة", "فال", "حكومه", "", id="so-the-government"),
        pytest.param("كالعادة", "كال", "عاده", "", id="as-usual"),
        pytest.param("وقد", "و", "قد", "", id="and-has-particle"),
        pytest.param("قوله", "", "قول", "ه", id="his-saying"),
        pytest.param("حسابها", "", "حساب", "ها", id="her-account"),
        pytest.param("وتعليماتهم", "و", "تعليمات", "هم", id="and-their-instructions"),
        pytest.param("بلادنا", "", "بلاد", "نا", id="our-country"),
        pytest.param("وزارة", "", "وزاره", "", id="ministry-is-not-and-plus"),
        pytest.param("فرنسا", "", "فرنسا", "", id="france-is-not-so-plus"),
        pytest.param("كانت", "", "كانت", "", id="she-was-is-not-like-plus"),
        pytest.param("بيان", "", "بيان", "", id="statement-is-not-by-plus"),
        pytest.param("لبنان", "", "لبنان", "", id="lebanon-is-not-to-plus"),
        pytest.param("بلد", "", "بلد", "", id="country-too-short-to-split"),
        pytest.param("مدرسة", "", "مدرسه", "", id="school-ta-marbuta-is-not-his"),
        pytest.param("اجتماعي", "", "اجتماعي", "", id="social-nisba-is-not-my"),
        pytest.param("الله", "ال", "له", "", id="god-keeps-its-last-letter"),
    ],
)
def test_clitic_split(word: str, proclitics: str, base: str, enclitic: str) -> None:
    found = analyse(word)
    assert (found.proclitics, found.base, found.enclitic) == (proclitics, base, enclitic)
    assert found.norm == found.proclitics + found.base + found.enclitic


@pytest.mark.parametrize(
    "word, key",
    [
        pytest.param("حكومته", "حكومه", id="his-government-ta-back-to-ta-marbuta"),
        pytest.param("تصريحاته", "تصريحات", id="his-statements-plural-ta-stays"),
        pytest.param("حياته", "حياه", id="his-life-noun-in-alef-ta"),
    ],
)
def test_key_restores_ta_marbuta(word: str, key: str) -> None:
    assert analyse(word).key == key


@pytest.mark.parametrize(
    "text, surface, base",
    [
        pytest.param("وَقَالَ الرئيس", "وَقَالَ", "قَالَ", id="diacritics-stay-with-their-letter"),
        pytest.param("بالــقول", "بالــقول", "قول", id="tatweel-inside-a-word"),
        pytest.param("للأُمَمِ المتحدة", "للأُمَمِ", "أُمَمِ", id="to-the-nations-vowelled"),
    ],
)
def test_base_offsets_point_into_the_original(text: str, surface: str, base: str) -> None:
    first = words(text)[0]
    assert first.surface == text[first.start : first.end] == surface
    assert text[first.base_start : first.base_end] == base


@pytest.mark.parametrize(
    "words_of_one_family",
    [
        pytest.param("اتهام اتهامات الاتهامات", id="accusation-accusations"),
        pytest.param("قائل قائلة قائلا قائلون", id="sayer-forms"),
        pytest.param("حكومة حكومات حكومتان", id="government-forms"),
    ],
)
def test_stem_groups_inflections(words_of_one_family: str) -> None:
    assert len({w.stem for w in words(words_of_one_family)}) == 1


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_words_keep_offsets_into_the_original(text: str) -> None:
    for word in words(text):
        assert text[word.start : word.end] == word.surface
        assert word.start <= word.base_start <= word.base_end <= word.end
        assert normalize(word.surface) == word.norm == word.proclitics + word.base + word.enclitic
        assert normalize(text[word.base_start : word.base_end]) == word.base


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_normalisation_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    "lemma, pos, forms",
    [
        pytest.param("قال", "verb", "يقول قالت قالوا قائلا قائلة قول قيل قلنا", id="say-hollow"),
        pytest.param("أكّد", "verb", "يؤكد أكدت تأكيد تأكيدات مؤكدا", id="affirm-form-two-with-shadda"),
        pytest.param("أكد", "verb", "يؤكد تأكيد مؤكدا", id="affirm-without-shadda"),
        pytest.param("اتهم", "verb", "يتهم اتهام اتهامات متهما متهمون", id="accuse-form-eight"),
        pytest.param("اجتمع", "verb", "يجتمع اجتماع اجتماعات مجتمعين", id="meet-form-eight"),
        pytest.param("انسحب", "verb", "ينسحب انسحاب منسحبة", id="withdraw-form-seven"),
        pytest.param("أعلن", "verb", "يعلن إعلان معلنة أعلنت", id="announce-form-four"),
        pytest.param("استقبل", "verb", "يستقبل استقبال مستقبلا", id="receive-form-ten"),
        pytest.param("شارك", "verb", "يشارك مشاركة مشاركات مشاركين", id="take-part-form-three"),
        pytest.param("تحدث", "verb", "يتحدث متحدث متحدثة تحدثت", id="speak-form-five"),
        pytest.param("أقام", "verb", "يقيم إقامة مقيم", id="reside-hollow-form-four"),
        pytest.param("اختار", "verb", "يختار اختيار مختار", id="choose-hollow-form-eight"),
        pytest.param("دعا", "verb", "يدعو دعت دعوا داعي", id="call-defective"),
        pytest.param("وصل", "verb", "يصل وصلت واصل", id="arrive-assimilated"),
        pytest.param("ردّ", "verb", "يرد ردت مردود", id="reply-doubled"),
        pytest.param("ترجم", "verb", "يترجم ترجمة مترجم", id="translate-quadriliteral"),
        pytest.param("تلقّى", "verb", "يتلقى تلقت تلقوا متلقي", id="receive-weak-final-form-five"),
        pytest.param("أدّى", "verb", "يؤدي يؤدون أدت تأدية", id="perform-weak-final-form-two"),
        pytest.param("استدعى", "verb", "يستدعي استدعاء استدعت", id="summon-weak-final-form-ten"),
        pytest.param("عاش", "verb", "يعيش يعش عاشت", id="live-hollow-short-jussive"),
        pytest.param("صاروخ", "noun", "صاروخ صاروخا", id="missile-noun"),
        pytest.param("شخص", "noun", "أشخاص", id="person-plural-afaal"),
        pytest.param("جيش", "noun", "جيوش", id="army-plural-fuoul"),
        pytest.param("باب", "noun", "أبواب", id="door-plural-hollow"),
        pytest.param("وزير", "noun", "وزراء", id="minister-plural-fualaa"),
        pytest.param("رسالة", "noun", "رسائل", id="letter-plural-faail"),
        pytest.param("جانب", "noun", "جوانب", id="side-plural-fawaail"),
        pytest.param("حكومة", "noun", "حكومة حكومات", id="government-feminine-noun"),
        pytest.param("هاتفي", "noun", "هاتفية هاتفيا", id="telephonic-nisba"),
    ],
)
def test_derived_forms(lemma: str, pos: str, forms: str) -> None:
    made = derived_forms(lemma, pos)
    assert {normalize(form) for form in forms.split()} <= made


@pytest.mark.parametrize(
    "lemma, pos, not_a_form",
    [
        pytest.param("كتب", "verb", "مكتب", id="write-does-not-make-office"),
        pytest.param("علم", "verb", "تعليم", id="know-does-not-make-education"),
        pytest.param("قال", "verb", "مقال", id="say-does-not-make-article"),
    ],
)
def test_form_one_verbs_do_not_take_form_two_nouns(lemma: str, pos: str, not_a_form: str) -> None:
    assert normalize(not_a_form) not in derived_forms(lemma, pos)


def test_unknown_part_of_speech_is_refused() -> None:
    with pytest.raises(ValueError, match="part of speech"):
        derived_forms("قال", "adverb")


LEXICON = LemmaLexicon(
    [
        LexiconEntry("قال", "verb", "say"),
        LexiconEntry("أكّد", "verb", "affirm"),
        LexiconEntry("اتهم", "verb", "accuse"),
        LexiconEntry("تصريح", "noun", "statement", variants=("تصاريح",)),
        LexiconEntry("اتصال هاتفي", "noun", "phone_call"),
        LexiconEntry("لاعب", "noun", "player"),
        LexiconEntry("حليف", "noun", "ally", variants=("حلفاء",)),
        LexiconEntry("عقوبة", "noun", "penalty"),
        LexiconEntry("عقب", "noun", "heel"),
        LexiconEntry("أطلق … صاروخ", "verb", "missile", (("mode", "attack"),), ("أطلق … صواريخ",)),
    ]
)


@pytest.mark.parametrize(
    "word, category",
    [
        pytest.param("وقالت", "say", id="and-she-said"),
        pytest.param("يقولون", "say", id="they-say"),
        pytest.param("قائلا", "say", id="saying-accusative"),
        pytest.param("بالقول", "say", id="by-saying"),
        pytest.param("قوله", "say", id="his-saying"),
        pytest.param("وأكدت", "affirm", id="and-she-affirmed"),
        pytest.param("تأكيده", "affirm", id="his-affirmation"),
        pytest.param("مؤكدا", "affirm", id="affirming"),
        pytest.param("واتهاماتها", "accuse", id="and-her-accusations"),
        pytest.param("المتهمين", "accuse", id="the-accused-plural"),
        pytest.param("بتصريحاته", "statement", id="with-his-statements"),
        pytest.param("تصاريح", "statement", id="statements-broken-plural"),
        pytest.param("للاعبين", "player", id="for-the-players-lam-lam"),
        pytest.param("حلفائنا", "ally", id="our-allies-hamza-before-enclitic"),
        pytest.param("العقوبة", "penalty", id="the-penalty-not-heels"),
        pytest.param("وزارة", None, id="ministry-not-in-lexicon"),
        pytest.param("مقال", None, id="article-not-say"),
    ],
)
def test_entry_for_inflected_and_cliticised_words(word: str, category: str | None) -> None:
    entry = LEXICON.entry_for(analyse(word))
    assert (entry.category if entry else None) == category


@pytest.mark.parametrize(
    "text, found",
    [
        pytest.param("وقال الوزير", [("say", "وقال")], id="and-the-minister-said"),
        pytest.param("في اتصال هاتفي مع", [("phone_call", "اتصال هاتفي")], id="in-a-phone-call-with"),
        pytest.param("الاتصالات الهاتفية", [("phone_call", "الاتصالات الهاتفية")], id="the-phone-calls"),
        pytest.param(
            "وأطلقت إيران عددا من الصواريخ", [("missile", "وأطلقت إيران عددا من الصواريخ")], id="iran-fired-missiles"
        ),
        pytest.param("أطلقت سراح", [], id="released-is-not-fired-missiles"),
    ],
)
def test_find_phrases(text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.entry.category, text[m.start : m.end]) for m in LEXICON.find(text)] == found


def test_extra_columns_ride_along() -> None:
    entry = LEXICON.find("أطلق صاروخا")[0].entry
    assert entry.get("mode") == "attack"


def test_from_rows_reads_variants_and_extra_columns() -> None:
    rows = [{"lemma": "تصريح|تصاريح", "pos": "noun", "category": "statement", "mode": "direct"}]
    lexicon = LemmaLexicon.from_rows(rows)
    assert lexicon.entry_for(analyse("وتصاريحه")) == LexiconEntry(
        "تصريح", "noun", "statement", (("mode", "direct"),), ("تصاريح",)
    )


def test_from_rows_refuses_a_row_without_a_lemma() -> None:
    with pytest.raises(LexiconFileError, match="lemma"):
        LemmaLexicon.from_rows([{"word": "قال", "pos": "verb", "category": "say"}])


def test_ambiguous_forms_name_the_entries_that_share_a_form() -> None:
    lexicon = LemmaLexicon([LexiconEntry("أصدر", "verb", "issue"), LexiconEntry("مصدر", "noun", "source")])
    assert {entry.category for entry in lexicon.ambiguous_forms()["مصدر"]} == {"issue", "source"}


def test_the_test_lexicon_has_no_ambiguous_forms() -> None:
    assert LEXICON.ambiguous_forms() == {}


def test_clitic_word_list_rows_say_which_end_they_keep() -> None:
    rows = read_tsv("clitic_words.tsv")
    assert rows and {row["keep"] for row in rows} == {"start", "end", "ta_marbuta"}
    assert all(row["form"] == normalize(row["form"]) for row in rows)


@pytest.mark.parametrize(
    ("lemma", "word", "imperfect"),
    [
        pytest.param("اتهم", "تتهم", True, id="she-accuses"),
        pytest.param("اتهم", "يتهمون", True, id="they-accuse"),
        pytest.param("اتهم", "اتهمت", False, id="she-accused"),
        pytest.param("نفى", "ينفي", True, id="he-denies"),
        pytest.param("دعا", "دعت", False, id="she-called"),
        pytest.param("تقدّم", "تقدم", False, id="form-v-past-and-present-alike-read-as-past"),
    ],
)
def test_imperfect_only_forms(lemma: str, word: str, imperfect: bool) -> None:
    assert (normalize(word) in imperfect_only_forms(lemma)) is imperfect
