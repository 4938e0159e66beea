"""Checks every hand-annotated ANT v2.1 split shares (test2, dev2, test3): each gold item resolves to one span inside
its anchor, no two items of a kind sit on one span, and each cluster joins gold events of different articles."""

from __future__ import annotations

import csv
from pathlib import Path

from bench.quality import ant2
from bench.quality.ant2 import load_gold


def assert_every_item_resolves_inside_its_anchor(split: str, *, every_kind: bool) -> None:
    """Each item of ``split`` found once, inside its anchor (a headline quote's ':' cue aside); two items on one span
    are refused among the mentions, or among each kind when ``every_kind``."""
    gold = load_gold(split)
    articles = ant2.load_split(split)
    assert [a.docno for a in articles] == sorted(gold["articles"])
    for article in articles:
        entry = gold["articles"][article.docno]
        assert not article.unlocated
        assert (len(article.entities), len(article.quotes), len(article.events)) == (
            len(entry["entities"]),
            len(entry["quotes"]),
            len(entry["events"]),
        )
        for located in [*article.entities, *article.quotes, *article.events]:
            text = article.text(located.part)
            anchor = located.item.get("anchor")
            if anchor:
                assert text.count(anchor) == 1, anchor
                at = text.index(anchor)
                if located.item.get("cue") != ":":
                    assert at <= located.start and located.end <= at + len(anchor), anchor
        for quote in article.quotes:
            assert quote.item["starts"] in article.text(quote.part)
        for kind in (article.entities, article.quotes, article.events) if every_kind else (article.entities,):
            spans = [(e.part, e.start, e.end) for e in kind]
            assert len(spans) == len(set(spans)), f"{article.docno}: two items on one span"


def assert_every_cluster_joins_event_keys_of_different_articles(gold: dict) -> None:
    """Each cross-article cluster names event keys of two or more different articles, each key a gold event there."""
    for name, refs in gold["clusters"].items():
        docnos = [ref.split(":", 1)[0] for ref in refs]
        assert len(set(docnos)) == len(docnos) >= 2, name
        for ref in refs:
            docno, key = ref.split(":", 1)
            assert any(event["key"] == key for event in gold["articles"][docno]["events"]), ref


AUDITS = Path(__file__).resolve().parents[1] / "bench" / "quality" / "audits"


def audited_docnos(drawn_before: dict[str, set[str]] | None = None) -> set[str]:
    """Every docno an audit file names (column docno or article), but those ``drawn_before`` lists for its file: an
    article an audit drew before the split was drawn, kept in the split and listed by its test."""
    docnos: set[str] = set()
    for path in AUDITS.glob("*.tsv"):
        known = (drawn_before or {}).get(path.name, set())
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            docnos |= {row[column].strip() for column in ("docno", "article") if row.get(column)} - known
    return docnos
