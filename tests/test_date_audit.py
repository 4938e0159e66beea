"""The event-date audits (bench/quality/date_audit.py, issue 14.4): judged, excerpts only, and the current one's floor."""

from __future__ import annotations

import pytest

from bench.quality import date_audit
from bench.quality.audit import read_rows


@pytest.mark.parametrize("seed", [81, 82, 83, 84, 85, 86, 87])
def test_the_date_audits_are_judged_and_keep_excerpts_short(seed: int) -> None:
    path = date_audit.audit_file(seed)
    rows = read_rows(path)
    assert len(rows) == date_audit.AUDIT_REPORTS
    assert all(row["date_right"] in ("y", "n") for row in rows)
    assert all(row["note"] for row in rows if row["date_right"] == "n"), "a wrong date says what the reader reads"
    assert all(len(row["excerpt"]) <= 2 * date_audit.EXCERPT_CHARS + 60 for row in rows), "excerpts, not articles"


# Seed 87, drawn after round 11's date change (date16: the lead retold when no two agents part them, "منذ" before a
# point in time dates when the act began) and judged by hand before it was scored: date right 43/60 = 0.72; main before
# the round reads 42/60 on the same rows (row 60, "وقال بهلول إن استقالته", right only with the round; row 14 wrong
# either way, none right only without). The floor is lowered 0.77 -> 0.71, just under it, because the fresh draw is
# judged lower, not because a rule lost rows: re-run on the round's code (dev) seed 86 reads 47/60 -> 48/60, seed 85
# 35/60 -> 37/60, seed 84 43/59 -> 44/59, and no right row of them turns wrong. Of seed 87's 17 wrong dates, 12 are
# background, planned, ongoing or no-event content given a date, 5 the day's news left unknown or given another
# report's date; in 3 a definite reference took an earlier report's year or month (with_reference_dates: "الزيارة
# الرابعة" 2014, "هذا الاجتماع" April 2017, "القتل" February 2018).
# Seed 86, drawn after round 10's date change (date15: background clauses take only their own dates, a noun's own
# relative clause dates it, the lead retold, month-day ordinals and a number glued to في) and judged by hand before it
# was scored: date right 47/60 = 0.78; main before the round reads 45/60 on the same rows (rows 14 and 34, "جبهة
# البوليساريو التي تخوض تمردا" and "إثر اتهامها بتسميم", given a day there: right only with the round, none only
# without). The floor rises 0.52 -> 0.77, just under it; seed 85 re-run on the round's code (dev): 32/60 -> 35/60,
# seed 84 42/59 -> 43/59. With 60 rows the share moves by about ±0.12: seed 86 judged higher than seed 85 is mostly
# the draw (30 of its 47 right rows are undated background left unknown, against 15 of seed 85's 32), not the round's
# two rows.
# Seed 85, drawn after round 9's second-wave date change (f1676c7: a saying's day dates only a past act in what was
# said; "the last N days") and judged by hand before it was scored: date right 32/60 = 0.53; main before the wave reads
# 30/60 on the same rows (rows 6 and 37, "أن روسيا ستواصل … ردا على العقوبات" and "ما إذا كان سيلتقي", right only with
# it, none only without). The floor was 0.62 for seed 84 (38/60 as judged; re-run on the wave's code, dev: 42/59);
# it is lowered to 0.52 because the fresh draw is judged lower, not because a rule lost rows: of its 28 wrong dates,
# 12 are the day's news or a day the text names left unknown or misread, 16 background, ongoing, general or future
# content given a day. Re-runs (dev) on the wave's code: seed 81 43/59, 82 47/59 -> 48/59, 83 36/59, 84 39/59 ->
# 42/59 (main before the wave -> the wave). With 60 rows the share moves by about ±0.12; the floor sits just under
# seed 85's 0.53, so an edit of the judgments that lowers it shows.
def test_the_current_date_audit_floor() -> None:
    figures = date_audit.figures(date_audit.audit_file(date_audit.AUDIT_SEED))
    assert figures["judged"] == date_audit.AUDIT_REPORTS
    assert figures["date_right"] >= 0.71
