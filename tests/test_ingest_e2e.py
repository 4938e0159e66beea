"""End to end: the real Prefect flow and the plain runner on a temp inbox and warehouse; re-runs change nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.runner import run_ingest
from flows.settings import Settings

REPO = Path(__file__).resolve().parents[1]
# Hand-written sample articles (not real ones): a copy-paste with boilerplate and a saved page.
SAMPLE_TXT = """Ru En
وزير الخارجية الروسي يستقبل نظيره المالي في موسكو
اليوم الأربعاء 28 فبراير/شباط 2024
استقبل وزير الخارجية الروسي سيرغي لافروف في موسكو نظيره المالي عبد الله ديوب لبحث التعاون العسكري والاقتصادي بين البلدين.
وقال لافروف إن روسيا ستواصل دعم مالي في مكافحة الإرهاب، مضيفاً أن البلدين يعملان على توسيع التبادل التجاري.
وأكد ديوب أن «الشراكة مع روسيا شراكة استراتيجية تخدم مصالح الشعبين».
اقرأ أيضاً: خبر آخر عن الساحل
المصدر: وكالة الأنباء
"""
SAMPLE_HTML = """<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>لافروف في باماكو | موقع الأخبار</title>
<meta property="article:published_time" content="2023-02-07T10:00:00+00:00"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article><h1>لافروف في باماكو</h1>
<p>وصل وزير الخارجية الروسي سيرغي لافروف إلى العاصمة المالية باماكو في أول زيارة له إلى مالي، حيث التقى الرئيس الانتقالي أسيمي غويتا.</p>
<p>وقال وزير خارجية مالي عبد الله ديوب إن بلاده تقدّر المساعدات العسكرية الروسية، وأضاف أن التعاون سيتوسع ليشمل الطاقة والتعدين.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "moscow talks.txt").write_text(SAMPLE_TXT, encoding="utf-8")
    (folder / "bamako.html").write_text(SAMPLE_HTML, encoding="utf-8")
    (folder / "bamako copy.html").write_text(SAMPLE_HTML, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    return folder


def dump(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a stable order, without the columns that record when or in which run."""
    con = duckdb.connect(str(warehouse), read_only=True)
    volatile = {"seen_at", "ingested_at", "run_id", "mtime_ns"}
    tables = {}
    for table in ("files", "articles", "entities", "mentions", "events", "event_mentions", "quotes"):
        columns = [
            c
            for (c,) in con.execute(
                "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
                [table],
            ).fetchall()
            if c not in volatile
        ]
        tables[table] = sorted(con.execute(f"select {', '.join(columns)} from {table}").fetchall(), key=repr)
    con.close()
    return tables


def test_plain_run_loads_dedupes_and_quarantines(inbox: Path, tmp_path: Path) -> None:
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w" / "akhbar.duckdb", workers=1)
    summary = run_ingest(settings)
    assert summary.counts == {"seen": 4, "new": 4, "loaded": 2, "duplicate": 1, "quarantined": 1}
    tables = dump(settings.warehouse)
    statuses = {row[0]: row[2] for row in tables["files"]}
    assert statuses["moscow talks.txt"] == "loaded" and statuses["notes.docx"] == "quarantined"
    assert sorted([statuses["bamako.html"], statuses["bamako copy.html"]]) == ["duplicate", "loaded"]
    assert tables["mentions"] and tables["entities"]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        unnamed = con.execute("select count(*) from entities where name_en is null or name_en_source is null")
        assert unnamed.fetchone()[0] == 0, "every entity has an English name and its source"
    assert settings.snapshot.exists()


def test_rerun_changes_nothing_and_rebuild_gives_same_ids(inbox: Path, tmp_path: Path) -> None:
    first = Settings(inbox=inbox, warehouse=tmp_path / "a" / "akhbar.duckdb", workers=1)
    run_ingest(first)
    before = dump(first.warehouse)
    again = run_ingest(first)
    assert again.new == 0 and again.loaded == 0
    assert dump(first.warehouse) == before
    rebuilt = Settings(inbox=inbox, warehouse=tmp_path / "b" / "akhbar.duckdb", workers=1)
    run_ingest(rebuilt)
    assert dump(rebuilt.warehouse) == before


def test_touched_file_is_not_reloaded(inbox: Path, tmp_path: Path) -> None:
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1)
    run_ingest(settings)
    before = dump(settings.warehouse)
    (inbox / "moscow talks.txt").touch()
    assert run_ingest(settings).loaded == 0
    assert dump(settings.warehouse) == before


@pytest.mark.slow
def test_the_prefect_flow_runs_end_to_end(inbox: Path, tmp_path: Path) -> None:
    from flows.ingest import ingest_flow

    warehouse = tmp_path / "flow" / "akhbar.duckdb"
    summary = ingest_flow(inbox=str(inbox), warehouse_path=str(warehouse))
    assert (summary.loaded, summary.duplicate, summary.quarantined) == (2, 1, 1)
    plain = tmp_path / "plain" / "akhbar.duckdb"
    run_ingest(Settings(inbox=inbox, warehouse=plain, workers=1))
    assert dump(warehouse) == dump(plain)


def test_parallel_run_matches_single_process(inbox: Path, tmp_path: Path) -> None:
    for i in range(10):  # enough files for the process pool to start
        text = SAMPLE_TXT.replace("موسكو", f"موسكو {i}", 1)
        (inbox / f"variant {i}.txt").write_text(text, encoding="utf-8")
    single = Settings(inbox=inbox, warehouse=tmp_path / "one.duckdb", workers=1)
    pooled = Settings(inbox=inbox, warehouse=tmp_path / "two.duckdb", workers=2, batch_size=5)
    run_ingest(single)
    summary = run_ingest(pooled)
    assert summary.loaded + summary.duplicate + summary.quarantined == summary.new == 14
    assert dump(single.warehouse) == dump(pooled.warehouse)


@pytest.mark.slow
def test_cli_ingest_prints_a_summary_and_exits_zero(inbox: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "cli" / "akhbar.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", "--inbox", str(inbox), "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "loaded" in result.stdout and "quarantined" in result.stdout
    assert "notes.docx" in result.stdout  # the quarantined file is named with its reason


def test_seeds_become_one_article_each_with_their_dates(seeds_dir: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "seeds"
    shutil.copytree(seeds_dir, inbox)
    settings = Settings(inbox=inbox, warehouse=tmp_path / "seeds.duckdb", workers=1)
    summary = run_ingest(settings)
    assert summary.loaded == 4 and summary.quarantined == 0
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    dates = dict(
        con.execute("select substr(source_path, 1, 3), cast(published_at as date)::varchar from articles").fetchall()
    )
    assert dates["000"] == "2024-02-28"
    assert dates["001"] == "2025-04-03"
    assert dates["003"] == "2023-02-07"  # the tweet embed's date, confirmed by "اليوم الثلاثاء"
    assert dates["002"] is None  # the text never states its own date: null, not a guess
