"""A random audit of the entity stage on ANT v2.1 articles outside the gold selection, judged by hand.

    python -m bench.quality.entity_audit draw [--articles 2000] [--entities 100] [--seed 21] [--out FILE]
    python -m bench.quality.entity_audit score [FILE]
    python -m bench.quality.entity_audit rerun FILE...

``draw`` reads the ANT v2.1 tarball through bench/ant.py, keeps the articles that are not in
tests/gold/ant2/selection.json, takes ``--articles`` of them at random (fixed seed), runs the entity stage on each
title and <TEXT>, aggregates the mentions to entities (one row per entity_id, with how many of these articles mention
it) and draws ``--entities`` of them at random (same seed). Each row shows the entity's name and type, a surface it
was found as and a short excerpt around that mention, and leaves three columns to be judged with 1 or 0: name_ok (a
real name of a person, body or place, not a common word or phrase), type_ok (the right type), whole_ok (the whole
name, nothing run on and nothing cut off). ``score`` prints the precision (all three 1) and each column's.
``rerun`` runs the current code again on the articles of judged files (dev data once studied) and prints each row
whose mention changed (``was -> now``: the spans and types now read over the judged surface) or is gone, with its
judgement, and a count of the right and the wrong rows that moved; a person judges the changed ones again.
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names, parse_audit_args, rereadable_names, share, write_rows
from bench.quality.audit import read_rows as read
from flows.nlp.entities.extract import extract_entities
from flows.nlp.text import split_sentences
from flows.nlp.types import Document

AUDIT = Path(__file__).resolve().parent / "audits" / "entities_ant2.tsv"
COLUMNS = (
    "docno",
    "entity_id",
    "type",
    "name_ar",
    "articles",
    "surface",
    "excerpt",
    "name_ok",
    "type_ok",
    "whole_ok",
    "note",
)
JUDGED = ("name_ok", "type_ok", "whole_ok")
# Short excerpts only: the corpus text is not copied into the repository.
EXCERPT_WORDS = 4
SEED = 21


def draw(articles: int, entities: int, seed: int, tarball: Path = ANT_V2_TARBALL) -> list[dict[str, str]]:
    names = drawable_names(tarball)
    rng = random.Random(seed)
    chosen = set(rng.sample(names, min(articles, len(names))))
    rows: dict[str, dict[str, str]] = {}
    counts: dict[str, int] = {}
    for _, xml in iter_ant_xml(tarball, wanted=chosen):
        article = parse_ant_document(xml)
        if article is None:
            continue
        doc = Document(article.docno, article.text, article.title, None, split_sentences(article.text))
        found, mentions = extract_entities(doc)
        names_ar = {e.entity_id: e.name_ar for e in found}
        for entity_id in {m.entity_id for m in mentions}:
            counts[entity_id] = counts.get(entity_id, 0) + 1
        for m in mentions:
            if m.entity_id in rows or m.is_adjectival:
                continue
            text = article.title if m.part == "title" else article.text
            before = " ".join((text or "")[: m.char_start].split()[-EXCERPT_WORDS:])
            after = " ".join((text or "")[m.char_end :].split()[:EXCERPT_WORDS])
            excerpt = f"{m.part}: {before} [{m.surface}] {after}"
            values = (article.docno, m.entity_id, m.entity_type, names_ar[m.entity_id], "", m.surface, excerpt)
            rows[m.entity_id] = dict(zip(COLUMNS, values + ("",) * 4, strict=True))
    for entity_id, row in rows.items():
        row["articles"] = str(counts[entity_id])
    ordered = sorted(rows.values(), key=lambda r: r["entity_id"])
    return rng.sample(ordered, min(entities, len(ordered)))


def audit_precision(rows: list[dict[str, str]]) -> tuple[float, int]:
    """The share of judged rows whose name, type and extent are all right."""
    judged = [row for row in rows if all(row.get(c) in ("0", "1") for c in JUDGED)]
    right = sum(all(row[c] == "1" for c in JUDGED) for row in judged)
    return (right / len(judged) if judged else 0.0), len(judged)


def rerun(paths: Sequence[Path], tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """Rows whose mention the current code reads differently, and the count of right / wrong rows that moved."""
    rows = [row for path in paths for row in read(path) if all(row.get(c) in ("0", "1") for c in JUDGED)]
    docnos = {row["docno"] for row in rows}
    wanted = {name for name in rereadable_names(tarball) if Path(name).stem in docnos}
    articles = {}
    for _, xml in iter_ant_xml(tarball, wanted=wanted):
        article = parse_ant_document(xml)
        if article is not None and article.docno in docnos:
            doc = Document(article.docno, article.text, article.title, None, split_sentences(article.text))
            articles[article.docno] = (article, extract_entities(doc)[1])
    out, moved = [], {"right": 0, "wrong": 0}
    for row in rows:
        if row["docno"] not in articles:
            continue
        article, mentions = articles[row["docno"]]
        part, _, shown = row["excerpt"].partition(": ")
        text = (article.title if part == "title" else article.text) or ""
        span = _judged_span(text, shown, row["surface"])
        if span is None:
            continue
        now = [
            f"{m.surface}:{m.entity_type}"
            for m in mentions
            if m.part == part and m.char_start < span[1] and span[0] < m.char_end and not m.is_adjectival
        ]
        was = f"{row['surface']}:{row['type']}"
        if now != [was]:
            right = all(row[c] == "1" for c in JUDGED)
            moved["right" if right else "wrong"] += 1
            judged = "".join(row[c] for c in JUDGED)
            out.append(f"{row['docno']}\t{judged}\t{was} -> {' | '.join(now) or 'gone'}\t{row['note']}")
    return [*out, f"{len(rows)} judged rows re-run; moved: {moved['right']} right, {moved['wrong']} wrong"]


def _judged_span(text: str, shown: str, surface: str) -> tuple[int, int] | None:
    """Where in ``text`` the excerpt ``before [surface] after`` stands: the occurrence of the surface whose preceding
    words are the excerpt's."""
    before = shown.split(" [", 1)[0].split()
    at = text.find(surface)
    first = None
    while at >= 0:
        first = at if first is None else first
        if text[:at].split()[-len(before) :] == before or not before:
            return at, at + len(surface)
        at = text.find(surface, at + 1)
    return None if first is None else (first, first + len(surface))


def run(argv: Sequence[str] | None = None) -> None:
    if list(argv or [])[:1] == ["rerun"]:
        print("\n".join(rerun([Path(a) for a in list(argv or [])[1:]])))
        return
    args = parse_audit_args(argv, "entity_audit", __doc__.splitlines()[0], "entities", SEED, AUDIT)
    if args.command == "draw":
        write_rows(draw(args.articles, args.rows, args.seed), args.out, COLUMNS)
        print(f"{args.rows} entities drawn into {args.out}")
        return
    rows = read(args.file)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    value, n = audit_precision(rows)
    print(f"  precision (a real name, the right type, the whole name): {value:.3f} of {n} judged")
    for column in JUDGED:
        value, judged = share(rows, column)
        print(f"  {column}: {value:.3f} of {judged} judged")


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
