"""Issue 14, rounds 10-11: background is not the day's news, and the lead told again in someone's words is the lead's
event; "منذ" before a point in time dates when an act began (flows/nlp/events/dating.py own_scope, with_lead_dates,
since_points). Hand-written sentences, no corpus text."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_events import events_in

PUBLISHED = dt.date(2018, 3, 9)  # a Friday
THURSDAY = dt.date(2018, 3, 8)


def of_type(text: str, event_type: str) -> list:
    return [e for e in events_in(text, PUBLISHED) if e.event_type == event_type]


def dated(event) -> tuple:
    return event.event_date, event.date_precision


def test_a_relative_clause_is_not_dated_by_the_main_clauses_day() -> None:
    """'الذي فرضت عليه روسيا عقوبات': the sanctions on the country a vow is about are no act of the vow's day."""
    (sanction,) = of_type("تعهد لافروف الخميس بدعم اقتصاد مالي الذي فرضت عليه روسيا عقوبات قاسية.", "SANCTION")
    assert dated(sanction) == (None, "unknown")


def test_a_relative_clause_is_not_dated_by_a_day_after_it() -> None:
    """'والتي قتلت … خلال القتال، … الخميس': the Thursday is the appeal's, after the relative clause has closed."""
    fighting = of_type("ناشد والد الشابة التي قتلت في باماكو خلال القتال، حكومة مالي الخميس لمساعدته.", "ASSAULT")
    assert fighting and all(dated(e) == (None, "unknown") for e in fighting)


def test_a_relative_clause_keeps_a_date_of_its_own() -> None:
    (attack,) = of_type("دانت النيجر الخميس القوات التي هاجمت مالي يوم 3 مارس 2018.", "ASSAULT")
    assert dated(attack) == (dt.date(2018, 3, 3), "day")


def test_the_thing_which_resumes_the_clause_and_opens_no_relative_clause() -> None:
    """'، الأمر الذي …': a consequence of the clause before it, told as the day's news, keeps the sentence's day."""
    (protest,) = of_type("أعلنت مالي الخميس طرد سفير روسيا، الأمر الذي احتجت عليه موسكو بشدة.", "PROTEST")
    assert dated(protest) == (THURSDAY, "day")


def test_an_earlier_act_in_what_was_said_is_not_dated_by_the_sayings_day() -> None:
    """'وقالت مالي الخميس إن روسيا شنت في وقت سابق هجوما': an earlier attack, not the Thursday's."""
    (attack,) = of_type("وقالت مالي الخميس إن روسيا شنت في وقت سابق هجوما على باماكو.", "ASSAULT")
    assert dated(attack) == (None, "unknown")


def test_a_fronted_date_dates_a_relative_clause_too() -> None:
    """'في مارس 2017، …': a date that opens the sentence scopes over its relative clauses."""
    (sanction,) = of_type("في مارس 2017، تعهد لافروف بدعم اقتصاد مالي الذي فرضت عليه روسيا عقوبات قاسية.", "SANCTION")
    assert dated(sanction) == (dt.date(2017, 3, 1), "month")


def test_a_clause_since_a_year_is_not_dated_by_the_sentences_day() -> None:
    (attack,) = of_type("أكدت النيجر الخميس أن روسيا تشن هجمات على مالي منذ أعوام.", "ASSAULT")
    assert dated(attack) == (None, "unknown")


def test_the_leads_attack_retold_in_a_ministers_words_takes_the_leads_day() -> None:
    """The lead dates an attack; a later 'قال … إن' tells the same act by the same party again: the lead's day."""
    lead, retold = of_type(
        "شنت روسيا هجوما على مدينة باماكو الخميس. وقال لافروف للصحفيين إن روسيا شنت هجوما على المدينة.", "ASSAULT"
    )
    assert dated(lead) == (THURSDAY, "day")
    assert dated(retold) == (THURSDAY, "day")


def test_a_retold_report_of_another_party_is_not_the_leads() -> None:
    lead, other = of_type(
        "شنت روسيا هجوما على مدينة باماكو الخميس. وقال ديوب للصحفيين إن النيجر شنت هجوما على مدينة أخرى.", "ASSAULT"
    )
    assert dated(lead) == (THURSDAY, "day")
    assert dated(other) == (None, "unknown")


def test_a_report_told_plainly_after_the_lead_is_not_a_retelling() -> None:
    """With no complementiser before it, a later report is days_news's matter, not a retelling's."""
    reports = of_type("شنت روسيا هجوما على مدينة باماكو الخميس. وكانت روسيا قد شنت هجوما على مالي.", "ASSAULT")
    assert dated(reports[0]) == (THURSDAY, "day")
    assert dated(reports[1]) == (None, "unknown")


def test_a_nouns_own_relative_clause_dates_it() -> None:
    """'الهجمات التي شنتها روسيا على مالي يوم 3 مارس': the attacks' own relative clause dates them, not the
    condemnation's Thursday before them."""
    reports = of_type("دانت النيجر الخميس الهجمات التي شنتها روسيا على مالي يوم 3 مارس 2018.", "ASSAULT")
    assert reports and all(dated(e) == (dt.date(2018, 3, 3), "day") for e in reports)


def test_a_year_in_a_nouns_relative_clause_dates_the_agreement() -> None:
    (agreement,) = of_type("وتتمسك مالي بالاتفاق الأمني الذي وقعته مع روسيا عام 2015 رغم الخلاف.", "AGREE")
    assert dated(agreement) == (dt.date(2015, 1, 1), "year")


