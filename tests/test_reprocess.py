"""Versioned facts and `akhbar reprocess` as properties: reprocessing twice equals once, reprocessing after an upgrade
equals a clean build with the new extractors, increments equal one build, a killed reprocess finishes on the next run,
and a warehouse written before versioned facts upgrades in place.

Warehouses are compared table by table on every derived row, leaving out run ids and load times.
"""

from __future__ import annotations

import dataclasses
import gzip
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.nlp import version
from flows.nlp.types import Entity
from flows.reprocess import run_reprocess
from flows.runner import run_ingest
from flows.settings import Settings
from flows.store import derived, facts, warehouse

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tests" / "fixtures" / "samples_src"
# Written by `akhbar ingest --no-prefect` at main aae4633 (before versioned facts) from the three SAMPLES pages.
OLD_WAREHOUSE = REPO / "tests" / "fixtures" / "warehouse_before_versioned_facts.duckdb.gz"
# Every derived table, with the columns that identify a run or a moment left out.
FACT_TABLES = {
    "entities": "*",
    "mentions": "*",
    "quotes": "*",
    "events": "*",
    "event_mentions": "*",
    "article_facts": "* exclude (run_id, processed_at)",
}


def facts_of(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            table: sorted(con.execute(f"select {columns} from {table}").fetchall(), key=repr)
            for table, columns in FACT_TABLES.items()
        }
    finally:
        con.close()


def settings_for(tmp_path: Path, name: str, files: list[Path] | None = None) -> Settings:
    inbox = tmp_path / f"{name}-inbox"
    inbox.mkdir()
    for source in files if files is not None else sorted(SAMPLES.iterdir()):
        shutil.copy(source, inbox / source.name)
    return Settings(inbox=inbox, warehouse=tmp_path / f"{name}.duckdb", workers=1, publish=False)


def older_release(mp: pytest.MonkeyPatch) -> None:
    """Patch in an "older release": another version string, no quotes found, the last event of each article missed
    and a spurious entity in every article (so that its removal is checked too). In-process only: runs use
    ``workers=1`` and fewer files than a process pool needs."""
    from flows.nlp.entities import extract as entities_module
    from flows.nlp.events import detect as events_module
    from flows.nlp.quotes import extract as quotes_module

    real_entities, real_events = entities_module.extract_entities, events_module.detect_events
    ghost = Entity("person:ghost-of-an-old-release", "PERSON", "شبح")

    def old_entities(doc):
        entities, mentions = real_entities(doc)
        return (*entities, ghost), mentions

    mp.setattr(version, "extractor_version", lambda: "x-older-release")
    mp.setattr(entities_module, "extract_entities", old_entities)
    mp.setattr(quotes_module, "extract_quotes", lambda *args: ())
    mp.setattr(events_module, "detect_events", lambda *args: real_events(*args)[:-1])


def test_reprocessing_twice_equals_once_and_equals_the_build(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, "w")
    run_ingest(settings)
    built = facts_of(settings.warehouse)
    first = run_reprocess(settings, everything=True)
    once = facts_of(settings.warehouse)
    run_reprocess(settings, everything=True)
    assert first.reprocessed == 3 and first.failed == 0
    assert facts_of(settings.warehouse) == once == built


def test_reprocess_after_an_upgrade_equals_a_clean_build(tmp_path: Path) -> None:
    old = settings_for(tmp_path, "old")
    with pytest.MonkeyPatch.context() as mp:
        older_release(mp)
        run_ingest(old)
    before_upgrade = facts_of(old.warehouse)
    assert any("ghost" in str(row) for row in before_upgrade["entities"])
    clean = settings_for(tmp_path, "clean")
    run_ingest(clean)
    with warehouse.opened(old.warehouse) as con:
        assert facts.stale_count(con, version.extractor_version()) == 3
    summary = run_reprocess(old)
    assert summary.stale == summary.reprocessed == 3
    assert summary.entities_dropped == 1
    reprocessed = facts_of(old.warehouse)
    assert reprocessed != before_upgrade
    assert reprocessed == facts_of(clean.warehouse)
    assert run_reprocess(old).reprocessed == 0, "nothing is stale any more"


