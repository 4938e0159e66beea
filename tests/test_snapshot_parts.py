"""The snapshot as a views database over Parquet parts: a run adds a delta part per table it changed, and the
snapshot still shows exactly what the warehouse holds; readers of older generations keep their parts."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest

from flows import pipeline
from flows.cli import main
from flows.nlp.types import Analysis
from flows.runner import run_ingest
from flows.settings import Settings
from flows.store import snapshot, warehouse
from flows.store.publish import publish_snapshot
from flows.store.snapshot import current_manifest, parts_dir
from tests.bi_rows import held_open, make_warehouse

DUCKDB1_PYTHON = os.environ.get("AKHBAR_DUCKDB1_PYTHON")
NOW = dt.datetime(2024, 3, 7, 8, 0)


def add_run(path: Path, n: int) -> None:
    """What an ingest run of one article writes: its run, file, article, a new entity and mention, a report of the
    existing event e1 (whose counts change in place) and of a new event; the run before it is marked failed."""
    article, run = f"a{n:015d}", f"r{n + 1}"
    with warehouse.opened(path) as con:
        con.execute("update runs set status = 'failed' where run_id = 'r1' and ? = 2", [n])
        con.execute(
            "insert into runs (run_id, started_at, status, files_loaded, files_duplicate, files_quarantined) "
            "values (?, ?, 'completed', 1, 0, 0)",
            [run, NOW],
        )
        con.execute(
            "insert into files (file_path, file_sha256, status, article_id, run_id, seen_at) values (?, ?, 'loaded', ?, ?, ?)",
            [f"new{n}.txt", f"f{n}", article, run, NOW],
        )
        con.execute(
            "insert into articles (article_id, source_path, file_sha256, body_text, word_count, ingested_at, run_id) "
            "values (?, ?, ?, 'زار لافروف نيامي.', 3, ?, ?)",
            [article, f"new{n}.txt", f"f{n}", NOW, run],
        )
        con.execute(
            "insert into entities (entity_id, entity_type, name_ar, country_code) values (?, 'GPE', ?, 'NER')",
            [f"G-{n}", f"مدينة {n}"],
        )
        con.execute(
            "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end, "
            "sentence_index) values (?, ?, ?, 'GPE', 'نيامي', 11, 16, 0)",
            [f"m-{n}", article, f"G-{n}"],
        )
        con.execute(
            "update events set num_articles = num_articles + 1, num_mentions = num_mentions + 1 where event_id = 'e1'"
        )
        con.execute(
            "insert into events (event_id, event_type, date_precision, num_articles, num_mentions) "
            "values (?, 'AGREE', 'unknown', 1, 1)",
            [f"e-{n}"],
        )
        for event in ("e1", f"e-{n}"):
            con.execute(
                "insert into event_mentions (event_id, article_id, sentence_index, char_start, char_end, evidence) "
                "values (?, ?, 0, 0, 16, 'زار لافروف نيامي.')",
                [event, article],
            )


def contents(path: Path) -> dict[str, list]:
    with warehouse.opened(path, read_only=True) as con:
        names = [*warehouse.TABLES, "v_events", "v_quotes", "v_mentions_daily"]
        return {name: con.execute(f"select * from {name} order by all").fetchall() for name in names}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = make_warehouse(tmp_path / "w.duckdb")
    first = publish_snapshot(path)
    assert first is not None and first.full
    return path


def test_a_run_adds_delta_parts_and_the_snapshot_shows_the_warehouse(source: Path):
    add_run(source, 2)
    published = publish_snapshot(source, only_if_changed=True)
    assert published is not None and not published.full
    manifest = current_manifest(published.path)
    assert manifest is not None
    changed = {name for name, parts in manifest.tables.items() if parts.deltas}
    assert changed == {"runs", "files", "articles", "entities", "mentions", "events", "event_mentions"}
    assert contents(published.path) == contents(source)


def test_many_runs_merged_into_one_part_show_the_same_rows(source: Path, monkeypatch):
    monkeypatch.setattr(snapshot, "MAX_DELTAS", 2)
    for n in range(2, 7):
        add_run(source, n)
        assert not publish_snapshot(source, only_if_changed=True).full
    manifest = current_manifest(snapshot_of(source))
    assert all(len(parts.deltas) <= 2 for parts in manifest.tables.values())
    incremental = contents(snapshot_of(source))
    assert incremental == contents(source)
    assert publish_snapshot(source, full=True).full  # `akhbar publish`: every table whole, the same rows
    assert contents(snapshot_of(source)) == incremental
    assert all(not parts.deltas for parts in current_manifest(snapshot_of(source)).tables.values())


def snapshot_of(source: Path) -> Path:
    return source.with_name("w.snapshot.duckdb")


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param("delete from quotes", id="a deleted row"),
        pytest.param("update entities set name_en = 'Mali!' where entity_id = 'G-mali'", id="a row edited in place"),
    ],
)
def test_an_edit_made_with_sql_write_is_published_whole(source: Path, edit: str):
    assert main(["sql", "--write", "--warehouse", str(source), edit]) == 0
    published = publish_snapshot(source, only_if_changed=True)
    assert published.full and contents(published.path) == contents(source)


def test_a_change_no_run_accounts_for_is_published_whole(source: Path):
    add_run(source, 2)
    with warehouse.opened(source) as con:  # e.g. a tool that deletes rows without going through akhbar
        con.execute("delete from quotes")
    published = publish_snapshot(source, only_if_changed=True)
    assert published.full and contents(published.path) == contents(source)


def test_a_file_seen_again_with_the_same_content_is_published_whole(tmp_path: Path, monkeypatch):
    """Touched: its row keeps its run and only its size and mtime change, which no delta part would carry."""
    monkeypatch.setattr(pipeline, "analyse", lambda doc, timer=None: Analysis())  # the snapshot, not the NLP
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    page = inbox / "a.txt"
    page.write_text("خبر تجريبي\nوصل وفد روسي إلى نيامي لبحث التعاون الأمني.\n", encoding="utf-8")
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    run_ingest(settings)
    publish_snapshot(settings.warehouse)
    os.utime(page, ns=(1_000_000_000, 1_000_000_000))
    assert run_ingest(settings).duplicate == 1
    published = publish_snapshot(settings.warehouse, only_if_changed=True)
    assert published.full and contents(published.path) == contents(settings.warehouse)


def test_a_reader_of_an_old_generation_keeps_its_parts(source: Path, monkeypatch):
    """A dashboard holds generation 1 open; two runs publish and old generations are collected: its rows stay."""
    path = snapshot_of(source)
    monkeypatch.setattr(snapshot, "GRACE_SECONDS", 0.0)
    with held_open(path, "read") as dashboard:
        add_run(source, 2)
        publish_snapshot(source, only_if_changed=True)
        add_run(source, 3)
        publish_snapshot(source, only_if_changed=True)
        dashboard.stdin.write("select count(*) from articles\n")
        dashboard.stdin.flush()
        assert dashboard.stdout.readline().strip() == "1"  # generation 1: the first article only
    assert contents(path)["articles"] == contents(source)["articles"]
    add_run(source, 4)
    publish_snapshot(source, only_if_changed=True)
    assert snapshot.generations(path) == [current_manifest(path).generation]  # nobody reads the old ones now
    named = current_manifest(path).parts()
    on_disk = {str(p.relative_to(parts_dir(path))) for p in (parts_dir(path) / "parts").glob("*/*.parquet")}
    assert on_disk == named


def test_a_new_generation_is_kept_for_a_grace_period_even_unlocked(source: Path):
    add_run(source, 2)
    publish_snapshot(source, only_if_changed=True)
    assert len(snapshot.generations(snapshot_of(source))) == 2  # a reader may be between open() and its lock


def test_each_view_names_its_parquet_files(source: Path):
    """No glob: a views database shows the parts it was written with, whatever is added beside them later."""
    add_run(source, 2)
    publish_snapshot(source, only_if_changed=True)
    with warehouse.opened(snapshot_of(source), read_only=True) as con:
        definitions = dict(con.execute("select view_name, sql from duckdb_views() where not internal").fetchall())
    arguments = [
        argument
        for name, sql in definitions.items()
        if name in warehouse.TABLES
        for argument in re.findall(r"read_parquet\(([^)]*)\)", sql)
    ]
    assert arguments and all(
        "*" not in a and "?" not in a and a.count(".parquet") == a.count("'") // 2 for a in arguments
    )


def test_akhbar_sql_reads_the_snapshot_parts_while_an_ingest_writes(source: Path, capsys):
    with held_open(source, "write"):
        assert main(["sql", "--warehouse", str(source), "select count(*) as n from mentions"]) == 0
        assert "3" in capsys.readouterr().out
        outside = f"select * from read_csv('{source.with_name('x.csv')}')"
        assert main(["sql", "--warehouse", str(source), outside]) == 1  # still sandboxed outside the parts


@pytest.mark.skipif(not DUCKDB1_PYTHON, reason="set AKHBAR_DUCKDB1_PYTHON to a Python with duckdb 1.x installed")
@pytest.mark.slow
def test_duckdb_1x_reads_a_snapshot_with_delta_parts(source: Path):
    add_run(source, 2)
    path = publish_snapshot(source, only_if_changed=True).path
    script = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "print(duckdb.__version__, [con.execute(f'select count(*) from {t}').fetchone()[0] "
        "for t in ('events', 'files', 'articles', 'v_events')], "
        "con.execute(\"select num_articles from events where event_id = 'e1'\").fetchone()[0])"
    )
    result = subprocess.run([DUCKDB1_PYTHON, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1.") and result.stdout.split(" ", 1)[1].strip() == "[2, 2, 2, 2] 2"


def test_deltas_that_outgrow_the_whole_part_send_the_publish_down_the_whole_path(source: Path, monkeypatch):
    monkeypatch.setattr(snapshot, "COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(snapshot, "COMPACT_SHARE", 100.0)
    add_run(source, 2)
    assert not publish_snapshot(source, only_if_changed=True).full  # one small delta: added
    monkeypatch.setattr(snapshot, "COMPACT_SHARE", 0.5)
    add_run(source, 3)
    published = publish_snapshot(source, only_if_changed=True)
    assert published.full and contents(published.path) == contents(source)


SEARCH_TABLES = ("search_docs", "search_terms", "search_vocab", "search_spellings")


def test_the_search_index_in_the_snapshot_follows_runs_that_share_terms(tmp_path: Path, monkeypatch):
    """The second article shares words with the first: their document counts (search_vocab) change in place."""
    monkeypatch.setattr(pipeline, "analyse", lambda doc, timer=None: Analysis())  # the snapshot, not the NLP
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1)
    for name, place in (("a.txt", "نيامي"), ("b.txt", "باماكو")):
        (inbox / name).write_text(f"خبر تجريبي\nوصل وفد روسي إلى {place} لبحث التعاون الأمني.\n", encoding="utf-8")
        assert run_ingest(settings).loaded == 1
    manifest = current_manifest(settings.snapshot)
    assert manifest.tables["search_vocab"].deltas  # the second run added to the snapshot, not rewrote it
    for table in SEARCH_TABLES:
        with warehouse.opened(settings.warehouse, read_only=True) as con:
            stored = con.execute(f"select * from {table} order by all").fetchall()
        with warehouse.opened(settings.snapshot, read_only=True) as con:
            assert con.execute(f"select * from {table} order by all").fetchall() == stored, table
    assert stored


def test_an_entity_updated_in_place_by_a_run_shows_its_new_count(source: Path):
    """A load recounts entities.num_articles (and stamps extractor_version) for the entities it mentions, in place:
    the keyed delta of entities carries the current rows of every entity the new mentions name."""
    add_run(source, 2)
    with warehouse.opened(source) as con:
        known = con.execute(
            "select entity_id from entities where entity_id <> 'G-2' order by entity_id limit 1"
        ).fetchall()[0][0]
        con.execute(
            "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end, "
            "sentence_index) values ('m-known', 'a000000000000002', ?, 'GPE', 'نيامي', 11, 16, 0)",
            [known],
        )
        con.execute("update entities set num_articles = num_articles + 7 where entity_id = ?", [known])
    published = publish_snapshot(source, only_if_changed=True)
    assert published is not None and not published.full
    assert contents(published.path)["entities"] == contents(source)["entities"]
