"""Dates in Arabic news text: every date expression with its value, and the date an article states for itself.

``find_dates`` resolves each expression that ``flows.dates.grammar`` finds against an anchor (the article's
publication date). The choices, where the text leaves room for more than one reading:

- A weekday alone ("الخميس", "(الثلاثاء)") is the most recent such day on or before the anchor: news reports what
  happened; with "الماضي" it is the most recent one strictly before the anchor, with "المقبل"/"القادم" the next one
  strictly after. ``future=True`` (for a sentence the caller knows is about a planned event) makes an unmarked weekday
  or yearless date the next one on or after the anchor.
- "اليوم الأربعاء" is the anchor itself, "أمس الأربعاء" the day before it; when the weekday is one day off (an
  article stamped just after midnight, or republished the next day) the weekday wins, further off the anchor does.
- A month with "الماضي"/"الفائت" ("في فبراير الماضي") is the most recent such month strictly before the anchor's month;
  a day-month with it ("10 أغسطس/آب الماضي") the most recent such day strictly before the anchor.
- A day-month with no year ("٠٣ أبريل") takes the year that puts it nearest the anchor; with a weekday beside it, only
  a year in which the weekday agrees, within ``MAX_YEARLESS_DISTANCE`` days of the anchor, else no value.
- A weekday beside a full date that disagrees with it ("الخميس 28 فبراير 2024", a Wednesday): one of the two is a
  typo, so the value keeps what both readings share, the month, at ``month`` precision.
- Weeks ("الأسبوع الماضي", "منذ 3 أسابيع"): the contract has no week precision and "day" would claim too much, so the
  value is the anchor moved by whole weeks, at ``unknown`` precision: a date within a week of the truth.
- "منذ ساعتين" is the anchor's day; "منذ أيام" (no count) has no value.
- "12 من الشهر الجاري" is the 12th of the anchor's month ("الماضي"/"المقبل": of the month before/after it).
- "3 و4 مارس" and "من 12 إلى 14 ماي" are two mentions that share the month (and year, and any marker).
- ``relative`` says the expression depends on the anchor; with no anchor its value is None and precision "unknown".
- A month or year value is the first day of that month or year. A qualifier ("نهاية 2022", "مطلع العام") is kept in
  the matched text but not in the value.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from flows.dates.grammar import RawDate, calendar_date, scan
from flows.dates.publication import publication_date
from flows.nlp.text.arabic import normalize

__all__ = ["DateMention", "find_dates", "parse_iso_or_arabic", "publication_date", "resolve"]

PRECISIONS = ("day", "month", "year", "unknown")
# "٠٣ أبريل" next to a weekday: a year in which the weekday agrees must put the date this close to the anchor.
MAX_YEARLESS_DISTANCE = 200
CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(صباح|مساء|ص\b|م\b|am\b|pm\b)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    char_start: int  # offsets into the text given
    char_end: int
    value: dt.date | None  # for month/year precision: the first day of that month/year
    precision: str  # "day" | "month" | "year" | "unknown"
    relative: bool  # the value depends on the anchor (اليوم، الأسبوع الماضي، الخميس، ٠٣ أبريل with no year)
    text: str  # the matched surface: text[char_start:char_end]


def find_dates(text: str, anchor: dt.date | None = None, *, future: bool = False) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``anchor`` where it is relative."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    mentions = []
    for raw in scan(text):
        try:
            value, precision, relative = resolve(raw, anchor, future=future)
        except (OverflowError, ValueError):  # an anchor at the edge of the calendar (date.min, year 9999)
            value, precision, relative = None, "unknown", raw.kind not in ("date", "month", "year")
        mentions.append(DateMention(raw.start, raw.end, value, precision, relative, text[raw.start : raw.end]))
    return mentions


# Days in a unit a "last N" span counts (grammar.SPAN_UNITS); a month at its longest, so a span is never read
# shorter than it is.
SPAN_DAYS = {"day": 1, "week": 7, "month": 31}


def resolve(raw: RawDate, anchor: dt.date | None, *, future: bool = False) -> tuple[dt.date | None, str, bool]:
    """(value, precision, relative) of one raw expression."""
    if raw.conflict:
        return None, "unknown", False
    if raw.kind == "date":
        return _resolve_date(raw, anchor, future)
    if raw.kind == "month":
        return _resolve_month(raw, anchor, future)
    if raw.kind == "year":
        return dt.date(raw.year, 1, 1), "year", False  # type: ignore[arg-type]
    if anchor is None:
        return None, "unknown", True
    if raw.kind == "day":
        return anchor + dt.timedelta(days=raw.day_offset or 0), "day", True
    if raw.kind == "weekday":
        return _resolve_weekday(raw, anchor, future), "day", True
    if raw.kind == "period":
        return _shift(anchor, raw.period, raw.marker or 0)
    if raw.kind == "day_of_month":  # "12 من الشهر الجاري": that day of the month the marker names
        month_start, _, _ = _shift(anchor, "month", raw.marker or 0)
        value = calendar_date(month_start.year, month_start.month, raw.day) if month_start else None
        return (value, "day", True) if value else (None, "unknown", True)
    if raw.kind == "ago":
        if raw.count is None:
            return None, "unknown", True
        if raw.period in ("hour", "minute"):
            return anchor, "day", True
        return _shift(anchor, raw.period, -raw.count)
    if raw.kind == "last":
        return _span(anchor, raw.period, raw.count or 0)
    return None, "unknown", False


def _span(anchor: dt.date, period: str | None, count: int) -> tuple[dt.date | None, str, bool]:
    """ "الأيام الثلاثة الماضية": the days from ``count`` units before the anchor up to it. An event in them is known
    to the month when they lie in one month (as week_as_month reads "الأسبوع الماضي"), to the year when in one year;
    the days of "الأيام الثلاثة الماضية" of 4 July are July's."""
    days = count * SPAN_DAYS.get(period or "", 0)
    if days <= 0:
        return None, "unknown", True
    first = anchor - dt.timedelta(days=days)
    if (first.year, first.month) == (anchor.year, anchor.month):
        return dt.date(anchor.year, anchor.month, 1), "month", True
    if first.year == anchor.year:
        return dt.date(anchor.year, 1, 1), "year", True
    return None, "unknown", True


