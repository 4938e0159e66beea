"""`akhbar eval search`: success@3 and MRR of `akhbar search` on 30 judged queries, and the latency of one query over
all of ANT v2.1.

Quality: bench/quality/search_queries.json (written before the ranker; every third query held out, never tuned on)
against a warehouse of the fixed 3,000-article pool it was judged on (bench/quality/search_pool.py). Latency: the same
30 queries over a warehouse of all 31,370 ANT v2.1 articles, each timed after start-up (warehouse open, one query
run first), snippets included. Both warehouses are built through the store's own load (flows.store.warehouse
.load_batch with flows.search.index_frames), articles keyed by their ANT DOCNO so that judgments can be read back.

Corpus: ANT v2.1 (bench/ant.py cites it). Figures: README.md, section Search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, AntArticle, read_ant
from bench.quality.search_pool import pool
from flows.search import Ranking, index_frames, search
from flows.store import warehouse
from flows.store.frames import frame

QUERIES = Path(__file__).with_name("search_queries.json")
# Success counts a relevant article among the first SUCCESS_AT; MRR looks this deep (then counts 0).
SUCCESS_AT = 3
DEPTH = 10
# Articles indexed per transaction when building a benchmark warehouse (memory stays flat, as in an ingest).
LOAD_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Figures:
    queries: int
    success: float
    mrr: float

    def line(self, label: str) -> str:
        return f"  {label:<22} queries {self.queries:>2}  success@{SUCCESS_AT} {self.success:.3f}  MRR {self.mrr:.3f}"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def reciprocal_rank(ranked: Sequence[str], relevant: set[str]) -> float:
    return next((1 / rank for rank, doc in enumerate(ranked[:DEPTH], 1) if doc in relevant), 0.0)


def figures(results: dict[str, list[str]], queries: list[dict]) -> Figures:
    """success@SUCCESS_AT and MRR of ``results`` (query id -> ranked article ids) over ``queries``."""
    if not queries:
        return Figures(0, 0.0, 0.0)
    hits = [any(d in set(q["relevant"]) for d in results[q["id"]][:SUCCESS_AT]) for q in queries]
    ranks = [reciprocal_rank(results[q["id"]], set(q["relevant"])) for q in queries]
    return Figures(len(queries), sum(hits) / len(queries), sum(ranks) / len(queries))


def articles_frame(articles: Sequence[AntArticle]) -> pl.DataFrame:
    """ANT articles as rows of the articles table, keyed by DOCNO."""
    now = dt.datetime.now().replace(microsecond=0)
    rows = [
        {
            "article_id": a.docno,
            "source_path": a.docno,
            "file_sha256": "",
            "url": a.url,
            "title": a.title,
            "published_at": _published(a.time),
            "language": "ar",
            "body_text": a.text,
            "word_count": len(a.text.split()),
            "ingested_at": now,
            "run_id": "bench-search",
        }
        for a in articles
    ]
    return frame("articles", rows)


def build_warehouse(path: Path, articles: Sequence[AntArticle]) -> float:
    """A warehouse of ``articles`` with their search index; the seconds indexing and loading took."""
    started = time.perf_counter()
    with warehouse.opened(path) as con:
        for i in range(0, len(articles), LOAD_CHUNK):
            batch = articles_frame(articles[i : i + LOAD_CHUNK])
            warehouse.load_batch(con, {"articles": batch, **index_frames(batch)})
    return time.perf_counter() - started


def run_queries(path: Path, queries: list[dict], ranking: Ranking = Ranking()) -> dict[str, list[str]]:
    with warehouse.opened(path, read_only=True) as con:
        return {q["id"]: [row[0] for row in search(con, q["query"], limit=DEPTH, ranking=ranking)[1]] for q in queries}


def latencies(path: Path, queries: list[dict]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per query, after start-up: the warehouse is open and one query has run.

    CPU time (this process, DuckDB's threads included) is printed beside wall time because the shared development
    machine runs many jobs on two cores: there, wall time measures the queue as much as the query.
    """
    with warehouse.opened(path, read_only=True) as con:
        search(con, queries[0]["query"])
        wall, cpu = [], []
        for q in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            search(con, q["query"], limit=DEPTH)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def print_quality(results: dict[str, list[str]], queries: list[dict], misses: bool) -> dict:
    splits = {
        "all": queries,
        "tuning (2/3)": [q for q in queries if not q["held_out"]],
        "held out (1/3)": [q for q in queries if q["held_out"]],
    }
    out = {}
    for label, subset in splits.items():
        figs = figures(results, subset)
        print(figs.line(label))
        out[label] = {"queries": figs.queries, "success_at_3": round(figs.success, 4), "mrr": round(figs.mrr, 4)}
    if misses:
        for q in splits["tuning (2/3)"]:
            rr = reciprocal_rank(results[q["id"]], set(q["relevant"]))
            if rr < 1:
                print(f"  {q['id']} rr {rr:.2f} {q['query']}: got {results[q['id']][:3]}")
    return out


def run(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="akhbar eval search", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ANT_V2_TARBALL, help="the ANT v2.1 tarball")
    parser.add_argument("--work", type=Path, help="folder for the benchmark warehouses (kept: built once)")
    parser.add_argument("--no-latency", action="store_true", help="skip the 31k-article latency run")
    parser.add_argument("--misses", action="store_true", help="print the tuning queries not answered first")
    parser.add_argument(
        "--sweep", action="store_true", help="MRR on the tuning queries for a few title weights (never held out)"
    )
    args = parser.parse_args(list(argv or []))
    if not args.corpus.exists():
        print(f"search: {args.corpus} is absent, skipped")
        return {}
    work = args.work or Path(tempfile.mkdtemp(prefix="akhbar-search-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = read_ant(args.corpus)
    queries = load_queries()
    pool_db = work / "ant2-pool.duckdb"
    if not pool_db.exists():
        seconds = build_warehouse(pool_db, pool(corpus))
        print(f"search: indexed the 3,000-article pool in {seconds:.1f} s")
    print(f"search on {len(queries)} judged queries, pool of 3,000 ANT v2.1 articles (dev; held out scored apart)")
    result = {"quality": print_quality(run_queries(pool_db, queries), queries, args.misses)}
    if args.sweep:
        tuning = [q for q in queries if not q["held_out"]]
        for weight in (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0):
            figs = figures(run_queries(pool_db, tuning, Ranking(title_weight=weight)), tuning)
            print(figs.line(f"title weight {weight}"))
    if not args.no_latency:
        full_db = work / "ant2-full.duckdb"
        if not full_db.exists():
            seconds = build_warehouse(full_db, corpus)
            print(f"search: indexed all {len(corpus):,} articles in {seconds:.1f} s")
        wall, cpu = latencies(full_db, queries)
        load = os.getloadavg()[0]
        print(f"latency over {len(corpus):,} articles, after start-up, {len(wall)} queries (load average {load:.1f}):")
        for label, times in (("wall", wall), ("cpu", cpu)):
            median, p95 = _percentiles(times)
            print(f"  {label:<4} median {median:.0f} ms, p95 {p95:.0f} ms, max {max(times):.0f} ms")
            result[f"latency_{label}_ms"] = {"median": round(median, 1), "p95": round(p95, 1)}
    print(f"corpus: {ANT_CITATION}; {ANT_V2_CITATION}")
    return result


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def _published(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None
