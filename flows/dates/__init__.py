"""Dates: the Arabic date grammar (month names of every calendar tradition, relative days, weekdays), resolved
against an anchor date; an article's publication date from its text; ISO or Arabic metadata dates."""

from flows.dates.publication import publication_date
from flows.dates.resolve import DateMention, find_dates, parse_iso_or_arabic

__all__ = ["DateMention", "find_dates", "parse_iso_or_arabic", "publication_date"]
