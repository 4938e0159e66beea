"""A subjectless participle or continuation speaks for the subject of the finite verb governing it (issue 13,
round 9, flows/nlp/quotes/governing.py), on hand-made sentences shaped like the seed-56 audit's errors."""

from __future__ import annotations

import pytest

from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity, Mention
from tests.listed_mentions import listed_mentions

TRUMP = Entity("person:donald-trump", "PERSON", "دونالد ترامب", "Donald Trump", "USA")
PUTIN = Entity("person:vladimir-putin", "PERSON", "فلاديمير بوتين", "Vladimir Putin", "RUS")
MACRON = Entity("person:emmanuel-macron", "PERSON", "إيمانويل ماكرون", "Emmanuel Macron", "FRA")
LABOUR = Entity("org:labour", "ORG", "حزب العمال", "Labour Party", "GBR")
RUSSIA = Entity("gpe:rus", "GPE", "روسيا", "Russia", "RUS")
ENTITIES = (TRUMP, PUTIN, MACRON, LABOUR, RUSSIA)
NAMES = {
    "ترامب": (TRUMP, False),
    "بوتين": (PUTIN, False),
    "ماكرون": (MACRON, False),
    "حزب العمال": (LABOUR, False),
    "روسيا": (RUSSIA, False),
}


def quotes_of(text: str):
    mentions: tuple[Mention, ...] = listed_mentions(text, NAMES)
    return extract_quotes(Document("t", text, sentences=split_sentences(text)), mentions, ENTITIES)


def last_speaker(text: str) -> tuple[str | None, str | None]:
    quote = quotes_of(text)[-1]
    return quote.speaker_id, quote.speaker_surface


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "وجرى الإعلان عن القرار خلال لقاء في باريس، وانتقد ماكرون قرار ترامب، مشيرا إلى أن الأسماء كانت ذات مصداقية.",
            (MACRON.entity_id, "ماكرون"),
            id="participle-takes-the-subject-of-the-verb-joined-after-a-comma-not-the-object",
        ),
        pytest.param(
            "وجرى الإعلان عن القرار خلال لقاء في باريس، وانتقد ماكرون قرار ترامب، مشيرا إلى أن الخطوة خاطئة، "
            "ومعتبرا أن دور بوتين سيكون مهما.",
            (MACRON.entity_id, "ماكرون"),
            id="a-chain-of-participles-keeps-the-governing-subject",
        ),
        pytest.param(
            "من جانبه، رجح ماكرون ألا يكون بوتين قادرا على الحضور، وأكد أنه لا يعرف موعد القمة.",
            (MACRON.entity_id, "ماكرون"),
            id="continuation-takes-the-first-verbs-subject-after-a-fronted-adverbial",
        ),
        pytest.param(
            "ودافع أديتشي عن قواعد حزب العمال في هذا الخصوص، وشدد أنه لا تهاون داخل حزب العمال، "
            "قائلا إن الحزب سيتخذ إجراء.",
            (None, "أديتشي"),
            id="a-subjectless-governing-verb-hands-on-its-own-governing-subject",
        ),
        pytest.param(
            "وإلى ذلك، أكد اللاجئون السودانيون الذين فروا من روسيا تحول البلد إلى جحيم وأضافوا أنهم لن يعودوا إليه.",
            (None, "اللاجئون السودانيون"),
            id="plural-continuation-takes-the-plural-subject-after-a-fronted-adverbial",
        ),
    ],
)
def test_the_governing_subject_speaks(text, speaker):
    assert last_speaker(text) == speaker


def test_a_plural_participle_skips_a_singular_governing_subject():
    text = "وجرى الإعلان عن القرار خلال لقاء في باريس، وانتقد ماكرون قرار ترامب، مشيرين إلى أن الخطوة خاطئة."
    assert last_speaker(text)[0] != MACRON.entity_id


def test_a_noun_joined_after_a_comma_governs_nothing():
    # "، والزج بهم": a verbal noun with the article after و is no verb; the sentence's first clause speaks.
    text = "واتهم ماكرون الحكومة بتجنيد الأطفال، والزج بهم في القتال، لافتا إلى أن العدد ارتفع."
    assert last_speaker(text)[0] == MACRON.entity_id


def test_a_quote_earlier_in_the_sentence_bounds_the_search():
    # The subject inside an earlier quotation's reported clause is never the governing verb's.
    text = "قال ترامب إن روسيا تتحرك، وانتقد بوتين الخطوة، مضيفا أن العلاقات ستتحسن."
    speakers = [q.speaker_id for q in quotes_of(text)]
    assert speakers[0] == TRUMP.entity_id


