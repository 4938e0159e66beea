"""The view of one body_text the entity rules share: normalised tokens, their body offsets, and the gaps between.

Built once per document; every rule reads tokens from here instead of re-normalising sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from flows.nlp.entities.gazetteer import gap_key
from flows.nlp.text.arabic import NormToken, OffsetMap, Reading, normalized_tokens, proclitic_readings, without_article
from flows.nlp.types import Sentence

# Alef with hamza or madda: a word starting with one of these has no article (أليو، إلياس، آلام).
HAMZA_ALEFS = frozenset("أإآ")
# Quotes and brackets that open a quoted name: «فاغنر», "إيكواس", (القاعدة).
OPENING_QUOTES = frozenset("«\"“‘('[")
# A gap with one of these between two words ends a name, a title's qualifier or a nisba's reach.
HARD_BREAK = re.compile(r"[.,،؛;:!?؟()\[\]«»\"“”'/\n]")
# Closing quotes and brackets that may stand between a quoted name and the adjective qualifying it.
CLOSING = re.compile(r"^[\s»”\"')\]]*$")


@dataclass
class EntityText:
    body: str
    norm: str
    origin: OffsetMap
    toks: tuple[NormToken, ...]
    sentence_starts: list[int]

    @classmethod
    def build(cls, body: str, sentences: tuple[Sentence, ...]) -> "EntityText":
        norm, origin, toks = normalized_tokens(body)
        return cls(body, norm, origin, toks, [s.char_start for s in sentences])

    def gap(self, i: int) -> str:
        """Normalised text between token i-1 and token i ("" before the first token)."""
        if i <= 0 or i >= len(self.toks):
            return ""
        return self.norm[self.toks[i - 1].norm_end : self.toks[i].norm_start]

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 with only spaces or hyphens between (same phrase)."""
        return 0 < i < len(self.toks) and HARD_BREAK.search(self.gap(i)) is None

    def gap_key(self, i: int) -> str:
        return gap_key(self.gap(i))

    def char_start(self, i: int, prefix: int = 0) -> int:
        return self.origin[self.toks[i].norm_start + prefix]

    def is_quoted(self, char_start: int) -> bool:
        """The character just before ``char_start`` (skipping tatweel and spaces) opens a quote."""
        j = char_start - 1
        while j >= 0 and self.body[j] in " \u0640":
            j -= 1
        return j >= 0 and self.body[j] in OPENING_QUOTES

    def sentence_index(self, char_start: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, char_start) - 1, 0)

    @cached_property
    def info(self) -> tuple["TokenInfo", ...]:
        return tuple(token_info(t.norm) for t in self.toks)

    @cached_property
    def readings(self) -> tuple[tuple[Reading, ...], ...]:
        return tuple(i.readings for i in self.info)

    def bare_stems(self, i: int) -> frozenset[str]:
        """Stems of token i with and without proclitics and the article."""
        return self.info[i].stems

    def has_article(self, i: int) -> bool:
        """Some reading of token i carries the article, written with a bare alef in the text.

        Normalisation writes أ as ا, so "أليو" and "إلياس" would read as ال + a stem; the text says otherwise.
        """
        info = self.info[i]
        return info.has_article and any(r.has_article and self._bare_alef(i, r.prefix) for r in info.readings)

    def starts_with_article(self, i: int) -> bool:
        """Token i itself (no proclitic) begins with the article."""
        return self.toks[i].norm.startswith("ال") and self._bare_alef(i, 0)

    def _bare_alef(self, i: int, prefix: int) -> bool:
        tok = self.toks[i]
        if tok.norm[prefix : prefix + 1] == "ل":
            return True  # ل + ال written لل: the article's alef is not in the text
        return self.body[self.char_start(i, prefix)] not in HAMZA_ALEFS


class TokenInfo(NamedTuple):
    readings: tuple[Reading, ...]
    stems: frozenset[str]
    has_article: bool


@lru_cache(maxsize=65536)
def token_info(norm: str) -> TokenInfo:
    """What the rules ask of a word, computed once per distinct word of the process."""
    readings = proclitic_readings(norm)
    stems = set()
    for reading in readings:
        stems.add(reading.stem)
        bare = without_article(reading.stem)
        if bare:
            stems.add(bare)
    return TokenInfo(readings, frozenset(stems), any(r.has_article for r in readings))
