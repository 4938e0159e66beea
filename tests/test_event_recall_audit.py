"""The event recall audit (bench/quality/event_recall_audit.py): its judged file and its score."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality.audit import read_rows
from bench.quality.event_recall_audit import AUDIT, miss_classes, run, score

HAND_MADE = (
    "# a tiny judged file\n"
    "docno\tsentence\texcerpt\tfound\tgold_reports\tfound_right\tnote\n"
    "a\t0\tقصفت الطائرات المدينة\tASSAULT:قصفت(>)\t1\t1\t\n"
    "a\t1\tوأدان الوزير الهجوم\t\t2\t0\tACCUSE أدان: lexicon; ASSAULT الهجوم: noun\n"
    "b\t3\tارتفعت الأسعار\t\t0\t0\tno event\n"
    "b\t4\tاعتقل الأمن ناشطا\tCOERCE:اعتقل(>)\t1\t1\t\n"
    "c\t0\tnot judged yet\t\t\t\t\n"
)


def test_score_sums_found_right_over_gold_reports(tmp_path: Path) -> None:
    path = tmp_path / "judged.tsv"
    path.write_text(HAND_MADE, encoding="utf-8")
    figures = score(path)
    assert figures["judged sentences"] == 4
    assert figures["gold reports"] == 4
    assert figures["found with the right type"] == 2
    assert figures["recall estimate"] == pytest.approx(0.5)
    assert figures["share holding a report"] == pytest.approx(0.75)
    assert miss_classes(read_rows(path)) == {"lexicon": 1, "noun": 1}


@pytest.mark.parametrize(
    "name",
    [
        "event_misses_ant2_seed91.tsv",
        "event_misses_ant2_seed92.tsv",
        "event_misses_ant2_seed93.tsv",
        "event_misses_ant2_seed94.tsv",
    ],
)
def test_the_committed_audits_are_fully_judged(name: str) -> None:
    path = AUDIT.with_name(name)
    rows = read_rows(path)
    assert len(rows) >= 100
    for row in rows:
        assert row["gold_reports"].isdigit() and row["found_right"].isdigit(), row
        assert int(row["found_right"]) <= int(row["gold_reports"]), row
        if int(row["found_right"]) < int(row["gold_reports"]):
            assert row["note"], row  # every miss is named, with its class
    assert score(path)["gold reports"] >= 30


# The current recall audit (seed 94, round 11, drawn after evrec16's last change and judged before it was scored):
# 40 of 72 reports found with the right type, recall 0.556; main's code before the round finds 39 (the Trèbes
# hostage-taking read as a detention). A sample of 72 reports moves the share by about 0.12.
def test_the_current_recall_audit_floor() -> None:
    assert AUDIT.name == "event_misses_ant2_seed94.tsv"
    assert score(AUDIT)["recall estimate"] >= 0.55


# Round 10's recall audit (seed 93, drawn after evrec15's last change and judged before it was scored): 20 of 48
# reports found with the right type, recall 0.42; main's code before that round found the same 20. Re-run on round
# 11's code (dev) one more is found, the Skripal poisoning "تسميم" (the judged file keeps what was judged).
def test_the_round_10_recall_audit_floor() -> None:
    assert score(AUDIT.with_name("event_misses_ant2_seed93.tsv"))["recall estimate"] >= 0.40


# Round 9's recall audit (seed 92, drawn after evrec13's last change and judged before it was scored): 29 of 51
# reports found with the right type, recall 0.57 (seed 91, studied: 0.51 on other sentences).
def test_the_round_9_recall_audit_floor() -> None:
    assert score(AUDIT.with_name("event_misses_ant2_seed92.tsv"))["recall estimate"] >= 0.55


def test_a_draw_never_writes_over_a_judged_file(tmp_path: Path) -> None:
    judged = tmp_path / "judged.tsv"
    judged.write_text(HAND_MADE, encoding="utf-8")
    with pytest.raises(SystemExit):
        run(["draw", "--out", str(judged)])
    assert judged.read_text(encoding="utf-8") == HAND_MADE
