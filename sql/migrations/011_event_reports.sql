-- event_reports (a derived table, flows/store/derived.py) is created by schema.sql; a warehouse from before it has it
-- empty, and flows/store/warehouse.py migrate counts its rows from event_mentions right after this step, in the same
-- transaction. event_timeline reads it instead of aggregating every report of the events it shows (1.42 s over the
-- whole span at 1M articles, bench/perf/scale.py; see README "Performance").

-- A load reads and deletes the rows of the events it touches by event_id alone, and counts their reports again from
-- event_mentions: both through an index on event_id (event_mentions' primary key starts with it, but DuckDB reads
-- a composite key's index only for the whole key).
create index if not exists event_reports_event on event_reports (event_id);
create index if not exists event_mentions_event on event_mentions (event_id);
