-- Versioned facts (issue 15): every derived row names the extractor version that wrote it, and article_facts says
-- which version each article's facts come from. Rows written before this migration get no version: their articles
-- have no article_facts row, so `akhbar status` counts them as stale and `akhbar reprocess` re-extracts them.
-- Event reports keep what they said before linking (type, roles, place, status), so that events can be re-linked
-- from their stored reports whatever the order batches arrive in (issue 14.5); for old rows that is copied from
-- their event, the best that is known until reprocess replaces them.
alter table entities add column if not exists extractor_version varchar;
alter table mentions add column if not exists extractor_version varchar;
alter table events add column if not exists extractor_version varchar;
alter table quotes add column if not exists extractor_version varchar;
alter table event_mentions add column if not exists event_type varchar;
alter table event_mentions add column if not exists event_mode varchar;
alter table event_mentions add column if not exists actor1_id varchar;
alter table event_mentions add column if not exists actor2_id varchar;
alter table event_mentions add column if not exists location_id varchar;
alter table event_mentions add column if not exists status varchar;
alter table event_mentions add column if not exists contexts varchar[];
alter table event_mentions add column if not exists actor_ids varchar[];
alter table event_mentions add column if not exists local_event_id varchar;
alter table event_mentions add column if not exists link_key varchar;
alter table event_mentions add column if not exists extractor_version varchar;
update event_mentions as m
set event_type = e.event_type, event_mode = e.event_mode, actor1_id = e.actor1_id, actor2_id = e.actor2_id,
    location_id = e.location_id, status = e.status, contexts = e.contexts, actor_ids = e.actor_ids,
    local_event_id = e.event_id
from events as e
where m.event_id = e.event_id and m.event_type is null;
