"""The scale benchmark (issue 18): costs that must follow what is new, not what is stored, on synthetic warehouses.

    akhbar bench --warehouse-sizes 10000,100000,1000000 [--work DIR] [--out DIR]
    python -m bench.perf.scale --sizes 10000,100000,1000000     (the same, from a source checkout)

For each size: a synthetic warehouse (bench/perf/synthetic.sql, rows made in SQL) with one event per article, then
- the first publish (every table written whole, as `akhbar publish` does);
- a no-op ingest run and a run that adds one real page, each in a fresh process (peak RSS of its process tree);
  "run" is the run's own seconds (interpreter start-up and imports excluded), "publish" what followed it (the
  incremental publish of that one article);
- one batch of linking: the new page's event mentions against the warehouse, through main's entry points
  (runner.link_batch: the candidate reports' read and the linking, as runner.load_outcomes calls it);
- the read of linking candidates for CANDIDATE_KEYS link keys of stored reports (what a batch of that many
  linkable event reports reads; the page alone may have none);
- every named query, on the warehouse and on the snapshot, with its heaviest parameters (dates: the whole span), and
  on the warehouse with one month's window.
Then the slope of each figure per 100k articles (least squares over the sizes), and the issue's targets at the
largest size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from bench.perf.memory import run_child
from bench.perf.queries import (
    MENTIONS_PER_ARTICLE,
    ONE_MONTH,
    SYNTHETIC_SQL,
    build_synthetic_warehouse,
    time_named_queries,
)

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
# The users' corpus has about one event per article (ANT v2.1 dev: 47k events for 30k articles); the query
# benchmark's warehouse has far fewer, which would make linking look cheap.
EVENTS_PER_ARTICLE = 1.0
# Issue 18's targets, at the largest size.
TARGET_ONE_FILE_OVER_NOOP = 2.0  # seconds, start-up excluded
TARGET_PUBLISH_ONE = 1.0  # seconds
TARGET_RSS_GROWTH = 1.2  # peak RSS of a one-file run over the same run on the smallest warehouse
TARGET_QUERY_SECONDS = 1.0
PER = 100_000  # slopes are per this many articles
# Link keys in the candidate read: about what a batch of 20 files carries (ANT v2.1 dev: ~1.5 events per article,
# about two thirds of them dated and with an agent).
CANDIDATE_KEYS = 20
MB = 1024 * 1024


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="akhbar bench --warehouse-sizes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="articles per warehouse")
    parser.add_argument("--page", type=Path, help="the page the one-file run adds (default: one from the ANT corpus)")
    parser.add_argument(
        "--work",
        type=Path,
        help="work folder, kept: its synthetic warehouses are built once and reused (default: a temp folder, removed)",
    )
    parser.add_argument("--skip-queries", action="store_true", help="runs, publish and linking only")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where the JSON goes (default bench/out)")
    return parser.parse_args(argv)


def measure_size(articles: int, page: Path, work: Path, warm_pages: Sequence[Path], with_queries: bool = True) -> dict:
    """Every figure for one warehouse size (the folder ``work`` is emptied of it afterwards)."""
    from flows.store.publish import publish_snapshot

    folder = work / f"w{articles}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    path = folder / "w.duckdb"
    started = time.perf_counter()
    counts = built_warehouse(work, articles, path)
    result: dict = {"articles": articles, "counts": counts, "build_seconds": time.perf_counter() - started}
    started = time.perf_counter()
    full = publish_snapshot(path, full=True)
    result["publish_full_seconds"] = time.perf_counter() - started
    result["publish_full_mb"] = full.bytes_written / MB if full else None
    result["warehouse_mb"] = path.stat().st_size / MB
    inbox = folder / "inbox"
    inbox.mkdir()
    result["noop"] = _run(inbox, path)
    shutil.copy2(page, inbox / page.name)
    result["one_file"] = _run(inbox, path)
    # another page in a process whose language stages are loaded, as in `akhbar watch` after its first run
    shutil.copy2(warm_pages[1], inbox / warm_pages[1].name)
    result["one_file_warm"] = _run(inbox, path, warm_up=warm_pages[0])
    result["noop_after"] = _run(inbox, path)
    result["linking_seconds"] = time_linking(path, page)
    result["candidate_read_seconds"] = time_candidate_read(path, CANDIDATE_KEYS)
    result["queries"], result["month_queries"], result["snapshot_queries"] = [], [], []
    if with_queries:
        result["queries"] = [asdict(t) for t in time_named_queries(path)]
        result["month_queries"] = [asdict(t) for t in time_named_queries(path, ONE_MONTH)]
        result["snapshot_queries"] = [asdict(t) for t in time_named_queries(folder / "w.snapshot.duckdb")]
    shutil.rmtree(folder, ignore_errors=True)
    return result


def built_warehouse(work: Path, articles: int, path: Path) -> dict[str, int]:
    """A synthetic warehouse of ``articles`` at ``path``: built once per work folder as work/base-N.duckdb (kept, with
    the hash of the build script beside it) and copied, so that a rerun with the same --work does not build 1M again.
    Opening the copy applies any migration the base lacks, as an upgrade would."""
    from flows.store import warehouse

    base = work / f"base-{articles}.duckdb"
    stamp = base.with_suffix(".sha256")
    recipe = hashlib.sha256(SYNTHETIC_SQL.read_bytes() + repr(EVENTS_PER_ARTICLE).encode()).hexdigest()
    if not base.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != recipe:
        stamp.unlink(missing_ok=True)
        build_synthetic_warehouse(base, articles * MENTIONS_PER_ARTICLE, EVENTS_PER_ARTICLE)
        stamp.write_text(recipe, encoding="utf-8")
    shutil.copyfile(base, path)
    with warehouse.opened(path) as con:
        return warehouse.table_counts(con)


def _run(inbox: Path, warehouse: Path, warm_up: Path | None = None) -> dict:
    if warm_up is None:
        measured = run_child(["ingest", "plain", str(inbox), str(warehouse)])
    else:
        measured = run_child(["ingest", "warm", str(inbox), str(warehouse)], env={"AKHBAR_BENCH_WARM_UP": str(warm_up)})
    child = measured.result
    return {
        "run_seconds": child["run_seconds"],
        "publish_seconds": child["seconds"] - child["run_seconds"],  # run_ingest publishes after finishing the run
        "wall_seconds": measured.wall_seconds,
        "peak_rss_mb": measured.peak_tree_rss / MB,
        "counts": child["counts"],
        "stage_seconds": child["stage_seconds"],
    }


def time_linking(warehouse_path: Path, page: Path) -> float | None:
    """Seconds to link the page's event mentions against the warehouse (None when the page reports no event)."""
    from flows.nlp.version import extractor_version
    from flows.runner import link_batch
    from flows.store import warehouse

    mentions = event_mentions_of(page)
    if mentions.is_empty():
        return None
    with warehouse.opened(warehouse_path, read_only=True) as con:
        started = time.perf_counter()
        link_batch(con, {}, mentions, extractor_version())  # the candidates' read and the linking, as a load does
        return time.perf_counter() - started


