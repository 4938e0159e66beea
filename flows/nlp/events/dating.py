"""An event report's date: the usable date nearest its trigger in its sentence, resolved against the publication date.

Dates come from flows.dates.resolve.find_dates; a date is never guessed: without one the report's date is unknown.
A planned weekday moves forward, and a date after publication makes an occurred report planned (detect.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from flows.dates.resolve import find_dates
from flows.nlp.events.agents import charge_start
from flows.nlp.events.clauses import QUOTE_BOUNDARY, is_quoted_name
from flows.nlp.events.lexicon import EventLexicon
from flows.nlp.events.triggers import TriggerHit
from flows.nlp.text.arabic import normalize, normalize_with_map
from flows.nlp.types import Sentence

# A date this close after a blocked one, joined by و, is the other end of the same range.
RANGE_JOIN_CHARS = 3


@dataclass(frozen=True, slots=True)
class EventDate:
    value: dt.date | None
    precision: str


UNKNOWN_DATE = EventDate(None, "unknown")


def sentence_dates(text: str, sentence: Sentence, anchor: dt.date | None) -> list:
    """The sentence's dates (flows.dates.resolve.DateMention) with offsets shifted into body_text."""
    found = find_dates(text[sentence.char_start : sentence.char_end], anchor)
    return [
        replace(d, char_start=d.char_start + sentence.char_start, char_end=d.char_end + sentence.char_start)
        for d in found
    ]


def usable(text: str, dates: list, lex: EventLexicon) -> list:
    """Dates that can be an event's date: resolved, and not "since …" or a range."""
    kept = []
    blocked_end = -1
    for d in dates:
        if d.value is None or d.precision == "unknown":
            continue
        before = normalize_with_map(text[max(0, d.char_start - 20) : d.char_start])[0]
        # The second end of a range ("بين عامي 2022 و2023") is blocked with the first.
        range_end = 0 <= d.char_start - blocked_end <= RANGE_JOIN_CHARS and "و" in text[blocked_end : d.char_start]
        # The date finder may take the blocker into its span: "منذ 30 عاما" is a duration, not a year.
        own_head = normalize(text[d.char_start : d.char_end].split(" ", 1)[0])
        if lex.date_blockers.search(before) or lex.date_blockers.search(own_head) or range_end:
            blocked_end = d.char_end
            continue
        kept.append(d)
    return kept


def continues(text: str, sentence: Sentence, lex: EventLexicon, by_sentence: dict[int, list[TriggerHit]]) -> bool:
    """A sentence that opens with a continuation word and reports no event of its own carries on the previous one."""
    opening = normalize_with_map(text[sentence.char_start : sentence.char_start + 30])[0]
    return sentence.index not in by_sentence and bool(lex.continuation.search(opening))


def nearest_date(text: str, hit: TriggerHit, hits: list[TriggerHit], dates: list, lex: EventLexicon) -> EventDate:
    """The usable date closest to the trigger in its sentence, or unknown.

    A date before the trigger (a fronted "في فبراير 2023، ...") scopes over every clause after it; a date after
    the trigger belongs to another trigger that stands between them. A trigger inside a time adjunct ("بعد طرد")
    takes only a date that follows it.
    """
    in_adjunct = bool(lex.adjunct.search(normalize_with_map(text[max(0, hit.char_start - 12) : hit.char_start])[0]))
    best = None
    for d in usable(text, dates, lex):
        if d.char_end <= hit.char_start:
            if in_adjunct:
                continue
            distance = hit.char_start - d.char_end
        else:
            if any(hit.char_end <= other.char_start and other.char_end <= d.char_start for other in hits):
                continue
            if any(not is_quoted_name(text, m) for m in QUOTE_BOUNDARY.finditer(text, hit.char_end, d.char_start)):
                continue  # a date inside someone's words ("... ما يقال لها اليوم") does not date the event outside
            if d.precision == "year" and about_something_else(text, hit, d.char_start, lex):
                continue  # "قمة هلسنكي بشأن التدخل … العام 2016", "اتهامات بالتدخل … عام 2016": the topic's year
            distance = max(0, d.char_start - hit.char_end)
        if best is None or distance < best[0]:
            best = (distance, d)
    if best is None:
        return UNKNOWN_DATE
    return EventDate(best[1].value, best[1].precision)


def planned_forward(date: EventDate, published: dt.date | None) -> EventDate:
    """A planned event's weekday is the coming one: "سيزور موسكو الخميس" read as last Thursday moves a week on."""
    if date.value is None or published is None or date.precision != "day":
        return date
    days_back = (published - date.value).days
    return EventDate(date.value + dt.timedelta(days=7), "day") if 0 < days_back < 7 else date


def after_publication(date: EventDate, published: dt.date | None) -> bool:
    """An event dated after the article's own day had not happened yet when it was written."""
    if date.value is None or published is None:
        return False
    if date.precision == "day":
        return date.value > published
    if date.precision == "month":
        return (date.value.year, date.value.month) > (published.year, published.month)
    return date.precision == "year" and date.value.year > published.year


def about_something_else(text: str, hit: TriggerHit, date_start: int, lex: EventLexicon) -> bool:
    """Between the trigger and a later date opens a topic ("بشأن", "حول") or, for an accusation, its charge
    ("بالتدخل"): what follows is what the report is about, and a year there is that matter's."""
    between = normalize_with_map(text[hit.char_end : date_start])[0]
    if lex.topic.search(between):
        return True
    return hit.entry.event_type == "ACCUSE" and charge_start(text, hit.char_end, date_start) < date_start
