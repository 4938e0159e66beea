"""The event-date audits (bench/quality/date_audit.py, issue 14.4): judged, excerpts only, and the current one's floor."""

from __future__ import annotations

import pytest

from bench.quality import date_audit
from bench.quality.audit import read_rows


@pytest.mark.parametrize("seed", [81, 82, 83, 84])
def test_the_date_audits_are_judged_and_keep_excerpts_short(seed: int) -> None:
    path = date_audit.audit_file(seed)
    rows = read_rows(path)
    assert len(rows) == date_audit.AUDIT_REPORTS
    assert all(row["date_right"] in ("y", "n") for row in rows)
    assert all(row["note"] for row in rows if row["date_right"] == "n"), "a wrong date says what the reader reads"
    assert all(len(row["excerpt"]) <= 2 * date_audit.EXCERPT_CHARS + 60 for row in rows), "excerpts, not articles"


# Seed 84, drawn after round 9's last date change (c1fa792: bare ambiguous weekdays, the lead's earliest day, the day
# in what was said, asides, adjuncts, stated action nouns) and judged by hand before it was scored: date right 38/60 =
# 0.63 (`python -m bench.quality.date_audit score`); main before the round reads 39/60 on the same rows (2 rows right
# only with the round, 3 only without: a saying's day given to a planned, refused or ongoing content). Re-run (dev, one
# report gone from each): seed 83 (round 8's fresh draw, 0.60 as judged) 34/59 on main before the round, 36/59 after;
# seed 81 35/59 -> 43/59; seed 82 47/59 -> 47/59. With 60 rows
# the share moves by about ±0.12; the floor sits just under seed 84's 0.63, so an edit of the judgments that lowers
# it shows.
def test_the_current_date_audit_floor() -> None:
    figures = date_audit.figures(date_audit.audit_file(date_audit.AUDIT_SEED))
    assert figures["judged"] == date_audit.AUDIT_REPORTS
    assert figures["date_right"] >= 0.62
