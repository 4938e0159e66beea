"""The CLI is a thin shell: read-only SQL by default, formats, named queries, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.cli import main
from flows.store import warehouse
from flows.store.named import OPTIONAL, parameter_descriptions


@pytest.fixture
def wh(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    con = warehouse.connect(path)
    con.execute(
        "insert into entities (entity_id, entity_type, name_ar, name_en, country_code, name_en_source) "
        "values ('gpe:mli', 'GPE', 'مالي', 'Mali', 'MLI', 'cldr')"
    )
    con.close()
    return path


def test_sql_prints_a_table(wh: Path, capsys) -> None:
    assert main(["sql", "select entity_id, name_ar from entities", "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out
    assert "gpe:mli" in out and "مالي" in out and "(1 row)" in out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_sql_formats(wh: Path, capsys, fmt: str) -> None:
    assert main(["sql", "select entity_id, country_code from entities", "--format", fmt, "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out) == [{"entity_id": "gpe:mli", "country_code": "MLI"}]
    else:
        assert out == "entity_id,country_code\ngpe:mli,MLI\n"  # Unix line ends, no \r


def test_sql_is_read_only_without_write(wh: Path, capsys) -> None:
    assert main(["sql", "delete from entities", "--warehouse", str(wh)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("akhbar: SQL error") and "read-only" in err.lower() and "Traceback" not in err
    assert main(["sql", "delete from entities", "--write", "--warehouse", str(wh)]) == 0


def test_missing_warehouse_is_one_clear_line(tmp_path: Path, capsys) -> None:
    assert main(["status", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "akhbar ingest" in err


def test_status_counts_every_table(wh: Path, capsys) -> None:
    assert main(["status", "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out
    for table in warehouse.TABLES:
        assert table in out


def test_query_lists_and_rejects_unknown_names(wh: Path, capsys) -> None:
    assert main(["query", "--warehouse", str(wh)]) == 0
    assert capsys.readouterr().out.startswith("named queries:")
    assert main(["query", "no_such_query", "--warehouse", str(wh)]) == 1
    assert "no named query" in capsys.readouterr().err


def test_every_named_query_runs_on_an_empty_warehouse(wh: Path, capsys) -> None:
    for path in sorted(warehouse.QUERIES_DIR.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        code = "\n".join(line.split("--")[0] for line in sql.splitlines())
        optional = sum(bool(OPTIONAL.search(d)) for d in parameter_descriptions(sql))  # left to their defaults
        params = ["2024-01-01"] * (code.count("?") - optional)
        assert main(["query", path.stem, *params, "--warehouse", str(wh)]) == 0, path.stem


def test_bench_and_eval_options_pass_through_without_a_separator(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "-n", "5", "--help"])
    assert exit_info.value.code == 0
    assert "--scale" in capsys.readouterr().out


def test_unknown_options_of_other_commands_are_still_rejected(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["status", "--bogus"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
