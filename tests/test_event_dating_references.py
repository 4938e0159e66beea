"""Issue 14.4: a definite reference its own text does not date takes the date the text gave the event it refers to
(flows/nlp/events/dating.py with_reference_dates), also when the earlier report names no agent."""

from __future__ import annotations

import datetime as dt

from tests.test_events import events_in

PUBLISHED = dt.date(2018, 3, 5)


def assaults(text: str) -> list:
    return [e for e in events_in(text, PUBLISHED) if e.event_type == "ASSAULT"]


def test_a_reference_takes_the_date_of_an_attack_whose_agent_is_unnamed() -> None:
    first, reference = assaults("أصيب عشرة جنود في هجوم على مالي يوم 3 مارس 2018. ودانت النيجر الهجوم بشدة.")
    assert first.actor1_id is None
    assert (first.event_date, reference.event_date) == (dt.date(2018, 3, 3), dt.date(2018, 3, 3))
    assert reference.date_precision == "day"


def test_the_leads_day_of_publication_is_not_passed_on() -> None:
    """The lead's undated report takes the publication day as the day's news; that is a reading, not the text's
    date, and a later reference ("الغارة" of an older strike, as often as the lead's) stays undated."""
    lead, reference = assaults("شنت روسيا غارة على مالي. وقالت النيجر إن الغارة أصابت مدنيين.")
    assert lead.event_date == PUBLISHED
    assert (reference.event_date, reference.date_precision) == (None, "unknown")


def test_a_reference_after_another_kind_of_attack_is_not_dated_by_the_first() -> None:
    reports = assaults(
        "شنت روسيا غارة على مالي يوم 3 مارس 2018. وجاءت الغارة ردا على الهجوم الكيماوي في باماكو."
        " ودانت النيجر الهجوم المزعوم."
    )
    assert reports[0].event_date == dt.date(2018, 3, 3)
    assert reports[-1].trigger == "الهجوم" and reports[-1].event_date is None
