"""A random audit of the quote stage on ANT v2.1 articles outside the gold selection, judged by hand.

    python -m bench.quality.quote_audit draw [--articles 2000] [--quotes 100] [--seed 13] [--out FILE]
    python -m bench.quality.quote_audit score [FILE]

``draw`` reads the ANT v2.1 tarball through bench/ant.py, keeps the articles that are not in
tests/gold/ant2/selection.json, takes ``--articles`` of them at random (fixed seed), runs the entity and quote stages
on each <TEXT>, draws ``--quotes`` quotes at random from all they found (same seed) and writes them as a TSV to be
judged: docno, cue, speaker, quote (a short excerpt), span_ok, speaker_ok, note. A judge fills span_ok (the quote's
start and end are the quotation's) and speaker_ok (the speaker is who said it, resolved to the right entity or, for
an unnamed source, its words with no entity) with 1 or 0. ``score`` prints both precisions from a judged file.
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.cue_census import gold_members
from flows.nlp.entities.extract import extract_entities
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text import split_sentences
from flows.nlp.types import Document

AUDIT = Path(__file__).resolve().parent / "audits" / "quotes_ant2.tsv"
COLUMNS = ("docno", "cue", "speaker", "quote", "span_ok", "speaker_ok", "note")
# Short excerpts only: the corpus text is not copied into the repository.
EXCERPT_WORDS = 8
SEED = 13


def draw(articles: int, quotes: int, seed: int, tarball: Path = ANT_V2_TARBALL) -> list[dict[str, str]]:
    excluded = gold_members()
    names = [name for name, _ in _members(tarball) if not any(name.endswith(p) for p in excluded)]
    rng = random.Random(seed)
    chosen = set(rng.sample(names, min(articles, len(names))))
    found: list[dict[str, str]] = []
    for _, xml in iter_ant_xml(tarball, wanted=chosen):
        article = parse_ant_document(xml)
        if article is None:
            continue
        doc = Document(article.docno, article.text, article.title, None, split_sentences(article.text))
        entities, mentions = extract_entities(doc)
        for quote in extract_quotes(doc, mentions, entities):
            excerpt = " ".join(quote.quote_text.split()[:EXCERPT_WORDS])
            speaker = f"{quote.speaker_surface or '-'} [{quote.speaker_id or 'null'}]"
            row = (article.docno, quote.cue or "", speaker, f"{excerpt} …[{quote.quote_kind}]", "", "", "")
            found.append(dict(zip(COLUMNS, row, strict=True)))
    found.sort(key=lambda r: (r["docno"], r["quote"]))
    return rng.sample(found, min(quotes, len(found)))


def _members(tarball: Path) -> list[tuple[str, str]]:
    return [(name, "") for name, _ in iter_ant_xml(tarball, wanted=_NameOnly())]


class _NameOnly:
    """Accepts every member name: iter_ant_xml then reads each file; only the names are kept."""

    def __contains__(self, name: object) -> bool:
        return True


def write(rows: list[dict[str, str]], path: Path, columns: Sequence[str] = COLUMNS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(columns)] + ["\t".join(row[c].replace("\t", " ") for c in columns) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def precision(rows: list[dict[str, str]], column: str) -> tuple[float, int]:
    judged = [row[column] for row in rows if row.get(column) in ("0", "1")]
    return (sum(v == "1" for v in judged) / len(judged) if judged else 0.0), len(judged)


def run(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="quote_audit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("draw")
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--quotes", type=int, default=100)
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--out", type=Path, default=AUDIT)
    s = sub.add_parser("score")
    s.add_argument("file", type=Path, nargs="?", default=AUDIT)
    args = parser.parse_args(list(argv or []))
    if args.command == "draw":
        write(draw(args.articles, args.quotes, args.seed), args.out)
        print(f"{args.quotes} quotes drawn into {args.out}")
        return
    rows = read(args.file)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    for column in ("span_ok", "speaker_ok"):
        value, n = precision(rows, column)
        print(f"  {column}: {value:.3f} of {n} judged")


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
