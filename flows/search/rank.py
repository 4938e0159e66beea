"""Ranked search over the warehouse's search index: the query's terms (flows/search/query.py), BM25F in SQL
(sql/search/*.sql), a marked snippet for each hit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flows.resources import sql_text
from flows.search.query import query_terms, query_words, spelling_keys
from flows.search.snippet import snippet
from flows.store import warehouse

# BM25's usual constants (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework"): tf saturation k1 and
# length normalisation b.
K1 = 1.2
B = 0.75
# A title word counts this many body words: titles name the story. Chosen on the tuning two-thirds of
# bench/quality/search_queries.json (`akhbar eval search --sweep`), MRR for weights 1, 2, 3, 4, 5, 6, 8:
# .849, .850, .858, .883, .908, .900, .875 (success@3 .95 for each); the held-out third was not looked at.
TITLE_WEIGHT = 5.0
# A quote's speaker counts as much as its words: "what did Lavrov say" names the speaker.
SPEAKER_WEIGHT = 1.0
DEFAULT_LIMIT = 10
ARTICLE_COLUMNS = ("article_id", "title", "published_at", "score", "snippet")
QUOTE_COLUMNS = ("quote_id", "article_id", "title", "published_at", "speaker_surface", "score", "snippet")


@dataclass(frozen=True, slots=True)
class Ranking:
    """How a search ranks: the constants above, overridable for evaluation sweeps."""

    title_weight: float = TITLE_WEIGHT
    speaker_weight: float = SPEAKER_WEIGHT
    k1: float = K1
    b: float = B


INDEX_TABLES = 4  # search_docs, search_terms, search_vocab, search_spellings (sql/schema.sql)


def index_coverage(con: warehouse.Connection) -> tuple[int, int] | None:
    """(articles indexed, articles) in the warehouse, or None when it has no search index (written by an older
    akhbar and opened read-only). Articles loaded before the index existed are indexed by the next ingest that loads
    a file."""
    _, rows = warehouse.query(con, sql_text("search/coverage.sql"))
    tables, articles = rows[0]
    if tables < INDEX_TABLES:
        return None
    _, indexed = warehouse.query(con, "select count(*) from search_docs where kind = 'article' and field = 'title'")
    return int(indexed[0][0]), int(articles)


def search(
    con: warehouse.Connection,
    query: str,
    *,
    quotes: bool = False,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = DEFAULT_LIMIT,
    ranking: Ranking = Ranking(),
) -> tuple[list[str], list[tuple]]:
    """Column names and rows of the best ``limit`` articles (or quotes) for ``query``, best first."""
    columns = list(QUOTE_COLUMNS if quotes else ARTICLE_COLUMNS)
    kind = "quote" if quotes else "article"
    qwords = query_words(query)
    if not qwords:
        return columns, []
    _, stats = warehouse.query(con, sql_text("search/collection.sql"), [kind])
    if not stats:
        return columns, []
    _, known = warehouse.query(
        con, sql_text("search/vocabulary.sql"), [kind, [w.term for w in qwords], kind, spelling_keys(qwords)]
    )
    wanted = query_terms(qwords, known, n=stats[0][1])
    if not wanted:
        return columns, []
    weight = {"body": 1.0, "title": ranking.title_weight, "quote": 1.0, "speaker": ranking.speaker_weight}
    warehouse.query(con, sql_text("search/rank.sql"))
    params = [
        [t.term for t in wanted],
        [t.word for t in wanted],
        [t.weight for t in wanted],
        [t.df for t in wanted],
        stats[0][1],
        [field for field, _, _ in stats],
        [weight[field] for field, _, _ in stats],
        [avg for _, _, avg in stats],
        ranking.k1,
        ranking.b,
        date_from,
        date_from,
        date_to,
        date_to,
        limit,
    ]
    names, rows = warehouse.query(con, sql_text("search/quotes.sql" if quotes else "search/articles.sql"), params)
    out = []
    for row in rows:
        record = dict(zip(names, row))
        record["score"] = round(record["score"], 3)
        record["snippet"] = snippet(record["text"] or "", set(record["matched_terms"]))
        out.append(tuple(record[c] for c in columns))
    return columns, out
