"""Regenerate article_domain_words.tsv: word stems whose presence says an article is sport, technology or culture.

Counted on ANT v2.1 (A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus: Experimenting on
Single-document Extractive Summarization. AJSE 2021; read with bench.ant, nothing unpacked), whose sections label each
article: OFF = sport, technology, culture; POLITICAL = middleEast, internationalNews (economy mixes both and is left
out). Left out of the counts too: the blind gold, and the 2000 articles the final event audit draws from
(bench/quality/event_audit.py, AUDIT_SEED), so that the audit judges articles whose labels were never counted. For
each stem, the share of OFF and of POLITICAL articles holding it (add-one smoothing) gives a log-odds weight; a stem
is kept when MIN_ARTICLES articles hold it and |weight| >= MIN_WEIGHT. An article's score is the sum of its distinct
stems' weights (flows/nlp/events/domains.py).

The threshold OFF_POLITICS_SCORE is chosen on one counted article in HELD_OUT_EVERY, held out from a first count:
the lowest score whose held-out articles called OFF are at least TARGET_PRECISION sport, technology or culture by
their section (0.95: the sections are noisy — World Cup reports filed under internationalNews cap what any threshold
reaches below 0.97). The script then prints how that threshold sorts the audit's articles by section. (ANT v1.1's sections,
tried first, transfer badly: at a threshold that calls 1% of v2.1's political articles off, only half of the sport,
technology and culture ones are.) Run by hand: ``.venv/bin/python -m bench.quality.build_article_domains``. Nothing
imports this script at run time.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "flows" / "data"
OFF = frozenset({"sport", "technology", "culture"})
POLITICAL = frozenset({"internationalNews", "middleEast"})
MIN_ARTICLES = 10
MIN_WEIGHT = 1.0
TARGET_PRECISION = 0.95
HELD_OUT_EVERY = 5

HEADER = (
    "# Word stems that say an article is sport, technology or culture (positive) or political news (negative):\n"
    "# log-odds of the share of ANT v2.1 articles holding the stem, off-politics sections against political ones\n"
    "# (A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus. AJSE 2021; Apache-2.0), the\n"
    "# blind gold and the final event audit's articles left out. Machine-written by bench/quality/build_article_domains.py.\n"
    "stem\tlog_odds\n"
)


def weights_from(docs: list[tuple[str, frozenset[str]]]) -> dict[str, float]:
    off = [stems for label, stems in docs if label in OFF]
    pol = [stems for label, stems in docs if label in POLITICAL]
    off_df = Counter(s for stems in off for s in stems)
    pol_df = Counter(s for stems in pol for s in stems)
    weights = {}
    for stem in off_df.keys() | pol_df.keys():
        if off_df[stem] + pol_df[stem] < MIN_ARTICLES or len(stem) < 2:
            continue
        weight = math.log((off_df[stem] + 1) / (len(off) + 2)) - math.log((pol_df[stem] + 1) / (len(pol) + 2))
        if abs(weight) >= MIN_WEIGHT:
            weights[stem] = round(weight, 3)
    return weights


def threshold(scored: list[tuple[str, float]]) -> float:
    """The lowest score at which the articles at or above it are TARGET_PRECISION off politics."""
    for cut in sorted({round(score, 1) for _, score in scored}):
        called = [label for label, score in scored if score >= cut]
        if called and sum(label in OFF for label in called) / len(called) >= TARGET_PRECISION:
            return cut
    return math.inf


def sorted_by(scored: list[tuple[str, float]], cut: float) -> str:
    off = [score >= cut for label, score in scored if label in OFF]
    pol = [score >= cut for label, score in scored if label in POLITICAL]
    other = Counter(label for label, score in scored if label not in OFF | POLITICAL and score >= cut)
    return (
        f"off-politics articles called off {sum(off)}/{len(off)}; political articles called off {sum(pol)}/{len(pol)}"
        f"; other sections called off {dict(other)}"
    )


def main() -> None:
    import random

    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml, member_names
    from bench.quality.ant2 import not_gold
    from bench.quality.event_audit import AUDIT_ARTICLES, AUDIT_SEED
    from flows.nlp.events.domains import article_stems

    names = not_gold(member_names(ANT_V2_TARBALL))
    audited = set(random.Random(AUDIT_SEED).sample(sorted(names), AUDIT_ARTICLES))  # as event_audit.draw does
    counted: list[tuple[str, frozenset[str]]] = []
    audit: list[tuple[str, frozenset[str]]] = []
    for name, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        doc = (Path(name).parent.name, article_stems(element(xml, "TEXT") or ""))
        (audit if name in audited else counted).append(doc)
    first = weights_from([d for i, d in enumerate(counted) if i % HELD_OUT_EVERY != 0])
    held = [(label, score(stems, first)) for i, (label, stems) in enumerate(counted) if i % HELD_OUT_EVERY == 0]
    cut = threshold([(label, value) for label, value in held if label in OFF | POLITICAL])
    print(f"threshold {cut} on the held-out counted articles: {sorted_by(held, cut)}")
    weights = weights_from(counted)
    print(
        f"the audit's {len(audit)} articles at {cut}: {sorted_by([(lb, score(st, weights)) for lb, st in audit], cut)}"
    )
    rows = "".join(f"{stem}\t{weight}\n" for stem, weight in sorted(weights.items()))
    (DATA / "article_domain_words.tsv").write_text(HEADER + rows, encoding="utf-8")


def score(stems: frozenset[str], weights: dict[str, float]) -> float:
    return sum(weights.get(stem, 0.0) for stem in stems)


if __name__ == "__main__":
    main()
