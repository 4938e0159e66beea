"""The akhbar benchmark (issue 6): one run over the same files, a table on stdout and JSON in bench/out/.

    akhbar bench [-n 200] [--scale 1000,10000,all] [--mentions 1000000] [--skip-flow] [--skip-queries]
    python -m bench.perf.run ...   (the same, from a source checkout)

Measures, on a corpus of N pages built by bench/corpus.py: bare trafilatura (single process, the yardstick);
akhbar end-to-end as plain functions and as the Prefect flow, their ratio to the yardstick and Prefect's overhead;
`akhbar reprocess --all` of the same warehouse (articles per second against ingest's, peak RSS at each --scale size);
a no-op re-run against an empty run; adding one file to a warehouse of N; time per stage; peak RSS of every run
(each in a fresh process), and at --scale sizes; the named queries on a synthetic 1M-mention warehouse.

Article text: ANT corpus v1.1 — A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text
Collection for Textual Classification. AICCSA 2017.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from bench.ant import ANT_CITATION, DEFAULT_ANT_TARBALL
from bench.perf.corpus import DEFAULT_SEED, build_corpus, write_manifest
from bench.perf.memory import Measured, run_child
from bench.perf.report import code_version, machine_info, print_report, verdicts

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
DEFAULT_N = 200
# Files for the per-stage CPU profile (one process): enough for stable shares, a few CPU-seconds.
STAGE_SAMPLE = 300


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="akhbar bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=DEFAULT_N, help=f"pages in the corpus (default {DEFAULT_N})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed (default %(default)s)")
    parser.add_argument("--scale", default="", help="extra sizes for peak RSS, e.g. 1000,10000,all (plain runs)")
    parser.add_argument("--mentions", type=int, default=1_000_000, help="mentions in the synthetic query warehouse")
    parser.add_argument("--skip-flow", action="store_true", help="skip the Prefect flow runs")
    parser.add_argument("--skip-queries", action="store_true", help="skip the named-query timings")
    parser.add_argument("--work", type=Path, help="work folder for corpus and warehouses (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where the JSON goes (default bench/out)")
    parser.add_argument("--ant", type=Path, default=DEFAULT_ANT_TARBALL, help="ANT tarball (default ../shared/corpus)")
    parser.add_argument(
        "--warehouse-sizes",
        help="instead: the scale benchmark on synthetic warehouses of these many articles, e.g. 10000,100000,1000000 "
        "(bench/perf/scale.py)",
    )
    return parser.parse_args(argv)


def scale_sizes(spec: str) -> list[int | None]:
    """'1000,10000,all' -> [1000, 10000, None] (None: one page per ANT article)."""
    return [None if s.strip() == "all" else int(s) for s in spec.split(",") if s.strip()]


def link_inbox(pages_dir: Path, names: Sequence[str], inbox: Path) -> Path:
    """An inbox holding hard links to the first pages (no copy: 10k pages are a gigabyte)."""
    inbox.mkdir(parents=True, exist_ok=True)
    for name in names:
        target = inbox / name
        if not target.exists():
            try:
                os.link(pages_dir / name, target)
            except OSError:  # another file system, or no hard links: copy
                shutil.copy2(pages_dir / name, target)
    return inbox


def measured(label: str, args: Sequence[str], env: dict[str, str] | None = None) -> dict:
    """One child run's figures, or {"error": ...} when it failed (the rest of the benchmark still runs)."""
    print(f"  running {label} ...", file=sys.stderr, flush=True)
    try:
        result: Measured = run_child(args, env=env)
    except RuntimeError as error:
        print(f"  {label} failed: {error}", file=sys.stderr, flush=True)
        return {"error": str(error)}
    row = dict(result.result)
    row.update(
        wall_seconds=result.wall_seconds,
        peak_tree_rss=result.peak_tree_rss,
        peak_process_rss=result.peak_process_rss,
        cpu_seconds=result.cpu_seconds,
        load_average=result.load_average,
    )
    return row


def clear_work(work: Path) -> None:
    """Inboxes, warehouses and the Prefect home of an earlier run in the same --work folder are removed: every
    measurement starts from nothing. The pages themselves are rebuilt (they are deterministic)."""
    for path in (*work.glob("inbox-*"), work / "prefect-home"):
        shutil.rmtree(path, ignore_errors=True)
    for path in work.glob("*.duckdb*"):
        path.unlink(missing_ok=True)


def record(
    results: dict, work: Path, key: str, label: str, args: Sequence[str], env: dict[str, str] | None = None
) -> None:
    results[key] = measured(label, args, env)
    checkpoint(results, work)


