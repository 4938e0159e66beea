"""Words the name tagger seldom reads inside a person's name across the corpus: a census for
flows/data/gazetteer/unnamed_words.tsv.

    python -m bench.quality.build_unnamed_words [--articles 20000] [--jobs 2] [--min-count 20] [--max-share 0.05]

The tagger reads a sentence at a time, and now and then it runs a person's name on to the word before or after it:
a verb or a verbal noun that opens the clause ("وشارك ديمبلي"، "رشح هاسبل"، "تعيين هاسبل"، "وروى عيتاني") or a
verb that follows the subject ("ديميتروف فاز"). In one sentence the run-on looks like a given name; across the corpus
it does not: the tagger reads رشح inside a person's name in hardly any of its occurrences, while a given name, even
one spelled like a verb (زيد، ريد، ساري; يزيد "exceeds" is a listed given name), is inside one in most of its own.
The census runs the tagger (flows.nlp.entities.tagged.tagger_reading) over a seeded random sample of the ANT v2.1
articles outside the blind gold (bench/quality/ant2.py), and for each normalised word, as written with its clitics,
counts its occurrences and those inside a tagger PERSON span. It writes the words seen at least ``--min-count``
times of which at most ``--max-share`` stand inside a person's name, with both counts. The entity stage cuts such
a word off the edge of a person's span (flows.nlp.entities.span_words.unnamed_word), unless a listed name holds it.
Figures on ANT cite bench/ant.py. Nothing imports this script at run time.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.ant import ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names

OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "gazetteer" / "unnamed_words.tsv"
SEED = 7  # the sample's shuffle


def sample(articles: int) -> list[str]:
    names = drawable_names()
    random.Random(SEED).shuffle(names)
    return names[:articles]


def count(names: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """(occurrences of each normalised word, occurrences inside a tagger PERSON span) over the named articles."""
    from flows.nlp.entities.tagged import tagger_reading
    from flows.nlp.entities.tokens import EntityText
    from flows.nlp.text.arabic import split_sentences

    total: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        article = parse_ant_document(xml)
        if article is None:
            continue
        text = EntityText.build(article.text, split_sentences(article.text))
        for tok in text.toks:
            total[tok.norm] += 1
        for span in tagger_reading(text).spans:
            if span.entity_type == "PERSON":
                for k in range(span.tok_start, span.tok_end):
                    inside[text.toks[k].norm] += 1
    return total, inside


def census(articles: int, jobs: int) -> tuple[Counter[str], Counter[str]]:
    names = sample(articles)
    shards = [names[k::jobs] for k in range(jobs)]
    total: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    with ProcessPoolExecutor(jobs) as pool:
        for t, i in pool.map(count, shards):
            total.update(t)
            inside.update(i)
    return total, inside


def unnamed(total: Counter[str], inside: Counter[str], min_count: int, max_share: float) -> list[tuple[str, int, int]]:
    rows = [(w, n, inside[w]) for w, n in total.items() if n >= min_count and inside[w] <= max_share * n]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def write(rows: list[tuple[str, int, int]], args: argparse.Namespace, path: Path = OUT) -> None:
    header = [
        "# Words the name tagger seldom reads inside a person's name: the census of bench/quality/build_unnamed_words.py",
        f"# (--articles {args.articles} --min-count {args.min_count} --max-share {args.max_share}: a seeded sample of",
        "# the ANT v2.1 articles outside the blind gold). word: normalised, as written with its clitics; count: its",
        "# occurrences; in_person: those inside a tagger PERSON span. flows.nlp.entities.span_words.unnamed_word reads it.",
        f"# Corpus: {ANT_V2_CITATION}",
        "word\tcount\tin_person",
    ]
    path.write_text("\n".join([*header, *(f"{w}\t{n}\t{i}" for w, n, i in rows)]) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--max-share", type=float, default=0.05)
    args = parser.parse_args(argv)
    total, inside = census(args.articles, args.jobs)
    rows = unnamed(total, inside, args.min_count, args.max_share)
    write(rows, args)
    print(f"{len(rows)} words written to {OUT}")


if __name__ == "__main__":
    main()
