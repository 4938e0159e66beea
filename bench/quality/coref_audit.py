"""A random audit of the person roles (flows/nlp/entities/coref.py) on ANT v2.1 articles outside the gold, judged by hand.

    python -m bench.quality.coref_audit draw [--articles 2000] [--roles 30] [--seed 31] [--out FILE]
    python -m bench.quality.coref_audit score [FILE]

``draw`` takes ``--articles`` drawable articles at random (bench/quality/audit.py: the blind gold left out), runs the
entity stage and the role reading on each <TEXT>, and draws ``--roles`` role mentions of each kind (apposition,
description) at random from all it found (same seed), written as a TSV to be judged: docno, kind, role, person (the
name mention the role belongs to, with its entity id), context (a short excerpt around the role), role_ok, note.
A judge fills role_ok with 1 or 0: for an apposition, the phrase states that person's role (office, function, rank or
counterpart relation) and stops where the role stops (a word more or less of the role's own qualifiers is accepted;
a clause or another person's role run on is not); for a description, the phrase refers to that person in the
article. A name mention that is no person's name makes the row 0. ``score`` prints the share per kind.
Figures on it cite ANT_CITATION and ANT_V2_CITATION (bench/ant.py).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from bench.quality.audit import drawable_names, parse_audit_args, read_rows, share, write_rows
from flows.nlp.entities.coref import role_mentions
from flows.nlp.entities.extract import extract_entities
from flows.nlp.text import split_sentences
from flows.nlp.types import Document

AUDIT = Path(__file__).resolve().parent / "audits" / "coref_ant2.tsv"
COLUMNS = ("docno", "kind", "role", "person", "context", "role_ok", "note")
KINDS = ("apposition", "description")
# Short excerpts only: the corpus text is not copied into the repository.
CONTEXT_CHARS = 45
SEED = 31


def draw(articles: int, per_kind: int, seed: int, tarball: Path = ANT_V2_TARBALL) -> list[dict[str, str]]:
    names = drawable_names(tarball)
    rng = random.Random(seed)
    chosen = set(rng.sample(names, min(articles, len(names))))
    found: dict[str, list[dict[str, str]]] = {kind: [] for kind in KINDS}
    for _, xml in iter_ant_xml(tarball, wanted=chosen):
        article = parse_ant_document(xml)
        if article is None:
            continue
        body = article.text
        doc = Document(article.docno, body, article.title, None, split_sentences(body))
        entities, mentions = extract_entities(doc)
        names_by_id = {m.mention_id: m for m in mentions}
        for role in role_mentions(doc, mentions, entities):
            name = names_by_id.get(role.name_mention_id or "")
            context = body[max(0, role.char_start - CONTEXT_CHARS) : role.char_end + CONTEXT_CHARS]
            row = (
                article.docno,
                role.mention_kind,
                role.surface,
                f"{name.surface if name else '-'} [{role.entity_id}]",
                " ".join(context.split()),
                "",
                "",
            )
            found[role.mention_kind].append(dict(zip(COLUMNS, row, strict=True)))
    drawn: list[dict[str, str]] = []
    for kind in KINDS:
        rows = sorted(found[kind], key=lambda r: (r["docno"], r["context"]))
        drawn += rng.sample(rows, min(per_kind, len(rows)))
    return drawn


def run(argv: Sequence[str] | None = None) -> None:
    args = parse_audit_args(argv, "coref_audit", __doc__.splitlines()[0], "roles", SEED, AUDIT)
    if args.command == "draw":
        write_rows(draw(args.articles, args.rows, args.seed), args.out, COLUMNS)
        print(f"{args.rows} role mentions of each kind drawn into {args.out}")
        return
    rows = read_rows(args.file)
    print(f"{ANT_CITATION}; {ANT_V2_CITATION}")
    for kind in KINDS:
        value, n = share([r for r in rows if r["kind"] == kind], "role_ok")
        print(f"  {kind}: role_ok {value:.3f} of {n} judged")


if __name__ == "__main__":
    run(__import__("sys").argv[1:])
