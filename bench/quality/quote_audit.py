"""A random audit of the quote stage on ANT v2.1 articles outside the gold selection, judged by hand.

    python -m bench.quality.quote_audit draw [--articles 2000] [--quotes 100] [--seed 13] [--out FILE]
    python -m bench.quality.quote_audit score [FILE]
    python -m bench.quality.quote_audit rerun FILE...

``draw`` reads the ANT v2.1 tarball through bench/ant.py, keeps the articles that are not in
tests/gold/ant2/selection.json, takes ``--articles`` of them at random (fixed seed), runs the entity and quote stages
on each <TEXT> and <TITLE>, draws ``--quotes`` quotes at random from all they found (same seed) and writes them as a TSV to be
judged: docno, cue, speaker, quote (a short excerpt; its kind, and "title" for a headline quote), span_ok, speaker_ok, note. A judge fills span_ok (the quote's
start and end are the quotation's) and speaker_ok (the speaker is who said it, resolved to the right entity or, for
an unnamed source, its words with no entity) with 1 or 0. ``score`` prints both precisions from a judged file.
``rerun`` runs today's code on the articles of judged files (dev data once studied) and prints each judged row the code
now reads differently: its quote gone or its span changed (no quote with the same excerpt), or another speaker or cue,
with the count of right and wrong rows that moved (each moved row to be read: a fix, or a regression).
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names, parse_audit_args, read_rows, rereadable_names, share, write_rows
from flows.nlp.entities.extract import extract_entities
from flows.nlp.quotes.extract import extract_quotes
from flows.nlp.text import split_sentences
from flows.nlp.types import Document, Quote

AUDIT = Path(__file__).resolve().parent / "audits" / "quotes_ant2_seed55.tsv"
COLUMNS = ("docno", "cue", "speaker", "quote", "span_ok", "speaker_ok", "note")
# Short excerpts only: the corpus text is not copied into the repository.
EXCERPT_WORDS = 8
SEED = 13


def _row(docno: str, quote: Quote) -> dict[str, str]:
    excerpt = " ".join(quote.quote_text.split()[:EXCERPT_WORDS])
    speaker = f"{quote.speaker_surface or '-'} [{quote.speaker_id or 'null'}]"
    kind = quote.quote_kind if quote.part == "body" else f"{quote.quote_kind}, title"
    row = (docno, quote.cue or "", speaker, f"{excerpt} …[{kind}]", "", "", "")
    return dict(zip(COLUMNS, row, strict=True))


def quotes_of(wanted: set[str], tarball: Path) -> dict[str, list[dict[str, str]]]:
    """Today's quote rows of the articles named ``wanted`` (docnos), as ``draw`` writes them."""
    names = {name for name in rereadable_names(tarball) if Path(name).stem in wanted}
    out: dict[str, list[dict[str, str]]] = {}
    for _, xml in iter_ant_xml(tarball, wanted=names):
        article = parse_ant_document(xml)
        if article is None or article.docno not in wanted:
            continue
        doc = Document(article.docno, article.text, article.title, None, split_sentences(article.text))
        entities, mentions = extract_entities(doc)
        out[article.docno] = [_row(article.docno, q) for q in extract_quotes(doc, mentions, entities)]
    return out


def rerun(paths: Sequence[Path], tarball: Path = ANT_V2_TARBALL) -> list[str]:
    """Judged rows whose quote today's code reads differently, and how many right / wrong rows moved."""
    rows = [row for path in paths for row in read_rows(path) if row.get("speaker_ok") in ("0", "1")]
    now = quotes_of({row["docno"] for row in rows}, tarball)
    out, moved = [], {"right": 0, "wrong": 0}
    for row in rows:
        same = [q for q in now.get(row["docno"], []) if q["quote"] == row["quote"]]
        if same and any(q["speaker"] == row["speaker"] and q["cue"] == row["cue"] for q in same):
            continue
        right = row.get("span_ok") == "1" and row["speaker_ok"] == "1"
        moved["right" if right else "wrong"] += 1
        judged = row.get("span_ok", "") + row["speaker_ok"]
        read = f"{same[0]['cue']} | {same[0]['speaker']}" if same else "quote gone or span changed"
        out.append(
            f"{row['docno']}\t{judged}\t{row['cue']} | {row['speaker']} -> {read}\t{row['quote']}\t{row['note']}"
        )
    return [*out, f"{len(rows)} judged rows re-run; moved: {moved['right']} right, {moved['wrong']} wrong"]


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
        found.extend(_row(article.docno, quote) for quote in extract_quotes(doc, mentions, entities))
    found.sort(key=lambda r: (r["docno"], r["quote"]))
    return rng.sample(found, min(quotes, len(found)))


def run(argv: Sequence[str] | None = None) -> None:
    if list(argv or [])[:1] == ["rerun"]:
        print("\n".join(rerun([Path(a) for a in list(argv or [])[1:]])))
        return
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
