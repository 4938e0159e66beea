"""bench/perf/same_output.py: two warehouses with the same rows compare equal whatever their run and code columns
and their row order; a changed value, a missing row or a missing table does not; a kept digest compares like the
warehouse it was taken from. Tiny warehouses built by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest
from conftest import REPO

if str(REPO) not in sys.path:  # bench/ is a development tool beside flows/, not an installed package
    sys.path.insert(0, str(REPO))

from bench.perf.same_output import compare, main  # noqa: E402

ROWS = [("a1", "قال الوزير", "run-1", "x111"), ("a2", "زار الرئيس", "run-1", "x111")]


def warehouse(path: Path, rows: list[tuple[str, str, str, str]], with_quotes: bool = True) -> Path:
    con = duckdb.connect(str(path))
    con.execute(
        "create table articles (article_id varchar, body_text varchar, run_id varchar, extractor_version varchar)"
    )
    con.executemany("insert into articles values (?, ?, ?, ?)", rows)
    con.execute("create table runs (run_id varchar, seconds double)")
    con.execute("insert into runs values (?, ?)", [rows[0][2], 1.5])
    if with_quotes:
        con.execute("create table quotes (quote_id varchar, contexts varchar[])")
        con.execute("insert into quotes values ('q1', ['a', 'b'])")
    con.close()
    return path


def test_the_same_rows_from_another_run_and_code_in_another_order_are_the_same_output(tmp_path: Path) -> None:
    before = warehouse(tmp_path / "before.duckdb", ROWS)
    after = warehouse(tmp_path / "after.duckdb", [(a, b, "run-2", "x222") for a, b, _, _ in reversed(ROWS)])
    assert compare(before, after) == []


@pytest.mark.parametrize(
    "rows, with_quotes",
    [
        pytest.param([ROWS[0], ("a2", "زار الرئيسان", "run-1", "x111")], True, id="a changed value"),
        pytest.param(ROWS[:1], True, id="a missing row"),
        pytest.param(ROWS, False, id="a missing table"),
    ],
)
def test_a_difference_in_the_facts_is_reported(tmp_path: Path, rows: list, with_quotes: bool) -> None:
    before = warehouse(tmp_path / "before.duckdb", ROWS)
    after = warehouse(tmp_path / "after.duckdb", rows, with_quotes)
    problems = compare(before, after)
    assert problems and problems[0].startswith("articles" if with_quotes else "quotes")
    assert main(["compare", str(before), str(after)]) == 1


def test_a_kept_digest_compares_like_its_warehouse(tmp_path: Path) -> None:
    before = warehouse(tmp_path / "before.duckdb", ROWS)
    digest = tmp_path / "before.json"
    assert main(["digest", str(before), "--out", str(digest)]) == 0
    before.unlink()
    assert compare(digest, warehouse(tmp_path / "same.duckdb", ROWS)) == []
    assert compare(digest, warehouse(tmp_path / "other.duckdb", ROWS[:1])) != []
