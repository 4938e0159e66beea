"""Quote extraction, one rule per case, on hand-made sentences and hand-made mentions (not the entity stage)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.quotes.marks import mark_spans
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity, Mention
from tests.listed_mentions import listed_mentions

LAVROV = Entity("person:sergey-lavrov", "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS")
DIOP = Entity("person:abdoulaye-diop", "PERSON", "عبد الله ديوب", "Abdoulaye Diop", "MLI")
GOITA = Entity("person:assimi-goita", "PERSON", "عاصمي غويتا", "Assimi Goïta", "MLI")
RUSSIA = Entity("gpe:rus", "GPE", "روسيا", "Russia", "RUS")
MALI = Entity("gpe:mli", "GPE", "مالي", "Mali", "MLI")
RU_MFA = Entity("org:mfa-rus", "ORG", "وزارة الخارجية الروسية", "Ministry of Foreign Affairs (Russia)", "RUS")
KREMLIN = Entity("org:kremlin", "ORG", "الكرملين", "Kremlin", "RUS")
ENTITIES = (LAVROV, DIOP, GOITA, RUSSIA, MALI, RU_MFA, KREMLIN)
# surface -> (entity, is_adjectival): every occurrence of the surface in a case becomes a mention
NAMES = {
    "سيرغي لافروف": (LAVROV, False),
    "لافروف": (LAVROV, False),
    "عبد الله ديوب": (DIOP, False),
    "ديوب": (DIOP, False),
    "غويتا": (GOITA, False),
    "روسيا": (RUSSIA, False),
    "الروسي": (RUSSIA, True),
    "مالي": (MALI, False),
    "وزارة الخارجية الروسية": (RU_MFA, False),
    "الكرملين": (KREMLIN, False),
}


def document(text: str) -> Document:
    return Document("t", text, sentences=split_sentences(text))


def mentions_for(text: str) -> tuple[Mention, ...]:
    """Mentions the way the entity stage reports them: longest name first, no overlaps, sorted by offset."""
    return listed_mentions(text, NAMES)


def quotes_of(text: str):
    return extract_quotes(document(text), mentions_for(text), ENTITIES)


# (text, cue, kind, quote_text, speaker_id, speaker_surface) of the one quote the text holds
SINGLE = [
    pytest.param(
        "قال لافروف: «نحن مستعدون للحوار».",
        "قال",
        "direct",
        "نحن مستعدون للحوار",
        "person:sergey-lavrov",
        "لافروف",
        id="said-colon-guillemets",
    ),
    pytest.param(
        "وقال ديوب: “البلدان شريكان موثوقان”.",
        "قال",
        "direct",
        "البلدان شريكان موثوقان",
        "person:abdoulaye-diop",
        "ديوب",
        id="and-said-curly-quotes",
    ),
    pytest.param(
        'أكد لافروف: "التعاون مستمر بين البلدين".',
        "أكد",
        "direct",
        "التعاون مستمر بين البلدين",
        "person:sergey-lavrov",
        "لافروف",
        id="stressed-straight-quotes",
    ),
    pytest.param(
        "قال لافروف إن روسيا ستدعم الجيش.",
        "قال",
        "indirect",
        "روسيا ستدعم الجيش",
        "person:sergey-lavrov",
        "لافروف",
        id="said-that-inna",
    ),
    pytest.param(
        "قال وزير خارجية مالي عبد الله ديوب اليوم، إن الحكومة ستطلب المساعدة.",
        "قال",
        "indirect",
        "الحكومة ستطلب المساعدة",
        "person:abdoulaye-diop",
        "عبد الله ديوب",
        id="minister-title-names-the-person-not-the-country",
    ),
    pytest.param(
        "من جانبه، أكد لافروف أن التعاون سيتوسع.",
        "أكد",
        "indirect",
        "التعاون سيتوسع",
        "person:sergey-lavrov",
        "لافروف",
        id="for-his-part-stressed-that",
    ),
    pytest.param(
        "وأكد الجانب الروسي مراراً أن موسكو تدعم باماكو.",
        "أكد",
        "indirect",
        "موسكو تدعم باماكو",
        "gpe:rus",
        "الجانب الروسي",
        id="the-russian-side-is-russia",
    ),
    pytest.param(
        "نقل الكرملين عن غويتا أن البلاد ترحب بالدعم.",
        "نقل",
        "indirect",
        "البلاد ترحب بالدعم",
        "person:assimi-goita",
        "غويتا",
        id="kremlin-quoted-goita-speaker-is-goita",
    ),
    pytest.param(
        "قال مصدر دبلوماسي إن الاجتماع تأجل.",
        "قال",
        "indirect",
        "الاجتماع تأجل",
        None,
        "مصدر دبلوماسي",
        id="unnamed-diplomatic-source-keeps-surface",
    ),
    pytest.param(
        "ووفقاً لوزارة الخارجية الروسية، فإن البلدين يتعاونان.",
        "وفقاً",
        "according_to",
        "البلدين يتعاونان",
        "org:mfa-rus",
        "وزارة الخارجية الروسية",
        id="according-to-the-ministry-fa-inna",
    ),
    pytest.param(
        "ستبدأ المحادثات غداً في موسكو، بحسب وزارة الخارجية الروسية.",
        "بحسب",
        "according_to",
        "ستبدأ المحادثات غداً في موسكو",
        "org:mfa-rus",
        "وزارة الخارجية الروسية",
        id="clause-then-according-to-the-ministry",
    ),
    pytest.param(
        "وصف لافروف الزيارة بأنها تاريخية.",
        "وصف",
        "indirect",
        "تاريخية",
        "person:sergey-lavrov",
        "لافروف",
        id="described-it-as-historic",
    ),
    pytest.param(
        "حذّر لافروف، الأسبوع الماضي، من أنّ الغرب يريد الهيمنة.",
        "حذّر",
        "indirect",
        "الغرب يريد الهيمنة",
        "person:sergey-lavrov",
        "لافروف",
        id="warned-last-week-that",
    ),
    pytest.param(
        "وقال لافروف إن «العالم يتغير».",
        "قال",
        "direct",
        "العالم يتغير",
        "person:sergey-lavrov",
        "لافروف",
        id="said-that-with-the-whole-clause-in-marks",
    ),
    pytest.param(
        "«سنواصل العمل مع شركائنا الأفارقة»، قال لافروف.",
        "قال",
        "direct",
        "سنواصل العمل مع شركائنا الأفارقة",
        "person:sergey-lavrov",
        "لافروف",
        id="quote-first-then-said-lavrov",
    ),
    pytest.param(
        "أسفر الانفجار عن مقتل شرطي وفق ما أفادت وزارة الخارجية الروسية.",
        "وفق",
        "according_to",
        "أسفر الانفجار عن مقتل شرطي",
        "org:mfa-rus",
        "وزارة الخارجية الروسية",
        id="clause-then-as-the-ministry-reported-no-comma",
    ),
    pytest.param(
        "انفجرت حافلة في المدينة، وفقا لما ذكرته وسائل إعلام محلية.",
        "وفقا",
        "according_to",
        "انفجرت حافلة في المدينة",
        None,
        "وسائل إعلام محلية",
        id="according-to-what-local-media-said",
    ),
    pytest.param(
        "وزار المسؤولون موسكو، لكن الزيارة هي الأولى من نوعها، حسب وزارة الخارجية الروسية.",
        "حسب",
        "according_to",
        "الزيارة هي الأولى من نوعها",
        "org:mfa-rus",
        "وزارة الخارجية الروسية",
        id="according-to-covers-only-the-clause-after-but",
    ),
    pytest.param(
        'وكتبت قيادة الشرطة في تغريدة على تويتر "انتهت عمليات التحقق في المحطة".',
        "كتبت",
        "direct",
        "انتهت عمليات التحقق في المحطة",
        None,
        "قيادة الشرطة",
        id="wrote-in-a-tweet-long-quote",
    ),
    pytest.param(
        'وقال النائب أحمد الصديق، في ندوة صحفية عقدتها الكتلة، اليوم الأربعاء بمقر المجلس، "إن المشروع جاهز للنقاش".',
        "قال",
        "direct",
        "إن المشروع جاهز للنقاش",
        None,
        "النائب أحمد الصديق",
        id="said-after-long-circumstances-unknown-name",
    ),
    pytest.param(
        "اعتبر الناطق الرسمي باسم الحزب، عصام الشابي أن الحكومة غير قادرة.",
        "اعتبر",
        "indirect",
        "الحكومة غير قادرة",
        None,
        "عصام الشابي",
        id="title-comma-name-apposition",
    ),
    pytest.param(
        "أعلن التوهامي العبدولي، كاتب الدولة للشؤون الأفريقية أن التأشيرة ألغيت.",
        "أعلن",
        "indirect",
        "التأشيرة ألغيت",
        None,
        "التوهامي العبدولي",
        id="name-comma-title-apposition",
    ),
    pytest.param(
        "وفي المقابل، اعتبر القيادي في حزب المعارضة، رؤوف الخماسي أن المصالحة ضرورية.",
        "اعتبر",
        "indirect",
        "المصالحة ضرورية",
        None,
        "رؤوف الخماسي",
        id="title-prepositional-phrase-comma-name",
    ),
    pytest.param(
        "وأضاف لافروف في تصريح اليوم لمراسل الإذاعة على هامش الزيارة التي أداها إلى ولاية الكاف، إن الوضع هادئ.",
        "أضاف",
        "indirect",
        "الوضع هادئ",
        "person:sergey-lavrov",
        "لافروف",
        id="added-after-a-long-circumstantial-phrase",
    ),
    pytest.param(
        "تمكنت الوحدات من حجز أسلحة، وفق بلاغ لوزارة الخارجية الروسية.",
        "وفق",
        "according_to",
        "تمكنت الوحدات من حجز أسلحة",
        "org:mfa-rus",
        "وزارة الخارجية الروسية",
        id="according-to-a-statement-of-the-ministry",
    ),
    pytest.param(
        "ووصل عدد المحتجين، حسب وزارة الخارجية الروسية، عدة مئات.",
        "حسب",
        "according_to",
        "ووصل عدد المحتجين، حسب وزارة الخارجية الروسية، عدة مئات",
        "org:mfa-rus",
        "وزارة الخارجية الروسية",
        id="according-to-in-the-middle-quotes-the-whole-sentence",
    ),
    pytest.param(
        "وأضافت المحطة أن التقارير الأولية تفيد بعدم وقوع إصابات.",
        "أضافت",
        "indirect",
        "التقارير الأولية تفيد بعدم وقوع إصابات",
        None,
        "المحطة",
        id="a-subject-no-list-knows",
    ),
    pytest.param(
        'وقال فلين في خطاب استقالته "للأسف أخطرت نائب الرئيس بمعلومات ناقصة".',
        "قال",
        "direct",
        "للأسف أخطرت نائب الرئيس بمعلومات ناقصة",
        None,
        "فلين",
        id="unknown-name-then-in-his-letter",
    ),
    pytest.param(
        "التقى سيرغي لافروف الوفد. وأكد لافروف أن اللقاء مثمر.",
        "أكد",
        "indirect",
        "اللقاء مثمر",
        "person:sergey-lavrov",
        "لافروف",
        id="surname-of-a-person-named-before",
    ),
    pytest.param(
        'كما أبلغت وكالة "أكتونيجر"، أن الرئيس وقع مرسوماً.',
        "أبلغت",
        "indirect",
        "الرئيس وقع مرسوماً",
        None,
        'وكالة "أكتونيجر"',
        id="agency-in-marks-unknown-to-the-gazetteer",
    ),
]


@pytest.mark.parametrize(("text", "cue", "kind", "quote_text", "speaker_id", "speaker_surface"), SINGLE)
def test_single_quote(text, cue, kind, quote_text, speaker_id, speaker_surface):
    quotes = quotes_of(text)
    assert [(q.cue, q.quote_kind, q.quote_text) for q in quotes] == [(cue, kind, quote_text)]
    assert (quotes[0].speaker_id, quotes[0].speaker_surface) == (speaker_id, speaker_surface)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("سلمت موسكو مالي مروحيات من طراز «مي - 35 إم» الأسبوع الماضي.", id="helicopter-model-in-marks"),
        pytest.param(
            "وفي تصريحات لـ«الشرق الأوسط» أشار الخبير إلى أهمية الزيارة.", id="newspaper-name-and-nominal-complement"
        ),
        pytest.param("زيارة لافروف لباماكو هي «الأولى من نوعها» منذ سنوات.", id="phrase-in-marks-with-no-speaker"),
        pytest.param("وأكدت الوزارة الروسية سبل تعزيز العلاقات.", id="stressed-with-a-noun-object"),
        pytest.param("يُشار إلى أنّ موسكو وباماكو على اتصال دائم.", id="passive-it-is-noted-that"),
        pytest.param("ومن المتوقع أن يناقش الوزيران قضايا التعاون.", id="it-is-expected-that"),
        pytest.param("وفقاً للاتفاق، تنسحب القوات خلال شهر.", id="according-to-the-agreement-is-no-source"),
        pytest.param("أعلن الجيش بعد أن سيطر على المدينة حالة الطوارئ.", id="after-that-is-not-reported-speech"),
        pytest.param("يذكر أن الحركة عقدت مؤتمرها الأول قبل سنوات.", id="impersonal-it-is-worth-noting-that"),
        pytest.param("أعلن الجيش انسحابه على الرغم من أن المعارك مستمرة.", id="although-is-not-reported-speech"),
        pytest.param("أكد الوزير دعمه للخطة رغم أن التمويل ناقص.", id="despite-is-not-reported-speech"),
        pytest.param(
            "أوقفت الشرطة سيارة نقل ريفي وتعمد سائقها تقديم نفسه على أنه عون أمن.", id="transport-car-is-not-quoted"
        ),
        pytest.param("وطالبت الهيئة بالتزام القرار وفق تعبيرها.", id="as-she-put-it-is-no-source"),
        pytest.param("وأكد الوزير ضرورة أن يتم الحوار.", id="stressed-the-need-that"),
        pytest.param(
            'وأعلنت الدول الثلاث قراراً بالانسحاب من الـ"إيكواس" قريباً.', id="announced-a-decision-name-in-marks"
        ),
    ],
)
def test_not_a_quote(text):
    assert quotes_of(text) == ()


def test_continuation_keeps_the_previous_speaker():
    quotes = quotes_of("قال ديوب إن العلاقات قوية. وأضاف أن التعاون سيتوسع.")
    assert [(q.cue, q.speaker_id) for q in quotes] == [("قال", DIOP.entity_id), ("أضاف", DIOP.entity_id)]


def test_participle_takes_the_speaker_of_its_sentence():
    quotes = quotes_of("أعلن لافروف أن روسيا ستواصل دعم الجيش، مضيفاً «سنرسل المزيد من المساعدات».")
    assert [(q.cue, q.quote_kind, q.speaker_id) for q in quotes] == [
        ("أعلن", "indirect", LAVROV.entity_id),
        ("مضيفاً", "direct", LAVROV.entity_id),
    ]
    assert quotes[0].quote_text == "روسيا ستواصل دعم الجيش"  # the clause stops before the participle's comma


def test_the_ministry_resolves_to_the_ministry_named_before():
    quotes = quotes_of("أصدرت وزارة الخارجية الروسية بياناً. وأشارت الوزارة إلى أن المحادثات ناجحة.")
    assert [(q.speaker_id, q.speaker_surface) for q in quotes] == [(RU_MFA.entity_id, "الوزارة")]


def test_the_minister_resolves_to_the_last_person_speaking():
    quotes = quotes_of("قال لافروف إن الزيارة مهمة. وفي المؤتمر، قال الوزير إن العلاقات ممتازة.")
    assert [q.speaker_id for q in quotes] == [LAVROV.entity_id, LAVROV.entity_id]


def test_a_pronoun_subject_takes_the_body_named_before_it_in_the_sentence():
    quotes = quotes_of("لكن الكرملين ينفي ذلك، ويقول إن المدربين روس.")
    assert [(q.cue, q.speaker_id) for q in quotes] == [("يقول", KREMLIN.entity_id)]


def test_a_surname_finds_an_earlier_speaker_no_list_knows():
    quotes = quotes_of(
        "قال النائب أحمد الصديق: «المشروع جاهز». وفي رده على سؤال نواب المجلس، أفاد الصديق بأن الكتلة قامت بواجبها."
    )
    assert [q.speaker_surface for q in quotes] == ["النائب أحمد الصديق", "النائب أحمد الصديق"]


def test_a_role_word_in_a_genitive_is_not_a_preposed_subject():
    quotes = quotes_of("قال لافروف إن الزيارة ناجحة. وفي رده على سؤال نواب المجلس ويقول إن الأمر محسوم.")
    assert [q.speaker_id for q in quotes] == [LAVROV.entity_id, LAVROV.entity_id]


@pytest.mark.parametrize(
    "participle",
    [
        pytest.param("مبيناً", id="explaining"),
        pytest.param("مشيرين إلى", id="pointing-out-plural"),
        pytest.param("مؤكدة", id="stressing-feminine"),
    ],
)
def test_participles_quote_for_the_speaker_of_their_sentence(participle):
    quotes = quotes_of(f"قال لافروف إن الزيارة ناجحة، {participle} أن التعاون سيتوسع.")
    assert [(q.quote_text, q.speaker_id) for q in quotes][-1] == ("التعاون سيتوسع", LAVROV.entity_id)


def test_a_stray_mark_does_not_hide_the_cue_after_it():
    quotes = quotes_of('"أفادت مصادر محلية بأن الشرطة تبحث عن رجل خطط لـ"اعتداء" قرب البرلمان.')
    assert [(q.cue, q.speaker_surface) for q in quotes] == [("أفادت", "مصادر محلية")]


def test_expressed_his_hope_has_no_subject_of_its_own():
    quotes = quotes_of("قال لافروف إن الزيارة ناجحة، كما أعرب عن أمله في أن يبدأ التوريد قريباً.")
    assert [(q.cue, q.quote_text, q.speaker_id) for q in quotes] == [
        ("قال", "الزيارة ناجحة", LAVROV.entity_id),
        ("أعرب", "يبدأ التوريد قريباً", LAVROV.entity_id),
    ]


def test_nested_reported_speech_stays_inside_the_outer_quote():
    quotes = quotes_of("قال مصدر دبلوماسي إن السلطات الروسية أوضحت للقائد أن على الجنود المغادرة.")
    outer, inner = sorted(quotes, key=lambda q: q.char_start)
    assert outer.quote_text.startswith("السلطات الروسية أوضحت") and outer.quote_text.endswith("المغادرة")
    assert (inner.cue, inner.quote_text) == ("أوضحت", "على الجنود المغادرة")


def test_a_sentence_opening_verb_speaks_for_the_person_named_before():
    quotes = quotes_of("وصف لافروف الحركتين بالإرهاب خلال كلمته. وقال إن الحركتين ترتكبان أعمالاً وحشية.")
    assert [(q.cue, q.speaker_id) for q in quotes] == [("قال", LAVROV.entity_id)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param("وبين ديوب أن هدف الزيارة هو التضامن.", 1, id="and-explained-diop-that"),
        pytest.param("وبين العبدولي، ضيف البرنامج، أن تونس تسعى للأسواق.", 1, id="and-explained-unknown-name-comma"),
        pytest.param(
            "وعمق العلاقات بين شعبي البلدين وتوجيه الوفد رسالة للجميع بأن القطع خطأ.",
            0,
            id="between-the-two-peoples-is-not-explained",
        ),
    ],
)
def test_bayyana_only_with_a_named_subject(text, count):
    assert len(quotes_of(text)) == count


def test_a_quote_without_speaker_in_reach_has_none():
    quotes = quotes_of("وأضاف أن العلاقات ممتازة.")
    assert [(q.speaker_id, q.speaker_surface) for q in quotes] == [(None, None)]


def test_ids_offsets_and_sentence_index():
    text = "وصل لافروف إلى باماكو. وقال لافروف: «الزيارة ناجحة»."
    (quote,) = quotes_of(text)
    assert quote.quote_id == f"t:q{quote.char_start}-{quote.char_end}"
    assert text[quote.char_start : quote.char_end] == quote.quote_text == "الزيارة ناجحة"
    assert text[quote.cue_start : quote.cue_end] == quote.cue == "قال"
    assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_surface
    assert quote.sentence_index == 1


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        pytest.param("قال «أ» و«ب»", ["أ", "ب"], id="two-guillemet-pairs"),
        pytest.param('قال "أ" و"ب"', ["أ", "ب"], id="straight-quotes-pair-in-order"),
        pytest.param("نص» ثم «كلام»", ["كلام"], id="closing-mark-without-opener-is-ignored"),
        pytest.param('سطر "مفتوح\nوسطر "مغلق"', ["مغلق"], id="no-pair-across-a-line-break"),
        pytest.param("«خارج «داخل» خارج»", ["خارج «داخل» خارج", "داخل"], id="nested-guillemets"),
        pytest.param(
            '"أفادت مصادر بأن الشرطة تبحث عن رجل خطط لـ"اعتداء" قرب البرلمان',
            ["اعتداء"],
            id="stray-straight-quote-opening-a-paragraph-is-dropped",
        ),
    ],
)
def test_mark_spans(text, inner):
    assert [text[s.inner_start : s.inner_end] for s in mark_spans(text)] == inner


FRAGMENTS = [
    "\u00a0",
    "\u200f",
    "(",
    ")",
    "قال",
    "وقال",
    "أكد",
    "وأضاف",
    "مضيفاً",
    "وفقاً",
    "لوزارة الخارجية الروسية",
    "بحسب",
    "لافروف",
    "ديوب",
    "الجانب",
    "الروسي",
    "مصدر",
    "إن",
    "أن",
    "بأنها",
    "إنّه",
    "فإن",
    "عن",
    "الوزارة",
    "«",
    "»",
    '"',
    "“",
    "”",
    "،",
    ":",
    ".",
    "\n",
    "روسيا",
    "مالي",
    "التعاون",
    "مُهِمّ",
    "ـ",
    "اليوم",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join))
def test_offsets_always_point_into_body_text(text):
    quotes = quotes_of(text)
    for quote in quotes:
        assert text[quote.char_start : quote.char_end] == quote.quote_text
        assert quote.quote_text and quote.quote_text == quote.quote_text.strip()
        assert text[quote.cue_start : quote.cue_end] == quote.cue
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_surface
        assert quote.quote_kind in ("direct", "indirect", "according_to")
    assert len({q.quote_id for q in quotes}) == len(quotes)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from('«»"“”‹›„ ab\nقال')))
def test_mark_spans_are_well_formed(text):
    for span in mark_spans(text):
        assert span.open_at < span.inner_start <= span.inner_end <= span.close_at
        assert "\n" not in text[span.open_at : span.close_at]


def test_a_last_name_links_to_the_person_named_in_full_before():
    text = "التقى أحمد الصديق الوفد. وأكد الصديق أن اللقاء مثمر."
    start = text.index("أحمد الصديق")
    full = Mention(f"t:m{start}-{start + 11}", "person:ahmed-seddik", "PERSON", "أحمد الصديق", start, start + 11, 0)
    (quote,) = extract_quotes(document(text), (full,), ())
    assert (quote.speaker_id, quote.speaker_surface) == ("person:ahmed-seddik", "الصديق")


@pytest.mark.parametrize(
    ("name", "columns", "kinds"),
    [
        pytest.param(
            "speech_cues.tsv",
            8,
            {"speech", "speech_polysemous", "quoting", "statement", "according_to", "located"},
            id="cues",
        ),
        pytest.param(
            "quote_speaker_words.tsv", 4, {"unnamed", "head", "ref", "skip", "stop", "statement"}, id="speaker-words"
        ),
        pytest.param(
            "quote_clause_words.tsv", 2, {"complementizer", "blocker", "blocker_min", "lead", "tail"}, id="clause-words"
        ),
    ],
)
def test_lexicons_say_where_they_come_from_and_parse(name, columns, kinds):
    from flows.resources import data_text, read_tsv_tuples

    lines = data_text(name).splitlines()
    assert lines[0].startswith("#") and any(
        "Source" in line or "source" in line for line in lines if line.startswith("#")
    )
    rows = read_tsv_tuples(name)
    assert rows and all(len(row) == columns for row in rows)
    kind_column = 2 if name == "speech_cues.tsv" else 1
    assert {row[kind_column] for row in rows} <= kinds
