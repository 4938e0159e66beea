"""Docs cannot drift: the README's commands are the ones CI runs, and every table and command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from flows.cli import COMMANDS, build_parser
from flows.store.warehouse import SCHEMA_FILE

REPO = Path(__file__).resolve().parents[1]

README = (REPO / "README.md").read_text(encoding="utf-8")


def first_code_block() -> str:
    return re.search(r"```(?:sh|bash)?\n(.*?)```", README, re.DOTALL).group(1)


def test_readme_opens_with_setup_and_test_commands() -> None:
    commands = [line.split("#")[0].strip() for line in first_code_block().splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
    assert README.index("make run") < README.index("## ")  # before any section


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_make_run_sets_up_and_ingests() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    run = re.search(r"^run:.*?\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert "akhbar ingest" in run
    assert "venv" in re.search(r"^\$\(STAMP\):.*?\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)


def test_every_table_is_documented() -> None:
    tables = re.findall(r"create table if not exists (\w+)", SCHEMA_FILE.read_text(encoding="utf-8"))
    assert tables
    for table in tables:
        assert f"`{table}`" in README, table


def test_every_command_is_documented_and_wired() -> None:
    parser_commands = set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001
    assert parser_commands == set(COMMANDS)
    for command in COMMANDS:
        assert f"`akhbar {command}" in README, command


def test_every_named_query_is_documented() -> None:
    for query in sorted((REPO / "sql" / "queries").glob("*.sql")):
        assert query.stem in README, query.stem


def test_every_view_is_documented() -> None:
    views = sorted((REPO / "sql" / "views").glob("*.sql"))
    assert views
    for view in views:
        assert f"`{view.stem}`" in README, view.stem