def test_a_year_after_since_in_the_relative_clause_is_another_acts() -> None:
    (summit,) = of_type("وصف لافروف القمة التي تأتي بعد توتر مستمر منذ انهيار الاتحاد عام 1991 بالمهمة.", "CONSULT")
    assert summit.event_date != dt.date(1991, 1, 1)


def test_a_topic_in_a_relative_clause_is_what_the_news_is_about() -> None:
    """'الأنباء التي تداولتها وسائل إعلام حول هجوم روسيا': the attack the news is about keeps the denial's day."""
    (attack,) = of_type("نفت مالي الخميس الأنباء التي تداولتها وسائل إعلام حول هجوم روسيا على باماكو.", "ASSAULT")
    assert dated(attack) == (THURSDAY, "day")


def test_a_retold_background_clause_is_not_the_leads() -> None:
    """'وقال لافروف إن روسيا سبق أن شنت هجوما': an earlier attack, not the lead's."""
    lead, earlier = of_type(
        "شنت روسيا هجوما على مدينة باماكو الخميس. وقال لافروف إن روسيا سبق أن شنت هجوما على المدينة.", "ASSAULT"
    )
    assert dated(lead) == (THURSDAY, "day")
    assert dated(earlier) == (None, "unknown")


def test_a_lead_that_names_no_striker_is_retold_with_one() -> None:
    """'استهدف قصف صاروخي مواقع … الخميس. … مرجحا أن يكون ضربة روسية': the lead names no agent, so the named
    striker of the retelling parts nothing: the Thursday's strike."""
    reports = of_type(
        "استهدف قصف صاروخي مواقع للجيش في مدينة باماكو الخميس. وقال المرصد إن القصف أوقع 20 قتيلا، مرجحا أن يكون "
        "ضربة روسية.",
        "ASSAULT",
    )
    strike = next(e for e in reports if e.trigger == "ضربة")
    assert dated(strike) == (THURSDAY, "day")


def test_the_leads_event_told_with_its_agent_gives_the_lead_its_actors() -> None:
    """The lead's strike has its name from another clause; the next sentence tells it with its agents on the lead's
    day; 'وذكرت الدولتان أنهما أطلقتا' retells that strike."""
    reports = of_type(
        "رصد شريط فيديو نشره لافروف لحظة الضربة التي وجهت لمالي فجر الخميس. ووجهت روسيا والنيجر، فجر الخميس، ضربة "
        "صاروخية على باماكو. وذكرت الدولتان أنهما أطلقتا 100 صاروخ على باماكو.",
        "ASSAULT",
    )
    assert [dated(e) for e in reports] == [(THURSDAY, "day")] * 3


def test_a_retold_report_without_an_agent_of_its_own_is_the_leads() -> None:
    """'وقال لافروف إن المسلحين هاجموا المدينة': no agent named in the retelling, none to part it from the lead's."""
    lead, retold = of_type(
        "شنت روسيا هجوما على مدينة باماكو الخميس. وقال لافروف إن المسلحين هاجموا المدينة.", "ASSAULT"
    )
    assert dated(lead) == (THURSDAY, "day")
    assert dated(retold) == (THURSDAY, "day")


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        pytest.param(
            "وتخوض روسيا مواجهات مع مالي في باماكو منذ يناير 2018.",
            "ASSAULT",
            (dt.date(2018, 1, 1), "month"),
            id="clashes-since-january-began-in-january",
        ),
        pytest.param(
            "وتفرض روسيا حصارا على باماكو منذ العام 2015.",
            "SANCTION",
            (dt.date(2015, 1, 1), "year"),
            id="a-siege-since-2015-began-in-2015",
        ),
        pytest.param(
            "أكدت النيجر الخميس أن روسيا تشن هجمات على مالي منذ أعوام.",
            "ASSAULT",
            (None, "unknown"),
            id="attacks-for-years-a-duration-gives-no-start",
        ),
    ],
)
def test_since_a_point_in_time_dates_when_the_act_began(text: str, event_type: str, expected: tuple) -> None:
    (event,) = of_type(text, event_type)
    assert dated(event) == expected


@pytest.mark.parametrize(
    ("text", "event_type", "year"),
    [
        pytest.param(
            "وتعد هذه أكبر هجمات تشنها روسيا على مالي منذ 2015.", "ASSAULT", 2015, id="the-largest-attacks-since-2015"
        ),
        pytest.param(
            "وزار لافروف باماكو الخميس. والزيارة هي الأولى منذ انتخاب الرئيس في مارس 2017.",
            "CONSULT",
            2017,
            id="the-first-visit-since-an-election-in-march",
        ),
        pytest.param(
            "شنت روسيا هجوما على باماكو لتحريرها من جماعات مسلحة تسيطر عليها منذ 2015.",
            "ASSAULT",
            2015,
            id="groups-that-have-held-it-since-2015",
        ),
    ],
)
def test_since_of_a_comparison_or_another_act_is_not_the_acts_start(text: str, event_type: str, year: int) -> None:
    """'أكبر … منذ 2015' measures the act against what came since; 'الأولى منذ انتخاب … في مارس' dates the election;
    'تسيطر عليها منذ 2015', past SINCE_GAP_TOKENS words, is the holding's."""
    assert all(e.event_date is None or e.event_date.year != year for e in of_type(text, event_type))