def _resolve_date(raw: RawDate, anchor: dt.date | None, future: bool) -> tuple[dt.date | None, str, bool]:
    if raw.year is not None:
        value = calendar_date(raw.year, raw.month, raw.day)
        if value is None:
            return None, "unknown", False
        if raw.weekday is not None and value.weekday() != raw.weekday:
            return value.replace(day=1), "month", False
        return value, "day", False
    if anchor is None:
        return None, "unknown", True
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    candidates = [d for y in years if (d := calendar_date(y, raw.month, raw.day))]
    if raw.weekday is not None:
        candidates = [
            d for d in candidates if d.weekday() == raw.weekday and abs((d - anchor).days) <= MAX_YEARLESS_DISTANCE
        ]
    if raw.marker == -1:
        candidates = [d for d in candidates if d < anchor]
        return (max(candidates), "day", True) if candidates else (None, "unknown", True)
    if raw.marker == 1 or future:
        later = [d for d in candidates if d > anchor or (future and raw.marker != 1 and d == anchor)]
        if later:
            return min(later), "day", True
        if raw.marker == 1:
            return None, "unknown", True
    if not candidates:
        return None, "unknown", True
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor)), "day", True


def _resolve_month(raw: RawDate, anchor: dt.date | None, future: bool) -> tuple[dt.date | None, str, bool]:
    month = raw.month or 1
    if raw.year is not None:
        return dt.date(raw.year, month, 1), "month", False
    if anchor is None:
        return None, "unknown", True
    if raw.marker == -1:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif raw.marker == 1:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif raw.marker == 0:
        year = anchor.year
    elif future:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:  # "نهاية يوليو", "شهر مارس": the nearest such month
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        year = min(years, key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))
    return dt.date(year, month, 1), "month", True


def _resolve_weekday(raw: RawDate, anchor: dt.date, future: bool) -> dt.date:
    if raw.day_offset is not None:
        expected = anchor + dt.timedelta(days=raw.day_offset)
        # "اليوم الثلاثاء" in an article stamped Wednesday 00:10: a weekday one day off the anchor's is the truth
        # (ANT: 36 of 44 disagreements are one day off), anything further off is a typo in the weekday
        off = (raw.weekday - expected.weekday()) % 7  # type: ignore[operator]
        return expected + dt.timedelta(days={1: 1, 6: -1}.get(off, 0))
    back = (anchor.weekday() - raw.weekday) % 7  # type: ignore[operator]
    ahead = (raw.weekday - anchor.weekday()) % 7  # type: ignore[operator]
    if raw.marker == -1:
        return anchor - dt.timedelta(days=back or 7)
    if raw.marker == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if future:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _shift(anchor: dt.date, period: str | None, amount: int) -> tuple[dt.date | None, str, bool]:
    try:
        return _shifted(anchor, period, amount)
    except (ValueError, OverflowError):  # "منذ 999 عام" from a year-1000 anchor: no representable date
        return None, "unknown", True


def _shifted(anchor: dt.date, period: str | None, amount: int) -> tuple[dt.date | None, str, bool]:
    if period == "day":
        return anchor + dt.timedelta(days=amount), "day", True
    if period == "week":
        return anchor + dt.timedelta(weeks=amount), "unknown", True
    if period == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return dt.date(index // 12, index % 12 + 1, 1), "month", True
    if period == "year":
        return dt.date(anchor.year + amount, 1, 1), "year", True
    return None, "unknown", True


def parse_iso_or_arabic(value: str) -> dt.datetime | None:
    """A sidecar's or a page's date string as a naive datetime, or None when it holds no full date.

    Accepts ISO 8601 ("2024-02-28", "2024-02-28T10:15:00+03:00", "...Z"), RFC 2822 ("Wed, 28 Feb 2024 10:15:00 +0300"),
    Unix timestamps (UTC)
    and Arabic forms ("الأربعاء 28 فبراير/شباط 2024", "٢٨ فبراير ٢٠٢٤ الساعة 10:15 صباحاً"). A UTC offset is dropped,
    not applied: the wall-clock time is the site's own, and the site's own date is what "اليوم" in the article means.
    A month or a year alone is not a publication date: None.
    """
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return None
    text = normalize(value.strip())  # Arabic-Indic digits -> ASCII, for the parsers below
    if text.isdigit() and len(text) in (10, 13):  # a Unix timestamp in seconds or milliseconds, as some CMSs emit
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(tzinfo=None)
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError):
        pass
    days = [m for m in find_dates(value) if m.precision == "day" and not m.relative and m.value is not None]
    if not days:
        return None
    return dt.datetime.combine(days[0].value, _clock(value[days[0].char_end :]))  # type: ignore[arg-type]


def _clock(rest: str) -> dt.time:
    match = CLOCK.search(normalize(rest))
    if match is None:
        return dt.time()
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    half = (match.group(4) or "").lower()
    if half.startswith(("م", "pm")) and hour < 12:
        hour += 12
    elif half.startswith(("ص", "am")) and hour == 12:
        hour = 0
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        return dt.time()
