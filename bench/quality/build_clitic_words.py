"""Write flows/data/clitic_words.tsv: frequent words whose first or last letters look like a clitic but are not one.

The text layer splits a proclitic (و ف ب ل ك س) off a word when at least three letters are left, and a pronoun
enclitic when a three-letter stem is left. That rule is wrong for a word like وزارة ("ministry", not و + زارة) or
فرنسا. Corpus counts tell them apart: a real clitic leaves a word that is common on its own (وقال -> قال), a
false one leaves a rare string (وزارة -> زارة). This script counts the normalised words of ANT v2.1 (the 40
blind gold articles excluded) and lists every word seen MIN_COUNT times or more whose remainder is seen fewer than
RATIO times as often as the word itself.

    python -m bench.quality.build_clitic_words [--tarball ../shared/corpus/ant-v2.1-dev.tar.gz]

ANT: A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus: Experimenting on Single-document
Extractive Summarization. AJSE 2021 (Apache-2.0 + citation).
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from bench.ant import ANT_V2_TARBALL, read_ant
from flows.nlp.text.arabic import normalize
from flows.nlp.text.morph import (
    ARTICLE,
    CONJUNCTIONS,
    ENCLITICS,
    FUTURE,
    MIN_AFTER_ARTICLE,
    MIN_BASE,
    PREPOSITIONS,
)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_TARBALL = ANT_V2_TARBALL
OUT = REPO / "flows" / "data" / "clitic_words.tsv"
# A word rarer than this is left to the default rule: its counts say too little.
MIN_COUNT = 10
# 3 %: كانت ("was", 9,490) leaves انت (268, 2.8 %) and is kept whole; واضاف ("and he added", 8,747) leaves
# اضاف (434, 5.0 %) and is split. Words in between are few and mostly names.
RATIO = 0.03
# The longest remainder after ال that is tested (الذين -> ذين).
ARTICLE_TEST_MAX = 3
ARABIC_WORD = re.compile(r"[\u0621-\u064A\uE000]+")
# ة survives normalisation as this private-use character while counting.
TA_MARBUTA_MARK = "\ue000"


def blind_docnos() -> set[str]:
    text = (REPO / "tests" / "gold" / "ant2" / "selection.json").read_text(encoding="utf-8")
    return set(re.findall(r"[A-Z]{2}-[A-Za-z]+-\d+-\d{8}", text))


def count_words(tarball: Path) -> collections.Counter[str]:
    """Normalised word counts, except that a final ة stays ة: it is never an enclitic ه."""
    blind = blind_docnos()
    counts: collections.Counter[str] = collections.Counter()
    for article in read_ant(tarball):
        if article.docno not in blind:
            text = (article.title + "\n" + article.text).replace("ة", TA_MARBUTA_MARK)
            counts.update(w.replace(TA_MARBUTA_MARK, "ة") for w in ARABIC_WORD.findall(normalize(text)))
    return counts


def proclitic_remainder(word: str) -> str | None:
    """What the default rule leaves after the first proclitic or the article, or None when it would not split (or
    when an article follows: و، ب، ل + ال is a clitic even in an idiom whose bare form is rare, بالتزامن)."""
    first = word[0]
    if word.startswith(ARTICLE):
        # Only short remainders are tested: a noun is often rarer bare than with its article (المتحدة), but the
        # words that merely start like the article are short function words (التي، الذين، إليه، إليها).
        rest = word[len(ARTICLE) :]
        return rest if MIN_AFTER_ARTICLE <= len(rest) <= ARTICLE_TEST_MAX else None
    if first in CONJUNCTIONS or first in PREPOSITIONS or first == FUTURE:
        rest = word[1:]
        if first == "ل" and rest.startswith("ل"):
            return None  # ل + ال (للأمم) or ل + a word in ل (للاعبين): both clitics
        if rest.startswith(ARTICLE):
            return None
        return rest if len(rest) >= MIN_BASE else None
    return None


def enclitic_remainders(word: str) -> tuple[str, ...]:
    """What the default rule leaves before an enclitic: the base, and with ت read as ة (حكومته -> حكومه)."""
    for suffix in ENCLITICS:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            base = word[: -len(suffix)]
            return (base, base[:-1] + "ه") if base.endswith("ت") else (base,)
    return ()


def ta_marbuta_bases(surface_counts: collections.Counter[str]) -> list[tuple[str, str, int, int]]:
    """Nouns in اة (حياة، مباراة، وفاة): before an enclitic their ت follows an alef as a plural's does (حياته,
    تصريحاته), so the layer needs the list to read the base back as a ة noun."""
    rows = []
    for word, count in surface_counts.items():
        if word.endswith("اة") and count >= MIN_COUNT:
            base = normalize(word[:-1] + "ت")
            rows.append((base, "ta_marbuta", count, surface_counts[base]))
    return rows


def whole_words(surface_counts: collections.Counter[str]) -> list[tuple[str, str, int, int]]:
    counts: collections.Counter[str] = collections.Counter()
    for word, count in surface_counts.items():
        counts[normalize(word)] += count
    rows = []
    for word, count in counts.items():
        if count < MIN_COUNT:
            continue
        # A word mostly written with a final ة cannot end in an enclitic: the layer never splits it.
        ends = () if surface_counts[word[:-1] + "ة"] * 2 > count else enclitic_remainders(word)
        start = proclitic_remainder(word)
        if start is not None and counts[start] < RATIO * count:
            rows.append((word, "start", count, counts[start]))
        if ends and max(counts[rest] for rest in ends) < RATIO * count:
            rows.append((word, "end", count, max(counts[rest] for rest in ends)))
    rows += ta_marbuta_bases(surface_counts)
    return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, default=DEFAULT_TARBALL)
    args = parser.parse_args()
    rows = whole_words(count_words(args.tarball))
    header = [
        "# Words that keep their first (start) or last (end) letters: they look like a clitic but are not one;",
        "# and (ta_marbuta) the bases in ات that are a noun in اة before an enclitic (حياته -> حياة).",
        "# Generated by bench/quality/build_clitic_words.py from ANT v2.1 word counts (blind gold excluded):",
        f"# seen >= {MIN_COUNT} times, and the remainder seen < {RATIO:.0%} as often. Do not edit by hand: rerun.",
        "# ANT: Chouigui, Ben Khiroun, Elayeb, AJSE 2021 (Apache-2.0 + citation).",
        "form\tkeep\tcount\tremainder_count",
    ]
    lines = [f"{w}\t{side}\t{n}\t{r}" for w, side, n, r in rows]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
