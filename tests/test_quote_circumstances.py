"""Who said it, round 11 (issue 13): direct speech after the circumstances of the saying, the end of a subject
phrase, a place that opens a paper's name, and a description whose person is set off by commas; hand-made
sentences and mentions."""

from __future__ import annotations

import pytest

from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document, Entity, Mention
from tests.listed_mentions import listed_mentions

LAVROV = Entity("person:sergey-lavrov", "PERSON", "سيرغي لافروف", "Sergey Lavrov", "RUS")
CUPER = Entity("person:hector-cuper", "PERSON", "هكتور كوبر", "Héctor Cúper", None)
NEW_YORK = Entity("gpe:new-york", "GPE", "نيويورك", "New York", "USA")
WASHINGTON = Entity("gpe:washington", "GPE", "واشنطن", "Washington", "USA")
SAUDI = Entity("gpe:sau", "GPE", "السعودية", "Saudi Arabia", "SAU")
ARGENTINA = Entity("gpe:arg", "GPE", "الأرجنتين", "Argentina", "ARG")
GOOGLE = Entity("org:google", "ORG", "غوغل", "Google", "USA")
ENTITIES = (LAVROV, CUPER, NEW_YORK, WASHINGTON, SAUDI, ARGENTINA, GOOGLE)
NAMES = {
    "سيرغي لافروف": (LAVROV, False),
    "لافروف": (LAVROV, False),
    "هكتور كوبر": (CUPER, False),
    "كوبر": (CUPER, False),
    "نيويورك": (NEW_YORK, False),
    "واشنطن": (WASHINGTON, False),
    "السعودية": (SAUDI, False),
    "الأرجنتيني": (ARGENTINA, True),
    "غوغل": (GOOGLE, False),
}


def mentions_for(text: str) -> tuple[Mention, ...]:
    return listed_mentions(text, NAMES)


def quotes_of(text: str):
    return extract_quotes(Document("t", text, sentences=split_sentences(text)), mentions_for(text), ENTITIES)


@pytest.mark.parametrize(
    ("text", "quote_text"),
    [
        pytest.param(
            'وقال لافروف في مقابلة مع صحيفة كوميرسانت الروسية يوم الثلاثاء في موسكو "نحن مستعدون للحوار مع الجميع".',
            "نحن مستعدون للحوار مع الجميع",
            id="marks-after-an-interview-and-a-place-eleven-words-on",
        ),
        pytest.param(
            "وقال لافروف في مقابلة يوم الثلاثاء مع وكالة الأنباء الألمانية بالعاصمة الروسية موسكو: نحن مستعدون للحوار.",
            "نحن مستعدون للحوار.",
            id="colon-after-the-circumstances",
        ),
        pytest.param(
            'وقال لافروف للصحفيين عقب اجتماع المجلس التنفيذي في العاصمة الروسية موسكو "لن نتراجع عن موقفنا"، مضيفا '
            "أن الحوار ممكن.",
            "لن نتراجع عن موقفنا",
            id="marks-closed-by-a-comma-and-a-speech-participle",
        ),
    ],
)
def test_direct_speech_after_the_circumstances_of_the_saying(text: str, quote_text: str) -> None:
    first = quotes_of(text)[0]
    assert (first.quote_kind, first.quote_text, first.speaker_id) == ("direct", quote_text, LAVROV.entity_id)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'وأكد لافروف دعم بلاده للشعب الذي تتهمه الحكومة في كل مناسبة بـ"الفساد والظلم وعدم الكفاءة".',
            id="a-quoted-phrase-after-a-preposition",
        ),
        pytest.param(
            'وأعلن لافروف اليوم في موسكو بعد لقاء مع نظيره عن تشكيل لجان مشتركة "لتطوير الحوار والمفاوضات بين '
            'البلدين" تجتمع كل شهر.',
            id="a-quoted-phrase-the-sentence-runs-on-after",
        ),
        pytest.param(
            "وفي 28 يناير، أعلنت الدول الثلاث قراراً مشتركاً بالانسحاب من المجموعة في أقرب وقت ممكن، والذي في رأيهم "
            '"تحت تأثير القوى الأجنبية ليصبح تهديدا للدول الأعضاء".',
            id="a-verb-with-an-accusative-object",
        ),
        pytest.param(
            'وأضاف لافروف في تصريح لمراسلة الإذاعة على هامش ورشة عمل نظمها المركز تحت عنوان "المصالحة الوطنية : '
            'الأبعاد والآفاق" أنه يجب التخلص من صراعات الماضي.',
            id="a-colon-inside-a-quoted-title",
        ),
        pytest.param(
            'ووصف التقرير الذي تعده منظمة الصحة العالمية ويعد مرجعية للأمراض إدمان الألعاب "نمطا من اللعب '
            'المستمر أو المتكرر" يصبح مفرطا.',
            id="a-characterisation-after-wasf",
        ),
    ],
)
def test_quoted_phrases_far_from_the_cue_stay_the_writers(text: str) -> None:
    """No direct quotation; a reported clause the cue has (أنه يجب …) stays one."""
    assert [q for q in quotes_of(text) if q.quote_kind == "direct"] == []


