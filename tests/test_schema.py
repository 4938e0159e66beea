"""sql/schema.sql is the single source of the schema: the Polars frames must agree with it, column for column."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from flows.store.frames import SCHEMAS
from flows.store.warehouse import MIGRATIONS_DIR, SCHEMA_FILE, migrate

DUCKDB_TYPE = {
    pl.String: "VARCHAR",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Boolean: "BOOLEAN",
    pl.Float64: "DOUBLE",
    pl.Date: "DATE",
}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMP"
    if isinstance(dtype, pl.List):
        return duckdb_type(dtype.inner) + "[]"
    return DUCKDB_TYPE[dtype.base_type()]


@pytest.fixture(scope="module")
def schema_columns() -> dict[str, list[tuple[str, str]]]:
    con = duckdb.connect()
    con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
    rows = con.execute(
        "select table_name, column_name, data_type from information_schema.columns order by table_name, ordinal_position"
    ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        columns.setdefault(table, []).append((column, data_type))
    return columns


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_polars_frame_matches_schema_sql(table: str, schema_columns) -> None:
    expected = schema_columns[table]
    actual = [(column, duckdb_type(dtype)) for column, dtype in SCHEMAS[table].items()]
    assert actual == expected


def test_every_contract_table_exists(schema_columns) -> None:
    for table in ("files", "articles", "entities", "mentions", "events", "event_mentions", "quotes"):
        assert table in schema_columns


def test_migrations_are_recorded_once(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert "schema" in migrate(con)
    assert migrate(con) == []
    assert con.execute("select count(*) from schema_migrations").fetchone()[0] >= 1


def test_a_warehouse_from_before_english_names_is_migrated_and_named(tmp_path) -> None:
    from flows.runner import name_entities_in_english

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    migrate(con)
    # the warehouse as migration 2 left it: no name_en_source, English names only where the gazetteer had one
    con.execute("alter table entities drop column name_en_source")
    con.execute("alter table entities drop column num_articles")
    con.execute("delete from schema_migrations where version in (3, 6)")
    con.execute(
        "insert into entities (entity_id, entity_type, name_ar, name_en, country_code)"
        " values ('gpe:rus', 'GPE', 'روسيا', 'Russia', 'RUS'),"
        " ('person:x1', 'PERSON', 'محمد بن سلمان', null, null), ('person:x2', 'PERSON', 'سامر الخطيب', null, null)"
    )
    assert "003_entity_english_names" in migrate(con)
    assert name_entities_in_english(con) == 3
    rows = dict(con.execute("select entity_id, (name_en, name_en_source) from entities").fetchall())
    assert rows["gpe:rus"] == ("Russia", "cldr")
    assert rows["person:x1"] == ("Mohammed bin Salman", "gazetteer")
    assert rows["person:x2"][1] == "transliteration" and rows["person:x2"][0].isascii()
    assert name_entities_in_english(con) == 0, "named once: the next run finds nothing to do"


def test_mentions_from_before_title_mentions_are_body_mentions(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    migrate(con)
    # the warehouse as migration 3 left it: mentions without a part
    con.execute("alter table mentions drop column part")
    con.execute("delete from schema_migrations where version = 5")
    con.execute(
        "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end,"
        " sentence_index, is_adjectival) values ('a:m0-6', 'a', 'gpe:rus', 'GPE', 'روسيا', 0, 5, 0, false)"
    )
    assert "005_mention_part" in migrate(con)
    assert con.execute("select part from mentions").fetchall() == [("body",)]


def test_quotes_from_before_title_quotes_are_body_quotes(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    migrate(con)
    # the warehouse as migration 7 left it: quotes without a part
    con.execute("alter table quotes drop column part")
    con.execute("delete from schema_migrations where version = 8")
    con.execute(
        "insert into quotes (quote_id, article_id, quote_text, quote_kind, char_start, char_end)"
        " values ('a:q0-5', 'a', 'نعم', 'direct', 0, 5)"
    )
    assert "008_quote_part" in migrate(con)
    assert con.execute("select part from quotes").fetchall() == [("body",)]


def test_mentions_from_before_role_mentions_are_names(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    migrate(con)
    # the warehouse as migration 8 left it: mentions without their kind, a role's country or its name mention
    for column in ("mention_kind", "role_country", "name_mention_id"):
        con.execute(f"alter table mentions drop column {column}")
    con.execute("delete from schema_migrations where version = 9")
    con.execute(
        "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end,"
        " sentence_index, is_adjectival, part) values ('a:m0-5', 'a', 'gpe:rus', 'GPE', 'روسيا', 0, 5, 0, false, 'body')"
    )
    assert "009_mention_roles" in migrate(con)
    assert con.execute("select mention_kind, role_country, name_mention_id from mentions").fetchall() == [
        ("name", None, None)
    ]


def test_entities_from_before_article_counts_are_counted_once(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    migrate(con)
    con.execute("alter table entities drop column num_articles")
    con.execute("delete from schema_migrations where version = 6")
    con.execute(
        "insert into entities (entity_id, entity_type, name_ar, name_en, country_code, name_en_source)"
        " values ('gpe:rus', 'GPE', 'روسيا', 'Russia', 'RUS', 'cldr')"
    )
    con.executemany(
        "insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end,"
        " sentence_index, is_adjectival, part) values (?, ?, 'gpe:rus', 'GPE', 'روسيا', 0, 5, 0, false, 'body')",
        [("a:m0-5", "a"), ("a:t0-5", "a"), ("b:m0-5", "b")],
    )
    assert "006_entity_num_articles" in migrate(con)
    assert con.execute("select num_articles from entities").fetchall() == [(2,)]


def test_each_load_counts_the_articles_that_mention_an_entity(tmp_path) -> None:
    from flows.store.frames import frame
    from flows.store.warehouse import load_batch

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    russia = {"entity_id": "gpe:rus", "entity_type": "GPE", "name_ar": "روسيا"}
    mali = {"entity_id": "gpe:mli", "entity_type": "GPE", "name_ar": "مالي"}

    def mention(article: str, entity: dict, part: str = "body") -> dict:
        tag = "m" if part == "body" else "t"
        return {
            "mention_id": f"{article}:{tag}{entity['entity_id']}",
            "article_id": article,
            "entity_id": entity["entity_id"],
            "entity_type": "GPE",
            "surface": "x",
            "char_start": 0,
            "char_end": 5,
            "sentence_index": 0,
            "is_adjectival": False,
            "part": part,
        }

    def load(entities: list[dict], mentions: list[dict]) -> dict[str, int]:
        load_batch(con, {"entities": frame("entities", entities), "mentions": frame("mentions", mentions)})
        return dict(con.execute("select entity_id, num_articles from entities").fetchall())

    assert load([russia], [mention("a", russia), mention("a", russia, "title")]) == {"gpe:rus": 1}
    assert load([russia, mali], [mention("b", russia), mention("b", mali)]) == {"gpe:rus": 2, "gpe:mli": 1}


def test_a_quote_or_mention_row_without_a_part_is_a_body_row() -> None:
    from flows.store.frames import frame

    assert frame("quotes", [{"quote_id": "a:q0-3", "article_id": "a"}])["part"].to_list() == ["body"]
    assert frame("mentions", [{"mention_id": "a:m0-3", "article_id": "a"}])["part"].to_list() == ["body"]
    assert frame("quotes", [{"quote_id": "a:t0-3", "part": "title"}])["part"].to_list() == ["title"]


def test_each_migration_has_a_version_of_its_own() -> None:
    # migrate() records versions, not names: a second 008_*.sql (two branches that each added one) would be skipped
    # on every warehouse that applied the first, silently.
    versions = [int(path.name.split("_", 1)[0]) for path in MIGRATIONS_DIR.glob("[0-9]*_*.sql")]
    assert sorted(versions) == sorted(set(versions)), "two migrations share a version number"
