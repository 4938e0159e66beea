"""The Arabic text layer every NLP stage uses: normalisation with an offset map, sentences, tokens.

Normalisation is for matching only; the text the user sees (``body_text``) is never rewritten.
``normalize_with_map`` returns the normalised string and, for each of its characters, the index of the
character in the original it came from, so a match in normalised text maps back to exact body offsets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from flows.nlp.types import Sentence

# Harakat, shadda, sukun, superscript alef, Quranic marks: dropped for matching.
DIACRITICS = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
TATWEEL = "\u0640"
# One character in, one character out: alef and hamza forms, ya/alef maqsura, ta marbuta, Persian and Urdu letters.
CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ک": "ك",
        "گ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
    }
)

# The same mapping as one str.translate table: dropped characters map to None (one C pass per text).
DROPPED = DIACRITICS | {TATWEEL}
NORMALIZE_TABLE = {**CHAR_MAP, **{ord(ch): None for ch in DROPPED}}
DROPPED_CHAR = re.compile("[" + "".join(sorted(DROPPED)) + "]")

# A sentence ends at . ! ? ؟ or a line break; an abbreviation like "أ.ف.ب" does not end one.
SENTENCE_END = re.compile(r"(?<![\s.][^\s.])[.!?؟…]+(?=[\s\"»”')\]]|$)|\n+")


# An Arabic-script letter (Arabic, Persian and Urdu additions included): language detection, line classification.
ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]")


def normalize_char(ch: str) -> str:
    return "" if ch in DIACRITICS or ch == TATWEEL else ch.translate(CHAR_MAP)


# str.translate looks each character up in the table as a Python int object: 110-165 ns a character of Arabic text,
# against about 20 ns for one str.replace per table entry the text holds, which cost a fixed 4-6 us. So text of this
# many characters or more is normalised by replaces (the same result: no replacement holds a character of the
# table), shorter text (words) by translate; 64 lies between the lengths where each was faster (40 and 80
# characters, 2,000 chunks of 100 bench pages: 4.4 against 8.6 us at 40, 11.9 against 6.2 us at 80).
REPLACE_FROM = 64
_REPLACEMENTS = tuple((chr(code), new or "") for code, new in sorted(NORMALIZE_TABLE.items()))


def normalize(text: str) -> str:
    if len(text) < REPLACE_FROM:
        return text.translate(NORMALIZE_TABLE)
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text for matching, and for each of its characters the index it came from in ``text``."""
    norm = normalize(text)
    if len(norm) == len(text):
        return norm, list(range(len(text)))
    origin: list[int] = []
    kept_from = 0
    for dropped in DROPPED_CHAR.finditer(text):
        origin += range(kept_from, dropped.start())
        kept_from = dropped.end()
    origin += range(kept_from, len(text))
    return norm, origin


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences as spans of ``text``, stripped of surrounding white space, in order."""
    spans: list[Sentence] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        _append_span(text, start, match.end(), spans)
        start = match.end()
    _append_span(text, start, len(text), spans)
    return tuple(spans)


def _append_span(text: str, start: int, end: int, spans: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Sentence(len(spans), start, end))


@dataclass(frozen=True, slots=True)
class Token:
    char_start: int
    char_end: int
    text: str


TOKEN = re.compile(r"\w+(?:[-‐]\w+)*", re.UNICODE)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


# --- Clitics -------------------------------------------------------------------------------------------------
# Proclitics, on normalised text: an optional conjunction (و ف), then an optional preposition (ب ل ك), then the
# article. "لل" is ل + ال with the alef dropped ("للأمم" = ل + الأمم). Longest first so "وبال" wins over "و".
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
# Pronoun enclitics (normalised: ة is ه, so "ه" also ends feminine nouns; callers decide whether to try it).
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")
# A stem must keep this many letters once proclitics are stripped: "بلد" is not ب + لد, "ولد" not و + لد.
MIN_STEM = 3
# After the article, fewer will do: "الحق".
MIN_AFTER_ARTICLE = 2


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a normalised token: ``prefix`` letters of proclitics, then ``stem`` (which keeps its article)."""

    prefix: int
    stem: str
    has_article: bool


