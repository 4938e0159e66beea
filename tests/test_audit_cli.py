"""The hand-judged audits' command line (bench/quality/audit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality.audit import parse_audit_args


def test_an_audit_draw_never_writes_over_a_judged_file(tmp_path: Path) -> None:
    judged = tmp_path / "judged.tsv"
    judged.write_text("docno\tspan_ok\nx\t1\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        parse_audit_args(["draw", "--out", str(judged)], "quote_audit", "", "quotes", 1, judged)
    assert judged.read_text(encoding="utf-8") == "docno\tspan_ok\nx\t1\n"
    assert parse_audit_args(["draw", "--out", str(tmp_path / "new.tsv")], "q", "", "quotes", 1, judged).seed == 1
