"""Words that follow a person's name and end it: a census for flows/data/gazetteer/name_followers.tsv.

    python -m bench.quality.build_name_followers [--articles 40000] [--jobs 2] [--min-articles 5]

The tagger now and then runs a person's name on to the word after it: a verb of which the person is the subject
("رونالدو تنثر الفرح"، "ديميتروف فاز"), a pronoun ("مولر هو جمهوري"), a noun. In one sentence the word looks like a
family name; across the corpus it does not: it is a word that stands right after names. The census reads, over the
ANT v2.1 articles outside the gold (bench/quality/ant2.py ``not_gold``, through bench.quality.audit.drawable_names;
``--articles`` takes a seeded sample), every listed person's name (gazetteer/people.tsv: its names and aliases, a
surname alone among them, matched whole, the longest first) and the word written right after it with nothing but
spaces between, as normalised with its clitics; it keeps the words seen so in ``--min-articles`` articles or more
that the tagger reads inside a person's name in hardly any of their occurrences (gazetteer/unnamed_words.tsv, the
census of bench/quality/build_unnamed_words.py) and that no listed name holds. Such a word after a person's first
word ends the name (flows.nlp.entities.span_words.run_on_word). Figures on ANT cite bench/ant.py. Nothing imports this
script at run time.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.ant import ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names

OUT = Path(__file__).resolve().parents[2] / "flows" / "data" / "gazetteer" / "name_followers.tsv"
SEED = 7  # the sample's shuffle, as build_unnamed_words.py
WORD = re.compile(r"[\u0621-\u0652\u0640]+")
# A word of one letter is a clitic written apart (بـ، و), as often inside a tokenised name (سعد بن أبي و قاص) as after
# one: left out.
MIN_LETTERS = 2


def sample(articles: int) -> list[str]:
    names = drawable_names()
    random.Random(SEED).shuffle(names)
    return names[:articles]


def person_index() -> dict[str, list[tuple[str, ...]]]:
    """Listed persons' names and aliases, by first normalised word, longest first."""
    from flows.nlp.entities.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    index: dict[str, list[tuple[str, ...]]] = {}
    for first, cands in gazetteer.index.items():
        for rest, infos in cands:
            if any(i.kind == "name" and gazetteer.entities[i.entity_id].entity_type == "PERSON" for i in infos):
                index.setdefault(first, []).append((first, *rest))
    for cands in index.values():
        cands.sort(key=lambda c: -len(c))
    return index


def count(names: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """(occurrences of each word right after a listed person's name, the articles it stands so in)."""
    from flows.nlp.text.arabic import normalize

    index = person_index()
    after: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for _, xml in iter_ant_xml(ANT_V2_TARBALL, wanted=set(names)):
        article = parse_ant_document(xml)
        if article is None:
            continue
        found = list(WORD.finditer(article.text))
        words = [normalize(m.group()) for m in found]
        seen: set[str] = set()
        k = 0
        while k < len(words):
            name = next((c for c in index.get(words[k], ()) if tuple(words[k : k + len(c)]) == c), None)
            if name is None:
                k += 1
                continue
            end = k + len(name)
            if end < len(words) and not article.text[found[end - 1].end() : found[end].start()].strip():
                after[words[end]] += 1
                seen.add(words[end])
            k = end
        articles.update(seen)
    return after, articles


def census(articles: int, jobs: int) -> tuple[Counter[str], Counter[str]]:
    names = sample(articles)
    shards = [names[k::jobs] for k in range(jobs)]
    after: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    with ProcessPoolExecutor(jobs) as pool:
        for a, s in pool.map(count, shards):
            after.update(a)
            seen.update(s)
    return after, seen


def followers(after: Counter[str], articles: Counter[str], min_articles: int) -> list[tuple[str, int, int]]:
    """(word, occurrences after a name, articles) of the words kept (see the module docstring), most articles first."""
    from flows.nlp.entities.gazetteer import unnamed_words
    from flows.nlp.entities.tagger import clitic_stem, gazetteer_words

    names = gazetteer_words()
    listed = names["given"] | names["person"]
    unnamed = unnamed_words()
    rows = [
        (w, after[w], n)
        for w, n in articles.items()
        if n >= min_articles
        and len(w) >= MIN_LETTERS
        and w in unnamed
        and w not in listed
        and clitic_stem(w)[0] not in listed
    ]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def write(rows: list[tuple[str, int, int]], args: argparse.Namespace, path: Path = OUT) -> None:
    header = [
        "# Words written right after a listed person's name that the tagger seldom reads inside one: the census of",
        f"# bench/quality/build_name_followers.py (--articles {args.articles} --min-articles {args.min_articles}: the",
        "# ANT v2.1 articles outside the gold). word: normalised, with its clitics; after_name: its occurrences right",
        "# after a listed name; articles: the articles it stands so in. flows.nlp.entities.span_words.run_on_word reads it.",
        f"# Corpus: {ANT_V2_CITATION}",
        "word\tafter_name\tarticles",
    ]
    path.write_text("\n".join([*header, *(f"{w}\t{n}\t{a}" for w, n, a in rows)]) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=40000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-articles", type=int, default=5)
    args = parser.parse_args(argv)
    after, articles = census(args.articles, args.jobs)
    rows = followers(after, articles, args.min_articles)
    write(rows, args)
    print(f"{len(rows)} words written to {OUT}")


if __name__ == "__main__":
    main()
