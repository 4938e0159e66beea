"""The `akhbar` command: a thin shell over the library. Each command opens what it needs, calls one function,
and turns errors into one clear line (exit 1) instead of a traceback.

Prefect is imported only by the commands that run flows (ingest, serve, watch), so `akhbar sql` stays fast.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from flows.errors import AkhbarError, WarehouseBusy, WarehouseLocked
from flows.read.discover import require_inbox_folder
from flows.settings import Settings, report_path

EXIT_OK, EXIT_ERROR, EXIT_LOCKED = 0, 1, 3
EVAL_STAGES = ("entities", "quotes", "events", "dates", "extraction", "english-names", "search")
COMMANDS = (
    "ingest",
    "serve",
    "watch",
    "sql",
    "query",
    "search",
    "status",
    "publish",
    "export",
    "report",
    "eval",
    "bench",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # options meant for the benchmark or an evaluation ("akhbar bench -n 1000") pass through
        if not hasattr(args, "rest"):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.rest = [*extra, *args.rest]
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.handler(args) or EXIT_OK)
    except WarehouseLocked as error:
        print(f"akhbar: {error}", file=sys.stderr)
        return EXIT_LOCKED
    except AkhbarError as error:
        print(f"akhbar: {error}", file=sys.stderr)
        _drop_frames(error)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("akhbar: interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # the disk or the folder under the warehouse, not a bug: one line
        print(f"akhbar: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: still one line, the traceback on request
        if os.environ.get("AKHBAR_DEBUG"):
            raise
        print(
            f"akhbar: unexpected error: {type(error).__name__}: {error} (AKHBAR_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        _drop_frames(error)
        return EXIT_ERROR


def _drop_frames(error: BaseException | None) -> None:
    """Let go of the failed run's frames (and the DuckDB connection they hold) before the interpreter exits."""
    while error is not None:
        error.__traceback__ = None
        error = error.__cause__ or error.__context__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="akhbar", description="Arabic news -> entities, quotes and events in DuckDB")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    def paths(p: argparse.ArgumentParser, inbox: bool = True) -> None:
        if inbox:
            p.add_argument("--inbox", help="inbox folder (default ./inbox, or $AKHBAR_INBOX)")
        p.add_argument("--warehouse", help="warehouse file (default ./warehouse/akhbar.duckdb, or $AKHBAR_WAREHOUSE)")

    p = command("ingest", cmd_ingest, "one run of the Prefect ingest flow: every new inbox file goes to the warehouse")
    paths(p)
    p.add_argument("--wait", type=float, default=30.0, help="seconds to wait for another run to finish (default 30)")
    p.add_argument(
        "--no-prefect", action="store_true", help="run the same steps without Prefect (no flow run recorded)"
    )
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help="process batches on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786); needs .[dask]",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    report_option(p)

    p = command("serve", cmd_serve, "run the ingest flow on a schedule (a Prefect deployment) until stopped")
    paths(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--interval", type=float, help="seconds between runs (default 300)")
    group.add_argument("--cron", help="cron expression, e.g. '*/15 * * * *'")
    report_option(p)

    p = command("watch", cmd_watch, "run the ingest flow as soon as new files settle in the inbox")
    paths(p)
    p.add_argument("--settle", type=float, default=3.0, help="seconds a file's size and mtime must stay unchanged")

    p = command("sql", cmd_sql, "run ad-hoc SQL against the warehouse (read-only unless --write)")
    paths(p, inbox=False)
    p.add_argument("statement", help="the SQL statement")
    p.add_argument("--write", action="store_true", help="allow statements that modify the warehouse")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = command("query", cmd_query, "run a named query from sql/queries/ (no NAME: list them)")
    paths(p, inbox=False)
    p.add_argument("name", nargs="?", help="query name (file name without .sql)")
    p.add_argument("params", nargs="*", help="values for the query's ? parameters, in order")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = command("search", cmd_search, "Arabic-aware ranked search over articles (or quotes), best first")
    paths(p, inbox=False)
    p.add_argument("text", metavar="QUERY", help="words to look for, e.g. 'غوتيريش اليمن'")
    p.add_argument("--quotes", action="store_true", help="rank quotes (by their words and speaker) instead")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=_positive, default=10, metavar="N", help="how many results (default 10)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = command("status", cmd_status, "what the warehouse holds: counts per table, last runs, quarantined files")
    paths(p, inbox=False)

    p = command("publish", cmd_publish, "write the read-only snapshot NAME.snapshot.duckdb for BI tools")
    paths(p, inbox=False)

    p = command("export", cmd_export, "write one Parquet file per table and view, plus views.sql")
    paths(p, inbox=False)
    p.add_argument("--parquet", required=True, metavar="DIR", help="output folder")

    p = command("report", cmd_report, "write one self-contained HTML report: timeline, who met whom, quotes, trends")
    paths(p, inbox=False)
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="first day (default: first article)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last day (default: newest article)")
    p.add_argument("--out", metavar="FILE", help="the HTML file (default: NAME.report.html beside the warehouse)")

    p = command("eval", cmd_eval, "score entities, quotes, events and dates against the gold files and print P/R/F1")
    p.add_argument("stage", nargs="?", default="all", choices=("all", *EVAL_STAGES))
    p.add_argument("rest", nargs=argparse.REMAINDER, help="options for the stage's evaluation")

    p = command("bench", cmd_bench, "build a benchmark corpus and print throughput, overhead and memory figures")
    p.add_argument("rest", nargs=argparse.REMAINDER, help="options for the benchmark (see akhbar bench -- --help)")
    return parser