@pytest.mark.parametrize(
    "parts",
    [
        pytest.param([[2], [0], [1]], id="one-file-at-a-time-reversed-order"),
        pytest.param([[1, 2], [0]], id="two-then-one"),
        pytest.param([[0], [2, 1]], id="one-then-two"),
    ],
)
def test_a_warehouse_built_in_increments_equals_one_built_at_once(tmp_path: Path, parts: list[list[int]]) -> None:
    samples = sorted(SAMPLES.iterdir())
    at_once = settings_for(tmp_path, "once")
    run_ingest(at_once)
    increments = settings_for(tmp_path, "parts", files=[])
    for part in parts:
        for i in part:
            shutil.copy(samples[i], increments.inbox / samples[i].name)
        run_ingest(increments)
    assert facts_of(increments.warehouse) == facts_of(at_once.warehouse)


def test_a_warehouse_written_before_versioned_facts_upgrades_in_place(tmp_path: Path) -> None:
    old = settings_for(tmp_path, "old", files=[])
    old.warehouse.write_bytes(gzip.decompress(OLD_WAREHOUSE.read_bytes()))
    with warehouse.opened(old.warehouse) as con:
        applied = [row[0] for row in con.execute("select name from schema_migrations order by version").fetchall()]
        assert "004_versioned_facts" in applied
        assert facts.stale_count(con, version.extractor_version()) == 3
        counts = warehouse.table_counts(con)
    assert counts["articles"] == 3 and counts["events"] > 0, "the old facts are kept until reprocessed"
    run_reprocess(old)
    clean = settings_for(tmp_path, "clean")
    run_ingest(clean)
    assert facts_of(old.warehouse) == facts_of(clean.warehouse)


def variant_inbox(tmp_path: Path, copies: int) -> list[Path]:
    """Distinct articles from the three samples: each copy gets one more opening paragraph (so another body)."""
    folder = tmp_path / "variants"
    folder.mkdir()
    for source in sorted(SAMPLES.iterdir()):
        page = source.read_text(encoding="utf-8")
        for i in range(copies):
            update = f"<p>وهذا تحديث رقم {i + 1} للخبر نشر لاحقاً.</p><p>"
            (folder / f"{source.stem}-{i}.html").write_text(page.replace("<p>", update, 1), encoding="utf-8")
    return sorted(folder.iterdir())


# Entities whose kept entities.num_articles differs from a count over the mentions (loads add to it, retractions
# subtract from it: flows/store/warehouse.py), with both figures.
MISCOUNTED_ENTITIES = """
    select entity_id, entities.num_articles, count(distinct mentions.article_id)
    from entities left join mentions using (entity_id)
    group by all
    having entities.num_articles is distinct from count(distinct mentions.article_id)
"""