def time_candidate_read(warehouse_path: Path, keys: int) -> float:
    """Best of three reads of the stored reports under ``keys`` link keys of the warehouse (facts.linked_reports,
    as a batch's linking reads its candidates)."""
    from flows.store import facts, warehouse

    with warehouse.opened(warehouse_path, read_only=True) as con:
        rows = con.execute(
            "select distinct link_key from event_mentions where link_key is not null order by link_key"
        ).fetchall()
        step = max(1, len(rows) // keys)
        chosen = [row[0] for row in rows[::step][:keys]]
        seconds = []
        for _ in range(3):
            started = time.perf_counter()
            facts.linked_reports(con, chosen)
            seconds.append(time.perf_counter() - started)
        return min(seconds)


def event_mentions_of(page: Path):  # -> pl.DataFrame
    """The page's event mentions as a run's load step sees them, before linking."""
    from flows.pipeline import process_file
    from flows.read.discover import scan_inbox
    from flows.settings import Settings
    from flows.store.frames import outcomes_to_frames

    item = next(item for item in scan_inbox(page.parent) if item.rel_path == page.name)
    outcome = process_file(item, Settings(inbox=page.parent))
    from flows.nlp.version import extractor_version

    return outcomes_to_frames([outcome], "bench", dt.datetime.now(), set(), extractor_version())[1]


def slope(points: Sequence[tuple[float, float | None]]) -> float | None:
    """Least-squares seconds (or MB) per PER articles over (articles, value) points; None with fewer than two."""
    usable = [(x, y) for x, y in points if y is not None]
    if len(usable) < 2:
        return None
    mean_x = sum(x for x, _ in usable) / len(usable)
    mean_y = sum(y for _, y in usable) / len(usable)
    spread = sum((x - mean_x) ** 2 for x, _ in usable)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in usable) / spread * PER


