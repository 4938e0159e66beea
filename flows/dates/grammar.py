"""The grammar of date expressions in Arabic news: one precompiled regex over the lexicons, and raw parts.

The regex runs on the text as given (so match offsets are body offsets); its words come from
``flows.dates.lexicon``, each compiled to accept every spelling that normalises alike. A matched word is then looked
up by its normalised form, so no call loops over a lexicon. ``scan`` turns each match into ``RawDate`` parts; what
they mean against an anchor date is decided in ``flows.dates.resolve``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from flows.dates.lexicon import DIGIT, MARKS, NOT_LETTER_AFTER, SP, SP0, alternation, fuzzy, key, lexicon, read_tsv

__all__ = ["RawDate", "calendar_date", "date_pattern", "key", "lexicon", "read_tsv", "scan", "to_int"]

# Years outside these bounds are not Gregorian dates in news text: Hijri years (1432 هـ), counts ("في 2000 موقع" is
# the risk kept), model numbers. A year with a day or month beside it may be older (dateparser's 1938 case).
YEAR_WITH_MONTH = (1800, 2199)
YEAR_ALONE = (1900, 2100)

COMMA = r"[،,]"
# A word starts at a non-word character, or after one proclitic letter (و ف ب ل) that itself starts a word.
# Text run together drops the space after "في" before a number ("في5 حزيران/يونيو الماضي"): a digit after في, with
# or without و, starts a word too.
GLUED_FI = rf"(?<=(?<!\w)في)(?={DIGIT})|(?<=(?<!\w)وفي)(?={DIGIT})"
WORD_START = rf"(?:(?<!\w)|(?<=(?<!\w)[وفبل])|{GLUED_FI})"
# A definite nisba adjective ("الإعلامي", "الوطني"): after "اليوم" it names a day of something, not today.
NISBA = r"ال[^\W\d_]+ي" + NOT_LETTER_AFTER
NUMBER_START = (
    rf"(?:(?<![\w.,:/\-])|(?<=(?<!\w)[وفبل])|{GLUED_FI})"  # "و3 مارس" as well as "3 مارس", never "1.5" or "12:30"
)


@dataclass(frozen=True, slots=True)
class RawDate:
    """What one match says, before any anchor is applied."""

    kind: str  # date | month | year | weekday | day | period | ago | last | day_of_month
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # a weekday the text states
    day_offset: int | None = None  # اليوم 0, أمس -1, غداً 1 (alone or before a weekday or date)
    marker: int | None = None  # الماضي -1, المقبل 1, الجاري / هذا 0
    period: str | None = None  # week | month | year (also the unit of an "ago")
    count: int | None = None  # منذ 3 أيام -> 3; None for a vague plural (منذ أيام)
    conflict: bool = False  # "يناير/شباط": the paired month names disagree


def _build() -> re.Pattern[str]:
    lex = lexicon()
    w = lex.words
    month = alternation(lex.months)
    english = alternation(k for k, v in lex.months.items() if k.isascii())
    weekday = alternation(lex.weekdays)
    dayword = alternation(w["day"])
    marker = alternation(w["marker"])
    qualifier = alternation(w["qualifier"])
    period = alternation(w["period"])
    this = alternation(w["this"])
    ago = alternation(w["ago"])
    unit = alternation(w["unit"])
    number_word = alternation(w["number"])
    not_today = alternation(w["not_today"])
    part_of_day = alternation(w["part_of_day"])
    yom = fuzzy("يوم") + NOT_LETTER_AFTER
    shahr = fuzzy("شهر") + NOT_LETTER_AFTER
    min_ = fuzzy("من") + NOT_LETTER_AFTER
    year_word = alternation(w["year_word"])
    first_of_month = alternation(w["first_of_month"])
    ordinal_day = alternation(w["ordinal_day"])

    def year(name: str) -> str:
        # not a Hijri year ("1432 هـ")
        return rf"(?P<{name}>{DIGIT}{{4}})(?!{DIGIT})(?!{SP0}هـ|{SP0}ه{NOT_LETTER_AFTER})"

    def month_pair(p: str) -> str:
        # "فبراير/شباط" or "أغسطس (آب)": one copy of the month alternation for both (the pattern is large enough)
        return rf"(?P<{p}_m1>{month})(?:{SP0}(?:[/\\]|(?P<{p}_paren>\()){SP0}(?P<{p}_m2>{month})(?({p}_paren){SP0}\)))?"

    def weekday_prefix(p: str) -> str:
        return (
            rf"(?:{part_of_day}{SP})?(?:(?P<{p}_pre>{dayword}|{yom}){SP0}{COMMA}?{SP0})?"
            rf"(?:\(?{SP0}(?P<{p}_wd>{weekday}){SP0}\)?{SP0}{COMMA}?{SP0})?"
        )

    alternatives = [
        # 28 فبراير/شباط 2024 · اليوم الخميس 3 ابريل/نيسان 2025 · الخميس ٠٣ أبريل · 10 أغسطس/آب الماضي · 7 February 2023
        # (and "3 و4 مارس", "من 12 إلى 14 ماي": the first day of a pair shares the month) · 15 ديسمبر عام 1896
        rf"(?P<dmy>{weekday_prefix('dmy')}{NUMBER_START}"
        rf"(?:(?P<dmy_day0>{DIGIT}{{1,2}})(?!{DIGIT}){SP0}(?:و|-|–|{fuzzy('إلى')}){SP0}(?:{fuzzy('غاية')}{SP})?)?"
        rf"(?P<dmy_day>{DIGIT}{{1,2}}(?!{DIGIT})|{first_of_month}|(?P<dmy_ord>{ordinal_day})(?={SP}{min_}))"
        rf"{SP0}(?:{min_}{SP})?(?:{shahr}{SP})?{month_pair('dmy')}"
        rf"(?:{SP0}{COMMA}?{SP0}(?:{year_word}{SP0})?{year('dmy_year')})?(?:{SP}(?P<dmy_mark>{marker}))?)",
        # February 7, 2023 (tweet embeds) · Bamako, February 7
        rf"(?P<mdy>(?P<mdy_m>{english})\.?{SP}(?P<mdy_day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?{SP}{year('mdy_year')})?)",
        # 2024-02-28 · 2024/02/28
        rf"(?P<iso>{NUMBER_START}(?P<iso_y>{DIGIT}{{4}})(?P<iso_sep>[-/.])(?P<iso_m>{DIGIT}{{1,2}})(?P=iso_sep)"
        rf"(?P<iso_d>{DIGIT}{{1,2}})(?![\d/\-]))",
        # 28/02/2024 · 28-02-2024 (day first, as Arabic sites write it)
        # archives and tokenised text space the separators: "( 27 / 9 / 1948 )"
        rf"(?P<num>{NUMBER_START}(?P<num_d>{DIGIT}{{1,2}}){SP0}(?P<num_sep>[-/.]){SP0}(?P<num_m>{DIGIT}{{1,2}}){SP0}(?P=num_sep)"
        rf"{SP0}{year('num_y')}(?![\d/\-]))",
        # فبراير 2023 · يوليو2023 · أغسطس (آب) 2020 · نهاية يوليو/تموز الماضي · شهر مارس
        rf"(?P<my>(?:(?P<my_q>{qualifier}){SP})?(?P<my_shahr>{shahr}{SP})?{month_pair('my')}"
        rf"(?:{SP0}{COMMA}?{SP0}(?P<my_open>\({SP0})?{year('my_year')}(?(my_open){SP0}\))|{SP}(?P<my_mark>{marker}))?)",
        # عام 2015 · نهاية 2022 · (في) 2023 · عامي 2022 و2023 · عام (1993) · (1948) · 1961 - 1962
        rf"(?P<yr>(?:(?P<yr_q>{qualifier}){SP})?(?:(?P<yr_w>{year_word}){SP0})?(?P<yr_open>\({SP0})?{NUMBER_START}{year('yr_year')}"
        rf"(?:{SP0}(?:و|-|–|/|{fuzzy('إلى')}){SP0}{year('yr_year2')})?(?P<yr_close>{SP0}\))?)",
        # 12 من الشهر الجاري · 12 و14 من الشهر الماضي: days of a month named relative to the anchor
        rf"(?P<dom>{NUMBER_START}(?:(?P<dom_day0>{DIGIT}{{1,2}})(?!{DIGIT}){SP0}(?:و|-|–|{fuzzy('إلى')}){SP0})?"
        rf"(?P<dom_day>{DIGIT}{{1,2}})(?!{DIGIT}){SP0}{min_}{SP}{fuzzy('الشهر')}{SP}(?P<dom_mark>{marker}))",
        # الأيام الثلاثة الماضية · الأسابيع الثلاثة الماضية · الأيام الـ10 الماضية: the last N days, up to the anchor
        rf"(?P<last>{fuzzy('ال')}(?P<last_u>{unit}){SP}(?:{fuzzy('ال')}(?:ـ{SP0})?)?"
        rf"(?P<last_n>{DIGIT}{{1,3}}|{number_word}){SP}(?P<last_mark>{marker}))",
        # منذ 3 أيام · منذ يومين · قبل ثلاثة أسابيع (not "قبل يومين من ...", not "منذ عام 2024")
        rf"(?P<ago>(?P<ago_w>{ago}){SP}(?:(?P<ago_n>{DIGIT}{{1,3}}|{number_word}){SP})?(?P<ago_u>{unit})"
        rf"(?!{SP0}{DIGIT})(?!{SP}{min_})(?!{SP}{month}))",  # "منذ شهر أكتوبر الماضي" is since October
        # اليوم الأربعاء · اليوم (الثلاثاء) · (الأربعاء) الماضي · الخميس · يوم الأحد · مساء الجمعة
        rf"(?P<wd>(?:(?P<wd_part>{part_of_day}){SP})?(?:(?P<wd_pre>{dayword}|{yom}){SP0}{COMMA}?{SP0})?"
        rf"(?:(?P<wd_open>\(){SP0}(?P<wd_p>{weekday}){SP0}\)|(?P<wd_d>{weekday}))(?:{SP0}(?P<wd_mark>{marker}))?)",
        # الأسبوع الماضي · مطلع العام · هذا الشهر · العام المقبل
        rf"(?P<rel>(?:(?P<rel_q>{qualifier}){SP})?(?:(?P<rel_this>{this}){SP})?(?P<rel_p>{period})(?:{SP}(?P<rel_mark>{marker}))?)",
        # اليوم · أمس · غداً (not اليوم التالي / اليوم العالمي)
        rf"(?P<day>(?P<day_w>{dayword})(?!{SP}{not_today})(?!{SP}{NISBA}))",
    ]
    return re.compile(WORD_START + "(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


@functools.cache
def date_pattern() -> re.Pattern[str]:
    return _build()


def calendar_date(year: int, month: int | None, day: int | None) -> dt.date | None:
    """The date, or None when there is no such day (31 فبراير) or a part is missing."""
    try:
        return dt.date(year, month or 0, day or 0)
    except ValueError:
        return None


def to_int(digits: str) -> int:
    """A matched number: digits in any script, "غرة" (the first of the month) or an ordinal day ("الحادي عشر")."""
    folded = key(digits)
    words = lexicon().words
    for kind in ("first_of_month", "ordinal_day"):
        if folded in words[kind]:
            return int(words[kind][folded])
    return int(folded)


def scan(text: str) -> Iterator[RawDate]:
    """Every date expression in ``text``, in order, as raw parts with offsets into ``text``."""
    for match in date_pattern().finditer(text):
        yield from _interpret(text, match)


def _interpret(text: str, m: re.Match[str]) -> Iterator[RawDate]:
    lex = lexicon()
    kind = m.lastgroup
    g = m.group
    if kind == "dmy":
        month, conflict = _month(m, "dmy")
        year, marker = _year(g("dmy_year"), YEAR_WITH_MONTH), _marker(g("dmy_mark"))
        start = m.start()
        if g("dmy_ord") and _counted_noun_before(text, start) and not (g("dmy_pre") or g("dmy_wd")):
            # "الأسبوع الأول من شهر ماي 2017": the ordinal counts weeks, the month and year still stand
            if year is not None or marker is not None:
                yield RawDate(
                    "month", m.start("dmy_m1"), m.end(), month=month, year=year, marker=marker, conflict=conflict
                )
            return
        if g("dmy_day0"):  # the first day of "3 و4 مارس" (with any weekday before it), then the second
            yield RawDate(
                "date",
                start,
                m.end("dmy_day0"),
                day=to_int(g("dmy_day0")),
                month=month,
                year=year,
                weekday=_weekday(g("dmy_wd")),
                day_offset=_day_offset(g("dmy_pre")),
                marker=marker,
                conflict=conflict,
            )
            yield RawDate(
                "date",
                m.start("dmy_day"),
                m.end(),
                day=to_int(g("dmy_day")),
                month=month,
                year=year,
                marker=marker,
                conflict=conflict,
            )
            return
        yield RawDate(
            "date",
            start,
            m.end(),
            day=to_int(g("dmy_day")),
            month=month,
            year=year,
            weekday=_weekday(g("dmy_wd")),
            day_offset=_day_offset(g("dmy_pre")),
            marker=marker,
            conflict=conflict,
        )
    elif kind == "mdy":
        yield RawDate(
            "date",
            m.start(),
            m.end(),
            day=int(g("mdy_day")),
            month=lex.months[key(g("mdy_m"))],
            year=_year(g("mdy_year"), YEAR_WITH_MONTH),
        )
    elif kind in ("iso", "num"):
        y, mo, d = (g("iso_y"), g("iso_m"), g("iso_d")) if kind == "iso" else (g("num_y"), g("num_m"), g("num_d"))
        year = _year(y, YEAR_ALONE)
        if year is not None and 1 <= to_int(mo) <= 12:
            yield RawDate("date", m.start(), m.end(), day=to_int(d), month=to_int(mo), year=year)
    elif kind == "my":
        month, conflict = _month(m, "my")
        year = _year(g("my_year"), YEAR_WITH_MONTH)
        if g("my_year") and year is None:
            return
        # A paired month ("أيار/مايو", "أغسطس (آب)") is a date even without a year: no other word is spelled so.
        if year is not None or g("my_mark") or g("my_q") or g("my_shahr") or g("my_m2"):
            yield RawDate(
                "month", m.start(), m.end(), month=month, year=year, marker=_marker(g("my_mark")), conflict=conflict
            )
    elif kind == "yr":
        yield from _years(text, m)
    elif kind == "ago":
        yield from _ago(m)
    elif kind == "last":
        yield from _last(m)
    elif kind == "wd":
        yield from _weekday_mention(text, m)
    elif kind == "dom":
        marker = _marker(g("dom_mark"))
        if g("dom_day0"):
            yield RawDate("day_of_month", m.start(), m.end("dom_day0"), day=to_int(g("dom_day0")), marker=marker)
        yield RawDate("day_of_month", m.start("dom_day"), m.end(), day=to_int(g("dom_day")), marker=marker)
    elif kind == "rel":
        if g("rel_q") or g("rel_this") or g("rel_mark"):
            marker = _marker(g("rel_mark"))
            yield RawDate(
                "period",
                m.start(),
                m.end(),
                period=lex.words["period"][key(g("rel_p"))],
                marker=0 if marker is None else marker,
            )
    elif kind == "day":
        before = key(text[max(0, m.start() - 16) : m.start()]).split()
        blockers = lex.words["not_before_today"]
        if not (before[-1:] and before[-1] in blockers or " ".join(before[-2:]) in blockers):
            yield RawDate("day", m.start(), m.end(), day_offset=_day_offset(g("day_w")))


def _month(m: re.Match[str], p: str) -> tuple[int, bool]:
    months = lexicon().months
    first = months[key(m.group(f"{p}_m1"))]
    second = m.group(f"{p}_m2")
    return first, bool(second) and months[key(second)] != first


def _year(digits: str | None, bounds: tuple[int, int]) -> int | None:
    if not digits:
        return None
    year = to_int(digits)
    return year if bounds[0] <= year <= bounds[1] else None


def _weekday(word: str | None) -> int | None:
    return None if not word else lexicon().weekdays[key(word)]


def _day_offset(word: str | None) -> int | None:
    if not word:
        return None
    return int(lexicon().words["day"][key(word)]) if key(word) in lexicon().words["day"] else None


def _marker(word: str | None) -> int | None:
    return None if not word else int(lexicon().words["marker"][key(word)])


# The units a "last N" span counts in days (resolve.py): hours and minutes are the anchor's own day, years too long.
SPAN_UNITS = frozenset({"day", "week", "month"})
PREVIOUS_WORD = re.compile(r"(\w+)" + MARKS + r"[^\S\n]+$")
# A definite word (the article ال with a proclitic و، ف، ب، ك، or لل): an ordinal after it is its adjective.
DEFINITE_WORD = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)\w{2,}$")
# Words spelled with ال- that are no definite noun: "إلى" and the relative pronouns, normalised.
NOT_DEFINITE = frozenset(key(w) for w in ("إلى", "الى", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي"))
# A bare four-digit year is a date only after one of these (or a year word or qualifier inside the match).
# "1961 - 1962" is a range of years without any cue; "2000 - 2500" is not.
MAX_YEAR_RANGE = 50


def _years(text: str, m: re.Match[str]) -> Iterator[RawDate]:
    g = m.group
    first, second = _year(g("yr_year"), YEAR_ALONE), _year(g("yr_year2"), YEAR_ALONE)
    if first is None:
        return
    worded = bool(g("yr_q") or g("yr_w"))
    in_parens = bool(g("yr_open") and g("yr_close"))
    a_range = second is not None and 0 < second - first <= MAX_YEAR_RANGE
    if not (worded or in_parens or a_range or _ends_a_clause(text, m.end())):
        previous = PREVIOUS_WORD.search(text, max(0, m.start() - 12), m.start())
        if previous is None or key(previous.group(1)) not in lexicon().words["year_cue"]:
            return
    # the span is the words and the year: "عام 2015", "عام (1993)", but only "1948" of a bare "(1948)"
    start = m.start() if worded else m.start("yr_year")
    end = m.end() if worded and in_parens and second is None else m.end("yr_year")
    yield RawDate("year", start, end, year=first)
    if second is not None:
        yield RawDate("year", m.start("yr_year2"), m.end("yr_year2"), year=second)


CLAUSE_END = re.compile(r"[^\S\n]{0,4}(?:[.،,؛;:!?؟)(«»\"]|\n|$)")


def _ends_a_clause(text: str, end: int) -> bool:
    """ "حرب 1948 (النكبة)", "… في تونس 2016.": a number that ends a clause counts nothing, so it is a year."""
    return CLAUSE_END.match(text, end) is not None


def _after_date_cue(text: str, start: int) -> bool:
    """Whether the word before ``start`` introduces a date (في، منذ، يوم، مساء …), or there is no word before it."""
    previous = PREVIOUS_WORD.search(text, max(0, start - 12), start)
    if previous is None:
        return not text[max(0, start - 12) : start].strip() or text[:start].rstrip()[-1:] in "،,.:؛;(\n"
    words = lexicon().words
    return key(previous.group(1)) in {*words["year_cue"], *words["part_of_day"], key("يوم")}


def _counted_noun_before(text: str, start: int) -> bool:
    """An ordinal before "من" and a month counts the definite noun right before it ("الأسبوع الأول من شهر ماي",
    "الجولة الثانية من يونيو", "النصف الأول من مارس": an adjective that agrees with its noun); after anything else it
    is the month's day: an indefinite noun in construct ("قمة الثاني عشر من يونيو", "اجتماع الأول من مارس"), a
    preposition ("في، منذ، إلى، حتى"), a date cue ("يوم، مساء") or no word at all. The relative pronouns and "إلى"
    spell ال- and define nothing."""
    if _after_date_cue(text, start):
        return False
    previous = PREVIOUS_WORD.search(text, max(0, start - 20), start)
    if previous is None:
        return False
    word = key(previous.group(1))
    if word in NOT_DEFINITE:
        return False
    return bool(DEFINITE_WORD.match(word))


def _ago(m: re.Match[str]) -> Iterator[RawDate]:
    words = lexicon().words
    unit, _, implied = words["unit"][key(m.group("ago_u"))].partition(":")
    number = m.group("ago_n")
    if number:
        count: int | None = to_int(number) if number[0].isdigit() else int(words["number"][key(number)])
    else:
        count = int(implied) or None
    yield RawDate("ago", m.start(), m.end(), period=unit, count=count)


def _last(m: re.Match[str]) -> Iterator[RawDate]:
    """ "خلال الأيام الثلاثة الماضية": the N days (weeks, months) up to the anchor, a span ("last") that only a past
    marker makes: the units that count one ("يوم", "أسبوع") and the coming ones ("الأيام الثلاثة المقبلة") are left."""
    words = lexicon().words
    unit, _, implied = words["unit"][key(m.group("last_u"))].partition(":")
    if implied == "1" or _marker(m.group("last_mark")) != -1 or unit not in SPAN_UNITS:
        return
    number = m.group("last_n")
    count = to_int(number) if number[0].isdigit() else int(words["number"][key(number)])
    yield RawDate("last", m.start(), m.end(), period=unit, count=count)


def _weekday_mention(text: str, m: re.Match[str]) -> Iterator[RawDate]:
    g = m.group
    word = g("wd_p") or g("wd_d")
    context = g("wd_part") or g("wd_pre") or g("wd_p") or g("wd_mark") or _set_off_by_commas(text, m)
    previous = PREVIOUS_WORD.search(text, max(0, m.start() - 12), m.start())
    if previous is not None and key(previous.group(1)) in lexicon().words["not_before_weekday"]:
        return  # "سوق الخميس" is a town, "صلاة الجمعة" a prayer
    if key(word) in lexicon().ambiguous_weekdays and not context and _ordinary_word(text, m, previous):
        return  # "بين الاثنين" is "between the two", "الأحد عشر" eleven
    yield RawDate(
        "weekday",
        m.start(),
        m.end(),
        weekday=_weekday(word),
        day_offset=_day_offset(g("wd_pre")),
        marker=_marker(g("wd_mark")),
    )


NEXT_WORD = re.compile(r"[^\S\n]*(\w+)")


def _ordinary_word(text: str, m: re.Match[str], previous: re.Match[str] | None) -> bool:
    """A bare weekday name that is also an ordinary word (الجمعة، السبت، الأحد، الاثنين) is that word only next to
    one of relative_dates.tsv's ``not_weekday_before`` / ``not_weekday_after`` words ("بين الاثنين", "الأحد عشر",
    "الجمعة العاشرة لمسيرات العودة"); anywhere else news uses it as a weekday ("قال ترامب الاثنين إن"): of the 9,495
    the grammar left in ANT v2.1 when it asked for a date context, 39 of 40 read at random were weekdays
    (bench/quality/weekday_census.py)."""
    words = lexicon().words
    if previous is not None and key(previous.group(1)) in words["not_weekday_before"]:
        return True
    following = NEXT_WORD.match(text, m.end())
    return following is not None and key(following.group(1)) in words["not_weekday_after"]


def _set_off_by_commas(text: str, m: re.Match[str]) -> bool:
    """ "… عسكرية، السبت، في …": a weekday between commas is an adverb of time, not "the sabbath"."""
    before = text[max(0, m.start() - 3) : m.start()].rstrip()
    after = text[m.end() : m.end() + 3].lstrip()
    between_commas = before.endswith(("،", ",")) and after.startswith(("،", ",", "."))
    opening_a_line = (not before or before.endswith("\n")) and after[:1] in ("،", ",")
    return between_commas or opening_a_line
