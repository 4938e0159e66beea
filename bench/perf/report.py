"""The benchmark's figures against issue 6's targets, the machine they came from, and the printed table."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from bench.ant import ANT_CITATION

# Issue 6's targets (2 cores).
TARGET_E2E_RATIO = 1.3  # akhbar end-to-end files/s over bare single-process trafilatura files/s
TARGET_PREFECT_OVERHEAD = 0.10  # flow seconds / plain seconds - 1, at 10k files
TARGET_NOOP_MARGIN_SECONDS = 2.0  # no-op re-run minus empty run
TARGET_RSS_GROWTH = 1.2  # peak RSS at the whole corpus over that at 10k
TARGET_QUERY_SECONDS = 1.0
STAGES = ("discover", "read", "decode", "extract", "nlp", "entities", "quotes", "events", "load")
MB = 1024 * 1024


def machine_info() -> dict:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        memory = 0
    versions = {}
    for package in ("trafilatura", "prefect", "duckdb", "polars", "lxml"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory / 1024**3, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "versions": versions,
    }


def code_version() -> dict:
    """The commit measured, and whether flows/ or sql/ differ from it (a benchmark of uncommitted code says so).

    A snapshot without .git (``git archive``) names its commit in AKHBAR_BENCH_COMMIT."""
    repo = Path(__file__).resolve().parents[1]

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    if commit is None:
        return {"commit": os.environ.get("AKHBAR_BENCH_COMMIT"), "dirty": None, "repo": str(repo)}
    changed = git("status", "--porcelain", "--", "flows", "sql")
    return {"commit": commit, "dirty": bool(changed), "repo": str(repo)}


def rate(files: int, seconds: float | None) -> float | None:
    return files / seconds if seconds else None


def rss_at_10k(results: dict) -> int | None:
    if results["n"] == 10_000:
        return results["plain"].get("peak_tree_rss")
    return results.get("scale", {}).get("10000", {}).get("peak_tree_rss")


def verdicts(results: dict) -> dict:
    """Each target measured: the figure, the target, and whether it is met. Failed or skipped runs give none."""
    out: dict[str, dict] = {}

    def seconds(key: str) -> float | None:
        run = results.get(key) or {}
        return run.get("seconds")

    bare, plain, flow = seconds("bare"), seconds("plain"), seconds("flow")
    if bare and plain:
        out["e2e_ratio_plain"] = _check(bare / plain, TARGET_E2E_RATIO, at_least=True)
    bare_cpu, plain_cpu = (results.get(k, {}).get("cpu_seconds") for k in ("bare", "plain"))
    if bare_cpu and plain_cpu:
        # What the ratio would be on an otherwise idle machine with every core busy: cores x CPU-cost ratio.
        cores = results.get("machine", {}).get("cores") or 1
        out["e2e_ratio_idle_estimate"] = _check(cores * bare_cpu / plain_cpu, TARGET_E2E_RATIO, at_least=True)
    if bare and flow:
        out["e2e_ratio_flow"] = _check(bare / flow, TARGET_E2E_RATIO, at_least=True)
    if plain and flow:
        out["prefect_overhead"] = _check(flow / plain - 1, TARGET_PREFECT_OVERHEAD)
    flow_cpu = results.get("flow", {}).get("cpu_seconds")
    if plain_cpu and flow_cpu:
        # The same in CPU seconds: what Prefect costs the machine, much less sensitive to other load than wall time.
        out["prefect_overhead_cpu"] = _check(flow_cpu / plain_cpu - 1, TARGET_PREFECT_OVERHEAD)
    for mode in ("flow", "plain"):
        noop, empty = seconds(f"noop_{mode}"), seconds(f"empty_{mode}")
        if noop is not None and empty is not None:
            out[f"noop_minus_empty_{mode}"] = _check(noop - empty, TARGET_NOOP_MARGIN_SECONDS)
    scale = results.get("scale", {})
    ten_k = rss_at_10k(results)
    bigger = [int(k) for k, run in scale.items() if int(k) > 10_000 and "peak_tree_rss" in run]
    if ten_k and bigger:
        out["rss_growth_whole_vs_10k"] = _check(scale[str(max(bigger))]["peak_tree_rss"] / ten_k, TARGET_RSS_GROWTH)
    one_k = (scale.get("1000") or {}).get("peak_tree_rss")
    if ten_k and one_k:
        # Not an issue-6 target, the same rule over a wider range: ten times the files, flat memory.
        out["rss_growth_10k_vs_1k"] = _check(ten_k / one_k, TARGET_RSS_GROWTH)
    timings = [t for t in results.get("queries", {}).get("timings", []) if t["best_seconds"] is not None]
    if timings:
        out["slowest_query_seconds"] = _check(max(t["first_seconds"] for t in timings), TARGET_QUERY_SECONDS)
    return out


def _check(value: float, target: float, at_least: bool = False) -> dict:
    return {"value": value, "target": target, "met": value >= target if at_least else value <= target}


def print_report(results: dict) -> None:
    machine = results["machine"]
    corpus = results["corpus"]
    print("akhbar benchmark — issue 6")
    print(f"corpus: {corpus['pages']} pages, {corpus['bytes'] / MB:.1f} MB, {corpus['kinds']} (seed {results['seed']})")
    print(f"article text: ANT corpus v1.1 — {ANT_CITATION}")
    print(
        f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB, {machine['os']}, "
        f"Python {machine['python']}, load average at start {machine['load_average']}"
    )
    print(f"versions: {machine['versions']}")
    code = results.get("code", {})
    print(
        f"code: {code.get('repo')} at {code.get('commit')}"
        + (" with uncommitted changes in flows/ or sql/" if code.get("dirty") else "")
    )
    print()
    n = results["n"]
    rows = [
        (
            "run",
            "files",
            "seconds",
            "files/s",
            "MB/s",
            "process s",
            "CPU s",
            "CPU ms/file",
            "load",
            "peak RSS MB",
            "loaded/dup/quar",
        )
    ]
    for key, label in (
        ("bare", "bare trafilatura (1 process)"),
        ("plain", "akhbar, plain functions"),
        ("reprocess_plain", "reprocess --all, plain"),
        ("flow", "akhbar, Prefect flow"),
        ("prefect_first_run", "first flow run ever, empty"),
        ("noop_plain", "no-op re-run, plain"),
        ("noop_flow", "no-op re-run, flow"),
        ("empty_plain", "empty run, plain"),
        ("empty_flow", "empty run, flow"),
        ("add_one_plain", f"add 1 file to {n}, plain"),
        ("add_one_flow", f"add 1 file to {n}, flow"),
    ):
        run = results.get(key)
        if run and "error" in run:
            rows.append((label, "failed: " + run["error"][:60], "", "", "", "", "", "", "", "", ""))
        elif run:
            whole = key in ("bare", "plain", "flow")  # the runs that read the whole corpus
            rows.append(_run_row(label, run, n, results["corpus"]["bytes"] if whole else None))
    for size, run in results.get("scale", {}).items():
        if "error" in run:
            rows.append((f"scale {size}, plain", "failed: " + run["error"][:60], "", "", "", "", "", "", "", "", ""))
        else:
            rows.append(_run_row(f"scale {size}, plain", run, int(size), None))
        again = results.get("scale_reprocess", {}).get(size)
        if again and "error" not in again:
            rows.append(_run_row(f"scale {size}, reprocess", again, int(size), None))
    _table(rows)
    ratio = reprocess_speedup(results)
    if ratio is not None:
        print(f"\nreprocess --all against ingest of the same corpus: {ratio:.1f} x the articles per second")
    stages = results["plain"].get("stage_seconds", {})
    if stages:
        print("\ntime per stage, plain run (process-seconds summed over workers; load in the main process):")
        total = sum(stages.get(s, 0.0) for s in STAGES if s not in ("nlp",))
        _table(
            [("stage", "seconds", "ms/file", "share")]
            + [
                (
                    s,
                    f"{stages[s]:.2f}",
                    f"{1000 * stages[s] / max(n, 1):.1f}",
                    f"{stages[s] / total:.0%}" if total else "",
                )
                for s in STAGES
                if s in stages
            ]
        )
    profile = results.get("stage_cpu") or {}
    if profile.get("stage_cpu_seconds"):
        files = max(profile["files"], 1)
        cpu = profile["stage_cpu_seconds"]
        bare = results.get("bare", {})
        print(
            f"\nCPU per stage, one process, first {profile['files']} files (nlp = entities + quotes + events);"
            f" bare trafilatura: {_f(1000 * bare.get('cpu_seconds', 0) / max(bare.get('files', 1), 1), 1)} CPU ms/file:"
        )
        _table(
            [("stage", "CPU ms/file", "share")]
            + [
                (s, f"{1000 * cpu[s] / files:.1f}", f"{cpu[s] / profile['cpu_seconds']:.0%}")
                for s in STAGES
                if s in cpu
            ]
            + [("all", f"{1000 * profile['cpu_seconds'] / files:.1f}", "100%")]
        )
    queries = results.get("queries")
    if queries:
        print(f"\nnamed queries on a synthetic warehouse ({queries['counts'].get('mentions', 0):,} mentions):")
        timed = [
            (t["name"], str(t["rows"]), _f(t["first_seconds"], 3), _f(t["best_seconds"], 3), t["error"] or "")
            for t in queries["timings"]
        ]
        _table(
            [("query", "rows", "first s", "best s", "note")] + (timed or [("(none in sql/queries/)", "", "", "", "")])
        )
    print("\ntargets (issue 6):")
    _table(
        [("measure", "value", "target", "met")]
        + [
            (
                name,
                _f(v["value"], 3),
                (">= " if name.startswith("e2e") else "<= ") + str(v["target"]),
                "yes" if v["met"] else "NO",
            )
            for name, v in results["verdicts"].items()
        ]
    )


def _run_row(label: str, run: dict, files: int, total_bytes: int | None) -> tuple:
    counts = run.get("counts")
    files = run.get("files", counts.get("new", files) if counts else files)
    size = run.get("bytes", total_bytes)
    status = "/".join(str(counts.get(k, 0)) for k in ("loaded", "duplicate", "quarantined")) if counts else ""
    return (
        label,
        str(files),
        _f(run["seconds"], 2),
        _f(rate(files, run["seconds"]), 1) if files else "",
        _f(size / MB / run["seconds"], 2) if size and files and run["seconds"] else "",
        _f(run["wall_seconds"], 2),
        _f(run.get("cpu_seconds"), 1),
        _f(1000 * run["cpu_seconds"] / files, 1) if files and run.get("cpu_seconds") else "",
        _f(run.get("load_average"), 1),
        _f(run["peak_tree_rss"] / MB, 0),
        status,
    )


def reprocess_speedup(results: dict) -> float | None:
    """Articles per second of `akhbar reprocess --all` over those of the plain ingest that built the warehouse."""
    ingest, again = results.get("plain") or {}, results.get("reprocess_plain") or {}
    if "seconds" not in ingest or "seconds" not in again or not again.get("files"):
        return None
    loaded = (ingest.get("counts") or {}).get("loaded", 0)
    if not loaded:
        return None
    return (again["files"] / again["seconds"]) / (loaded / ingest["seconds"])


def _f(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _table(rows: list[tuple]) -> None:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))
