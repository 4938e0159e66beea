"""Which persons of a warehouse built before person_key are one person after it: the folded groups, counted and drawn.

    python -m bench.quality.person_folds W [--sample 30] [--seed 12] [--out FILE]

Reads the PERSON rows of a warehouse whose made-up persons still carry the old id (sha1 of the normalised name) and
groups them by what they are now: the listed person their name spells (flows.nlp.entities.canonical.listed_person),
else stable_id("person", name), whose key folds spellings. A group is folded when it holds two or more old entities.
Prints how many person entities there were and how many remain once the groups are one, and how many are mentioned
in one article only before and after (a group's articles are the union of its spellings' articles). With --sample,
writes a random sample of folded groups to judge by hand (bench/quality/audits/).
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections import defaultdict
from pathlib import Path

import duckdb

from flows.nlp.entities.base import stable_id
from flows.nlp.entities.canonical import listed_person
from flows.nlp.entities.gazetteer import load_gazetteer
from flows.nlp.text.arabic import normalize

PERSONS = "select entity_id, name_ar, num_articles from entities where entity_type = 'PERSON' and num_articles > 0"
# The articles each person is mentioned in (a fold's article count is the size of the union, not the sum).
ARTICLES = """
select distinct m.entity_id, m.article_id from mentions m join entities e using (entity_id)
where e.entity_type = 'PERSON'
"""


def old_stable_id(name: str) -> str:
    """The id a made-up person had before person_key: sha1 of the normalised name."""
    key = " ".join(normalize(name).split())
    return f"person:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def folded_groups(path: Path) -> tuple[dict[str, list[tuple[str, str, int]]], dict[str, set[str]]]:
    """new id -> [(old id, name, articles)], and old id -> its articles."""
    gazetteer = load_gazetteer()
    with duckdb.connect(str(path), read_only=True) as db:
        rows = db.execute(PERSONS).fetchall()
        articles: dict[str, set[str]] = defaultdict(set)
        for entity_id, article_id in db.execute(ARTICLES).fetchall():
            articles[entity_id].add(article_id)
    groups: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for entity_id, name, count in rows:
        new_id = entity_id
        if entity_id == old_stable_id(name):
            listed = listed_person(name, gazetteer)
            new_id = listed.entity_id if listed is not None else stable_id("person", name)
        groups[new_id].append((entity_id, name, count))
    return groups, articles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--sample", type=int, default=0, help="how many folded groups to draw for a hand audit")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, help="TSV of the drawn groups (default: print them)")
    args = parser.parse_args(argv)
    groups, articles = folded_groups(args.warehouse)
    folded = {k: v for k, v in groups.items() if len(v) > 1}
    before = sum(len(v) for v in groups.values())
    single_before = sum(1 for v in groups.values() for _, _, n in v if n == 1)
    single_after = sum(1 for v in groups.values() if len(set().union(*(articles[e] for e, _, _ in v))) == 1)
    to_listed = sum(1 for k in folded if not k.startswith("person:") or not _hashed(k))
    print(f"person entities: {before} -> {len(groups)}")
    print(f"folded groups: {len(folded)} holding {sum(len(v) for v in folded.values())} entities")
    print(f"  of which joined to a listed person: {to_listed}")
    print(f"person entities in one article only: {single_before} -> {single_after}")
    if not args.sample:
        return
    drawn = random.Random(args.seed).sample(sorted(folded), min(args.sample, len(folded)))
    lines = [
        f"{k}\t{' | '.join(f'{name} ({n})' for _, name, n in sorted(folded[k], key=lambda r: -r[2]))}" for k in drawn
    ]
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))


def _hashed(entity_id: str) -> bool:
    tail = entity_id.removeprefix("person:")
    return len(tail) == 12 and all(ch in "0123456789abcdef" for ch in tail)


if __name__ == "__main__":
    main()
