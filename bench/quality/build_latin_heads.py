"""Which words stand right before a name in Latin script: a census for the heads of kind media, quoted and latin in
flows/data/org_heads.tsv, whose Latin name after them is a body's (flows.nlp.entities.patterns.LATIN_NAME_KINDS).

    python -m bench.quality.build_latin_heads [--articles 12000] [--min-count 10] [--examples 8]

Arabic news writes a foreign company's or medium's name in Latin script after its descriptor ("شبكة CNN", "شركة
Samsung Display", "صحيفة Wall Street Journal"). The census reads the ANT v2.1 articles outside the blind gold
(bench/quality/ant2.py) and counts the Arabic word (its proclitics و، ب، ل taken off) before each run of Latin words, with
the most frequent names after it. A reviewer keeps the heads whose names are bodies (not تطبيق or هاتف, whose names are
products). Figures on ANT cite bench/ant.py.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names
from flows.nlp.entities.gazetteer import org_heads
from flows.nlp.text.arabic import normalize

# An Arabic word, then (after an optional quote) a run of Latin words.
BEFORE_LATIN = re.compile(r"([\u0621-\u064a\u0640]+)\s+\"?([A-Za-z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})")
PROCLITICS = "وبل"


def census(articles: int) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """(how often each word stands before a Latin name, how often each (word, name) pair does)."""
    wanted = set(drawable_names()[:articles])
    before: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=wanted):
        article = parse_ant_document(xml)
        if article is None:
            continue
        for match in BEFORE_LATIN.finditer(article.text):
            word = normalize(match.group(1)).replace("\u0640", "")
            while len(word) > 3 and word[0] in PROCLITICS and word[1:] in org_heads():
                word = word[1:]
            before[word] += 1
            pairs[(word, match.group(2))] += 1
    return before, pairs


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build_latin_heads", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12000)
    parser.add_argument("--min-count", type=int, default=10)
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args(list(argv or []))
    before, pairs = census(args.articles)
    heads = org_heads()
    print("word\tbefore a Latin name\tkind in org_heads.tsv\tmost frequent names")
    for word, count in before.most_common():
        if count < args.min_count:
            break
        names = [f"{name} ({n})" for (w, name), n in pairs.most_common() if w == word][: args.examples]
        print(f"{word}\t{count}\t{heads.get(word, '-')}\t{', '.join(names)}")
    print(f"ANT v2.1: {ANT_CITATION}; {ANT_V2_CITATION}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
