"""Scores the transliteration of Arabic person names against the gazetteer's conventional English spellings.

The held-out set is HELD_OUT person pairs of the reviewed lists (people.tsv and office_holders_2018.tsv), chosen
by a hash of the Arabic name so the choice does not move when rows are added elsewhere. The transliterator is
built as in production, except that it learns only from the other person pairs: no held-out name, alias or part
of one reaches it through the gazetteer (the package's own Wikidata index may still know a name, as it would in
production). A name counts as exact when the folded strings are equal and as similar when their character
similarity (rapidfuzz's normalised Indel ratio) is at least SIMILAR_AT; folding drops case and accents.

``akhbar eval english-names`` prints the figures as in production, and beside them what the transliterator does
without the foreign given names and the spelling rules, and with nothing learned (the package alone).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz

from flows.nlp.entities.english import NamePair, is_person, learned_pairs, name_pairs, person_pairs
from flows.nlp.entities.romanize import romanize, romanizer
from flows.nlp.entities.spelling_rules import spelling_rules

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


LEARNING = ("pairs and given names", "pairs only", "nothing")


def evaluate(learn: str = LEARNING[0]) -> tuple[Figures, list[tuple[str, str, str]]]:
    """Figures on the held-out pairs, and (Arabic, expected, predicted) for each. ``learn``: what the transliterator
    knows before its own data: the other person pairs, the foreign given names and the spelling rules (as in
    production; bench/names/learn_spelling_rules.py learned the rules without any word of a held-out name), the other
    person pairs only, or nothing (arabic-name-romanizer alone)."""
    held, rest = split_held_out(name_pairs())
    known = {LEARNING[0]: learned_pairs(rest), LEARNING[1]: person_pairs(rest), LEARNING[2]: []}[learn]
    rules = spelling_rules() if learn == LEARNING[0] else ()
    predicted = romanize(romanizer(known, rules), [p.name_ar for p in held], [p.country_code for p in held])
    rows = [(p.name_ar, p.name_en, out) for p, out in zip(held, predicted)]
    return score(predicted, [p.name_en for p in held]), rows


def run(argv: Sequence[str] = ()) -> None:
    results = {learn: evaluate(learn) for learn in LEARNING}
    figures, rows = results[LEARNING[0]]
    print(f"English names: transliteration of {figures.names} held-out gazetteer person names (dev)")
    print(f"  {'learning from':44} exact  similar@{SIMILAR_AT}  mean similarity")
    labels = {
        LEARNING[0]: "other pairs + given names + spelling rules",
        LEARNING[1]: "other person pairs",
        LEARNING[2]: "nothing (arabic-name-romanizer alone)",
    }
    for learn, (f, _) in results.items():
        print(f"  {labels[learn]:44} {f.exact:.3f}  {f.similar:.3f}        {f.mean_similarity:.3f}")
    if "--show" in argv:
        for arabic, expected, predicted in rows:
            close = similarity(predicted, expected) >= SIMILAR_AT
            mark = "=" if fold(predicted) == fold(expected) else ("~" if close else "x")
            print(f"  {mark} {arabic}\t{expected}\t{predicted}")
