"""Words of an Arabic text with their clitics split off, their offsets kept, and a light stem.

    >>> from flows.nlp.text.morph import words
    >>> [(w.surface, w.proclitics, w.base, w.enclitic, w.stem) for w in words("وقال بالقول حكومته")]
    [('وقال', 'و', 'قال', '', 'قال'), ('بالقول', 'بال', 'قول', '', 'قول'), ('حكومته', '', 'حكومت', 'ه', 'حكوم')]

Every ``Word`` (surface, start, end, and an ``Analysis`` shared by every occurrence of the same spelling, read
through properties) keeps ``text[start:end] == surface``, and ``text[base_start:base_end]`` is the word without its
clitics (diacritics included). ``norm``, ``proclitics``, ``base`` and ``enclitic`` are normalised
(flows.nlp.text.arabic.normalize: one normaliser for the whole pipeline), and ``norm == proclitics + base +
enclitic``; ``article`` says whether the proclitics include ال. ``key`` is ``base`` with the
ت that a feminine noun takes before a pronoun restored to ة (normalised ه): حكومته -> حكومه. ``stem`` drops the
inflection endings of ``key`` (dual, plurals, feminine, accusative alef) for search and grouping.

How a word is split (``segment``): an optional conjunction (و ف), then a preposition (ب ل ك) or the future prefix
س, then the article ال, then the word, then one pronoun enclitic (ه ها هم هما هن كم كما نا). A clitic comes off when
three letters are left (two after the article; two after a proclitic when they make a particle such as قد, لم, ما),
unless flows/data/clitic_words.tsv, built from corpus counts, says the word keeps those letters (وزارة, فرنسا,
كانت). The enclitic ي is not split: it is far more often the nisba ending (اجتماعي) than "my".

Analyses are cached per spelling (news vocabulary is Zipfian), so tokenising a 500-word article costs about one
cache hit per word: about 0.4 CPU ms per 500 words warm, 1.3 on a first pass (``python -m bench.quality.text_layer``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from flows.nlp.text.arabic import DROPPED, NORMALIZE_TABLE
from flows.resources import read_tsv

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
ARTICLE = "ال"
# Longest first, so that هما wins over ها and هم.
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
# The imperfect prefixes a future س must precede (سيقول، ستكون، سنعمل، سأعمل).
IMPERFECT_PREFIXES = frozenset("يتنا")
# A clitic comes off only when this many letters are left: بلد is not ب + لد.
MIN_BASE = 3
# After the article two will do: الحق.
MIN_AFTER_ARTICLE = 2
# Two-letter particles a conjunction or preposition may carry (وقد، ولم، فلا، بما، لقد، وهو، ومن، فإن).
PARTICLES = frozenset({"قد", "لم", "لن", "لا", "ما", "من", "عن", "في", "ان", "هو", "هي", "هم", "او", "ثم", "كل"})
# Inflection endings the stem drops, longest first, each only when MIN_BASE letters stay: dual and sound plurals,
# the feminine ending (normalised ة), and the accusative alef of an indefinite noun (قائلا).
STEM_SUFFIXES = ("تين", "تان", "ات", "ون", "ين", "ان", "ه", "ا")

# A word starts with a letter or digit; the diacritics and tatweel inside or after it belong to it.
_MARKS = re.escape("".join(sorted(DROPPED)))
WORD = re.compile(f"[^\\W_{_MARKS}][^\\W_]*(?:[{_MARKS}]+[^\\W_]*)*")


class Segmentation(NamedTuple):
    proclitics: str  # the normalised letters taken as proclitics, article included ("وبال", "لل")
    article: bool
    base: str
    enclitic: str


class Analysis(NamedTuple):
    """Everything about a word but where it stands; one per distinct spelling, shared by all its occurrences."""

    norm: str
    proclitics: str
    base: str
    enclitic: str
    base_from: int  # the base's span relative to the word: surface[base_from:base_to]
    base_to: int
    key: str
    stem: str


class Word(NamedTuple):
    """One word of a text: where it stands, and its (shared) analysis. A NamedTuple of four: one is built per word
    of every article, and the analysis behind the properties is computed once per spelling."""

    surface: str
    start: int
    end: int
    analysis: Analysis

    @property
    def norm(self) -> str:
        return self.analysis.norm

    @property
    def proclitics(self) -> str:
        return self.analysis.proclitics

    @property
    def base(self) -> str:
        return self.analysis.base

    @property
    def enclitic(self) -> str:
        return self.analysis.enclitic

    @property
    def key(self) -> str:
        return self.analysis.key

    @property
    def stem(self) -> str:
        return self.analysis.stem

    @property
    def base_start(self) -> int:
        return self.start + self.analysis.base_from

    @property
    def base_end(self) -> int:
        return self.start + self.analysis.base_to

    @property
    def article(self) -> bool:
        return self.proclitics.endswith(ARTICLE) or self.proclitics.endswith("لل")


@cache
def kept_whole() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words whose first letters are not a proclitic, words whose last letters are not an enclitic, and the
    bases in ات of nouns in اة."""
    rows = read_tsv("clitic_words.tsv")
    start, end, ta_marbuta = (
        frozenset(row["form"] for row in rows if row["keep"] == keep) for keep in ("start", "end", "ta_marbuta")
    )
    return start, end, ta_marbuta


