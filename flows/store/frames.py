"""Batch outcomes -> one Polars frame per table, typed exactly as sql/schema.sql (a test checks they agree).

Pure functions: what the warehouse already holds comes in as arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any, Iterable

import polars as pl

from flows.outcome import ArticleFacts, FileOutcome

S, I32, I64, B, F64 = pl.String(), pl.Int32(), pl.Int64(), pl.Boolean(), pl.Float64()
TS, D = pl.Datetime("us"), pl.Date()

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "files": {
        "file_path": S,
        "file_sha256": S,
        "status": S,
        "article_id": S,
        "error": S,
        "run_id": S,
        "seen_at": TS,
        "size_bytes": I64,
        "mtime_ns": I64,
        "encoding": S,
        "warning": S,
        "retryable": B,
    },
    "articles": {
        "article_id": S,
        "source_path": S,
        "file_sha256": S,
        "url": S,
        "site_name": S,
        "title": S,
        "author": S,
        "published_at": TS,
        "language": S,
        "body_text": S,
        "word_count": I32,
        "ingested_at": TS,
        "run_id": S,
        "date_source": S,
        "source_credit": S,
    },
    "entities": {
        "entity_id": S,
        "entity_type": S,
        "name_ar": S,
        "name_en": S,
        "country_code": S,
        "name_en_source": S,
        "extractor_version": S,
        "num_articles": I32,
    },
    "mentions": {
        "mention_id": S,
        "article_id": S,
        "entity_id": S,
        "entity_type": S,
        "surface": S,
        "char_start": I32,
        "char_end": I32,
        "sentence_index": I32,
        "is_adjectival": B,
        "extractor_version": S,
        "part": S,
        "mention_kind": S,
        "role_country": S,
        "name_mention_id": S,
    },
    "events": {
        "event_id": S,
        "event_type": S,
        "event_mode": S,
        "actor1_id": S,
        "actor2_id": S,
        "location_id": S,
        "event_date": D,
        "date_precision": S,
        "num_articles": I32,
        "num_mentions": I32,
        "status": S,
        "contexts": pl.List(S),
        "actor_ids": pl.List(S),
        "extractor_version": S,
    },
    "event_mentions": {
        "event_id": S,
        "article_id": S,
        "sentence_index": I32,
        "char_start": I32,
        "char_end": I32,
        "evidence": S,
        "trigger": S,
        "event_date": D,
        "date_precision": S,
        "event_type": S,
        "event_mode": S,
        "actor1_id": S,
        "actor2_id": S,
        "location_id": S,
        "status": S,
        "contexts": pl.List(S),
        "actor_ids": pl.List(S),
        "local_event_id": S,
        "link_key": S,
        "extractor_version": S,
    },
    "quotes": {
        "quote_id": S,
        "article_id": S,
        "speaker_id": S,
        "speaker_surface": S,
        "quote_text": S,
        "quote_kind": S,
        "cue": S,
        "char_start": I32,
        "char_end": I32,
        "sentence_index": I32,
        "cue_start": I32,
        "cue_end": I32,
        "extractor_version": S,
        "part": S,
    },
    "search_docs": {"kind": S, "doc_id": S, "article_id": S, "field": S, "length": I32},
    "search_terms": {"kind": S, "doc_id": S, "field": S, "term": S, "tf": I32},
    "search_vocab": {"kind": S, "term": S, "df": I32},
    "search_spellings": {"form": S, "skeleton": S, "term": S},
    "article_facts": {"article_id": S, "extractor_version": S, "run_id": S, "processed_at": TS, "error": S},
    "runs": {
        "run_id": S,
        "started_at": TS,
        "finished_at": TS,
        "status": S,
        "files_seen": I32,
        "files_new": I32,
        "files_loaded": I32,
        "files_duplicate": I32,
        "files_quarantined": I32,
        "seconds": F64,
    },
}
# Event mentions before cross-article linking: EventMention fields plus the article they came from.
NEW_EVENT_MENTION_SCHEMA: dict[str, pl.DataType] = {
    "article_id": S,
    "event_type": S,
    "event_mode": S,
    "actor1_id": S,
    "actor2_id": S,
    "location_id": S,
    "event_date": D,
    "date_precision": S,
    "status": S,
    "sentence_index": I32,
    "char_start": I32,
    "char_end": I32,
    "evidence": S,
    "trigger": S,
    "contexts": pl.List(S),
    "actor_ids": pl.List(S),
}


# Values a row may leave out where the schema has a not-null default (sql/schema.sql): a frame carries every column,
# so the database's own default never applies. A mention or a quote without a part is a body one; a mention without
# a kind is a name.
DEFAULTS: dict[str, dict[str, object]] = {
    "mentions": {"part": "body", "mention_kind": "name"},
    "quotes": {"part": "body"},
}


def frame(table: str, rows: Iterable[dict]) -> pl.DataFrame:
    """Rows (dicts) as a frame with exactly the table's columns and dtypes (a left-out column takes its default)."""
    schema = SCHEMAS[table]
    defaults = DEFAULTS.get(table, {})
    return pl.DataFrame([{k: row.get(k, defaults.get(k)) for k in schema} for row in rows], schema=schema)


