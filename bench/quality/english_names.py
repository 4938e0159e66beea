"""Scores the transliteration of Arabic person names against the gazetteer's conventional English spellings.

The held-out set is HELD_OUT person pairs of the reviewed lists (people.tsv and office_holders_2018.tsv), chosen
by a hash of the Arabic name so the choice does not move when rows are added elsewhere. The transliterator is
built as in production, except that it learns only from the other person pairs: no held-out name, alias or part
of one reaches it through the gazetteer (the package's own Wikidata index may still know a name, as it would in
production). A name counts as exact when the folded strings are equal and as similar when their character
similarity (rapidfuzz's normalised Indel ratio) is at least SIMILAR_AT; folding drops case and accents.

``akhbar eval english-names`` prints the figures, with the package alone (learning from no pair) beside them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz

from flows.nlp.entities.english import NamePair, is_person, name_pairs, person_pairs
from flows.nlp.entities.romanize import romanize, romanizer

HELD_OUT = 200
SIMILAR_AT = 0.8


@dataclass(frozen=True, slots=True)
class Figures:
    names: int
    exact: float
    similar: float
    mean_similarity: float


def fold(text: str) -> str:
    """Case and accents folded: "Goïta" and "goita" are the same spelling."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def similarity(predicted: str, expected: str) -> float:
    return fuzz.ratio(fold(predicted), fold(expected)) / 100


def split_held_out(pairs: Sequence[NamePair], n: int = HELD_OUT) -> tuple[list[NamePair], list[NamePair]]:
    """(held out, the rest): the n person pairs whose Arabic name hashes lowest, and every other pair."""
    people = sorted(
        (p for p in pairs if is_person(p.entity_type)),
        key=lambda p: hashlib.sha256(p.name_ar.encode("utf-8")).hexdigest(),
    )
    held = people[:n]
    held_ids = {id(p) for p in held}
    return held, [p for p in pairs if id(p) not in held_ids]


def score(predicted: Sequence[str], expected: Sequence[str]) -> Figures:
    sims = [similarity(p, e) for p, e in zip(predicted, expected)]
    n = len(sims)
    return Figures(
        names=n,
        exact=sum(fold(p) == fold(e) for p, e in zip(predicted, expected)) / n,
        similar=sum(s >= SIMILAR_AT for s in sims) / n,
        mean_similarity=sum(sims) / n,
    )


def evaluate(learn: bool = True) -> tuple[Figures, list[tuple[str, str, str]]]:
    """Figures on the held-out pairs, and (Arabic, expected, predicted) for each."""
    held, rest = split_held_out(name_pairs())
    transliterator = romanizer(person_pairs(rest) if learn else [])
    predicted = romanize(transliterator, [p.name_ar for p in held], [p.country_code for p in held])
    rows = [(p.name_ar, p.name_en, out) for p, out in zip(held, predicted)]
    return score(predicted, [p.name_en for p in held]), rows


def run(argv: Sequence[str] = ()) -> None:
    figures, rows = evaluate(learn=True)
    alone, _ = evaluate(learn=False)
    print(f"English names: transliteration of {figures.names} held-out gazetteer person names (dev)")
    print(f"  {'':38} exact  similar@{SIMILAR_AT}  mean similarity")
    for label, f in (("learning from the other person pairs", figures), ("arabic-name-romanizer alone", alone)):
        print(f"  {label:38} {f.exact:.3f}  {f.similar:.3f}        {f.mean_similarity:.3f}")
    if "--show" in argv:
        for arabic, expected, predicted in rows:
            mark = (
                "="
                if fold(predicted) == fold(expected)
                else ("~" if similarity(predicted, expected) >= SIMILAR_AT else "x")
            )
            print(f"  {mark} {arabic}\t{expected}\t{predicted}")
