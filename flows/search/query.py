"""A query as weighted index terms: each word's own term, and the terms of the indexed spellings of the same name.

Pure functions: what the warehouse knows of the query's words comes in as rows of sql/search/vocabulary.sql.
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
# A term held by more than this share of the documents (قال, عن, في: half to nine in ten of ANT v2.1's articles)
# is left out of a query that has rarer words: its BM25 weight is small (idf <= ln 2.2) and its postings are the
# bulk of the work. Over all 31k ANT v2.1 articles the 30 bench queries took a median 97-100 CPU ms with it and
# 105-113 without, for the same success@3 and MRR on the tuning queries (bench/quality/search.py).
COMMON_SHARE = 0.3


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
    df: int  # how many documents hold the term


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


def query_terms(qwords: list[QueryWord], known: Iterable[tuple[str, str, str, str, int]], n: int) -> list[QueryTerm]:
    """Each word's own term (weight 1), and the terms of the indexed forms that spell the same word.

    ``known``: (source, form, skeleton, term, df) rows, source ``typed`` for the query's own terms (those the index
    holds) and ``spelling`` for same-skeleton forms; ``n``: how many documents there are. A form spells the word
    when its letters are alike (VARIANT_MIN_RATIO) and the index holds its term at least as often as the word's own
    (a misspelt or rarer spelling finds the usual one; a frequent word is not widened to a rarer look-alike: اتفاق is
    not تفاجأ). A variant weighs VARIANT_WEIGHT times its similarity. Common terms (COMMON_SHARE) are left out unless
    every word is common.
    """
    df: dict[str, int] = {}
    by_skeleton: dict[str, list[tuple[str, str, int]]] = {}
    for source, form, skel, term, count in known:
        if source == "typed":
            df[term] = count
        else:
            by_skeleton.setdefault(skel, []).append((form, term, count))
    common = {w.term for w in qwords if df.get(w.term, 0) > COMMON_SHARE * n}
    out: list[QueryTerm] = []
    for index, word in enumerate(qwords):
        if word.term in common and len(common) < len(qwords):
            continue
        if word.term in df:
            out.append(QueryTerm(word.term, index, 1.0, df[word.term]))
        best: dict[str, tuple[float, int]] = {}
        for mine in _forms(word):
            for form, term, count in by_skeleton.get(skeleton(mine), ()):
                similarity = ratio(sounds(mine), sounds(form))
                if term != word.term and similarity >= VARIANT_MIN_RATIO and count >= df.get(word.term, 0):
                    best[term] = max(best.get(term, (0.0, count)), (similarity, count))
        out.extend(
            QueryTerm(term, index, VARIANT_WEIGHT * sim / 100, count) for term, (sim, count) in sorted(best.items())
        )
    return out


def _forms(word: QueryWord) -> list[str]:
    """The forms of ``word`` that may be spelled otherwise in the index: long enough to be a name."""
    return [f for f in dict.fromkeys((word.form, word.norm)) if len(f) >= VARIANT_MIN_LETTERS]