def test_a_paragraph_that_ends_at_the_closing_mark_closes_the_speech() -> None:
    """ "وكتب الصدر يقول "…"" then "وأضاف" on the next line: the word opening the next paragraph does not make the
    marks a noun phrase of the sentence, and the continuation takes the speaker."""
    text = 'وكتب لافروف يقول "نحن مستعدون للحوار مع الجميع"\nوأضاف "لن نتراجع عن موقفنا أبدا".'
    assert [(q.quote_kind, q.speaker_id) for q in quotes_of(text)] == [
        ("direct", LAVROV.entity_id),
        ("direct", LAVROV.entity_id),
    ]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("وقال رضوان لقديم وهو فرنسي من أصل مغربي إنه ينتمي إلى التنظيم.", "رضوان لقديم", id="wa-huwa"),
        pytest.param("وكانت شركة تي إس إم سي قد صرحت بأنها بدأت الإنتاج.", "شركة تي إس إم سي", id="qad-particle"),
        pytest.param("وكانت الشرطة قد قالت إن لديها أدلة على الجرائم.", "الشرطة", id="qad-after-a-body-word"),
        pytest.param(
            "وكان المرصد قد أعلن، في وقت سابق، أن انفجارات هزت المنطقة.", "المرصد", id="qad-after-a-bare-subject"
        ),
        pytest.param(
            'وأصدر غريندل بياناً بعد الواقعة قائلا: "الاتحاد يحترم خصوصية لاعبينا بالتأكيد".',
            "غريندل",
            id="tanween-object",
        ),
    ],
)
def test_what_ends_a_subject_phrase(text: str, surface: str) -> None:
    assert quotes_of(text)[0].speaker_surface == surface


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "فمن جهتها، قالت نيويورك تايمز إنه لم يتجاوز الارتفاع 30 في المائة.",
            (None, "نيويورك تايمز"),
            id="the-new-york-times-is-no-city",
        ),  # fmt: skip
        pytest.param("وأوضحت واشنطن بوست أنه استجوب شهودا.", (None, "واشنطن بوست"), id="the-washington-post"),
        pytest.param(
            "وأعلنت السعودية رسميا أنه سوف يسمح للمرأة بالقيادة.",
            (SAUDI.entity_id, "السعودية"),
            id="an-adverb-after-a-state-is-no-name",
        ),  # fmt: skip
        pytest.param(
            "وقالت واشنطن، الخميس، إن العقوبات باقية.", (WASHINGTON.entity_id, "واشنطن"), id="the-state-alone"
        ),
    ],
)
def test_a_place_that_opens_a_name_does_not_speak(text: str, speaker: tuple[str | None, str]) -> None:
    first = quotes_of(text)[0]
    assert (first.speaker_id, first.speaker_surface) == speaker


def test_a_description_whose_person_is_set_off_by_commas() -> None:
    """ "المدرب الأرجنتيني، هكتور كوبر،" introduces Cúper with المدرب, its nisba a modifier: "وعلق المدرب" later is
    him."""
    text = (
        "أكد المدرب الأرجنتيني، هكتور كوبر، أنه لا يعرف مصيره مع المنتخب. وتعرض كوبر لانتقادات كثيرة. "
        'وعلق المدرب، الذي قاد فريقه إلى النهائي مرتين، "النقد جزء من كرة القدم وأنا معتاد عليه".'
    )
    last = quotes_of(text)[-1]
    assert (last.quote_kind, last.speaker_surface, last.speaker_id) == ("direct", "المدرب", CUPER.entity_id)
