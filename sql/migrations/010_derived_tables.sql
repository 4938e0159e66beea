-- The derived tables (entity_pairs, event_participants, event_country_days) are created by schema.sql; a warehouse
-- from before them has them empty, and flows/store/warehouse.py migrate counts their rows from the facts
-- (flows/store/derived.py rebuild) right after this step, in the same transaction. At 1M articles: see README.

-- A load reads and deletes the participants of the events it touches by event_id alone: through this index.
create index if not exists event_participants_event on event_participants (event_id);
