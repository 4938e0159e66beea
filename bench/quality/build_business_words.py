"""List the word stems that put a sentence in business or an economy's figures: candidates for event_domains.tsv.

Counted on ANT v2.1 (A. Chouigui, O. Ben Khiroun, B. Elayeb. An Arabic Multi-source News Corpus: Experimenting on
Single-document Extractive Summarization. AJSE 2021; read with bench.ant, nothing unpacked) by sentence: the share of
economy-section sentences holding a stem against the share of political-section ones (middleEast,
internationalNews), add-one smoothed, as log-odds. Left out of the counts: the blind gold and the articles of the
current event audit (bench/quality/event_audit.py, AUDIT_SEED), so that the audit judges sentences never counted.
A stem is printed when MIN_SENTENCES economy sentences hold it and its weight is at least MIN_WEIGHT: a sentence
holding it is that many times likelier to be an economy report (e^2 = 7.4) than a political one. The printed stems
are read by a person, who keeps those with no common political sense (a price, a stock index, a currency's rate, a
company's results; not "دولار" or "مليار", which aid and arms deals also count) — event_domains.tsv says which were
kept. Run by hand: ``.venv/bin/python -m bench.quality.build_business_words``. Nothing imports this at run time.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

ECONOMY = "economy"
POLITICAL = frozenset({"internationalNews", "middleEast"})
MIN_SENTENCES = 150
MIN_WEIGHT = 2.0


def stem_weights(sentences: list[tuple[str, frozenset[str]]]) -> list[tuple[str, float, int, int]]:
    """(stem, log-odds economy against politics, economy sentences, political sentences), strongest first."""
    eco = Counter(s for label, stems in sentences if label == ECONOMY for s in stems)
    pol = Counter(s for label, stems in sentences if label in POLITICAL for s in stems)
    n_eco = sum(label == ECONOMY for label, _ in sentences)
    n_pol = sum(label in POLITICAL for label, _ in sentences)
    found = []
    for stem, count in eco.items():
        if count < MIN_SENTENCES or len(stem) < 3:
            continue
        weight = math.log((count + 1) / (n_eco + 2)) - math.log((pol[stem] + 1) / (n_pol + 2))
        if weight >= MIN_WEIGHT:
            found.append((stem, round(weight, 2), count, pol[stem]))
    return sorted(found, key=lambda row: -row[1])


def main() -> None:
    import random

    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml, member_names
    from bench.quality.ant2 import not_gold
    from bench.quality.event_audit import AUDIT_ARTICLES, AUDIT_SEED
    from flows.nlp.events.domains import article_stems
    from flows.nlp.text import split_sentences

    names = not_gold(member_names(ANT_V2_TARBALL))
    audited = set(random.Random(AUDIT_SEED).sample(sorted(names), AUDIT_ARTICLES))  # as event_audit.draw does
    sentences: list[tuple[str, frozenset[str]]] = []
    for name, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names) - audited):
        label = Path(name).parent.name
        if label != ECONOMY and label not in POLITICAL:
            continue
        body = element(xml, "TEXT") or ""
        sentences += [(label, article_stems(body[s.char_start : s.char_end])) for s in split_sentences(body)]
    for stem, weight, eco, pol in stem_weights(sentences):
        print(f"{stem}\t{weight}\t{eco}\t{pol}")


if __name__ == "__main__":
    main()