def miscounted(path: Path) -> list[tuple]:
    """The entities whose num_articles is off, and each derived table (flows/store/derived.py) with its rows that
    differ from a recount from the facts."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        wrong = [table for table, rows in derived.mismatches(con).items() if rows]
        return con.execute(MISCOUNTED_ENTITIES).fetchall() + [(table, "differs from a recount") for table in wrong]
    finally:
        con.close()


def recounted_rows(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            table: con.execute(f"select count(*) from ({derived.RECOUNTS[table]})").fetchall()[0][0]
            for table in derived.DERIVED_TABLES
        }
    finally:
        con.close()


def test_counts_kept_by_loads_equal_a_recount_after_ingest_reprocess_and_retraction(
    tmp_path: Path,
) -> None:
    samples = sorted(SAMPLES.iterdir())
    settings = settings_for(tmp_path, "w", files=samples[:1])
    with pytest.MonkeyPatch.context() as mp:
        older_release(mp)  # a spurious entity in every article, retracted by the reprocess below
        run_ingest(settings)
    assert miscounted(settings.warehouse) == [], "after the first load"
    for sample in samples[1:]:
        shutil.copy(sample, settings.inbox / sample.name)
    run_ingest(settings)
    assert miscounted(settings.warehouse) == [], "after a second load naming entities the first one knew"
    assert run_reprocess(settings).reprocessed == 1
    assert miscounted(settings.warehouse) == [], "after the old article's mentions were retracted and replaced"
    run_reprocess(settings, everything=True)
    assert miscounted(settings.warehouse) == [], "after every article was retracted and loaded again"
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    shared = con.execute("select count(*) from entities where num_articles > 1").fetchall()[0][0]
    con.close()
    assert shared > 0, "some entity is named by more than one article, so counts add up across loads"
    assert all(recounted_rows(settings.warehouse).values()), "every derived table has rows to get wrong"


@pytest.mark.slow
def test_kill_9_during_reprocess_then_reprocess_again_equals_an_uninterrupted_one(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, "w", files=variant_inbox(tmp_path, 4))
    assert run_ingest(settings).loaded == 12
    uninterrupted = dataclasses.replace(settings, warehouse=tmp_path / "uninterrupted.duckdb")
    shutil.copy(settings.warehouse, uninterrupted.warehouse)
    run_reprocess(uninterrupted, everything=True)

    # Killed while it waits after the first batch's commit (the driver pauses there), not on reading a progress bar:
    # under load the reprocess could finish the next batches before a kill sent on the bar's "2/12" arrived.
    env = {**os.environ, "AKHBAR_BATCH_SIZE": "2", "AKHBAR_WORKERS": "1"}
    command = [
        sys.executable,
        "-m",
        "tests.helpers_badinput",
        "--pause-after-first-commit",
        "reprocess",
        "--no-prefect",
        "--all",
        "--warehouse",
        str(settings.warehouse),
    ]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "FIRST-BATCH-COMMITTED", child.stderr.read()[-2000:]
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "reprocess ended before it was killed"

    with warehouse.opened(settings.warehouse) as con:
        left = facts.stale_count(con, version.extractor_version())
    assert 0 < left < 12, "killed after the first batch and before the last"
    assert run_reprocess(settings).reprocessed == left
    assert facts_of(settings.warehouse) == facts_of(uninterrupted.warehouse)


def test_status_and_ingest_say_when_facts_are_stale_and_name_the_command(tmp_path: Path, capsys) -> None:
    from flows.cli import main

    samples = sorted(SAMPLES.iterdir())
    settings = settings_for(tmp_path, "w", files=samples[:2])
    with pytest.MonkeyPatch.context() as mp:
        older_release(mp)
        run_ingest(settings)
    shutil.copy(samples[2], settings.inbox / samples[2].name)
    paths = ["--inbox", str(settings.inbox), "--warehouse", str(settings.warehouse)]
    assert main(["ingest", "--no-prefect", "--quiet", *paths]) == 0
    assert "2 articles carry facts from an older extractor version: `akhbar reprocess`" in capsys.readouterr().out
    assert main(["status", "--warehouse", str(settings.warehouse)]) == 0
    assert "2 articles carry facts from an older version (`akhbar reprocess`" in capsys.readouterr().out
    assert main(["reprocess", "--no-prefect", "--quiet", "--warehouse", str(settings.warehouse)]) == 0
    summary = dict(
        line.split(None, 1) for line in capsys.readouterr().out.splitlines() if line.startswith("reprocessed")
    )
    assert summary["reprocessed"].strip() == "2"
    assert main(["status", "--warehouse", str(settings.warehouse)]) == 0
    assert "every article's facts are current" in capsys.readouterr().out


def test_reprocess_since_a_date_touches_only_the_articles_published_since(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, "w")
    run_ingest(settings)
    with warehouse.opened(settings.warehouse) as con:
        dates = sorted(row[0] for row in con.execute("select published_at from articles").fetchall())
    summary = run_reprocess(settings, everything=True, since=dates[-1])
    assert summary.reprocessed == sum(d >= dates[-1] for d in dates) < 3


def test_the_prefect_reprocess_flow_runs_end_to_end(tmp_path: Path) -> None:
    from flows.reprocess_flow import reprocess_flow

    settings = settings_for(tmp_path, "w")
    run_ingest(settings)
    built = facts_of(settings.warehouse)
    summary = reprocess_flow(warehouse_path=str(settings.warehouse), everything=True)
    assert (summary.stale, summary.reprocessed, summary.failed) == (3, 3, 0)
    assert facts_of(settings.warehouse) == built
