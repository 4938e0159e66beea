"""A random audit of the quote stage on ANT v2.1 articles outside the gold selection, judged by hand.

    python -m bench.quality.quote_audit draw [--articles 2000] [--quotes 100] [--seed 13] [--out FILE]
    python -m bench.quality.quote_audit score [FILE]

``draw`` reads the ANT v2.1 tarball through bench/ant.py, keeps the articles that are not in
tests/gold/ant2/selection.json, takes ``--articles`` of them at random (fixed seed), runs the entity and quote stages
on each <TEXT> and <TITLE>, draws ``--quotes`` quotes at random from all they found (same seed) and writes them as a TSV to be
judged: docno, cue, speaker, quote (a short excerpt; its kind, and "title" for a headline quote), span_ok, speaker_ok, note. A judge fills span_ok (the quote's
start and end are the quotation's) and speaker_ok (the speaker is who said it, resolved to the right entity or, for
an unnamed source, its words with no entity) with 1 or 0. ``score`` prints both precisions from a judged file.
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names, parse_audit_args, read_rows, share, write_rows
from flows.nlp.entities.extract import extract_entities
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text import split_sentences
from flows.nlp.types import Document

AUDIT = Path(__file__).resolve().parent / "audits" / "quotes_ant2_seed54.tsv"
COLUMNS = ("docno", "cue", "speaker", "quote", "span_ok", "speaker_ok", "note")
# Short excerpts only: the corpus text is not copied into the repository.
EXCERPT_WORDS = 8
SEED = 13


def draw(articles: int, quotes: int, seed: int, tarball: Path = ANT_V2_TARBALL) -> list[dict[str, str]]:
    names = drawable_names(tarball)
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
            kind = quote.quote_kind if quote.part == "body" else f"{quote.quote_kind}, title"
            row = (article.docno, quote.cue or "", speaker, f"{excerpt} …[{kind}]", "", "", "")
            found.append(dict(zip(COLUMNS, row, strict=True)))
    found.sort(key=lambda r: (r["docno"], r["quote"]))
    return rng.sample(found, min(quotes, len(found)))


def run(argv: Sequence[str] | None = None) -> None:
    args = parse_audit_args(argv, "quote_audit", __doc__.splitlines()[0], "quotes", SEED, AUDIT)
    if args.command == "draw":
        write_rows(draw(args.articles, args.rows, args.seed), args.out, COLUMNS)
        print(f"{args.rows} quotes drawn into {args.out}")
        return
    rows = read_rows(args.file)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    for column in ("span_ok", "speaker_ok"):
        value, n = share(rows, column)
        print(f"  {column}: {value:.3f} of {n} judged")


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
