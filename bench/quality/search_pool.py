"""The fixed pool of ANT v2.1 articles that the search queries (bench/quality/search_queries.json) were judged on.

3,000 articles drawn with a fixed seed from the 31,370 of ANT v2.1, leaving out the 40 blind-gold articles of
tests/gold/ant2/selection.json (never looked at). The judgments were made by reading articles of this pool that grep
found, before the ranker existed; `akhbar eval search` indexes exactly this pool, so every judged article is there.

Corpus: ANT v2.1 (see bench/ant.py for the citations).

    python -m bench.quality.search_pool OUT [TARBALL]   # one text file per article of the pool, for grep
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from bench.ant import ANT_V2_TARBALL, AntArticle, read_ant

REPO = Path(__file__).resolve().parents[2]
SELECTION = REPO / "tests" / "gold" / "ant2" / "selection.json"
POOL_SEED = 2018
POOL_SIZE = 3000


def blind_docnos() -> set[str]:
    """Every DOCNO the gold selection names (dev, test and the story clusters)."""
    selection = json.loads(SELECTION.read_text(encoding="utf-8"))
    docnos = set(selection["dev"]) | set(selection["test"])
    for story in selection["stories"].values():
        docnos.update(story["docnos"])
    return docnos


def pool(articles: list[AntArticle]) -> list[AntArticle]:
    """POOL_SIZE articles drawn with POOL_SEED from ``articles`` (sorted by DOCNO first), blind gold left out."""
    blind = blind_docnos()
    eligible = sorted((a for a in articles if a.docno not in blind), key=lambda a: a.docno)
    chosen = random.Random(POOL_SEED).sample(eligible, POOL_SIZE)
    return sorted(chosen, key=lambda a: a.docno)


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    tarball = Path(argv[1]) if len(argv) > 1 else ANT_V2_TARBALL
    out.mkdir(parents=True, exist_ok=True)
    for article in pool(read_ant(tarball)):
        (out / f"{article.docno}.txt").write_text(
            f"{article.title}\n{article.time}\n{article.text}\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
