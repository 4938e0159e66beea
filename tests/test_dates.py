"""flows/dates.py: date expressions in Arabic news, the article's own date, and metadata date strings."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.quality import dates as evaluation
from flows.dates.grammar import key, lexicon
from flows.dates.resolve import PRECISIONS, find_dates, parse_iso_or_arabic, publication_date

D = dt.date
WED = D(2024, 2, 28)  # a Wednesday: the anchor of the relative cases below
THU = D(2025, 4, 3)  # a Thursday


def only(text: str, anchor: dt.date | None = WED, **kwargs: bool) -> tuple[str, dt.date | None, str, bool]:
    found = find_dates(text, anchor, **kwargs)
    assert len(found) == 1, found
    m = found[0]
    return m.text, m.value, m.precision, m.relative


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        pytest.param(
            "وصل في 6 يوليو/تموز 2024 إلى", "6 يوليو/تموز 2024", D(2024, 7, 6), "day", id="paired-month-slash"
        ),
        pytest.param(
            "حكم منذ أغسطس (آب) 2020 البلاد", "أغسطس (آب) 2020", D(2020, 8, 1), "month", id="paired-month-parens"
        ),
        pytest.param("في 28 فبراير/شباط 2024.", "28 فبراير/شباط 2024", WED, "day", id="february-shubat"),
        pytest.param("عقد في ٢١ سبتمبر ٢٠٢٣ اجتماع", "٢١ سبتمبر ٢٠٢٣", D(2023, 9, 21), "day", id="arabic-indic-digits"),
        pytest.param(
            "منذ 28 كانون الثاني 2024", "28 كانون الثاني 2024", D(2024, 1, 28), "day", id="levantine-two-words"
        ),
        pytest.param("في 3 إبريل 2025 وصل", "3 إبريل 2025", THU, "day", id="april-hamza-below"),
        pytest.param("في 3 ابريل 2025 وصل", "3 ابريل 2025", THU, "day", id="april-bare-alef"),
        pytest.param("في 4 يوليه 2023 وصل", "4 يوليه 2023", D(2023, 7, 4), "day", id="july-egyptian"),
        pytest.param("في 9 اغسطس 2023 وصل", "9 اغسطس 2023", D(2023, 8, 9), "day", id="august-bare-alef"),
        pytest.param("في 12 جويلية 2016 قالت", "12 جويلية 2016", D(2016, 7, 12), "day", id="july-tunisian"),
        pytest.param("خصصت في يوليو2023 مبلغا", "يوليو2023", D(2023, 7, 1), "month", id="month-glued-to-year"),
        pytest.param("زار في فبراير 2023 البلاد", "فبراير 2023", D(2023, 2, 1), "month", id="month-year"),
        pytest.param("أعلن في 6 يناير، 2015، الساعة 5", "6 يناير، 2015", D(2015, 1, 6), "day", id="commas-around-year"),
        pytest.param("نشر بتاريخ 2024-02-28 بيانا", "2024-02-28", WED, "day", id="iso-date"),
        pytest.param("نشر بتاريخ 28/02/2024 بيانا", "28/02/2024", WED, "day", id="day-first-numeric"),
        pytest.param(
            "— MFA (@mfa) February 7, 2023", "February 7, 2023", D(2023, 2, 7), "day", id="english-tweet-date"
        ),
        pytest.param("انهار الاتفاق في 2023 نهائيا", "2023", D(2023, 1, 1), "year", id="in-year"),
        pytest.param("تراجع الإنتاج نهاية 2022 كثيرا", "نهاية 2022", D(2022, 1, 1), "year", id="end-of-year"),
        pytest.param("الاتفاق الموقع لعام 2015 صامد", "عام 2015", D(2015, 1, 1), "year", id="for-year-2015"),
        pytest.param(
            "وقفة احتجاجية يوم غرة جوان 2017 أمام", "يوم غرة جوان 2017", D(2017, 6, 1), "day", id="first-of-june-ghurra"
        ),
        pytest.param(
            "وفي الأول من مارس 2024 وصل", "الأول من مارس 2024", D(2024, 3, 1), "day", id="ordinal-first-of-march"
        ),
        pytest.param(
            "خلال الأسبوع الأول من شهر ماي 2017 بعد", "ماي 2017", D(2017, 5, 1), "month", id="first-week-of-may-is-may"
        ),
        # an ordinal after an indefinite noun in construct is the month's day; after a definite noun it counts that noun
        pytest.param(
            "وقعا في لقاء الحادي عشر من مارس 2024 اتفاقا",
            "الحادي عشر من مارس 2024",
            D(2024, 3, 11),
            "day",
            id="meeting-of-the-eleventh-of-march",
        ),
        pytest.param(
            "عادا إلى بنود اجتماع الخامس من أكتوبر 2023 كلها",
            "الخامس من أكتوبر 2023",
            D(2023, 10, 5),
            "day",
            id="meeting-of-the-fifth-of-october",
        ),
        pytest.param(
            "قطعت علاقاتها في5 حزيران/يونيو 2017 معها", "5 حزيران/يونيو 2017", D(2017, 6, 5), "day", id="fi-glued"
        ),
        pytest.param("ثم وفي12 مارس 2024 عادت", "12 مارس 2024", D(2024, 3, 12), "day", id="wa-fi-glued"),
        pytest.param(
            "تبدأ الجولة الثانية من نوفمبر 2024 رسميا", "نوفمبر 2024", D(2024, 11, 1), "month", id="second-round-of-nov"
        ),
        pytest.param(
            "يمتد النصف الأول من يناير 2025 كله", "يناير 2025", D(2025, 1, 1), "month", id="first-half-of-january"
        ),
        pytest.param(
            "الأمر الصادر في 15 ديسمبر عام 1896 نافذ",
            "15 ديسمبر عام 1896",
            D(1896, 12, 15),
            "day",
            id="year-word-between-month-and-year",
        ),
        pytest.param(
            "صدر بتاريخ ( 27 / 9 / 1948 ) قرار",
            "27 / 9 / 1948",
            D(1948, 9, 27),
            "day",
            id="spaced-numeric-archive-date",
        ),
        pytest.param(
            "بنيت عام ( 1993 ) المدرسة", "عام ( 1993 )", D(1993, 1, 1), "year", id="year-word-and-parenthesised-year"
        ),
        pytest.param("صورة المدينة (1948) .", "1948", D(1948, 1, 1), "year", id="parenthesised-year-alone"),
        pytest.param("قرى دمرت في حرب 1948، وهجر أهلها", "1948", D(1948, 1, 1), "year", id="year-ending-a-clause"),
        pytest.param(
            "وقع في 5 كانون أول 1945 اتفاق",
            "5 كانون أول 1945",
            D(1945, 12, 5),
            "day",
            id="december-levantine-colloquial",
        ),
        pytest.param("صدر في شباط (1948) قرار", "شباط (1948)", D(1948, 2, 1), "month", id="month-parenthesised-year"),
    ],
)
def test_absolute_dates(text: str, surface: str, value: dt.date, precision: str) -> None:
    assert only(text) == (surface, value, precision, False)


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        pytest.param("قال اليوم إن", "اليوم", WED, "day", id="today"),
        pytest.param(
            "منذ أن سحب في أيار/مايو بلاده",
            "أيار/مايو",
            D(2024, 5, 1),
            "month",
            id="yearless-paired-month-nearest-anchor",
        ),
        pytest.param("وصل أمس إلى", "أمس", D(2024, 2, 27), "day", id="yesterday"),
        pytest.param("وصل يوم أمس إلى", "يوم أمس", D(2024, 2, 27), "day", id="the-day-of-yesterday"),
        pytest.param("يصل غداً إلى", "غداً", D(2024, 2, 29), "day", id="tomorrow-with-tanween"),
        pytest.param("بيوصل بكرا عالبلد", "بكرا", D(2024, 2, 29), "day", id="tomorrow-colloquial"),
        pytest.param("وصل اليوم الأربعاء إلى", "اليوم الأربعاء", WED, "day", id="today-wednesday"),
        pytest.param(
            "زار مالي اليوم (الثلاثاء)، عقب",
            "اليوم (الثلاثاء)",
            D(2024, 2, 27),
            "day",
            id="today-tuesday-one-day-off-trusts-weekday",
        ),
        pytest.param(
            "زار مالي اليوم (الأحد)، عقب", "اليوم (الأحد)", WED, "day", id="today-sunday-far-off-trusts-anchor"
        ),
        pytest.param(
            "قال مساء أمس الثلاثاء إن", "مساء أمس الثلاثاء", D(2024, 2, 27), "day", id="yesterday-tuesday-agrees"
        ),
        pytest.param(
            "قال مساء أمس الاثنين إن",
            "مساء أمس الاثنين",
            D(2024, 2, 26),
            "day",
            id="yesterday-monday-one-day-off-trusts-weekday",
        ),
        pytest.param("هاجموا (الثلاثاء) قرب البلدة", "(الثلاثاء)", D(2024, 2, 27), "day", id="tuesday-most-recent"),
        pytest.param("أعلنت (الأربعاء) أنها", "(الأربعاء)", WED, "day", id="weekday-same-as-anchor-is-anchor"),
        pytest.param(
            "كمين نفذته (الأربعاء) الماضي",
            "(الأربعاء) الماضي",
            D(2024, 2, 21),
            "day",
            id="last-wednesday-strictly-before",
        ),
        pytest.param("يلتقيان الخميس المقبل في", "الخميس المقبل", D(2024, 2, 29), "day", id="next-thursday"),
        pytest.param("تحطمت مروحية، السبت، في حي", "السبت", D(2024, 2, 24), "day", id="saturday-between-commas"),
        pytest.param("اجتمعوا يوم الأحد في", "يوم الأحد", D(2024, 2, 25), "day", id="on-sunday"),
        pytest.param(
            "شاركوا في مظاهرات بلندن الجمعة احتجاجا", "الجمعة", D(2024, 2, 23), "day", id="bare-friday-after-a-noun"
        ),
        pytest.param("قال ترامب الاثنين إن", "الاثنين", D(2024, 2, 26), "day", id="bare-monday-after-a-subject"),
        pytest.param("قمع تظاهرة محظورة السبت", "السبت", D(2024, 2, 24), "day", id="bare-saturday-after-an-adjective"),
        pytest.param("أعلنت مساء الجمعة أن", "مساء الجمعة", D(2024, 2, 23), "day", id="friday-evening"),
        pytest.param(
            "وصل صباح اليوم الخميس إلى",
            "صباح اليوم الخميس",
            D(2024, 2, 29),
            "day",
            id="thursday-morning-anchor-a-day-early",
        ),
        pytest.param(
            "سلمت الأسبوع الماضي أسلحة", "الأسبوع الماضي", D(2024, 2, 21), "unknown", id="last-week-unknown-precision"
        ),
        pytest.param("قال الشهر الماضي إن", "الشهر الماضي", D(2024, 1, 1), "month", id="last-month"),
        pytest.param("ارتفع العام الماضي بنسبة", "العام الماضي", D(2023, 1, 1), "year", id="last-year"),
        pytest.param("سيبدأ مطلع العام ذلك", "مطلع العام", D(2024, 1, 1), "year", id="start-of-the-year"),
        pytest.param(
            "تراجع في فبراير الماضي كثيرا",
            "فبراير الماضي",
            D(2023, 2, 1),
            "month",
            id="last-february-before-anchor-month",
        ),
        pytest.param("تراجع في مارس الفائت كثيرا", "مارس الفائت", D(2023, 3, 1), "month", id="last-march"),
        pytest.param(
            "يوم الحادي والعشرين من يونيو الماضي",
            "يوم الحادي والعشرين من يونيو الماضي",
            D(2023, 6, 21),
            "day",
            id="ordinal-twenty-first-of-last-june",
        ),
        pytest.param(
            "ينتهي موفى شهر مارس المقبل",
            "موفى شهر مارس المقبل",
            D(2024, 3, 1),
            "month",
            id="end-of-next-march-tunisian",
        ),
        pytest.param(
            "تمرد في نهاية يوليو/تموز الماضي", "نهاية يوليو/تموز الماضي", D(2023, 7, 1), "month", id="end-of-last-july"
        ),
        pytest.param(
            "وفي 10 أغسطس/آب الماضي هدد", "10 أغسطس/آب الماضي", D(2023, 8, 10), "day", id="day-of-last-august"
        ),
        pytest.param(
            "وثيقة مؤتمر الثالث عشر من يوليو/تموز الماضي",
            "الثالث عشر من يوليو/تموز الماضي",
            D(2023, 7, 13),
            "day",
            id="conference-of-the-thirteenth-of-last-july",
        ),
        pytest.param(
            "التقيا يوم الإربعاء الفارط في", "يوم الإربعاء الفارط", D(2024, 2, 21), "day", id="last-wednesday-tunisian"
        ),
        pytest.param(
            "يعقد في 12 من الشهر الجاري مؤتمره", "12 من الشهر الجاري", D(2024, 2, 12), "day", id="12th-of-this-month"
        ),
        pytest.param(
            "عقد في 30 من الشهر الماضي مؤتمره", "30 من الشهر الماضي", D(2024, 1, 30), "day", id="30th-of-last-month"
        ),
        pytest.param("وصل منذ 3 أيام إلى", "منذ 3 أيام", D(2024, 2, 25), "day", id="three-days-ago"),
        pytest.param("وصل منذ يومين إلى", "منذ يومين", D(2024, 2, 26), "day", id="two-days-ago-dual"),
        pytest.param(
            "وصل قبل ثلاثة أسابيع إلى", "قبل ثلاثة أسابيع", D(2024, 2, 7), "unknown", id="three-weeks-ago-word"
        ),
        pytest.param("انتهى منذ عامين تقريبا", "منذ عامين", D(2022, 1, 1), "year", id="two-years-ago"),
        pytest.param("وصل منذ ساعتين إلى", "منذ ساعتين", WED, "day", id="two-hours-ago-is-today"),
        pytest.param(
            "انطلق منذ شهر أكتوبر الماضي تنفيذه",
            "شهر أكتوبر الماضي",
            D(2023, 10, 1),
            "month",
            id="since-last-october-is-not-a-month-ago",
        ),
    ],
)
def test_relative_dates(text: str, surface: str, value: dt.date, precision: str) -> None:
    assert only(text) == (surface, value, precision, True)


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        pytest.param("٠٣ أبريل", THU, THU, id="yearless-takes-the-year-nearest-the-anchor"),
        pytest.param("٠٣ أبريل", D(2025, 1, 10), THU, id="yearless-early-in-year-looks-ahead"),
        pytest.param("30 ديسمبر", D(2025, 1, 10), D(2024, 12, 30), id="yearless-late-december-is-last-year"),
        pytest.param("الخميس ٠٣ أبريل", THU, THU, id="yearless-thursday-agrees"),
        # 3 April 2024 is a Wednesday: no year near the anchor makes "Thursday 3 April" true
        pytest.param("الخميس ٠٣ أبريل", WED, None, id="yearless-thursday-disagrees-no-value"),
    ],
)
def test_yearless_day_month(text: str, anchor: dt.date, value: dt.date | None) -> None:
    assert only(text, anchor) == (text, value, "day" if value else "unknown", True)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وصل اليوم التالي إلى", id="the-next-day-is-not-today"),
        pytest.param("احتفل باليوم العالمي للمرأة", id="world-day-is-not-today"),
        pytest.param("نظمت الجمعية اليوم الإعلامي للتشغيل", id="information-day-nisba-is-not-today"),
        pytest.param("غادر الميناء مساء نفس اليوم", id="the-same-day-is-the-story-day"),
        pytest.param("عاد في اليوم نفسه إلى بلاده", id="the-day-itself-is-the-story-day"),
        pytest.param("في مثل هذا اليوم انطلقت الثورة", id="on-this-day-years-ago"),
        pytest.param("قسم المبلغ بين الاثنين بالتساوي", id="the-two-is-not-monday"),
        pytest.param("هو الأحد عشر لاعبا", id="eleven-is-not-sunday"),
        pytest.param("في الاعتداء على الاثنين بالسم", id="the-attack-on-the-two-is-not-monday"),
        pytest.param("مزيج من الاثنين معا", id="the-two-together-is-not-monday"),
        pytest.param("أصيبوا في الجمعة العاشرة لمسيرات العودة", id="the-tenth-friday-of-a-series-is-no-day"),
        pytest.param("الجمعة الأخيرة من رمضان", id="the-last-friday-of-ramadan-is-no-day"),
        pytest.param("أدى صلاة الجمعة في المسجد", id="friday-prayer-alone-is-not-a-date"),
        pytest.param("مركز احتجاز سوق الخميس على البحر", id="souk-el-khemis-is-a-town"),
        pytest.param("أدى صلاة الجمعة، في المسجد", id="friday-prayer-before-a-comma-is-not-a-date"),
        pytest.param("مارس الضغط على الحكومة", id="practised-is-not-march"),
        pytest.param("خصصت 2 مليون دولار", id="two-million-is-not-a-date"),
        pytest.param("نشر 2000 جندي", id="bare-number-is-not-a-year"),
        pytest.param("قبل يومين من الانتخابات", id="two-days-before-the-election-is-not-anchored"),
        pytest.param("14-09-1432 هـ", id="hijri-numeric-is-not-gregorian"),
        pytest.param("زار أباه في القرية", id="his-father-is-not-august"),
        pytest.param("قرأ الفصل الثاني من الكتاب", id="second-chapter-is-not-a-day"),
        pytest.param("استمر الاجتماع يومين", id="a-duration-is-not-a-date"),
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, WED) == []


# "خلال الأيام الثلاثة الماضية" (date audit seed 83 row 51, dev): the last N days up to the anchor, known to the month
# or the year they lie in; a vague plural, a coming span or a span across years dates nothing.
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        pytest.param(
            "خلال الأيام الثلاثة الماضية", dt.date(2018, 7, 4), (dt.date(2018, 7, 1), "month"), id="in-one-month"
        ),
        pytest.param("في الأيام الـ10 الماضية", dt.date(2018, 7, 4), (dt.date(2018, 1, 1), "year"), id="across-months"),
        pytest.param("الأسابيع الثلاثة الماضية", dt.date(2018, 1, 10), (None, "unknown"), id="across-years"),
        pytest.param("الأيام الثلاثة المقبلة", dt.date(2018, 7, 4), None, id="a-coming-span-is-none"),
        pytest.param("خلال الأيام الماضية", dt.date(2018, 7, 4), None, id="a-vague-plural-is-none"),
    ],
)
def test_the_last_n_days(text: str, anchor: dt.date, expected: tuple | None) -> None:
    found = find_dates(text, anchor)
    if expected is None:
        assert found == []
    else:
        assert [(d.value, d.precision) for d in found] == [expected]


def test_weekday_disagreeing_with_full_date_keeps_the_month() -> None:
    # 28 Feb 2024 is a Wednesday, not a Thursday: one of the two is a typo, the month is what both agree on
    assert only("الخميس 28 فبراير 2024") == ("الخميس 28 فبراير 2024", D(2024, 2, 1), "month", False)
    assert only("الأربعاء 28 فبراير 2024") == ("الأربعاء 28 فبراير 2024", WED, "day", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "يعقد يومي 3 و4 مارس 2024 بالحمامات",
            [("3", D(2024, 3, 3)), ("4 مارس 2024", D(2024, 3, 4))],
            id="days-3-and-4-march",
        ),
        pytest.param(
            "تنتظم من 12 إلى 14 ماي المقبل",
            [("12", D(2024, 5, 12)), ("14 ماي المقبل", D(2024, 5, 14))],
            id="from-12-to-14-next-may",
        ),
        pytest.param(
            "من 8 الى غاية 24 جوان 2017",
            [("8", D(2017, 6, 8)), ("24 جوان 2017", D(2017, 6, 24))],
            id="from-8-until-24-june",
        ),
    ],
)
def test_a_pair_of_days_shares_the_month(text: str, expected: list) -> None:
    assert [(m.text, m.value) for m in find_dates(text, WED)] == expected


def test_a_range_of_years_is_two_year_mentions() -> None:
    assert [(m.text, m.value) for m in find_dates("الخطة الخمسية 1961 - 1962 للبلدية")] == [
        ("1961", D(1961, 1, 1)),
        ("1962", D(1962, 1, 1)),
    ]
    assert find_dates("نشر 2000 - 2500 جندي") == []


def test_paired_months_that_disagree_give_no_value() -> None:
    assert only("في 3 يناير/شباط 2024") == ("3 يناير/شباط 2024", None, "unknown", False)


def test_relative_without_anchor_has_no_value() -> None:
    assert only("الأسبوع الماضي", None) == ("الأسبوع الماضي", None, "unknown", True)
    assert only("٠٣ أبريل", None) == ("٠٣ أبريل", None, "unknown", True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("يلتقيان الخميس في موسكو", D(2024, 2, 29), id="thursday-planned-is-next"),
        pytest.param("يلتقيان في 3 مارس في موسكو", D(2024, 3, 3), id="yearless-planned-is-next"),
        pytest.param("يلتقيان (الأربعاء) في موسكو", WED, id="planned-same-weekday-is-today"),
    ],
)
def test_future_resolution(text: str, value: dt.date) -> None:
    assert find_dates(text, WED, future=True)[0].value == value


def test_datetime_anchor_is_accepted() -> None:
    assert find_dates("أمس", dt.datetime(2024, 2, 28, 23, 0))[0].value == D(2024, 2, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("عنوان\nيصل الوزير اليوم الأربعاء 28 فبراير/شباط 2024 إلى", WED, id="today-weekday-full-date"),
        pytest.param("عنوان\nيصل الوزير اليوم الخميس 28 فبراير 2024 إلى", None, id="today-weekday-disagrees-none"),
        pytest.param(
            "استقبل الوزير أمس الثلاثاء 27 فبراير 2024 نظيره", WED, id="yesterday-full-date-is-the-day-before"
        ),
        pytest.param("استقبل الوزير مساء أمس الثلاثاء 27 فبراير 2024 نظيره", WED, id="yesterday-evening-full-date"),
        pytest.param("يستقبل الوزير غدا الخميس 29 فبراير 2024 نظيره", WED, id="tomorrow-full-date-is-the-day-after"),
        pytest.param("وصل اليوم 28 فبراير 2024 وغادر اليوم 29 فبراير 2024", None, id="two-todays-disagree-none"),
        pytest.param(
            "عنوان\n\n٠٣ أبريل\n\nيلتقي الوزراء، اليوم الخميس، وكانت القمة في 6 يوليو 2024 وفي عام 2025",
            THU,
            id="yearless-dateline-year-from-text-weekday-agrees",
        ),
        pytest.param(
            "عنوان\n\n٠٣ أبريل\n\nيلتقي الوزراء في موسكو وكانت القمة عام 2025",
            None,
            id="yearless-dateline-no-weekday-none",
        ),
        pytest.param(
            "عنوان\n\n٠٣ أبريل\n\nيلتقي الوزراء، اليوم الجمعة، بعد قمة 2025",
            None,
            id="yearless-dateline-weekday-disagrees-none",
        ),
        pytest.param(
            "وصل الوزير اليوم الثلاثاء إلى مالي\n— MFA Russia (@mfa_russia) February 7, 2023",
            D(2023, 2, 7),
            id="tweet-date-with-matching-today-weekday",
        ),
        pytest.param(
            "وصل الوزير اليوم الأربعاء إلى مالي\n— MFA Russia (@mfa_russia) February 7, 2023",
            None,
            id="tweet-date-weekday-disagrees-none",
        ),
        pytest.param(
            "وصل الوزير إلى مالي\n— MFA Russia (@mfa_russia) February 7, 2023", None, id="tweet-date-alone-none"
        ),
        pytest.param("عنوان\n28 فبراير 2024\nوصل الوزير إلى مالي", WED, id="dateline-full-date"),
        pytest.param(
            "عنوان\nالثلاثاء - 16 رجب 1444 هـ - 07 فبراير 2023 مـ\nوصل الوزير",
            D(2023, 2, 7),
            id="dateline-with-weekday-and-hijri",
        ),
        pytest.param(
            "عنوان\nالخميس - 16 رجب 1444 هـ - 07 فبراير 2023 مـ\nوصل الوزير", None, id="dateline-weekday-disagrees-none"
        ),
        pytest.param(
            "عنوان\nتاريخ النشر: 28.02.2024 | 10:15 GMT\nوصل الوزير", WED, id="dateline-published-label-and-time"
        ),
        pytest.param(
            "عنوان\nآخر تحديث: 28.02.2024 | 10:15 GMT\nوصل الوزير", None, id="last-updated-is-not-the-article-day"
        ),
        pytest.param("عنوان\nموسكو - 28 فبراير 2024\nوصل الوزير", None, id="city-and-date-line-is-not-trusted"),
        pytest.param(
            "تدور الأحد القادم مباريات الجولة الأولى من البطولة الوطنية لكرة القدم في ملاعب العاصمة والجهات كلها\n"
            "الأحد 3 مارس 2024\nالساعة 14:00 الفريق الأول - الفريق الثاني",
            None,
            id="date-line-after-prose-is-a-schedule",
        ),
        pytest.param(
            "زار الوزير مالي في 21 سبتمبر 2023 وفي 28 يناير 2024", None, id="dates-in-the-story-are-not-its-date"
        ),
        pytest.param("زار مالي اليوم (الثلاثاء) بعد قمة 2020", None, id="weekday-only-none"),
        pytest.param("", None, id="empty"),
    ],
)
def test_publication_date(text: str, expected: dt.date | None) -> None:
    assert publication_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2024-02-28", dt.datetime(2024, 2, 28), id="iso-date"),
        pytest.param("2024-02-28T10:15:00+03:00", dt.datetime(2024, 2, 28, 10, 15), id="iso-offset-keeps-wall-clock"),
        pytest.param("2024-02-28T07:15:00Z", dt.datetime(2024, 2, 28, 7, 15), id="iso-zulu"),
        pytest.param("Wed, 28 Feb 2024 10:15:00 +0300", dt.datetime(2024, 2, 28, 10, 15), id="rfc-2822"),
        pytest.param("٢٠٢٤-٠٢-٢٨", dt.datetime(2024, 2, 28), id="iso-arabic-indic-digits"),
        pytest.param("1709112600", dt.datetime(2024, 2, 28, 9, 30), id="unix-seconds-utc"),
        pytest.param("1709112600000", dt.datetime(2024, 2, 28, 9, 30), id="unix-milliseconds-utc"),
        pytest.param("الأربعاء 28 فبراير/شباط 2024", dt.datetime(2024, 2, 28), id="arabic-weekday-date"),
        pytest.param("7 يناير، 2015، الساعة 11:00 صباحاً", dt.datetime(2015, 1, 7, 11, 0), id="arabic-morning-time"),
        pytest.param("6 يناير، 2015، الساعة 05:16 مساءً", dt.datetime(2015, 1, 6, 17, 16), id="arabic-evening-time"),
        pytest.param("28/2/2024 10:15:16 AM", dt.datetime(2024, 2, 28, 10, 15, 16), id="day-first-numeric-with-clock"),
        pytest.param(
            "Wednesday, February 28, 2024 - 10:15 PM", dt.datetime(2024, 2, 28, 22, 15), id="english-long-form-pm"
        ),
        pytest.param("28 فبراير 2024 - 14:30", dt.datetime(2024, 2, 28, 14, 30), id="arabic-date-24h-clock"),
        pytest.param("منذ 3 ساعات", None, id="hours-ago-is-not-a-timestamp"),
        pytest.param("فبراير 2024", None, id="month-only-is-not-a-timestamp"),
        pytest.param("أمس", None, id="relative-is-not-a-timestamp"),
        pytest.param("غير معروف", None, id="unknown"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_iso_or_arabic(value: str, expected: dt.datetime | None) -> None:
    assert parse_iso_or_arabic(value) == expected


def test_every_month_has_both_arabic_systems() -> None:
    rows = lexicon().months
    months = set(rows.values())
    assert months == set(range(1, 13))
    for month in months:
        spellings = [k for k, v in rows.items() if v == month and not k.isascii()]
        assert len(spellings) >= 2, (month, spellings)


def test_relative_lexicon_has_every_kind_the_grammar_reads() -> None:
    kinds = {
        "day",
        "period",
        "marker",
        "this",
        "qualifier",
        "ago",
        "unit",
        "number",
        "not_today",
        "not_before_today",
        "part_of_day",
        "year_word",
        "year_cue",
        "first_of_month",
        "ordinal_day",
        "not_before_weekday",
    }
    assert kinds <= set(lexicon().words)


def test_lexicon_spellings_fold_to_one_month() -> None:
    assert lexicon().months[key("إبريل")] == lexicon().months[key("ابريل")] == 4
    assert lexicon().months[key("يوليه")] == lexicon().months[key("تموز")] == 7


# --- seeds: the four real articles (read from ../shared, never copied) ---------------------------------------------

SEED_PUBLICATION = {
    "000_ec4f9320f02445ae.txt": D(2024, 2, 28),  # "اليوم الأربعاء 28 فبراير/شباط 2024"
    "001_7bff28408e50688d.txt": D(2025, 4, 3),  # dateline "٠٣ أبريل" and "اليوم الخميس 3 ابريل/نيسان 2025"
    "002_a25b87eb672c9413.txt": None,  # only "اليوم (الثلاثاء)": the text never states its date
    "003_e57f68c278e67d07.txt": D(2023, 2, 7),  # "اليوم الثلاثاء" and the tweet's "February 7, 2023"
}


def test_seed_publication_dates(seed_files: list) -> None:
    assert {p.name: publication_date(p.read_text(encoding="utf-8")) for p in seed_files} == SEED_PUBLICATION


def test_seed_documents_get_their_date_through_the_pipeline(seed_files: list) -> None:
    from flows.pipeline import document_from_text

    found = {}
    for path in seed_files:
        published = document_from_text(path.read_text(encoding="utf-8")).published_at
        found[path.name] = published.date() if published else None
    assert found == SEED_PUBLICATION


@pytest.mark.parametrize(
    ("seed", "must_contain", "must_not_contain"),
    [
        pytest.param(
            "000_ec4f9320f02445ae.txt",
            [("يوليو2023", D(2023, 7, 1), "month"), ("10 أغسطس/آب الماضي", D(2023, 8, 10), "day")],
            ["2"],
            id="seed-000-glued-and-last-august",
        ),
        pytest.param(
            "001_7bff28408e50688d.txt",
            [("عامي 2022", D(2022, 1, 1), "year"), ("2023", D(2023, 1, 1), "year")],
            [],
            id="seed-001-between-two-years",
        ),
        pytest.param(
            "002_a25b87eb672c9413.txt",
            [("(الأربعاء) الماضي", D(2024, 2, 21), "day"), ("السبت", D(2024, 2, 24), "day")],
            ["الأشهر الماضية"],
            id="seed-002-weekdays",
        ),
    ],
)
def test_seed_golden(seeds_dir, seed: str, must_contain: list, must_not_contain: list[str]) -> None:
    found = {(m.text, m.value, m.precision) for m in find_dates((seeds_dir / seed).read_text(encoding="utf-8"), WED)}
    for item in must_contain:
        assert item in found
    assert not {text for text, _, _ in found} & set(must_not_contain)


# --- properties ------------------------------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        *lexicon().months,
        *lexicon().weekdays,
        *(w for kind in lexicon().words.values() for w in kind),
        "في",
        "2024",
        "٠٣",
        "28",
        "/",
        "(",
        ")",
        "،",
        "\n",
        "هـ",
        "1432",
        "-",
        "12:30",
        "يوم",
    ]
)
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(WORDS, ARABIC, st.text(max_size=4)), max_size=25).map(" ".join),
    st.one_of(st.none(), st.dates()),
    st.booleans(),
)
def test_offsets_and_values_are_sound(text: str, anchor: dt.date | None, future: bool) -> None:
    found = find_dates(text, anchor, future=future)
    assert all(a.char_end <= b.char_start for a, b in zip(found, found[1:]))  # in order, never overlapping
    for m in found:
        assert text[m.char_start : m.char_end] == m.text and m.text
        assert m.precision in PRECISIONS
        if m.precision != "unknown":
            assert m.value is not None
        elif m.value is not None:  # only a week-relative expression carries a value at unknown precision
            assert m.relative and anchor is not None
        if m.precision in ("month", "year"):
            assert m.value.day == 1 and (m.precision == "month" or m.value.month == 1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    publication_date(text)
    parse_iso_or_arabic(text)
    assert all(text[m.char_start : m.char_end] == m.text for m in find_dates(text, D(2024, 2, 28)))


# --- evaluation: gold sets and their recorded floors ----------------------------------------------------------------


def dateparser_params() -> list:
    if not evaluation.DATEPARSER.exists():
        return [
            pytest.param(None, None, id="absent", marks=pytest.mark.skip(reason=f"{evaluation.DATEPARSER} is absent"))
        ]
    params = []
    for case_id, group, case in evaluation.dateparser_cases():
        reason = evaluation.out_of_scope(group, case)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(group, case, id=case_id, marks=marks))
    return params


@pytest.mark.parametrize(("group", "case"), dateparser_params())
def test_dateparser_case(group: str, case: dict) -> None:
    shared_path("gold", "dates", "dateparser_ar_cases.json")
    assert evaluation.check_dateparser_case(group, case)


def test_dateparser_figures() -> None:
    shared_path("gold", "dates", "dateparser_ar_cases.json")
    figures = evaluation.dateparser_scores()
    # measured: 14 of 28 pass, all 14 in scope; the other 14 are Hijri (9), durations (3), "the previous day", minutes
    assert (figures["cases"], figures["in_scope"], figures["in_scope_pass"]) == (28, 14, 14)


def test_seed_gold_floor(seeds_dir) -> None:
    figures = evaluation.seed_scores()
    # measured 2026-11-23: P = R = F1 = 1.000 on 24 mentions, 4/4 publication dates
    assert figures["f1"] >= 0.95 and figures["publication_dates_right"] == "4/4"


def test_ant_gold_floor() -> None:
    shared_path("corpus", "ant-v1.1.tar.gz")
    figures = evaluation.ant_gold_scores()
    # measured 2026-11-23: P = R = F1 = 0.957 on 23 hand-judged mentions in 14 random ANT articles; the miss is a
    # fixture announced with a future verb ("ستلعب يوم السبت") that the past-tense default puts on the last Saturday
    assert figures["f1"] >= 0.9


def test_wojood_date_span_floor() -> None:
    shared_path("gold", "wojood-sample")
    figures = evaluation.wojood_scores()
    # measured 2026-11-23: overlap P = 0.996, R = 0.823 on 793 gold DATE spans (all three splits; the grammar's
    # spaced numeric dates, "(1948)", years ending a clause and "كانون أول" were added after reading this set's
    # misses: not held out). Most misses left are Hijri years, durations, eras and decades, left alone on purpose.
    # Round 9 (date14, "the last N days": الأيام الثلاثة الماضية): R 0.827 -> 0.830, P 0.996; recall floor 0.80 -> 0.82.
    assert figures["precision"] >= 0.97 and figures["recall"] >= 0.82


def test_ant_publication_dates_floor() -> None:
    shared_path("corpus", "ant-v1.1.tar.gz")
    figures = evaluation.ant_scores(limit=400)  # the whole corpus is `akhbar eval dates`; this keeps the test fast
    # measured 2026-11-23 on the first 400 ANT articles: 32 stated, all equal to TIME (precision 1.000), and 99.2% of
    # "اليوم <weekday>" name TIME's weekday. On all 4,828 articles with TIME: 311 stated (6.4%), precision 0.990 (the
    # 3 misses are articles written late on day D and stamped just after midnight, and one typo in an article).
    # ANT corpus: A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual
    # Classification. AICCSA 2017.
    assert figures["publication_precision"] >= 0.97 and figures["publication_stated"] >= 28
    assert figures["today_weekday_agrees"] >= 0.97


@pytest.mark.parametrize(
    "anchor", [pytest.param(dt.date.min, id="first-day-of-the-calendar"), pytest.param(dt.date.max, id="last-day")]
)
def test_anchor_at_the_calendar_edge_gives_no_value_not_a_crash(anchor: dt.date) -> None:
    found = find_dates("أمس وغداً والخميس المقبل والأسبوع الماضي و3 مارس والعام المقبل ومنذ 3 أعوام", anchor)
    assert len(found) == 7 and {m.value is None for m in found} == {True, False}


def test_evaluation_run_prints_and_returns_every_figure(capsys) -> None:
    figures = evaluation.run(["--ant-limit", "20"])
    printed = capsys.readouterr().out
    assert set(figures) == {"seeds", "ant_gold", "wojood", "ant", "dateparser"}
    assert all(f"dates/{name}:" in printed for name in figures)


def test_date_pattern_bounds_every_space_run() -> None:
    # an unbounded run inside the one big pattern made 20,000 blanks cost 12 s (quadratic backtracking); bounded, 0.1 s
    from flows.dates.grammar import date_pattern

    source = date_pattern().pattern
    assert r"[^\S\n]*" not in source and r"[^\S\n]+" not in source and r"\s*" not in source and r"\s+" not in source


def _words_longest_first(words: list[str]) -> str:
    """The date words as the grammar wrote them before issue 18: one alternative per word, longest first."""
    from flows.dates.lexicon import NOT_LETTER_AFTER, fuzzy

    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(fuzzy(w) for w in ordered) + ")" + NOT_LETTER_AFTER


@pytest.mark.parametrize("kind", ["months", "weekdays", "unit", "marker", "ordinal_day", "day"])
def test_the_shared_prefix_alternation_matches_what_word_by_word_alternation_matched(kind: str) -> None:
    import re

    from flows.dates.lexicon import alternation, lexicon

    lex = lexicon()
    words = list(lex.months if kind == "months" else lex.weekdays if kind == "weekdays" else lex.words[kind])
    tree, flat = re.compile(alternation(words), re.IGNORECASE), re.compile(_words_longest_first(words), re.IGNORECASE)
    # every word, in its own spelling, with diacritics, glued to the next word, and cut short by one letter
    texts = [
        t for w in words for t in (w, w.upper(), "ـ".join(w), w + "ًا", w + "2023", w + "ها", w[:-1], f"في {w} الماضي")
    ]
    for text in texts:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)], text
