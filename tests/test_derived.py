"""The derived tables (flows/store/derived.py) equal a recount from the facts after every kind of load: new articles,
events re-linked through their link key, an entity whose country changes, and articles retracted (reprocess).
The end-to-end version, through real ingest and reprocess runs, is in tests/test_reprocess.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flows.store import derived, warehouse
from flows.store.frames import frame
from flows.store.warehouse import Retraction

DAY = dt.date(2024, 3, 5)
ENTITIES = [
    {"entity_id": "person:lavrov", "entity_type": "PERSON", "name_ar": "لافروف", "country_code": "RUS"},
    {"entity_id": "person:diop", "entity_type": "PERSON", "name_ar": "ديوب", "country_code": "MLI"},
    {"entity_id": "gpe:bamako", "entity_type": "GPE", "name_ar": "باماكو", "country_code": "MLI"},
]


def article(article_id: str, entity_ids: list[str]) -> dict[str, list[dict]]:
    """An article whose first sentence names ``entity_ids``."""
    return {
        "articles": [
            {
                "article_id": article_id,
                "source_path": f"{article_id}.txt",
                "file_sha256": article_id,
                "body_text": "نص",
                "word_count": 1,
                "ingested_at": dt.datetime(2024, 3, 6),
                "run_id": "r",
            }
        ],
        "mentions": [
            {
                "mention_id": f"{article_id}:{i}",
                "article_id": article_id,
                "entity_id": entity_id,
                "entity_type": "PERSON",
                "surface": "x",
                "char_start": i,
                "char_end": i + 1,
                "sentence_index": 0,
                "is_adjectival": False,
                "part": "body",
            }
            for i, entity_id in enumerate(entity_ids)
        ],
    }


def visit(reports: list[str], event_id: str = "ev:1") -> dict[str, list[dict]]:
    """One CONSULT event (Lavrov and Diop, in Bamako) reported once in each of ``reports`` (article ids)."""
    event = {
        "event_id": event_id,
        "event_type": "CONSULT",
        "event_mode": "visit",
        "actor1_id": "person:lavrov",
        "actor2_id": "person:diop",
        "location_id": "gpe:bamako",
        "event_date": DAY,
        "date_precision": "day",
        "num_articles": len(set(reports)),
        "num_mentions": len(reports),
        "status": "occurred",
        "actor_ids": ["person:lavrov", "person:diop"],
    }
    mentions = [
        {
            **event,
            "article_id": a,
            "sentence_index": 0,
            "char_start": 0,
            "char_end": 1,
            "evidence": "x",
            "link_key": "k",
        }
        for a in reports
    ]
    return {"events": [event], "event_mentions": mentions}


def load(con: warehouse.Connection, rows: dict[str, list[dict]], retract: Retraction | None = None) -> None:
    warehouse.load_batch(con, {table: frame(table, table_rows) for table, table_rows in rows.items()}, retract)


@pytest.fixture
def con(tmp_path: Path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def test_derived_tables_equal_a_recount_after_loads_relinking_country_changes_and_retraction(con) -> None:
    load(con, {"entities": ENTITIES, **article("a1", ["person:lavrov", "person:diop"]), **visit(["a1"])})
    assert derived.mismatches(con) == dict.fromkeys(derived.DERIVED_TABLES, 0), "after a first load"
    for table in derived.DERIVED_TABLES:
        assert con.execute(f"select count(*) from {table}").fetchall()[0][0] > 0, f"{table} has rows to get wrong"

    # a second article reports the same visit: the stored report is retracted by its link key and written again,
    # under the id the re-linked event now has (the old event is found only through the key)
    relinked = visit(["a1", "a2"], event_id="ev:2")
    load(con, {**article("a2", ["person:lavrov", "gpe:bamako"]), **relinked}, Retraction(link_keys=("k",)))
    assert derived.mismatches(con) == dict.fromkeys(derived.DERIVED_TABLES, 0), "after re-linking"
    assert con.execute("select num_reports from event_country_days where country_code = 'RUS'").fetchall() == [(2,)]

    # a later batch says Diop is of another country: the event's participants and days follow
    load(con, {"entities": [{**ENTITIES[1], "country_code": "SEN"}]})
    assert derived.mismatches(con) == dict.fromkeys(derived.DERIVED_TABLES, 0), "after a country changed"

    # reprocess retracts the first article, and its new facts no longer report the visit
    load(con, article("a1", ["person:diop"]), Retraction(articles=("a1",), link_keys=("k",)))
    assert derived.mismatches(con) == dict.fromkeys(derived.DERIVED_TABLES, 0), "after a retraction"


def test_rebuild_writes_what_the_loads_kept(con) -> None:
    load(con, {"entities": ENTITIES, **article("a1", ["person:lavrov", "person:diop"]), **visit(["a1"])})
    kept = {t: sorted(con.execute(f"select * from {t}").fetchall()) for t in derived.DERIVED_TABLES}
    derived.rebuild(con)
    assert {t: sorted(con.execute(f"select * from {t}").fetchall()) for t in derived.DERIVED_TABLES} == kept


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    con = warehouse.connect(path)
    load(con, {"entities": ENTITIES, **article("a1", ["person:lavrov", "person:diop"]), **visit(["a1"])})
    con.close()
    return path


def mismatches_in(path: Path) -> dict[str, int]:
    with warehouse.opened(path, read_only=True) as con:
        return derived.mismatches(con)


def test_a_hand_edit_of_the_facts_rebuilds_the_derived_tables(loaded: Path, capsys) -> None:
    from flows.cli import main

    edit = "update entities set country_code = 'SEN' where entity_id = 'person:diop'"
    assert main(["sql", edit, "--write", "--warehouse", str(loaded)]) == 0
    assert "rebuilding the derived tables" in capsys.readouterr().err
    assert mismatches_in(loaded) == dict.fromkeys(derived.DERIVED_TABLES, 0)
    with warehouse.opened(loaded, read_only=True) as con:
        assert ("SEN",) in con.execute("select country_code from event_participants").fetchall()

    # a statement that commits itself: the rebuild follows it
    own = "begin transaction; delete from mentions where entity_id = 'person:lavrov'; commit"
    assert main(["sql", own, "--write", "--warehouse", str(loaded)]) == 0
    assert mismatches_in(loaded) == dict.fromkeys(derived.DERIVED_TABLES, 0)


def test_an_edit_elsewhere_rebuilds_nothing_and_a_failed_edit_changes_nothing(loaded: Path, capsys) -> None:
    from flows.cli import main

    assert main(["sql", "update articles set title = 'عنوان'", "--write", "--warehouse", str(loaded)]) == 0
    assert "derived" not in capsys.readouterr().err
    failing = "update entities set country_code = 'SEN'; select * from no_such_table"
    assert main(["sql", failing, "--write", "--warehouse", str(loaded)]) == 1
    assert "SQL error" in capsys.readouterr().err
    with warehouse.opened(loaded, read_only=True) as con:
        assert con.execute("select count(*) from entities where country_code = 'SEN'").fetchall() == [(0,)]
    assert mismatches_in(loaded) == dict.fromkeys(derived.DERIVED_TABLES, 0)


def test_a_report_written_without_its_event_row_is_counted_in_event_reports(con) -> None:
    load(con, {"entities": ENTITIES, **article("a1", ["person:lavrov"]), **visit(["a1"])})
    report = {**visit(["a2"])["event_mentions"][0], "evidence": "y", "char_start": 5}
    load(con, {**article("a2", ["person:diop"]), "event_mentions": [report]})
    assert derived.mismatches(con) == dict.fromkeys(derived.DERIVED_TABLES, 0)
    assert con.execute("select article_ids, evidence from event_reports").fetchall() == [(["a1", "a2"], "x")]
