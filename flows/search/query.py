"""A query as weighted index terms: each word's own term, and the terms of the indexed spellings of the same name.

Pure functions: the spellings the warehouse holds come in as rows (form, skeleton, term).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from flows.nlp.text import words
from flows.search.terms import MIN_TERM_LETTERS, skeleton, sounds

# A word shorter than this is not matched by spelling (قال ~ قيل, عن ~ من): names are longer.
VARIANT_MIN_LETTERS = 4
# A skeleton shorter than this groups too many unrelated words (كم: كيماوي, كمي, كامل, ...).
VARIANT_MIN_SKELETON = 3
# How alike (rapidfuzz ratio, 0-100, on ``sounds``: letters of one class compare equal) a same-skeleton form must be
# to count as a spelling of the word: جوتيريس/غوتيريش 100, بوتن/بوتين 88.9, واشنطون/واشنطن 92.3,
# نتنياهو/نتانياهو 93.3, حرايق/حريق 88.9; كاتب/كتاب 75 is left out.
VARIANT_MIN_RATIO = 80.0
# A variant counts this much of the word as typed (times its similarity): the spelling the user chose comes first.
VARIANT_WEIGHT = 0.9


@dataclass(frozen=True, slots=True)
class QueryWord:
    term: str  # the index term of the word as typed
    form: str  # the word without clitics, before stemming
    norm: str  # the whole normalised word (a name whose first letter the text layer took for a clitic is whole here)


@dataclass(frozen=True, slots=True)
class QueryTerm:
    term: str
    word: int  # the index of the query word it stands for
    weight: float


def query_words(query: str) -> list[QueryWord]:
    """The words of ``query`` as the index reads them, repeats left out."""
    seen: dict[str, QueryWord] = {}
    for word in words(query):
        term = word.stem.lower()
        if len(term) >= MIN_TERM_LETTERS and term not in seen:
            seen[term] = QueryWord(term, word.key.lower(), word.norm.lower())
    return list(seen.values())


def spelling_keys(qwords: list[QueryWord]) -> list[str]:
    """The skeletons to look up in the index's spellings for these words."""
    keys = {skeleton(form) for word in qwords for form in _forms(word)}
    return sorted(k for k in keys if len(k) >= VARIANT_MIN_SKELETON)


def query_terms(qwords: list[QueryWord], spellings: Iterable[tuple[str, str, str]]) -> list[QueryTerm]:
    """Each word's own term (weight 1), and the terms of the indexed forms that spell the same word: same skeleton,
    similar letters (VARIANT_MIN_RATIO), weighted VARIANT_WEIGHT times their similarity."""
    by_skeleton: dict[str, list[tuple[str, str]]] = {}
    for form, skel, term in spellings:
        by_skeleton.setdefault(skel, []).append((form, term))
    out: list[QueryTerm] = []
    for index, word in enumerate(qwords):
        out.append(QueryTerm(word.term, index, 1.0))
        best: dict[str, float] = {}
        for mine in _forms(word):
            for form, term in by_skeleton.get(skeleton(mine), ()):
                similarity = ratio(sounds(mine), sounds(form))
                if term != word.term and similarity >= VARIANT_MIN_RATIO:
                    best[term] = max(best.get(term, 0.0), similarity)
        out.extend(QueryTerm(term, index, VARIANT_WEIGHT * sim / 100) for term, sim in sorted(best.items()))
    return out


def _forms(word: QueryWord) -> list[str]:
    """The forms of ``word`` that may be spelled otherwise in the index: long enough to be a name."""
    return [f for f in dict.fromkeys((word.form, word.norm)) if len(f) >= VARIANT_MIN_LETTERS]