def rows_of(sizes: list[dict]) -> list[tuple[str, list[float | None]]]:
    """The table's rows: a label and the figure at each size."""

    def slowest(result: dict, key: str) -> float | None:
        seconds = [t["best_seconds"] for t in result[key] if t["best_seconds"] is not None]
        return max(seconds) if seconds else None

    return [
        ("build the synthetic warehouse (s)", [r["build_seconds"] for r in sizes]),
        ("warehouse size (MB)", [r["warehouse_mb"] for r in sizes]),
        ("full publish: every table to Parquet (s)", [r["publish_full_seconds"] for r in sizes]),
        ("no-op run (s, start-up excluded)", [r["noop"]["run_seconds"] for r in sizes]),
        ("one-new-file run (s, start-up excluded)", [r["one_file"]["run_seconds"] for r in sizes]),
        ("  one file over no-op (s)", [r["one_file"]["run_seconds"] - r["noop"]["run_seconds"] for r in sizes]),
        ("publish of that one article (s)", [r["one_file"]["publish_seconds"] for r in sizes]),
        (
            "  one file over no-op, language stages loaded (s)",
            [r["one_file_warm"]["run_seconds"] - r["noop_after"]["run_seconds"] for r in sizes],
        ),
        (
            "  publish of that one article, language stages loaded (s)",
            [r["one_file_warm"]["publish_seconds"] for r in sizes],
        ),
        ("no-op run after them (s)", [r["noop_after"]["run_seconds"] for r in sizes]),
        ("one batch of linking (s)", [r["linking_seconds"] for r in sizes]),
        (f"candidate read, {CANDIDATE_KEYS} link keys (s)", [r.get("candidate_read_seconds") for r in sizes]),
        ("peak RSS, one-file run (MB)", [r["one_file"]["peak_rss_mb"] for r in sizes]),
        ("slowest named query, warehouse (s)", [slowest(r, "queries") for r in sizes]),
        ("slowest named query, snapshot (s)", [slowest(r, "snapshot_queries") for r in sizes]),
        ("slowest named query over one month, warehouse (s)", [slowest(r, "month_queries") for r in sizes]),
    ]


def verdicts(sizes: list[dict]) -> dict[str, bool]:
    largest, smallest = sizes[-1], sizes[0]
    queries = [t["best_seconds"] for t in largest["queries"]]
    return {
        f"one file adds <= {TARGET_ONE_FILE_OVER_NOOP} s over a no-op": largest["one_file"]["run_seconds"]
        - largest["noop"]["run_seconds"]
        <= TARGET_ONE_FILE_OVER_NOOP,
        f"publishing it <= {TARGET_PUBLISH_ONE} s": largest["one_file"]["publish_seconds"] <= TARGET_PUBLISH_ONE,
        f"peak RSS <= {TARGET_RSS_GROWTH}x the smallest warehouse's": largest["one_file"]["peak_rss_mb"]
        <= TARGET_RSS_GROWTH * smallest["one_file"]["peak_rss_mb"],
        f"every named query < {TARGET_QUERY_SECONDS} s": bool(queries)
        and all(s is not None and s < TARGET_QUERY_SECONDS for s in queries),
    }


def format_table(sizes: list[dict]) -> str:
    """A Markdown table: one column per size and the slope per 100k articles."""
    header = ["measure", *(f"{r['articles']:,} articles" for r in sizes), f"slope per {PER:,} articles"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, values in rows_of(sizes):
        fit = slope([(r["articles"], v) for r, v in zip(sizes, values)])
        cells = [_cell(v) for v in values] + [_cell(fit, signed=True)]
        lines.append("| " + " | ".join([label, *cells]) + " |")
    return "\n".join(lines)


def _cell(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = f"{value:+.3f}" if signed else f"{value:.3f}"
    return text if abs(value) < 100 else (f"{value:+.0f}" if signed else f"{value:.0f}")


def default_page(work: Path) -> Path:
    """A page of the benchmark corpus (ANT v1.1) that reports an event, so that the linking figure is not empty."""
    from bench.perf.corpus import build_corpus

    pages = [work / "pages" / page.name for page in build_corpus(work / "pages", n=20)]
    return next((page for page in pages if not event_mentions_of(page).is_empty()), pages[0])


def warm_pages(work: Path, page: Path) -> list[Path]:
    """Two other pages of the benchmark corpus: one to warm a process's language stages, one to add in it."""
    from bench.perf.corpus import build_corpus

    pages = build_corpus(work / "pages", n=20)
    return [work / "pages" / p.name for p in pages if p.name != page.name and Path(p.name).suffix in (".html", ".txt")][
        :2
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="akhbar-scale-"))
    try:
        page = args.page or default_page(work)
        sizes = []
        for articles in (int(s) for s in args.sizes.split(",") if s.strip()):
            print(f"  warehouse of {articles:,} articles ...", file=sys.stderr, flush=True)
            sizes.append(measure_size(articles, page, work, warm_pages(work, page), not args.skip_queries))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    results = {"page": page.name, "sizes": sizes, "verdicts": verdicts(sizes)}
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = args.out / f"scale-{stamp}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(format_table(sizes))
    print(f"\nnamed queries at {sizes[-1]['articles']:,} articles (best seconds: whole span / one month; rows):")
    for whole, month in zip(sizes[-1]["queries"], sizes[-1]["month_queries"]):
        print(
            f"  {whole['name']}: {_cell(whole['best_seconds'])} / {_cell(month['best_seconds'])}; {whole['rows']} rows"
        )
    for target, met in results["verdicts"].items():
        print(f"{'met' if met else 'NOT met'}: {target}")
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
