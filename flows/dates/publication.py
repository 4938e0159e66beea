"""The date an article states for its own day, from its text alone (``publication_date``, re-exported by flows.dates.resolve).

Never a guess: every rule below needs the text to say which day it is, and any disagreement gives None.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import functools
import re

from flows.dates.grammar import RawDate, calendar_date, key, read_tsv, scan

# A dateline is among the first lines of the text (copy-pastes put the title, a site menu line or two, then the
# date), and before the first paragraph of prose: a date line after it is a schedule or a list (6 of 6 wrong
# guesses on the ANT corpus were of that kind before this rule).
DATELINE_LINES = 8
PROSE_WORDS = 15  # a line this long is a paragraph, not a title or a menu line
TWEET_SIGNATURE = re.compile(r"[^\S\n]*[—–-]+[^\n]*\(@\w+\)")
# What a dateline may hold besides its dates, on normalised text: a Hijri date, a clock time, punctuation.
HIJRI_DATE = r"\d{1,2}\s{0,3}[^\W\d_]+(?:\s{1,3}[^\W\d_]+)?\s{0,3}\d{3,4}\s{0,3}هـ?"
CLOCK_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
RFC_2822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|GMT|UT|UTC)"
)
ISO_8601 = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
PUNCTUATION = r"[\s\-–—|/\\،,.:;()\[\]«»\"'+]"


def publication_date(text: str) -> dt.date | None:
    """The date the article states for its own day, or None when the text does not say it beyond doubt.

    In order: a full date the text calls today ("اليوم الخميس 3 ابريل/نيسان 2025"), yesterday or tomorrow ("أمس
    الخميس 12 جانفي 2017" gives the 13th), its weekday agreeing if stated, all such statements agreeing; else a
    dateline (a line at the top holding a full date and nothing but a weekday, a Hijri date, a time or a label such
    as "تاريخ النشر", never "آخر تحديث"), or a tweet embed's date, whose weekday is the one the text calls today
    ("اليوم الثلاثاء") when it names one (a tweet's date needs that weekday); else a yearless dateline or today-date
    ("٠٣ أبريل") whose year is the only year the text mentions explicitly in which its weekday (its own, or the one
    called today) agrees.
    """
    raws = list(scan(text))
    # "اليوم الخميس 3 ابريل 2025" is the day itself; "أمس الخميس 12 جانفي 2017" the day before it, "غدا ..." the day after
    stated = [r for r in raws if r.kind == "date" and r.day_offset is not None and r.year is not None]
    if stated:
        return _the_one([_shifted_back(_consistent(r), r.day_offset) for r in stated])
    today = {r.weekday for r in raws if r.kind == "weekday" and r.day_offset == 0}
    datelines = _datelines(text, raws)
    # a dateline that contradicts the weekday called today makes the text unsure (None); a tweet from another day
    # is only a tweet quoted later, so it is left out
    candidates = [
        d if d and (not today or d.weekday() in today) else None
        for r in datelines
        if r.year is not None
        for d in [_consistent(r)]
    ]
    candidates += [
        d
        for r in raws
        if r.kind == "date" and r.year is not None and _in_tweet_signature(text, r)
        if (d := _consistent(r)) and d.weekday() in today
    ]
    candidates += [d for line in text.splitlines() if (d := machine_dateline(line)) is not None]
    if candidates:
        return _the_one(candidates)
    return _the_one(_year_inferred(raws, datelines, today))


def machine_dateline(line: str) -> dt.date | None:
    """A line that is only a machine-written timestamp, as feeds and CMS headers print them: RFC 2822 with a weekday
    and a zone offset ("Tue, 17 Jul 2018 10:00:00 +0300") or ISO 8601 ("2018-07-17T10:00:00+03:00"). The day is the
    one written (local to the site), not converted to UTC."""
    line = line.strip()
    if RFC_2822.fullmatch(line):
        try:
            return email.utils.parsedate_to_datetime(line).date()
        except (TypeError, ValueError):
            return None
    if ISO_8601.fullmatch(line):
        try:
            return dt.datetime.fromisoformat(line.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None


def _year_inferred(raws: list[RawDate], datelines: list[RawDate], today: set[int | None]) -> list[dt.date | None]:
    """Yearless datelines and today-dates ("٠٣ أبريل"), each completed with the one year the text mentions in which
    the weekday (its own, else the one called today) agrees; None where more than one year fits."""
    yearless = [r for r in datelines if r.year is None]
    yearless += [r for r in raws if r.kind == "date" and r.day_offset is not None and r.year is None]
    years = {r.year for r in raws if r.year is not None and r.kind in ("date", "month", "year")}
    out: list[dt.date | None] = []
    for raw in yearless:
        weekdays = {raw.weekday} if raw.weekday is not None else today
        if len(weekdays) != 1 or raw.conflict:
            continue
        fits = {d for y in years if (d := calendar_date(y, raw.month, raw.day)) and d.weekday() in weekdays}
        if fits:
            out.append(_shifted_back(fits.pop(), raw.day_offset) if len(fits) == 1 else None)
    return out


def _the_one(days: list[dt.date | None]) -> dt.date | None:
    """The date when every candidate is the same date; None when there is none, or any is unsure or differs."""
    return days[0] if days and None not in days and len(set(days)) == 1 else None


def _shifted_back(day: dt.date | None, day_offset: int | None) -> dt.date | None:
    try:
        return None if day is None else day - dt.timedelta(days=day_offset or 0)
    except OverflowError:
        return None


def _consistent(raw: RawDate) -> dt.date | None:
    """The full date of ``raw`` when it is valid, its paired month names agree and any weekday beside it agrees."""
    value = calendar_date(raw.year, raw.month, raw.day) if raw.year and not raw.conflict else None
    if value is None or (raw.weekday is not None and value.weekday() != raw.weekday):
        return None
    return value


def _datelines(text: str, raws: list[RawDate]) -> list[RawDate]:
    """The day-month dates of the dateline lines among the first ``DATELINE_LINES`` lines, before any paragraph,
    each carrying the weekday its line states."""
    out: list[RawDate] = []
    line_start = 0
    for number, line in enumerate(text.split("\n")):
        if number >= DATELINE_LINES or len(line.split()) >= PROSE_WORDS:
            break
        line_end = line_start + len(line)
        inside = [r for r in raws if line_start <= r.start and r.end <= line_end]
        dates = [r for r in inside if r.kind == "date" and not r.conflict]
        if dates and _is_dateline(text, line_start, line_end, inside):
            weekdays = {r.weekday for r in inside if r.kind == "weekday" and r.day_offset is None}
            for raw in dates:
                if raw.weekday is None and len(weekdays) == 1:
                    raw = dataclasses.replace(raw, weekday=weekdays.pop())
                out.append(raw)
        line_start = line_end + 1
    return out


def _is_dateline(text: str, line_start: int, line_end: int, inside: list[RawDate]) -> bool:
    """Whether the line holds nothing but its date expressions and what a dateline may hold beside them."""
    rest, cursor = [], line_start
    for raw in sorted(inside, key=lambda r: r.start):
        rest.append(text[cursor : raw.start])
        cursor = max(cursor, raw.end)
    rest.append(text[cursor:line_end])
    remainder = " ".join(key(part) for part in rest)
    if _dateline_words()["updated"].search(remainder):
        return False
    return _dateline_noise().fullmatch(remainder) is not None


@functools.cache
def _dateline_words() -> dict[str, re.Pattern[str]]:
    words: dict[str, list[str]] = {}
    for row in read_tsv("datelines.tsv"):
        words.setdefault(row["kind"], []).append(key(row["expression"]))
    return {kind: _word_alternation(found) for kind, found in words.items()}


def _word_alternation(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)", re.IGNORECASE)


@functools.cache
def _dateline_noise() -> re.Pattern[str]:
    words = _dateline_words()
    parts = [HIJRI_DATE, CLOCK_TIME, PUNCTUATION, words["published"].pattern, words["filler"].pattern]
    return re.compile("(?:" + "|".join(parts) + ")*", re.IGNORECASE)


def _in_tweet_signature(text: str, raw: RawDate) -> bool:
    line_start = text.rfind("\n", 0, raw.start) + 1
    return TWEET_SIGNATURE.match(text, line_start) is not None
