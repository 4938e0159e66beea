"""The event-date audits (bench/quality/date_audit.py, issue 14.4): judged, excerpts only, and the current one's floor."""

from __future__ import annotations

import pytest

from bench.quality import date_audit
from bench.quality.audit import read_rows


@pytest.mark.parametrize("seed", [81, 82, 83])
def test_the_date_audits_are_judged_and_keep_excerpts_short(seed: int) -> None:
    path = date_audit.audit_file(seed)
    rows = read_rows(path)
    assert len(rows) == date_audit.AUDIT_REPORTS
    assert all(row["date_right"] in ("y", "n") for row in rows)
    assert all(row["note"] for row in rows if row["date_right"] == "n"), "a wrong date says what the reader reads"
    assert all(len(row["excerpt"]) <= 2 * date_audit.EXCERPT_CHARS + 60 for row in rows), "excerpts, not articles"


# Seed 83, drawn after round 8's last change (the day's news after the lead, dating.days_news) and judged by hand
# before it was scored: date right 36/60 = 0.60 (`python -m bench.quality.date_audit score`); main before the change
# reads 32/60 on the same rows (5 rows right only with it, 1 only without). Seed 82 (round 7's fresh draw, 0.62 as
# judged) reads 47/60 re-run on round 8's code (dev: studied). With 60 rows the share moves by about ±0.12; the floor
# stays at round 7's 0.60 (seed 83 sits on it), so an edit of the judgments that lowers it shows.
def test_the_current_date_audit_floor() -> None:
    figures = date_audit.figures(date_audit.audit_file(date_audit.AUDIT_SEED))
    assert figures["judged"] == date_audit.AUDIT_REPORTS
    assert figures["date_right"] >= 0.60
