-- entities.name_en_source: where an entity's English name came from (gazetteer, cldr, rule, transliteration).
-- Rows written before it have no source, and most have no English name: each ingest run names the entities that
-- lack a source (flows/runner.py, name_entities_in_english), so an existing warehouse is filled on its next run.
alter table entities add column if not exists name_en_source varchar;
