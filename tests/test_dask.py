"""Beyond one machine: the same flow, its batches processed on a Dask cluster (here a local one)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("prefect_dask", reason="the dask extra is not installed (pip install -e '.[dask]')")

# A hand-written sample article (not a real one).
ARTICLE = """الكرملين يستضيف محادثات حول الساحل
اليوم الأربعاء 28 فبراير/شباط 2024
التقى وزير الخارجية الروسي سيرغي لافروف في موسكو نظيره المالي عبد الله ديوب لبحث التعاون العسكري والاقتصادي.
وقال لافروف إن روسيا ستواصل دعم مالي في مكافحة الإرهاب، مضيفاً أن البلدين يعملان على توسيع التبادل التجاري.
"""


@pytest.mark.slow
def test_flow_on_a_local_dask_cluster_matches_a_local_run(tmp_path: Path) -> None:
    from distributed import LocalCluster

    from flows.ingest import run_flow
    from flows.runner import run_ingest
    from flows.settings import Settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(6):
        (inbox / f"article {i}.txt").write_text(ARTICLE.replace("موسكو", f"موسكو {i}", 1), encoding="utf-8")
    (inbox / "broken.html").write_bytes(b"%PDF-1.4 not a page")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = run_flow(
            Settings(inbox=inbox, warehouse=tmp_path / "dask.duckdb", batch_size=2),
            dask_address=cluster.scheduler_address,
        )
    local = run_ingest(Settings(inbox=inbox, warehouse=tmp_path / "local.duckdb", workers=1))
    assert on_dask.counts == local.counts == {"seen": 7, "new": 7, "loaded": 6, "duplicate": 0, "quarantined": 1}
    import duckdb

    def ids(path: Path) -> list[tuple]:
        con = duckdb.connect(str(path), read_only=True)
        rows = con.execute(
            "select article_id from articles union all select mention_id from mentions order by 1"
        ).fetchall()
        con.close()
        return rows

    assert ids(tmp_path / "dask.duckdb") == ids(tmp_path / "local.duckdb")
