"""A cue inside a relative clause: a thing described by the writer says nothing; a speaker or a clause's own subject
does (extract._relative_on_a_thing)."""

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
