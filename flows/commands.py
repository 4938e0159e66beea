"""What each `akhbar` command does: thin shells that open what they need, call one library function and print.

flows/cli.py parses the command line and dispatches here; flows/output.py prints tables, CSV, JSON and progress.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from pathlib import Path

from flows.errors import AkhbarError, WarehouseBusy, WarehouseLocked
from flows.output import ProgressBar, print_rows, print_summary, print_table
from flows.read.discover import require_inbox_folder
from flows.settings import Settings, report_path

EXIT_OK, EXIT_ERROR, EXIT_LOCKED = 0, 1, 3
EVAL_STAGES = ("entities", "quotes", "events", "dates", "extraction", "english-names", "search", "coref")


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
    say_stale_facts(summary.stale_articles)
    if settings.report:
        print(f"report written: {settings.report}")
    return EXIT_OK


def say_stale_facts(stale: int) -> None:
    """The one line ingest prints when articles carry facts from an older extractor version."""
    if stale:
        print(
            f"{stale} articles carry facts from an older extractor version: `akhbar reprocess` brings them up to date"
        )


def _nothing_new(settings: Settings, seen: int) -> int:
    """No new or changed file: no flow run is started (a Prefect run with nothing to do costs seconds, and users run
    the command many times a day); a change another run could not publish is still published."""
    from flows.nlp.version import extractor_version
    from flows.store import warehouse
    from flows.store.facts import stale_count_if_versioned
    from flows.store.publish import publish_snapshot

    if settings.publish:
        publish_snapshot(settings.warehouse, only_if_changed=True)
    print_table(["measure", "value"], [("seen", str(seen)), ("new", "0")])
    print("nothing new in the inbox: no run started", file=sys.stderr)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        say_stale_facts(stale_count_if_versioned(con, extractor_version()))
    return EXIT_OK


def cmd_reprocess(args: argparse.Namespace) -> int:
    from flows import reprocess

    settings = settings_from(args)
    if not settings.warehouse.exists():
        raise AkhbarError(f"no warehouse at {settings.warehouse}: run `akhbar ingest` first")
    bar = None if args.quiet or not sys.stderr.isatty() else ProgressBar("articles")
    reprocess.set_progress(bar)
    try:
        if args.no_prefect:
            summary = reprocess.run_reprocess(
                settings, everything=args.all, since=_start_of(args.since), lock_wait=args.wait
            )
        else:
            from flows.store.lock import warehouse_lock

            with warehouse_lock(settings.warehouse, wait_seconds=args.wait):
                pass  # wait here for a running ingest, before paying for Prefect's start-up (the flow waits again)
            from flows.prefect_server import server_lease

            with server_lease():  # the background Prefect server, as for ingest (flows/prefect_server.py)
                from flows.reprocess_flow import reprocess_flow

                _quiet_prefect_run_logs()
                summary = reprocess_flow(
                    warehouse_path=str(settings.warehouse),
                    everything=args.all,
                    since=args.since.isoformat() if args.since else None,
                )
    finally:
        reprocess.set_progress(None)
        if bar:
            bar.close()
    print_table(["measure", "value"], summary.rows())
    for article_id, reason in summary.failures[:20]:
        print(f"  no facts: {article_id}: {reason}")
    return EXIT_OK


def _quiet_prefect_run_logs() -> None:
    """A failed run is reported by the CLI in one line; Prefect's own traceback only with AKHBAR_DEBUG=1.

    The flow run is still marked Failed in Prefect with the error message.
    """
    if not os.environ.get("AKHBAR_DEBUG"):
        import logging

        for name in ("prefect.flow_runs", "prefect.task_runs"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


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
        if not args.write:
            columns, rows = warehouse.query(con, args.statement)
        else:
            from flows.store.publish import mark_stale

            mark_stale(settings.warehouse)  # an edit no run recorded: the next publish writes every table whole
            columns, rows = _edit(con, args.statement)
    print_rows(columns, rows, args.format)
    return EXIT_OK


def _edit(con, statement: str) -> tuple[list[str], list[tuple]]:
    """A hand edit; where it may change the facts the derived tables are counted from, they are rebuilt with it (in
    the same transaction, unless the statement manages its own), so the named queries keep agreeing with the facts."""
    from flows.store import derived, warehouse

    types = warehouse.statement_types(con, statement)
    edited = derived.edited_sources(types, statement)
    if not edited:
        return warehouse.query(con, statement)
    print(
        f"akhbar: the statement may change {', '.join(edited)}: rebuilding the derived tables "
        f"({', '.join(derived.DERIVED_TABLES)}; minutes on a warehouse of a million articles)",
        file=sys.stderr,
    )
    if "TRANSACTION" in types:  # the statement commits itself: the rebuild follows in a transaction of its own
        result = warehouse.query(con, statement)
        con.execute("begin transaction")
    else:
        con.execute("begin transaction")
        result = _or_rollback(con, lambda: warehouse.query(con, statement))
    _or_rollback(con, lambda: derived.rebuild(con))
    con.execute("commit")
    return result


def _or_rollback(con, step):
    try:
        return step()
    except BaseException:
        con.execute("rollback")
        raise


def cmd_query(args: argparse.Namespace) -> int:
    from flows.store import warehouse
    from flows.store.named import with_defaults

    available = sorted(p.stem for p in warehouse.QUERIES_DIR.glob("*.sql"))
    if not args.name:
        print("named queries: " + ", ".join(available))
        return EXIT_OK
    if args.name not in available:
        raise AkhbarError(f"no named query {args.name!r}; available: {', '.join(available)}")
    sql = (warehouse.QUERIES_DIR / f"{args.name}.sql").read_text(encoding="utf-8")
    params = with_defaults(sql, args.params)
    with _reader(settings_from(args)) as con:
        columns, rows = warehouse.query(con, sql, params)
    print_rows(columns, rows, args.format)
    limit = str(params[-1]) if len(params) > len(args.params) else ""
    if limit.isdigit() and len(rows) == int(limit):  # a default row limit was reached: say how to see the rest
        print(
            f"akhbar: {len(rows)} rows, as many as {args.name} shows by default: pass a larger limit", file=sys.stderr
        )
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


def cmd_status(args: argparse.Namespace) -> int:
    from flows.nlp.version import extractor_version
    from flows.search import index_coverage
    from flows.store import warehouse
    from flows.store.facts import stale_count_if_versioned

    with _reader(settings_from(args)) as con:
        print_table(["table", "rows"], list(warehouse.table_counts(con).items()))
        coverage = index_coverage(con)
        if coverage is None:
            print(f"search index: none ({NO_SEARCH_INDEX.split(': ', 1)[1]})")
        else:
            print(f"search index: {coverage[0]} of {coverage[1]} articles")
        stale = stale_count_if_versioned(con, extractor_version())
        print(
            f"\nextractor version {extractor_version()}: "
            + (
                f"{stale} articles carry facts from an older version (`akhbar reprocess` updates them)"
                if stale
                else "every article's facts are current"
            )
        )
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


def _start_of(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time()) if day else None
