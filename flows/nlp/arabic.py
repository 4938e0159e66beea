"""The Arabic text layer every NLP stage uses: normalisation with an offset map, sentences, tokens.

Normalisation is for matching only; the text the user sees (``body_text``) is never rewritten.
``normalize_with_map`` returns the normalised string and, for each of its characters, the index of the
character in the original it came from, so a match in normalised text maps back to exact body offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.nlp.types import Sentence

# Harakat, shadda, sukun, superscript alef, Quranic marks: dropped for matching.
DIACRITICS = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
TATWEEL = "\u0640"
# One character in, one character out: alef and hamza forms, ya/alef maqsura, ta marbuta, Persian and Urdu letters.
CHAR_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي",
        "ؤ": "و", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
        "ک": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
    }
)

# A sentence ends at . ! ? ؟ or a line break; an abbreviation like "أ.ف.ب" does not end one.
SENTENCE_END = re.compile(r"(?<![\s.][^\s.])[.!?؟…]+(?=[\s\"»”')\]]|$)|\n+")


def normalize_char(ch: str) -> str:
    return "" if ch in DIACRITICS or ch == TATWEEL else ch.translate(CHAR_MAP)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text for matching, and for each of its characters the index it came from in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        mapped = normalize_char(ch)
        if mapped:
            out.append(mapped)
            origin.append(i)
    return "".join(out), origin


def normalize(text: str) -> str:
    return normalize_with_map(text)[0]


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
