"""Where a quote is and who said it: a cue in a relative clause on a thing says nothing (clauses.relative_on_a_thing);
the writer's "according to" after a comma ends a reported clause (clauses.tail_start); a weekday closing a subject
nobody lists is the writer's (speakers._unlisted_subject); whom أبلغ told is not who spoke (extract.ADDRESSEE_FIRST_LEMMAS)."""

from __future__ import annotations

import pytest

from tests.test_quotes import quotes_of


@pytest.mark.parametrize(
    "text",
    [
        "ورفض الباحث النظرية التي تفيد بأن المدن الكبيرة أقل أمانا من القرى.",
        "وانتشرت الصور الجديدة التي تؤكد أن المبنى القديم سيهدم قريبا.",
        "وصلت السفينة الحربية، التي يبلغ طولها مئتي متر، إلى الميناء بعد أن أنهت رحلتها.",
    ],
)
def test_a_relative_clause_on_a_thing_is_no_quote(text):
    assert quotes_of(text) == ()


def test_a_relative_clause_with_its_own_subject_is_a_quote():
    quotes = quotes_of("وتحدث التقرير عن الغارات الليلية التي قالت الوزارة إنها استهدفت مخازن للسلاح.")
    assert [q.cue for q in quotes] == ["قالت"]


def test_a_relative_clause_on_a_speaker_word_is_a_quote():
    quotes = quotes_of("وأغلقت الطرق أمام الوزارة التي أكدت أن الحركة ستعود إلى طبيعتها غدا.")
    assert [q.cue for q in quotes] == ["أكدت"]


@pytest.mark.parametrize("source", ["وفق ما ذكرت الصحيفة", "بحسب وكالة الأنباء الرسمية"])
def test_an_according_to_after_a_comma_ends_the_reported_clause(source):
    quotes = quotes_of(f"وقال الوزير إن الحكومة سترفع الأجور في الربيع المقبل، {source}، يوم الأحد.")
    assert [q.quote_text for q in quotes if q.cue == "قال"] == ["الحكومة سترفع الأجور في الربيع المقبل"]


def test_a_weekday_closing_an_unlisted_subject_is_left_out_of_its_surface():
    quotes = quotes_of("أفاد المرصد الوطني للرصد الجوي الأربعاء أن الأمطار ستستمر حتى نهاية الأسبوع.")
    assert [q.speaker_surface for q in quotes] == ["المرصد الوطني للرصد الجوي"]


def test_whom_the_speaker_told_is_not_the_speaker():
    quotes = quotes_of("وتحدث لافروف في موسكو. وأبلغ المراسلين عقب اللقاء بأنه سيزور العاصمة الفرنسية الشهر المقبل.")
    assert [q.speaker_id for q in quotes if q.cue == "أبلغ"] == ["person:sergey-lavrov"]


def test_a_name_inside_the_clause_of_a_relative_on_a_thing_is_not_its_subject():
    assert quotes_of("وعرضت القناة المشاهد المصورة التي تؤكد أن لافروف غادر القاعة قبل نهاية الجلسة.") == ()


def test_words_between_a_relative_cue_and_its_complementizer_are_its_subject():
    quotes = quotes_of("وتوقفت الغارات الليلية التي تقول المنظمات الإنسانية إنها أصابت مدارس ومستشفيات.")
    assert [q.cue for q in quotes] == ["تقول"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she said the union will answer the duties, and described the refusal as …": the writer's next clause
        (
            "وقالت المستشارة إن الاتحاد سيرد على الرسوم الجديدة ووصفت القرار بأنه مؤسف.",
            "الاتحاد سيرد على الرسوم الجديدة",
        ),
        # "he stressed that he wants to withdraw, but he pointed to …"
        ("وأكد الرئيس أنه يريد سحب القوات من البلاد لكنه أشار إلى عدم اتخاذ قرار بعد.", "يريد سحب القوات من البلاد"),
        # "he warned that the situation may worsen, calling for …": a speech participle after a comma
        (
            "وحذر المبعوث من أن الوضع قد يتدهور في الأيام المقبلة، داعيا إلى حماية المدنيين.",
            "الوضع قد يتدهور في الأيام المقبلة",
        ),
        # "… and praised the police" after a comma: a statement verb joined to the writer's clause
        ("وقال الرئيس إن البلاد لن تخضع للإرهاب أبدا، وأشاد برجال الشرطة.", "البلاد لن تخضع للإرهاب أبدا"),
        # "… and said to him that …": the next quotation's cue ends this one before its conjunction
        ("وقالت الوزيرة إن الرئيس التقى نظيره أمس وقال له إن الاتفاق قريب.", "الرئيس التقى نظيره أمس"),
    ],
    ids=["joined-speech-verb", "but-he-pointed", "participle-after-comma", "statement-verb-after-comma", "next-cue"],
)
def test_the_writers_next_clause_ends_the_reported_clause(text, expected):
    assert [q.quote_text for q in quotes_of(text)][:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # "the channel said he hated the college and vowed revenge": توعد is the clause's own subject's act
        "وقالت القناة إن الشاب كان يكره الكلية بشدة وتوعد بالثأر من مدرسيه.",
        # "she said the president met his counterpart and described the meeting as fruitful": a verb of another
        # gender than the cue's is the clause's own subject's
        "وقالت الوزيرة إن الرئيس التقى نظيره أمس ووصف اللقاء بالمثمر.",
    ],
    ids=["statement-verb-without-comma", "verb-of-another-gender"],
)
def test_a_verb_of_the_clauses_own_subject_stays_in_it(text):
    assert quotes_of(text)[0].quote_text.endswith(text.rstrip(".").split()[-1])
