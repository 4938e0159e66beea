"""Versioned facts in the warehouse: which articles' facts are stale, and the stored reports a batch may link with.
Plain SQL on a warehouse connection (flows/store/warehouse.py opens it, and deletes what a batch replaces).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Sequence

import polars as pl

from flows.store.warehouse import Connection

# An article's facts are stale when article_facts has no row for it or one written by another extractor version;
# parameters: the installed version, then ``since`` twice (null: every article).
STALE_ARTICLES = """
    from articles left join article_facts using (article_id)
    where article_facts.extractor_version is distinct from ?
      and (cast(? as timestamp) is null or coalesce(articles.published_at, articles.ingested_at) >= ?)
"""
STALE_COUNT = "select count(*) " + STALE_ARTICLES
CURRENT_FACTS_GAP = (
    "select (select count(*) from articles) - (select count(*) from article_facts where extractor_version = ?)"
)
# Keyset paging in article_id order; parameters: the last article_id read, the three above, the batch size.
STALE_BATCH = (
    "select articles.article_id, title, body_text, published_at "
    + STALE_ARTICLES
    + " and articles.article_id > ? order by articles.article_id limit ?"
)


def linked_reports(con: Connection, link_keys: Sequence[str], excluding: Sequence[str] = ()) -> pl.DataFrame:
    """The stored reports that share a link key with a batch (its only candidates for linking across articles),
    leaving out the articles the batch replaces.

    A semi-join on link_key alone, so that DuckDB answers it through the index on link_key (migration 007): with a
    second filter in the statement it scans every report instead (0.35 s against 0.015 s for five keys over 2M
    reports, measured on DuckDB 2.0). The articles the batch replaces are therefore left out here, not in SQL."""
    if not link_keys:
        return con.sql("select * from event_mentions limit 0").pl()
    stored = con.sql(
        "select * from event_mentions where link_key in (select unnest(?)) order by article_id, char_start, event_id",
        params=[list(link_keys)],
    ).pl()
    return stored.filter(~pl.col("article_id").is_in(list(excluding))) if excluding else stored


def stored_entities(con: Connection, entity_ids: Sequence[str]) -> pl.DataFrame:
    """The stored rows of these entities (those a batch need not name again)."""
    return con.sql(
        "select * from entities where entity_id in (select unnest(?)) order by entity_id", params=[list(entity_ids)]
    ).pl()


def link_keys_of(con: Connection, article_ids: Sequence[str]) -> list[str]:
    """The link keys the stored reports of these articles carry: their events must be re-linked without them."""
    if not article_ids:
        return []
    rows = con.execute(
        "select distinct link_key from event_mentions where article_id in (select unnest(?)) and link_key is not null",
        [list(article_ids)],
    ).fetchall()
    return sorted(row[0] for row in rows)


def stale_count(con: Connection, version: str, since: dt.datetime | None = None) -> int:
    """Articles whose facts come from another extractor version (or from before facts were versioned).

    Without ``since`` it is a difference of two counts (every article_facts row is an article's: it is written with
    its article, or by reprocess for a stored one), so the end of every run does not join all articles with their
    facts (0.11-0.18 s and a hash table of every article at 1M articles)."""
    if since is None:
        return con.execute(CURRENT_FACTS_GAP, [version]).fetchall()[0][0]
    return con.execute(STALE_COUNT, [version, since, since]).fetchall()[0][0]


def stale_count_if_versioned(con: Connection, version: str) -> int:
    """``stale_count``, also on a warehouse opened read-only before its migration to versioned facts (all stale)."""
    tables = {row[0] for row in con.execute("select table_name from duckdb_tables()").fetchall()}
    if "article_facts" not in tables:
        return con.execute("select count(*) from articles").fetchall()[0][0]
    return stale_count(con, version)


def invalidate_facts(con: Connection, since: dt.datetime | None = None) -> int:
    """Mark every article's facts (published or ingested since ``since``) as stale, so the reprocess that follows,
    or the next one after a crash, re-extracts them. Returns how many were marked."""
    marked = con.execute(
        """delete from article_facts where article_id in (
               select article_id from articles
               where cast(? as timestamp) is null or coalesce(published_at, ingested_at) >= ?)""",
        [since, since],
    ).fetchall()
    return marked[0][0] if marked else 0


def stale_batches(
    con: Connection, version: str, batch_size: int, since: dt.datetime | None = None
) -> Iterator[pl.DataFrame]:
    """Stale articles' stored text, ``batch_size`` at a time in article_id order (keyset paging: memory stays
    flat in corpus size, and articles a batch brings up to date are never read again)."""
    after = ""
    while True:
        batch = con.sql(STALE_BATCH, params=[version, since, since, after, batch_size]).pl()
        if batch.is_empty():
            return
        yield batch
        after = batch["article_id"][-1]


def drop_unreferenced_entities(con: Connection, version: str) -> int:
    """Once no article's facts are stale, entities only older extractors found are gone from every article:
    delete them, as a clean build would never have written them."""
    if stale_count(con, version):
        return 0
    dropped = con.execute("delete from entities where extractor_version is distinct from ?", [version]).fetchall()
    return dropped[0][0] if dropped else 0
