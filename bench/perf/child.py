"""What the benchmark runs in a fresh process, one measurement per process, so that each peak RSS is its own.

    python -m bench.perf.child bare INBOX OUT_JSON
    python -m bench.perf.child ingest {plain,flow,warm} INBOX WAREHOUSE OUT_JSON   (warm: AKHBAR_BENCH_WARM_UP=PAGE)
    python -m bench.perf.child stages INBOX LIMIT OUT_JSON

Each writes one JSON object to OUT_JSON: the call's wall seconds (imports excluded, reported apart), the counts,
and this process's own ru_maxrss.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Sequence


def inbox_files(inbox: Path) -> list[Path]:
    return sorted(p for p in inbox.iterdir() if p.is_file())


def bare_trafilatura(inbox: Path) -> dict:
    """The yardstick: trafilatura.extract on each file's bytes, one process, nothing else.

    Every file of the inbox, .txt too (trafilatura takes them as a document with one text node), in name order.
    """
    started = time.perf_counter()
    import trafilatura  # the yardstick is trafilatura itself, not akhbar's boundary module

    imported = time.perf_counter()
    files = inbox_files(inbox)
    total_bytes = extracted = 0
    for path in files:
        data = path.read_bytes()
        total_bytes += len(data)
        if trafilatura.extract(data, deduplicate=False):
            extracted += 1
    return {
        "files": len(files),
        "bytes": total_bytes,
        "extracted": extracted,
        "import_seconds": imported - started,
        "seconds": time.perf_counter() - imported,
    }


def ingest(mode: str, inbox: Path, warehouse: Path) -> dict:
    """One akhbar ingest run, as plain functions or as the Prefect flow, timed around the call (publishing the
    snapshot included in both, as every user's run does)."""
    import os

    os.environ["AKHBAR_INBOX"], os.environ["AKHBAR_WAREHOUSE"] = str(inbox), str(warehouse)
    started = time.perf_counter()
    from flows import runner
    from flows.settings import Settings

    if mode == "flow":
        from flows.ingest import ingest_flow
    if mode == "warm":
        warm_up(Path(os.environ["AKHBAR_BENCH_WARM_UP"]))
    imported = time.perf_counter()
    if mode == "flow":
        summary = ingest_flow(inbox=str(inbox), warehouse_path=str(warehouse))
    else:
        summary = runner.run_ingest(Settings.from_env())
    seconds = time.perf_counter() - imported
    return {
        "mode": mode,
        "import_seconds": imported - started,
        "seconds": seconds,
        "run_seconds": summary.seconds,
        "counts": summary.counts,
        "status": summary.status,
        "stage_seconds": dict(summary.stage_seconds),
        "quarantined_sample": summary.quarantined_files[:5],
    }


def warm_up(page: Path) -> None:
    """Analyse one page outside the inbox and name its entities (nothing is written), so that the run after it finds
    the language stages and naming models loaded, as the second and later runs of `akhbar watch` or `akhbar serve`
    do (one process, many runs)."""
    import datetime as dt

    from flows.nlp.entities.english import add_english_names
    from flows.nlp.version import extractor_version
    from flows.pipeline import process_file
    from flows.read.discover import scan_inbox
    from flows.settings import Settings
    from flows.store.frames import outcomes_to_frames

    item = next(item for item in scan_inbox(page.parent) if item.rel_path == page.name)
    outcome = process_file(item, Settings(inbox=page.parent))
    frames, _ = outcomes_to_frames([outcome], "warm-up", dt.datetime.now(), set(), extractor_version())
    add_english_names(frames["entities"])  # the naming models too, as a load loads them


def reprocess(warehouse: Path) -> dict:
    """One `akhbar reprocess --all` run (plain functions) on a warehouse an ingest built: the language stages and
    linking again from the stored text, no reading or extraction; the snapshot republished as a user's run does."""
    started = time.perf_counter()
    from flows.reprocess import run_reprocess
    from flows.settings import Settings

    imported = time.perf_counter()
    summary = run_reprocess(Settings.from_env(warehouse=warehouse), everything=True)
    return {
        "mode": "reprocess",
        "import_seconds": imported - started,
        "seconds": time.perf_counter() - imported,
        "files": summary.reprocessed,
        "failed": summary.failed,
        "events": [summary.events_before, summary.events_after],
    }


def stage_cpu(inbox: Path, limit: int) -> dict:
    """CPU seconds per stage: ``flows.pipeline.process_file`` on the first ``limit`` files, one process, its stage
    clock switched to this process's CPU time for the call. Wall-clock stage times of a pooled run count the
    time a worker waits for a core; on a shared machine these do not."""
    from types import SimpleNamespace

    from flows import pipeline, timing
    from flows.read.discover import scan_inbox
    from flows.settings import Settings

    settings = Settings(inbox=inbox)
    items = scan_inbox(inbox)[:limit]
    wall_clock = timing.time
    timing.time = SimpleNamespace(perf_counter=time.process_time)  # type: ignore[assignment] # the stage clock only
    try:
        pipeline.process_file(items[0], settings)  # first-call costs (imports, compiled patterns) are not per-file
        totals: dict[str, float] = {}
        started = time.process_time()
        errors = 0
        for item in items:
            outcome = pipeline.process_file(item, settings)
            errors += outcome.error is not None
            for stage, seconds in outcome.stage_seconds.items():
                totals[stage] = totals.get(stage, 0.0) + seconds
    finally:
        timing.time = wall_clock
    return {
        "files": len(items),
        "errors": errors,
        "cpu_seconds": time.process_time() - started,
        "stage_cpu_seconds": totals,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["bare"]:
        result, out = bare_trafilatura(Path(args[1])), Path(args[2])
    elif args[:1] == ["stages"]:
        result, out = stage_cpu(Path(args[1]), int(args[2])), Path(args[3])
    elif args[:1] == ["reprocess"]:
        result, out = reprocess(Path(args[1])), Path(args[2])
    elif args[:1] == ["ingest"]:
        result = ingest(args[1], Path(args[2]), Path(args[3]))
        out = Path(args[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["self_maxrss_kb"] = usage.ru_maxrss
    result["self_cpu_seconds"] = usage.ru_utime + usage.ru_stime
    out.write_text(json.dumps(result, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