def report_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--report",
        nargs="?",
        const="",
        metavar="FILE",
        help="rewrite the HTML report after every run (default FILE: NAME.report.html beside the warehouse)",
    )


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2018-04-30") from None


def settings_from(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env(inbox=getattr(args, "inbox", None), warehouse=getattr(args, "warehouse", None))
    report = getattr(args, "report", None)  # None: no --report; "": --report with no FILE
    if report is None:
        return settings
    return replace(settings, report=Path(report) if report else report_path(settings.warehouse))


# ---- ingest ----------------------------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from flows import runner

    settings = settings_from(args)
    require_inbox_folder(settings.inbox)
    from flows.store.lock import warehouse_lock

    dask_address = args.dask or os.environ.get("AKHBAR_DASK_ADDRESS")
    if not args.no_prefect:
        with warehouse_lock(settings.warehouse, wait_seconds=args.wait):
            pass  # wait here for a running ingest, before paying for Prefect's start-up (the flow waits again)
        counts = None if dask_address else runner.count_new_files(settings)
        if counts is not None and counts[1] == 0:
            return _nothing_new(settings, seen=counts[0])
    bar = None if args.quiet or not sys.stderr.isatty() else ProgressBar()
    runner.set_progress(bar)
    try:
        if args.no_prefect:
            summary = runner.run_ingest(settings, lock_wait=args.wait)  # waits where it takes the lock
        else:
            from flows.prefect_server import server_lease

            with server_lease():  # the background Prefect server, started on first use (flows/prefect_server.py)
                from flows.ingest import run_flow

                _quiet_prefect_run_logs()
                summary = run_flow(settings, dask_address=dask_address)
    finally:
        runner.set_progress(None)
        if bar:
            bar.close()
    print_summary(summary)
    if settings.report:
        print(f"report written: {settings.report}")
    return EXIT_OK


def _nothing_new(settings: Settings, seen: int) -> int:
    """No new or changed file: no flow run is started (a Prefect run with nothing to do costs seconds, and users run
    the command many times a day); a change another run could not publish is still published."""
    from flows.store.publish import publish_snapshot

    if settings.publish:
        publish_snapshot(settings.warehouse, only_if_changed=True)
    print_table(["measure", "value"], [("seen", str(seen)), ("new", "0")])
    print("nothing new in the inbox: no run started", file=sys.stderr)
    return EXIT_OK


def _quiet_prefect_run_logs() -> None:
    """A failed run is reported by the CLI in one line; Prefect's own traceback only with AKHBAR_DEBUG=1.

    The flow run is still marked Failed in Prefect with the error message.
    """
    if not os.environ.get("AKHBAR_DEBUG"):
        import logging

        for name in ("prefect.flow_runs", "prefect.task_runs"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


class ProgressBar:
    WIDTH = 30

    def __call__(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} files")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def print_summary(summary) -> None:
    print_table(["measure", "value"], summary.rows())
    for path, reason in summary.quarantined_files[:20]:
        print(f"  quarantined: {path}: {reason}")
    if len(summary.quarantined_files) > 20:
        print(f"  ... and {len(summary.quarantined_files) - 20} more (akhbar status)")


# ---- serve / watch / bench / eval: each lives in its own module ------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    return serve(settings_from(args), interval=args.interval, cron=args.cron)


def cmd_watch(args: argparse.Namespace) -> int:
    from flows.watch import watch

    return watch(settings_from(args), settle_seconds=args.settle)


def cmd_bench(args: argparse.Namespace) -> int:
    run = _dev_tool("bench.perf.run", "akhbar bench")
    return run.main([a for a in args.rest if a != "--"])


def cmd_eval(args: argparse.Namespace) -> int:
    stages = EVAL_STAGES if args.stage == "all" else (args.stage,)
    for stage in stages:
        _dev_tool(f"bench.quality.{stage.replace('-', '_')}", "akhbar eval").run([a for a in args.rest if a != "--"])
    return EXIT_OK


def _dev_tool(module: str, command: str):
    """A module of bench/, the development tools beside flows/ in a source checkout (not shipped in the wheel)."""
    import importlib

    checkout = Path(__file__).resolve().parents[1]
    if not (checkout / "bench" / "__init__.py").exists():
        raise AkhbarError(f"{command} runs from a source checkout of akhbar (bench/ beside flows/), not from a wheel")
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    return importlib.import_module(module)


# ---- reading the warehouse ---------------------------------------------------------------------------------------


def cmd_sql(args: argparse.Namespace) -> int:
    from flows.store import warehouse

    settings = settings_from(args)
    with _reader(settings, write=args.write) as con:
        if args.write:
            from flows.store.publish import mark_stale

            mark_stale(settings.warehouse)  # an edit no run recorded: the next publish writes every table whole
        columns, rows = warehouse.query(con, args.statement)
    print_rows(columns, rows, args.format)
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from flows.store import warehouse

    available = sorted(p.stem for p in warehouse.QUERIES_DIR.glob("*.sql"))
    if not args.name:
        print("named queries: " + ", ".join(available))
        return EXIT_OK
    if args.name not in available:
        raise AkhbarError(f"no named query {args.name!r}; available: {', '.join(available)}")
    sql = (warehouse.QUERIES_DIR / f"{args.name}.sql").read_text(encoding="utf-8")
    with _reader(settings_from(args)) as con:
        columns, rows = warehouse.query(con, sql, args.params)
    print_rows(columns, rows, args.format)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from flows.search import index_coverage, search

    with _reader(settings_from(args)) as con:
        coverage = index_coverage(con)
        if coverage is None:
            raise AkhbarError(NO_SEARCH_INDEX)
        if coverage[0] < coverage[1]:
            print(f"akhbar: {_not_indexed(coverage)}", file=sys.stderr)
        columns, rows = search(
            con, args.text, quotes=args.quotes, date_from=args.date_from, date_to=args.date_to, limit=args.limit
        )
    print_rows(columns, rows, args.format)
    return EXIT_OK


NO_SEARCH_INDEX = "this warehouse has no search index yet: run `akhbar ingest` with this version of akhbar"


def _not_indexed(coverage: tuple[int, int]) -> str:
    return (
        f"{coverage[1] - coverage[0]} articles, loaded before the search index existed, are not searched yet; "
        "the next `akhbar ingest` that loads a file indexes them"
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def cmd_status(args: argparse.Namespace) -> int:
    from flows.search import index_coverage
    from flows.store import warehouse

    with _reader(settings_from(args)) as con:
        print_table(["table", "rows"], list(warehouse.table_counts(con).items()))
        coverage = index_coverage(con)
        if coverage is None:
            print(f"search index: none ({NO_SEARCH_INDEX.split(': ', 1)[1]})")
        else:
            print(f"search index: {coverage[0]} of {coverage[1]} articles")
        print()
        print_rows(
            *warehouse.query(
                con,
                "select run_id, started_at, status, files_seen, files_new, files_loaded, "
                "files_duplicate, files_quarantined, round(seconds, 2) as seconds "
                "from runs order by started_at desc limit 5",
            ),
            "table",
        )
        print()
        print_rows(
            *warehouse.query(
                con,
                "select file_path, error, seen_at from files where status = 'quarantined' "
                "order by seen_at desc, file_path limit 20",
            ),
            "table",
        )
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    import time

    from flows.store.publish import publish_snapshot

    settings = settings_from(args)
    if not settings.warehouse.exists():
        raise AkhbarError(f"no warehouse at {settings.warehouse}: run `akhbar ingest` first")
    started = time.perf_counter()
    published = publish_snapshot(settings.warehouse, wait_seconds=60, full=True)
    if published is None:
        raise WarehouseLocked(
            f"another akhbar run is writing {settings.warehouse}; it publishes the snapshot when done"
        )
    size_mb = published.bytes_written / 1e6
    print(f"snapshot written: {published.path} ({size_mb:.1f} MB in {time.perf_counter() - started:.2f} s)")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from flows.store.export import export_parquet

    settings = settings_from(args)
    try:
        written = export_parquet(settings.warehouse, Path(args.parquet))
    except WarehouseBusy:
        if not settings.snapshot.exists():
            raise
        print(
            f"akhbar: an ingest is writing the warehouse; exporting the snapshot {settings.snapshot}", file=sys.stderr
        )
        written = export_parquet(settings.snapshot, Path(args.parquet))
    print(f"{len(written)} files written to {args.parquet}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from flows.report import write_report

    settings = settings_from(args)
    out = Path(args.out) if args.out else report_path(settings.warehouse)
    with _reader(settings) as con:
        write_report(con, out, start=args.date_from, end=args.date_to, warehouse_name=settings.warehouse.name)
    print(f"report written: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return EXIT_OK


class _reader:
    """A warehouse connection for reading: read-only unless ``write``; the snapshot when an ingest holds the file.

    Inside the ``with`` body, a damaged file or a full disk becomes one AkhbarError line (see warehouse.opened).
    """

    def __init__(self, settings: Settings, write: bool = False):
        self.settings, self.write = settings, write

    def __enter__(self):
        from flows.store import warehouse
        from flows.store.snapshot import parts_dir

        try:
            self.context = warehouse.opened(self.settings.warehouse, read_only=not self.write, sandboxed=not self.write)
            return self.context.__enter__()
        except WarehouseBusy:
            snapshot = self.settings.snapshot
            if self.write or not snapshot.exists():
                raise
            print(f"akhbar: an ingest is writing the warehouse; reading the snapshot {snapshot}", file=sys.stderr)
            self.context = warehouse.opened(snapshot, read_only=True, sandboxed=True, readable=parts_dir(snapshot))
            return self.context.__enter__()

    def __exit__(self, *exc):
        return self.context.__exit__(*exc)


# ---- output --------------------------------------------------------------------------------------------------


def print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")  # Unix line ends: cut, awk and spreadsheets all read them
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        print(
            json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=_json_default, indent=1)
        )
    else:
        print_table(columns, rows)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not columns:
        print("(statement executed)")
        return
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(str(c))] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = "  ".join(str(c).ljust(w) for c, w in zip(columns, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


MAX_CELL = 80


def _cell(value: object) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _json_default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


if __name__ == "__main__":
    raise SystemExit(main())