def checkpoint(results: dict, work: Path) -> None:
    """The figures so far, in the work folder: a long run stopped half-way still leaves what it measured."""
    (work / "partial.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def run_benchmark(args: argparse.Namespace, work: Path) -> dict:
    clear_work(work)
    sizes = scale_sizes(args.scale)
    largest = None if None in sizes else max([args.n + 1, *[s + 1 for s in sizes if s is not None]])
    print(f"building the corpus ({largest or 'all'} pages) in {work} ...", file=sys.stderr, flush=True)
    pages = build_corpus(work / "pages", largest, args.seed, tarball=args.ant)
    write_manifest(pages, work / "pages.manifest.jsonl")
    n = min(args.n, len(pages) - 1)
    names = [p.name for p in pages]
    inbox = link_inbox(work / "pages", names[:n], work / f"inbox-{n}")
    empty = work / "inbox-empty"
    empty.mkdir(exist_ok=True)
    results: dict = {
        "n": n,
        "seed": args.seed,
        "corpus": corpus_stats(pages[:n]),
        "machine": machine_info(),
        "code": code_version(),
        "citation": ANT_CITATION,
        "started_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    record(results, work, "bare", "bare trafilatura", ["bare", str(inbox)])
    record(results, work, "plain", "akhbar plain", ["ingest", "plain", str(inbox), str(work / "plain.duckdb")])
    record(
        results, work, "reprocess_plain", "akhbar reprocess --all (plain)", ["reprocess", str(work / "plain.duckdb")]
    )
    record(results, work, "stage_cpu", "CPU per stage (1 process)", ["stages", str(inbox), str(min(n, STAGE_SAMPLE))])
    record(
        results, work, "noop_plain", "no-op re-run (plain)", ["ingest", "plain", str(inbox), str(work / "plain.duckdb")]
    )
    record(
        results,
        work,
        "empty_plain",
        "empty run (plain)",
        ["ingest", "plain", str(empty), str(work / "empty-plain.duckdb")],
    )
    # The flow runs get a Prefect home of their own (not the user's ~/.akhbar/prefect, nor other runs'); its database
    # is created by a first, unreported warm-up run, as a user's first ever run creates theirs.
    prefect = {"PREFECT_HOME": str(work / "prefect-home")}
    if not args.skip_flow:
        record(
            results,
            work,
            "prefect_first_run",
            "first flow run (creates the Prefect home)",
            ["ingest", "flow", str(empty), str(work / "warmup.duckdb")],
            prefect,
        )
        record(results, work, "flow", "akhbar flow", ["ingest", "flow", str(inbox), str(work / "flow.duckdb")], prefect)
        record(
            results,
            work,
            "noop_flow",
            "no-op re-run (flow)",
            ["ingest", "flow", str(inbox), str(work / "flow.duckdb")],
            prefect,
        )
        record(
            results,
            work,
            "empty_flow",
            "empty run (flow)",
            ["ingest", "flow", str(empty), str(work / "empty-flow.duckdb")],
            prefect,
        )
    link_inbox(work / "pages", names[n : n + 1], inbox)
    record(
        results,
        work,
        "add_one_plain",
        "add 1 file (plain)",
        ["ingest", "plain", str(inbox), str(work / "plain.duckdb")],
    )
    if not args.skip_flow:
        record(
            results,
            work,
            "add_one_flow",
            "add 1 file (flow)",
            ["ingest", "flow", str(inbox), str(work / "flow.duckdb")],
            prefect,
        )
    results["scale"], results["scale_reprocess"] = {}, {}
    for size in sizes:
        count = len(pages) if size is None else min(size, len(pages))
        scale_inbox = link_inbox(work / "pages", names[:count], work / f"inbox-{count}")
        warehouse = work / f"scale-{count}.duckdb"
        warehouse.unlink(missing_ok=True)
        results["scale"][str(count)] = measured(
            f"scale {count} (plain)", ["ingest", "plain", str(scale_inbox), str(warehouse)]
        )
        # Reprocess of the same warehouse: its peak memory must stay flat in corpus size (batches of stored text).
        results["scale_reprocess"][str(count)] = measured(f"scale {count} (reprocess)", ["reprocess", str(warehouse)])
        checkpoint(results, work)
        warehouse.unlink(missing_ok=True)
        if scale_inbox != inbox:
            shutil.rmtree(scale_inbox, ignore_errors=True)
    if not args.skip_queries:
        print(
            f"  timing named queries on a synthetic warehouse ({args.mentions:,} mentions) ...",
            file=sys.stderr,
            flush=True,
        )
        try:
            results["queries"] = query_results(work / "synthetic.duckdb", args.mentions)
        except Exception as error:  # noqa: BLE001 - reported with the rest, like a failed run
            results["queries"] = {"error": f"{type(error).__name__}: {error}", "counts": {}, "timings": []}
    results["verdicts"] = verdicts(results)
    return results


def corpus_stats(pages) -> dict:
    kinds: dict[str, int] = {}
    for page in pages:
        key = f"{page.kind}/{page.encoding}"
        kinds[key] = kinds.get(key, 0) + 1
    return {"pages": len(pages), "bytes": sum(p.size_bytes for p in pages), "kinds": kinds}


def query_results(path: Path, mentions: int) -> dict:
    from bench.perf.queries import build_synthetic_warehouse, time_named_queries

    counts = build_synthetic_warehouse(path, mentions)
    return {"counts": counts, "timings": [asdict(t) for t in time_named_queries(path)]}


def write_json(results: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = out_dir / f"bench-n{results['n']}-{stamp}.json"
    text = json.dumps(results, ensure_ascii=False, indent=1, default=str)
    path.write_text(text, encoding="utf-8")
    (out_dir / "latest.json").write_text(text, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.warehouse_sizes:
        from bench.perf import scale

        options = ["--sizes", args.warehouse_sizes, "--out", str(args.out)]
        return scale.main(options + (["--work", str(args.work)] if args.work else []))
    work = args.work or Path(tempfile.mkdtemp(prefix="akhbar-bench-"))
    try:
        results = run_benchmark(args, work)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    path = write_json(results, args.out)
    print_report(results)
    print(f"\nJSON: {path}")
    failed = failed_runs(results)
    if failed:
        print(f"akhbar bench: {len(failed)} run(s) failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def failed_runs(results: dict) -> list[str]:
    runs = [(k, v) for k, v in results.items() if isinstance(v, dict)]
    runs += [(f"scale {k}", v) for k, v in results.get("scale", {}).items()]
    return [name for name, run in runs if "error" in run]


if __name__ == "__main__":
    sys.exit(main())
