"""Rewrites of the romanizer model's spellings toward the conventions of the reviewed lists.

arabic-name-romanizer's character model learned from Arab-world people, so a name part no list attests comes out in
Maghreb and Mashriq habits: "Lafrouf" for لافروف, "Bourochinco" for بوروشينكو. Most such parts in the news are foreign
names, which English writes otherwise (Lavrov, Poroshenko). The rules in flows/data/gazetteer/spelling_rules.tsv are
ordered substring rewrites ("ouf$" -> "ov") learned by bench/names/learn_spelling_rules.py from the model's
spellings of the listed names' parts against their listed English spelling; they apply, in order, to the parts the
model spelled and to nothing a list attests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.resources import read_tsv

WORD_START, WORD_END = "^", "$"  # the word's edges, as the rules write them
PIECE_BREAK = re.compile(r"([\s'-]+)")  # what separates the words of one spelled part


@dataclass(frozen=True, slots=True)
class Rewrite:
    before: str
    after: str


def rewrite_word(word: str, rules: tuple[Rewrite, ...]) -> str:
    """``word`` (lower case) with every rule applied in order, each to every place it matches."""
    marked = WORD_START + word + WORD_END
    for rule in rules:
        if rule.before in marked:
            marked = marked.replace(rule.before, rule.after)
    return marked.removeprefix(WORD_START).removesuffix(WORD_END)


def respell(part: str, rules: tuple[Rewrite, ...]) -> str:
    """A spelled name part rewritten word by word ("Abdul Malak", "Al-Majlas" and "M'Madi" are two words each), each
    word keeping its capital."""
    pieces = PIECE_BREAK.split(part)  # words at the even places, the breaks between them at the odd ones
    return "".join(
        piece if i % 2 else capitalised_like(piece, rewrite_word(piece.casefold(), rules))
        for i, piece in enumerate(pieces)
    )


def capitalised_like(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


@cache
def spelling_rules() -> tuple[Rewrite, ...]:
    return tuple(Rewrite(row["before"], row["after"]) for row in read_tsv("gazetteer", "spelling_rules.tsv"))