def outcomes_to_frames(
    outcomes: list[FileOutcome], run_id: str, seen_at: dt.datetime, known_article_ids: set[str], version: str
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Table frames for one batch, and the batch's new event mentions (to be linked against the warehouse).

    The first file (in path order) with a body becomes the article; later files with the same body are duplicates,
    whether the first came in this batch or an earlier run. Only new articles contribute NLP rows.
    """
    files: list[dict] = []
    articles: list[dict] = []
    analysed: list[ArticleFacts] = []
    claimed = set(known_article_ids)
    for outcome in sorted(outcomes, key=lambda o: o.rel_path):
        article = outcome.article
        if article is None or outcome.error is not None:
            status = "quarantined"  # an NLP failure too: the file is retried once the cause is fixed
        else:
            status = "duplicate" if article.article_id in claimed else "loaded"
        files.append(_file_row(outcome, status, run_id, seen_at))
        if status != "loaded":
            continue
        assert article is not None  # loaded: it has one
        claimed.add(article.article_id)
        articles.append(_article_row(outcome, run_id, seen_at))
        if outcome.analysis is not None:
            analysed.append(ArticleFacts(article.article_id, outcome.analysis))
    frames, new_event_mentions = facts_frames(analysed, version, run_id, seen_at)
    return {"files": frame("files", files), "articles": frame("articles", articles), **frames}, new_event_mentions


def facts_frames(
    analysed: list[ArticleFacts], version: str, run_id: str, processed_at: dt.datetime
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The derived tables for some articles (entities, mentions, quotes, article_facts), and their event reports
    before linking. The one place ingest and reprocess turn analyses into rows, each stamped with ``version``."""
    entities: dict[str, dict] = {}
    mentions: list[dict] = []
    quotes: list[dict] = []
    new_events: list[dict] = []
    facts: list[dict] = []
    for item in sorted(analysed, key=lambda a: a.article_id):
        aid, analysis = item.article_id, item.analysis
        facts.append(
            {
                "article_id": aid,
                "extractor_version": version,
                "run_id": run_id,
                "processed_at": processed_at,
                "error": item.error,
            }
        )
        if analysis is None:
            continue
        for entity in analysis.entities:
            entities.setdefault(entity.entity_id, {**_row(entity), "extractor_version": version})
        mentions.extend({**_row(m), "article_id": aid, "extractor_version": version} for m in analysis.mentions)
        quotes.extend({**_row(q), "article_id": aid, "extractor_version": version} for q in analysis.quotes)
        new_events.extend(
            {**_row(e), "article_id": aid, "contexts": list(e.contexts), "actor_ids": list(e.actor_ids)}
            for e in analysis.event_mentions
        )
    frames = {
        "entities": frame("entities", entities.values()),
        "mentions": frame("mentions", mentions).unique("mention_id", keep="first", maintain_order=True),
        "quotes": frame("quotes", quotes).unique("quote_id", keep="first", maintain_order=True),
        "article_facts": frame("article_facts", facts),
    }
    new_event_mentions = pl.DataFrame(
        [{k: row.get(k) for k in NEW_EVENT_MENTION_SCHEMA} for row in new_events], schema=NEW_EVENT_MENTION_SCHEMA
    )
    return frames, new_event_mentions


def _row(fact: Any) -> dict:
    """A fact's fields as a dict, one level deep: the NLP facts hold only scalars and tuples of strings, so
    ``dataclasses.asdict``'s recursive deep copy (a third of the batch's frame building) is not needed."""
    return {name: getattr(fact, name) for name in _field_names(type(fact))}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:  # one of the NLP dataclasses
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _file_row(outcome: FileOutcome, status: str, run_id: str, seen_at: dt.datetime) -> dict:
    return {
        "file_path": outcome.rel_path,
        "file_sha256": outcome.sha256 or "",
        "status": status,
        "article_id": outcome.article.article_id if outcome.article and status != "quarantined" else None,
        "error": outcome.error,
        "run_id": run_id,
        "seen_at": seen_at,
        "size_bytes": outcome.size,
        "mtime_ns": outcome.mtime_ns,
        "encoding": outcome.article.encoding if outcome.article else None,
        "warning": outcome.warning,
        "retryable": outcome.retryable,
    }


def _article_row(outcome: FileOutcome, run_id: str, seen_at: dt.datetime) -> dict:
    article = outcome.article
    assert article is not None
    return {
        **{k: getattr(article, k) for k in ("article_id", "url", "site_name", "title", "author", "published_at")},
        "source_path": outcome.rel_path,
        "file_sha256": outcome.sha256,
        "language": article.language,
        "body_text": article.body_text,
        "word_count": article.word_count,
        "ingested_at": seen_at,
        "run_id": run_id,
        "date_source": article.date_source,
        "source_credit": " | ".join(article.credits) or None,
    }
