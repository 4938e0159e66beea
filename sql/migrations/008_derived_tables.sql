-- The derived tables (entity_pairs, event_participants, event_country_days) are created by schema.sql; a warehouse
-- from before them has them empty, and flows/store/warehouse.py migrate counts their rows from the facts
-- (flows/store/derived.py rebuild) right after this step, in the same transaction. At 1M articles: see README.
select 1;
