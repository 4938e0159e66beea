"""Census of irrealis governors on ANT v2.1: which words of wanting, seeking and possibility join irrealis_words.tsv.

    .venv/bin/python -m bench.quality.build_irrealis_words [--limit N] [--write]

The candidates (bench/quality/irrealis_candidates.tsv) are the Arabic words of volition, seeking and possibility
(and, turned down there with the reason, of attempt, hope, intention and readiness), written from those closed
classes, not from sentences. Each candidate's forms are made as the stage makes them (flows.nlp.text.syntax.
irrealis_forms: a verb's third-person forms, a noun's inflected forms, a fixed word as written) and counted in every
ANT v2.1 article outside the blind gold and outside the articles of the event audits drawn after this census (the
precision audits' seeds PRECISION_SEEDS, round 11's fresh seed 31 among them, and the recall audits' RECALL_SEEDS,
drawn as those audits draw them), two ways:

- ``count``: its occurrences;
- ``governed``: how many of them govern an event trigger of the stage's lexicon (flows/nlp/events/triggers.py)
  the way the stage reads it (syntax.irrealis_governor): right after it, or after at most IRREALIS_REACH_WORDS link
  words (أن، إلى، في، على) and the support words of irrealis.light_words, with no punctuation between; each
  wording once (a site's notice repeated under hundreds of articles, "يمكنكم تسلم إشعارات", counts once).

A candidate is kept when it governs at least MIN_GOVERNED triggers and its ``judged`` column says "keep". ``--write``
writes the kept rows with their counts to flows/data/irrealis_words.tsv (read by flows.nlp.text.syntax); without it
the table is printed. Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from flows.nlp.text import derived_forms, normalize, words
from flows.nlp.text.forms import finite_forms
from flows.nlp.text.syntax import IRREALIS_LINKS, IRREALIS_REACH_WORDS

CANDIDATES = Path(__file__).resolve().parent / "irrealis_candidates.tsv"
OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "irrealis_words.tsv"
# A governor must govern an event trigger this often in the counted articles: ten is about one in every 1,000
# articles, the least a word needs to matter to the stage's figures at all.
MIN_GOVERNED = 10
# The event audits drawn after this census (event_audit.py draw --seed S, AUDIT_ARTICLES articles; round 11's fresh
# seed 31 is drawn after it) and the recall audits (event_recall_audit.py draw --seed S --articles 300): never counted.
PRECISION_SEEDS = (27, 30, 31)
RECALL_SEEDS = (92, 93)
RECALL_ARTICLES = 300
COLUMNS = ("lemma", "pos", "kind")
# Characters after the governed trigger that make a wording: the same notice repeated under many articles is one.
WORDING_CHARS = 30


def candidate_rows() -> list[dict[str, str]]:
    lines = [line for line in CANDIDATES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def forms_of(row: dict[str, str]) -> frozenset[str]:
    """The forms the stage matches for a row (as flows.nlp.text.syntax.irrealis_forms makes them)."""
    return finite_forms(row["lemma"]) if row["pos"] == "verb" else derived_forms(row["lemma"], row["pos"])


def counted_names() -> list[str]:
    """The member names counted: outside the blind gold and outside the audits drawn after the census."""
    from bench.ant import ANT_V2_TARBALL, member_names
    from bench.quality.ant2 import not_gold
    from bench.quality.event_audit import AUDIT_ARTICLES

    names = not_gold(member_names(ANT_V2_TARBALL))
    audited = {n for seed in PRECISION_SEEDS for n in random.Random(seed).sample(sorted(names), AUDIT_ARTICLES)}
    audited |= {n for seed in RECALL_SEEDS for n in random.Random(seed).sample(sorted(names), RECALL_ARTICLES)}
    return [name for name in names if name not in audited]


def census(rows: list[dict[str, str]], limit: int | None = None) -> tuple[Counter[str], Counter[str], int]:
    """(occurrences, governed triggers) by lemma over the counted articles, and how many articles were read."""
    from bench.ant import ANT_V2_TARBALL, element, iter_ant_xml
    from flows.nlp.events.irrealis import light_words
    from flows.nlp.events.triggers import trigger_lexicon

    lexicon = trigger_lexicon()
    light = light_words()
    lemma_of: dict[str, str] = {}
    for row in rows:
        for form in forms_of(row):
            lemma_of.setdefault(form, row["lemma"])
    names = counted_names()
    if limit is not None:
        names = names[:limit]
    count: Counter[str] = Counter()
    governed: Counter[str] = Counter()
    seen: set[str] = set()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        body = element(xml, "TEXT") or ""
        seq = words(body, 0, len(body))
        for i, word in enumerate(seq):
            lemma = lemma_of.get(word.key)
            if lemma is None:
                continue
            count[lemma] += 1
            j, end = i + 1, word.end
            while j < len(seq) and not body[end : seq[j].start].strip():
                if lexicon.match_at(seq, j) is not None:
                    wording = body[word.start : seq[j].end + WORDING_CHARS]
                    governed[lemma] += wording not in seen
                    seen.add(wording)
                    break
                if j - i > IRREALIS_REACH_WORDS or not (seq[j].key in IRREALIS_LINKS or seq[j].key in light):
                    break
                end, j = seq[j].end, j + 1
    return count, governed, len(names)


def write(rows: list[dict[str, str]], count: Counter[str], governed: Counter[str], read: int) -> None:
    from bench.ant import ANT_CITATION, ANT_V2_CITATION

    header = [
        "# Irrealis governors admitted by corpus counts: written by bench/quality/build_irrealis_words.py --write (do not",
        "# edit by hand: change bench/quality/irrealis_candidates.tsv and rerun). Read by flows/nlp/text/syntax.py",
        "# (irrealis_governor): a word of wanting, seeking or possibility whose complement is an act wished for or",
        "# possible, no report that it happened. A candidate is kept when, over the ANT v2.1 articles outside the blind",
        f"# gold and the audits drawn after it ({read} articles), it governs at least {MIN_GOVERNED} event triggers",
        "# (governed) and is judged keep by hand (the candidates' file gives the reason for each turned down).",
        f"# {ANT_CITATION}; {ANT_V2_CITATION}",
        "\t".join((*COLUMNS, "count", "governed")),
    ]
    body = [
        "\t".join((*(row[c] for c in COLUMNS), str(count[row["lemma"]]), str(governed[row["lemma"]])))
        for row in rows
        if row["judged"] == "keep" and governed[row["lemma"]] >= MIN_GOVERNED
    ]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} of {len(rows)} candidates kept in {OUT}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build_irrealis_words", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="count only the first N articles (a quick look)")
    parser.add_argument("--write", action="store_true", help=f"write the kept candidates to {OUT.name}")
    args = parser.parse_args(argv)
    rows = candidate_rows()
    count, governed, read = census(rows, args.limit)
    print(f"{read} articles; kept when governed >= {MIN_GOVERNED} and judged keep")
    for row in rows:
        lemma = row["lemma"]
        verdict = "keep" if row["judged"] == "keep" and governed[lemma] >= MIN_GOVERNED else "out"
        print(f"{verdict:5} {row['kind']:12} {count[lemma]:6} {governed[lemma]:6}  {normalize(lemma)}")
    if args.write:
        write(rows, count, governed, read)


if __name__ == "__main__":
    main()
