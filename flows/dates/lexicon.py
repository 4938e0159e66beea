"""The date lexicons (flows/data/months.tsv, weekdays.tsv, relative_dates.tsv), loaded once, and the regex
building blocks that match their words in any spelling ``flows.nlp.text.arabic`` folds alike (hamza and alef forms,
ya/alef maqsura, ta marbuta, Arabic-Indic digits), diacritics and tatweel allowed after any letter.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from flows.nlp.text.arabic import CHAR_MAP, DIACRITICS, TATWEEL, normalize
from flows.resources import read_tsv

DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
# A date expression never spans a line break ("٠٣ أبريل" on its own line is not followed by its year), and the
# spaces inside it are bounded: an unbounded run would make a page of blanks cost quadratic time.
SP = r"[^\S\n]{1,4}"
SP0 = r"[^\S\n]{0,4}"
NOT_LETTER_AFTER = r"(?![^\W\d_])"  # "يوليو2023": a month may touch digits, not letters


@dataclass(frozen=True, slots=True)
class DateWords:
    months: dict[str, int]  # normalised spelling -> 1..12
    weekdays: dict[str, int]  # normalised spelling -> date.weekday()
    ambiguous_weekdays: frozenset[str]
    words: dict[str, dict[str, str]]  # kind -> normalised expression -> value (flows/data/relative_dates.tsv)


def key(text: str) -> str:
    """The lookup form of a matched word: normalised, lower-cased, single-spaced."""
    return " ".join(normalize(text).lower().split())


@functools.cache
def lexicon() -> DateWords:
    months = {key(row["spelling"]): int(row["month"]) for row in read_tsv("months.tsv")}
    weekday_rows = read_tsv("weekdays.tsv")
    weekdays = {key(row["spelling"]): int(row["weekday"]) for row in weekday_rows}
    ambiguous = frozenset(key(row["spelling"]) for row in weekday_rows if row["ambiguous"] == "yes")
    words: dict[str, dict[str, str]] = {}
    for row in read_tsv("relative_dates.tsv"):
        words.setdefault(row["kind"], {})[key(row["expression"])] = row["value"] or ""
    return DateWords(months, weekdays, ambiguous, words)


@functools.cache
def _variants() -> dict[str, str]:
    """For each normalised character, the characters that fold into it (from flows.nlp.text.arabic.CHAR_MAP)."""
    out: dict[str, str] = {}
    for source, target in CHAR_MAP.items():
        out[target] = out.get(target, "") + chr(source)
    return out


def _char_class(chars: str) -> str:
    """A compact regex class for ``chars``: consecutive code points as ranges (the pattern is large enough)."""
    points = sorted({ord(c) for c in chars})
    parts, start = [], 0
    for i in range(1, len(points) + 1):
        if i == len(points) or points[i] != points[i - 1] + 1:
            first, last = chr(points[start]), chr(points[i - 1])
            parts.append(re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}")
            start = i
    return "[" + "".join(parts) + "]"


MARKS = _char_class("".join(DIACRITICS) + TATWEEL) + "{0,4}"  # shadda + a vowel + tatweel at most, bounded


def _unit(ch: str) -> str:
    """One character of a normalised key: every character that folds into it, then diacritics (or a bounded run of
    spaces, for a space)."""
    if ch == " ":
        return SP
    variants = _variants().get(ch, "")
    return ("[" + re.escape(ch + variants) + "]" if variants else re.escape(ch)) + MARKS


def fuzzy(word: str) -> str:
    """A pattern matching ``word`` in any spelling that normalises to the same key, diacritics allowed."""
    return "".join(_unit(ch) for ch in key(word))


def alternation(words: object) -> str:
    """The words as one pattern that prefers the longest ("يوليوز" over "يوليو", "أمس الأول" over "أمس"), written as a
    tree of shared beginnings: each character's class once per prefix instead of once per word. The date grammar
    holds the month names five times; written word by word it had 5,568 character classes and took 0.38 s to
    compile in every process (issue 18). Each character's class holds exactly the characters that fold into it, so
    classes of different characters never overlap, and trying the longer continuation before ending a word finds the
    same match as trying the words longest first."""
    trie: dict = {}
    for word in set(words):  # type: ignore[call-overload]
        node = trie
        for ch in key(word):
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _branches(trie) + ")" + NOT_LETTER_AFTER


def _branches(node: dict) -> str:
    children = [_unit(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not children:
        return ""
    joined = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    return f"(?:{joined})?" if "" in node else joined
