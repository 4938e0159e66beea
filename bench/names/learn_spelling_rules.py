"""Learns flows/data/gazetteer/spelling_rules.tsv: rewrites that bring the romanizer model's spellings of name parts
to the spellings the reviewed lists give.

Examples: every part of a listed name that arabic-name-romanizer (alone, nothing learned) spells with its model,
beside the part's listed English spelling, from the person pairs of people.tsv and office_holders_2018.tsv
(except the names the evaluation holds out: no word of a held-out name or of its aliases is an example), the
foreign given names, and CLDR's exemplar cities (names of places, spelled as the same outlets spell foreign names).
Countries are left out: CLDR's English country names are translations, not spellings ("ألمانيا" is Germany).

The rules are learned by transformation-based learning: candidate rewrites come from the character differences
between the model's spelling and the listed one (with up to two letters of context on each side, word edges
written ^ and $); each round the rewrite that raises the examples' summed character similarity most is kept and
applied, while it helps at least MIN_HELPED examples and at least HELPED_PER_HURT times as many as it hurts.

    PYTHONPATH=. python -m bench.names.learn_spelling_rules [--dry-run | --cv]
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from bench.quality.english_names import fold, split_held_out
from flows.nlp.entities.english import foreign_given_names, name_key, name_pairs, person_pairs
from flows.nlp.entities.romanize import MODEL, latin_words, romanizer, spelled_parts
from flows.nlp.entities.spelling_rules import PIECE_BREAK, WORD_END, WORD_START, Rewrite, rewrite_word
from flows.resources import read_tsv

OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "gazetteer" / "spelling_rules.tsv"
CONTEXT = 2  # letters of context a rewrite may carry on each side
MIN_HELPED = 3  # 5-fold cross-validation (--cv) chose these two among 2-4 and 3-8: 0.7635 -> 0.7728
HELPED_PER_HURT = 5
MAX_RULES = 80
# Words paired by position that share less than this are not one name spelled twice: "جزر آلاند" is "Aland Islands",
# and the model's "jazar" (islands) against "aland" would teach nonsense. Spellings of one name score above it
# ("lafrouf"/"lavrov" 0.62, "bourochinco"/"poroshenko" 0.57), mispaired words below ("jazar"/"aland" 0.40,
# "janoub"/"south" 0.36).
SAME_WORD_AT = 0.5
FOLDS = 5  # cross-validation (--cv)
CITIES = "cities.tsv"  # CLDR's exemplar cities; countries.tsv is left out (its names are translations)

HEADER = """\
# Rewrites of arabic-name-romanizer's model spellings toward the reviewed lists' spellings of name parts, applied
# in order (flows/nlp/entities/spelling_rules.py) to the parts the model spells, which no list attests. ^ and $ are
# the word's edges. Machine-written by bench/names/learn_spelling_rules.py (transformation-based learning) from
# {examples} model-spelled parts of the listed people (the 200 names the evaluation holds out excluded, with every
# word of them), the foreign given names and CLDR's exemplar cities; each rule helped at least {helped} of them and
# at least {ratio} times as many as it hurt. Do not edit by hand: change the lists and run the script again.
"""


def learning_names() -> list[tuple[str, str, str | None]]:
    """(Arabic, English, country) of the listed names the rules learn from: none with a word of a held-out name."""
    held, rest = split_held_out(name_pairs())
    unseen = {name_key(word) for pair in held for alias in (pair.name_ar, *pair.aliases) for word in alias.split()}
    cities = [(row["name_ar"], row["name_en"], row["country_code"] or None) for row in read_tsv("gazetteer", CITIES)]
    names = person_pairs(rest) + list(foreign_given_names()) + cities
    return [name for name in names if not any(name_key(word) in unseen for word in name[0].split())]


def examples() -> list[tuple[str, str]]:
    """(model spelling, listed spelling), folded, of every word of a model-spelled part of the learning names."""
    spelling = romanizer([])
    out = []
    for arabic, english, country in learning_names():
        words, latin = arabic.split(), latin_words(english)
        if len(words) != len(latin):
            continue
        parts = spelled_parts(spelling, arabic, country)
        if len(parts) != len(words):  # the package joined words into one part (عبد الله): no pairing by position
            continue
        for (spelled, source), listed in zip(parts, latin):
            pieces, listed_pieces = PIECE_BREAK.split(fold(spelled))[::2], PIECE_BREAK.split(fold(listed))[::2]
            if source == MODEL and len(pieces) == len(listed_pieces):  # rules rewrite each word of a part
                out += [(a, b) for a, b in zip(pieces, listed_pieces) if similarity(a, b) >= SAME_WORD_AT]
    return sorted(set(out))


def proposals(spelled: str, listed: str) -> set[Rewrite]:
    """Rewrites that turn a piece of ``spelled`` into the matching piece of ``listed``, with context."""
    a, b = WORD_START + spelled + WORD_END, WORD_START + listed + WORD_END
    changes = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    spans = [(op[1], op[2], op[3], op[4]) for op in changes]
    spans += [(x[1], y[2], x[3], y[4]) for x, y in zip(changes, changes[1:]) if y[1] - x[2] <= 1]
    out = set()
    for i1, i2, j1, j2 in spans:
        for left in range(CONTEXT + 1):
            for right in range(CONTEXT + 1):
                if i1 - left < 0 or i2 + right > len(a) or a[i1 - left : i1] != b[j1 - left : j1]:
                    continue
                if a[i2 : i2 + right] != b[j2 : j2 + right]:
                    continue
                before, after = a[i1 - left : i2 + right], b[j1 - left : j2 + right]
                if before and before != after and before not in (WORD_START, WORD_END):
                    out.add(Rewrite(before, after))
    return out


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100


def effect(rule: Rewrite, current: Sequence[str], listed: Sequence[str]) -> tuple[float, int, int]:
    """(summed similarity gained, examples helped, examples hurt) if ``rule`` were applied to ``current``."""
    gain, helped, hurt = 0.0, 0, 0
    for now, want in zip(current, listed):
        if rule.before not in WORD_START + now + WORD_END:
            continue
        change = similarity(rewrite_word(now, (rule,)), want) - similarity(now, want)
        gain += change
        helped += change > 0
        hurt += change < 0
    return gain, helped, hurt


def learn(
    pairs: Iterable[tuple[str, str]], min_helped: int = MIN_HELPED, helped_per_hurt: float = HELPED_PER_HURT
) -> list[Rewrite]:
    spelled, listed = zip(*pairs)
    current, rules = list(spelled), []
    while len(rules) < MAX_RULES:
        counts = Counter(rule for now, want in zip(current, listed) if now != want for rule in proposals(now, want))
        best, best_gain = None, 0.0
        for rule, n in counts.items():
            if n < min_helped:
                continue
            gain, helped, hurt = effect(rule, current, listed)
            if helped >= min_helped and helped >= helped_per_hurt * hurt and gain > best_gain:
                best, best_gain = rule, gain
        if best is None:
            break
        rules.append(best)
        current = [rewrite_word(now, (best,)) for now in current]
    return rules


def mean_similarity(pairs: Sequence[tuple[str, str]], rules: Sequence[Rewrite]) -> float:
    return sum(similarity(rewrite_word(s, tuple(rules)), w) for s, w in pairs) / len(pairs)


def cross_validate(pairs: Sequence[tuple[str, str]]) -> None:
    """Mean similarity on each of FOLDS parts of the examples with rules learned on the others (parts by a hash of
    the example), for the settings the constants were chosen among."""
    folds = [[p for p in pairs if fold_of(p) == i] for i in range(FOLDS)]
    rest = [[p for j, f in enumerate(folds) if j != i for p in f] for i in range(FOLDS)]
    none = sum(mean_similarity(f, ()) for f in folds) / FOLDS
    print(f"{FOLDS}-fold: mean similarity of the unseen fold, {none:.4f} without rules")
    print("min_helped  helped_per_hurt  rules  with rules")
    for min_helped in (2, 3, 4):
        for ratio in (3, 5, 8):
            learned = [learn(rest[i], min_helped, ratio) for i in range(FOLDS)]
            with_rules = sum(mean_similarity(folds[i], learned[i]) for i in range(FOLDS)) / FOLDS
            n = sum(len(r) for r in learned) / FOLDS
            print(f"{min_helped:10}  {ratio:15}  {n:5.1f}  {with_rules:.4f}")


def fold_of(pair: tuple[str, str]) -> int:
    return int(hashlib.sha256("\t".join(pair).encode("utf-8")).hexdigest(), 16) % FOLDS


def main(argv: Sequence[str] = ()) -> None:
    pairs = examples()
    if "--cv" in argv:
        cross_validate(pairs)
        return
    before = mean_similarity(pairs, ())
    rules = learn(pairs)
    after = mean_similarity(pairs, rules)
    print(f"{len(pairs)} examples, {len(rules)} rules: mean similarity {before:.3f} -> {after:.3f}")
    if "--dry-run" in argv:
        return
    lines = [HEADER.format(examples=len(pairs), helped=MIN_HELPED, ratio=HELPED_PER_HURT), "before\tafter"]
    OUT.write_text("\n".join(lines + [f"{r.before}\t{r.after}" for r in rules]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
