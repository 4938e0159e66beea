"""The `akhbar` command: a thin shell over the library. Each command opens what it needs, calls one function,
and turns errors into one clear line (exit 1) instead of a traceback.

Prefect is imported only by the commands that run flows (ingest, serve, watch), so `akhbar sql` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Sequence

from flows import commands
from flows.errors import AkhbarError, WarehouseLocked

EXIT_OK, EXIT_ERROR, EXIT_LOCKED = commands.EXIT_OK, commands.EXIT_ERROR, commands.EXIT_LOCKED
COMMANDS = (
    "ingest",
    "reprocess",
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

    p = command(
        "ingest", commands.cmd_ingest, "one run of the Prefect ingest flow: every new inbox file goes to the warehouse"
    )
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

    p = command(
        "reprocess",
        commands.cmd_reprocess,
        "re-extract entities, quotes and events from stored articles whose facts are older than the installed "
        "extractors (inbox files are not read)",
    )
    paths(p, inbox=False)
    p.add_argument("--all", action="store_true", help="every article, whatever version its facts come from")
    p.add_argument(
        "--since", type=iso_date, metavar="DATE", help="only articles published (else ingested) on or after DATE"
    )
    p.add_argument("--wait", type=float, default=30.0, help="seconds to wait for another run to finish (default 30)")
    p.add_argument("--no-prefect", action="store_true", help="run the same steps without Prefect")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = command(
        "serve",
        commands.cmd_serve,
        "run the ingest flow (and the reprocess flow when facts are stale) on a schedule until stopped",
    )
    paths(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--interval", type=float, help="seconds between runs (default 300)")
    group.add_argument("--cron", help="cron expression, e.g. '*/15 * * * *'")
    report_option(p)

    p = command("watch", commands.cmd_watch, "run the ingest flow as soon as new files settle in the inbox")
    paths(p)
    p.add_argument("--settle", type=float, default=3.0, help="seconds a file's size and mtime must stay unchanged")

    p = command("sql", commands.cmd_sql, "run ad-hoc SQL against the warehouse (read-only unless --write)")
    paths(p, inbox=False)
    p.add_argument("statement", help="the SQL statement")
    p.add_argument("--write", action="store_true", help="allow statements that modify the warehouse")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = command("query", commands.cmd_query, "run a named query from sql/queries/ (no NAME: list them)")
    paths(p, inbox=False)
    p.add_argument("name", nargs="?", help="query name (file name without .sql)")
    p.add_argument("params", nargs="*", help="values for the query's ? parameters, in order")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = command("search", commands.cmd_search, "Arabic-aware ranked search over articles (or quotes), best first")
    paths(p, inbox=False)
    p.add_argument("text", metavar="QUERY", help="words to look for, e.g. 'غوتيريش اليمن'")
    p.add_argument("--quotes", action="store_true", help="rank quotes (by their words and speaker) instead")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=_positive, default=10, metavar="N", help="how many results (default 10)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = command(
        "status", commands.cmd_status, "what the warehouse holds: counts per table, last runs, quarantined files"
    )
    paths(p, inbox=False)

    p = command("publish", commands.cmd_publish, "write the read-only snapshot NAME.snapshot.duckdb for BI tools")
    paths(p, inbox=False)

    p = command("export", commands.cmd_export, "write one Parquet file per table and view, plus views.sql")
    paths(p, inbox=False)
    p.add_argument("--parquet", required=True, metavar="DIR", help="output folder")

    p = command(
        "report", commands.cmd_report, "write one self-contained HTML report: timeline, who met whom, quotes, trends"
    )
    paths(p, inbox=False)
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="first day (default: first article)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last day (default: newest article)")
    p.add_argument("--out", metavar="FILE", help="the HTML file (default: NAME.report.html beside the warehouse)")

    p = command(
        "eval", commands.cmd_eval, "score entities, quotes, events and dates against the gold files and print P/R/F1"
    )
    p.add_argument("stage", nargs="?", default="all", choices=("all", *commands.EVAL_STAGES))
    p.add_argument("rest", nargs=argparse.REMAINDER, help="options for the stage's evaluation")

    p = command(
        "bench", commands.cmd_bench, "build a benchmark corpus and print throughput, overhead and memory figures"
    )
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


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


if __name__ == "__main__":
    raise SystemExit(main())