def test_a_noun_after_lakinna_is_the_subject_not_a_verb():
    # "لكن مسؤولا … أشار …، موضحا": لكنّ takes a noun; the word after it is not the governing verb.
    text = "وقصفت روسيا المنطقة، لكن مسؤولا حدوديا أشار إلى الهدوء، موضحا أن المعبر مفتوح."
    assert last_speaker(text)[1] != "حدوديا فلسطينيا"
    assert last_speaker(text)[1] != "حدوديا"


def test_the_verb_after_a_negation_governs():
    text = "لم يشر ماكرون إلى موعد القمة مع بوتين، لكنه قال إن اللقاء قريب."
    assert last_speaker(text) == (MACRON.entity_id, "ماكرون")


def test_a_count_after_the_verb_is_no_subject():
    text = "على الصعيد الميداني، قتل 11 عنصرا جراء القصف الصاروخي، مشيرا إلى أن الغارات استمرت."
    assert "11" not in (last_speaker(text)[1] or "")


def test_the_subject_ends_before_the_verbs_object():
    text = "وفي سياق آخر، أكد الوزير الفرنسي موقف بلاده الثابت من الأزمة، قائلا إن الحل سياسي."
    assert last_speaker(text)[1] == "الوزير الفرنسي"


def test_a_construct_subject_keeps_its_genitive():
    text = "وفي سياق آخر، هاجم والد أوزيل مدربه الألماني، قائلا إن ابنه ظلم."
    assert last_speaker(text)[1] == "والد أوزيل"


def test_a_time_clause_is_no_governing_verb():
    # "وعندما سئل عن …، قال": the time clause's passive verb is no subject; the paragraph's speaker goes on.
    text = "وقال ماكرون إن القمة قريبة. وعندما سئل عن مكان وزمان القمة المقترحة، قال: «لم نصل إلى هذا الحد بعد»."
    assert last_speaker(text) == (MACRON.entity_id, "ماكرون")


# Round 10 (issue 13): a speech verb joined by و with no comma ("وقال X إن … وأضاف أن …") is the same speaker going
# on: the first reported clause ends before it, and it takes the first speaker (flows/nlp/quotes/extract._nested,
# antecedents._nested_subject).
@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        pytest.param(
            "وقال ماكرون إن الوضع مستقر وأضاف أن الحكومة ستواصل عملها.",
            [("الوضع مستقر", MACRON.entity_id), ("الحكومة ستواصل عملها", MACRON.entity_id)],
            id="a-continuation-joined-by-wa-ends-the-clause-and-goes-on",
        ),
        pytest.param(
            "قال ماكرون إن الوضع مستقر وأكد أن الحكومة ستواصل عملها وتابع أن الأمن جيد.",
            [
                ("الوضع مستقر", MACRON.entity_id),
                ("الحكومة ستواصل عملها", MACRON.entity_id),
                ("الأمن جيد", MACRON.entity_id),
            ],
            id="a-chain-of-three",
        ),
        pytest.param(
            "وقال ماكرون إن الوضع مستقر وإن الحكومة ستواصل عملها.",
            [("الوضع مستقر وإن الحكومة ستواصل عملها", MACRON.entity_id)],
            id="a-second-complementizer-stays-in-the-one-quotation",
        ),
        pytest.param(
            "قال ماكرون إن الحكومة الروسية وافقت وأعلنت أن الأمن جيد.",
            [("الحكومة الروسية وافقت وأعلنت أن الأمن جيد", MACRON.entity_id)],
            id="a-verb-of-another-form-reports-speech-inside-the-clause",
        ),
    ],
)
def test_a_speech_verb_joined_by_wa_goes_on_with_the_same_speaker(text, quotes):
    found = [(q.quote_text, q.speaker_id) for q in quotes_of(text)]
    assert found[: len(quotes)] == quotes


def test_a_verb_in_a_chain_joined_by_wa_shares_its_clauses_subject_not_the_object():
    """ "هاجمت وليامز الحكم راموس وطلبت منه": the name right before a و-joined cue with no comma is the first verb's
    object (governing.chained_subject)."""
    assert last_speaker("وبعد ذلك هاجم بوتين الرئيس ترامب وقال إنه لا يفهم شيئا.")[0] == PUTIN.entity_id


def test_a_chains_subject_is_a_name_never_a_listed_noun_far_from_its_verb():
    text = "وسريعا أبلغت القائدة، عن ما حدث إلى مراقبة الحركة الجوية وقالت إن المحرك تعطل."
    assert last_speaker(text)[1] != "الحركة الجوية"