@lru_cache(maxsize=65536)
def proclitic_readings(token: str) -> tuple[Reading, ...]:
    """Every split of ``token`` (normalised) into proclitics + stem, the bare token first.

    The article stays on the stem (``has_article`` says so), because gazetteer names carry their own article
    ("الكرملين"); "بالكرملين" reads as ب + "الكرملين", "للامم" as ل + "الامم", "وباماكو" as و + "باماكو".
    """
    readings = [Reading(0, token, _has_article(token))]
    seen = {token}
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            prefix = conj + prep
            if not prefix or not token.startswith(prefix):
                continue
            rest = token[len(prefix) :]
            candidates = [rest]
            if prep == "ل" and rest.startswith("ل"):
                candidates.append("ا" + rest)  # ل + ال -> لل
            for stem in candidates:
                if len(stem) >= MIN_STEM and stem not in seen:
                    seen.add(stem)
                    readings.append(Reading(len(prefix), stem, _has_article(stem)))
    return tuple(readings)


def _has_article(stem: str) -> bool:
    return stem.startswith(ARTICLE) and len(stem) - len(ARTICLE) >= MIN_AFTER_ARTICLE


def without_article(stem: str) -> str | None:
    """``stem`` without its article, or None when it has none (or too little is left)."""
    if stem.startswith(ARTICLE) and len(stem) - len(ARTICLE) >= MIN_AFTER_ARTICLE:
        return stem[len(ARTICLE) :]
    return None


def enclitic_stems(token: str) -> tuple[str, ...]:
    """``token`` and the stems left after one pronoun enclitic ("نظيره" -> "نظير")."""
    stems = [token]
    for suffix in ENCLITICS:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM + 1:
            stems.append(token[: -len(suffix)])
    return tuple(stems)


# --- Normalised tokens with body offsets ------------------------------------------------------------------
class NormToken(NamedTuple):
    """A word of the normalised text, with the span of ``text`` it came from (trailing diacritics included).

    A NamedTuple rather than a frozen dataclass: one is built per word of every article, and tuples are cheap.
    """

    norm: str
    char_start: int
    char_end: int
    norm_start: int
    norm_end: int


NORM_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class OffsetMap:
    """normalised index -> index in the original text, without building the whole list.

    Only diacritics and tatweel are dropped by normalisation, and they are few: the jth dropped character, at
    original index d_j, sits before normalised index d_j - j, so origin(k) = k + #{j : d_j - j <= k}.
    """

    __slots__ = ("shifts",)

    def __init__(self, text: str):
        self.shifts = [m.start() - j for j, m in enumerate(DROPPED_CHAR.finditer(text))]

    def __getitem__(self, k: int) -> int:
        return k + bisect.bisect_right(self.shifts, k) if self.shifts else k


# An article's text is tokenised by the entity stage and again by the role rules the entity and quote stages share:
# the last few texts' tokens are kept (their values are immutable), which took 1,330 tokenisations of 300 bench
# articles down to 600.
TOKENISED_TEXTS_KEPT = 8


@lru_cache(maxsize=TOKENISED_TEXTS_KEPT)
def normalized_tokens(text: str) -> tuple[str, OffsetMap, tuple[NormToken, ...]]:
    """The normalised text, its offset map, and its word tokens mapped back to ``text`` offsets."""
    norm = normalize(text)
    origin = OffsetMap(text)
    out = []
    size = len(text)
    for match in NORM_WORD.finditer(norm):
        a, b = match.span()
        end = origin[b - 1] + 1
        if end < size and text[end] in DROPPED:
            end = extend_over_marks(text, end)
        out.append(NormToken(match.group(), origin[a], end, a, b))
    return norm, origin, tuple(out)


def extend_over_marks(text: str, end: int) -> int:
    """Move ``end`` past diacritics and tatweel that belong to the letter before it."""
    while end < len(text) and (text[end] in DIACRITICS or text[end] == TATWEEL):
        end += 1
    return end