@lru_cache(maxsize=200_000)
def segment(norm: str, ta_marbuta: bool = False) -> Segmentation:
    """Split a normalised word into proclitics, article, base and enclitic (see the module docstring).

    ``ta_marbuta`` says the word was written with a final ة, which is never an enclitic ه.
    """
    keep_start, keep_end, _ = kept_whole()
    pos = 0
    rest = norm
    if rest[:1] in CONJUNCTIONS and rest not in keep_start and _can_strip(rest[1:]):
        pos, rest = 1, rest[1:]
    if rest[:1] in PREPOSITIONS and rest not in keep_start:
        if rest.startswith("لل") and len(rest) - 2 >= MIN_AFTER_ARTICLE:  # ل + ال with the alef dropped
            return _with_enclitic(norm, pos + 2, True, keep_end, ta_marbuta)
        if _can_strip(rest[1:]):
            pos, rest = pos + 1, rest[1:]
    elif rest[:1] == FUTURE and rest[1:2] in IMPERFECT_PREFIXES and rest not in keep_start and len(rest) > MIN_BASE:
        pos, rest = pos + 1, rest[1:]
    if rest.startswith(ARTICLE) and len(rest) - 2 >= MIN_AFTER_ARTICLE and rest not in keep_start:
        return _with_enclitic(norm, pos + 2, True, keep_end, ta_marbuta)
    return _with_enclitic(norm, pos, False, keep_end, ta_marbuta)


def _can_strip(rest: str) -> bool:
    return len(rest) >= MIN_BASE or rest in PARTICLES


def _with_enclitic(norm: str, pos: int, article: bool, keep_end: frozenset[str], ta_marbuta: bool) -> Segmentation:
    body = norm[pos:]
    if not ta_marbuta and body not in keep_end:
        for suffix in ENCLITICS:
            if body.endswith(suffix) and len(body) - len(suffix) >= MIN_BASE:
                return Segmentation(norm[:pos], article, body[: -len(suffix)], suffix)
    return Segmentation(norm[:pos], article, body, "")


def key_of(base: str, enclitic: str) -> str:
    """The base as a dictionary would list it: before an enclitic a feminine noun's ة is written ت (حكومته), but
    the ت of a feminine plural stays (تصريحاته) unless the corpus knows the word as a noun in اة (حياته)."""
    if enclitic and base.endswith("ت") and (not base.endswith("ات") or base in kept_whole()[2]):
        return base[:-1] + "ه"
    return base


@lru_cache(maxsize=200_000)
def stem(key: str) -> str:
    """``key`` without one inflection ending (اتهامات -> اتهام، قائلة -> قائل، قائلا -> قائل)."""
    for suffix in STEM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= MIN_BASE:
            return key[: -len(suffix)]
    return key


def words(text: str, start: int = 0, end: int | None = None) -> tuple[Word, ...]:
    """The words of ``text[start:end]`` (letters and digits), split and stemmed, with offsets into ``text``."""
    end = len(text) if end is None else end
    found: list[Word] = []
    append = found.append
    find = text.find
    at = start
    # findall and str.find instead of finditer: no match object per word. find lands on the word findall saw,
    # because nothing between two words can start one.
    for surface in WORD.findall(text, start, end):
        at = find(surface, at)
        # tuple.__new__ rather than Word(...): one call in C per word instead of a Python-level __new__.
        append(_new(Word, (surface, at, at + len(surface), analysis_of(surface))))
        at += len(surface)
    return tuple(found)


def analyse(surface: str, start: int = 0) -> Word:
    """One word (``surface`` as it stands in the text at ``start``), split and stemmed."""
    return Word(surface, start, start + len(surface), analysis_of(surface))


_new = tuple.__new__


@lru_cache(maxsize=200_000)
def analysis_of(surface: str) -> Analysis:
    """The analysis of one spelling, cached: a news article repeats its vocabulary, and so does a corpus."""
    norm, kept = _normalised(surface)
    seg = segment(norm, ends_with_ta_marbuta(surface))
    a = len(seg.proclitics)
    b = len(norm) - len(seg.enclitic)
    base_from = kept[a] if a < len(kept) else len(surface)
    base_to = kept[b - 1] + 1 if b > 0 else 0
    while base_to < len(surface) and surface[base_to] in DROPPED:
        base_to += 1  # the diacritics on the last letter of the base belong to it
    key = key_of(seg.base, seg.enclitic)
    return Analysis(norm, seg.proclitics, seg.base, seg.enclitic, base_from, base_to, key, stem(key))


def _normalised(surface: str) -> tuple[str, tuple[int, ...]]:
    """The normalised word and, for each of its letters, its index in ``surface``."""
    norm = surface.translate(NORMALIZE_TABLE)
    if len(norm) == len(surface):
        return norm, tuple(range(len(surface)))
    return norm, tuple(i for i, ch in enumerate(surface) if ch not in DROPPED)


def ends_with_ta_marbuta(surface: str) -> bool:
    """The word is written with a final ة (diacritics after it aside): its ه is never an enclitic."""
    end = len(surface)
    while end and surface[end - 1] in DROPPED:
        end -= 1
    return end > 0 and surface[end - 1] == "ة"
