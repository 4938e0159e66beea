-- article_provenance: an article's full provenance: the inbox files it came from, and every fact extracted from it
-- (entity mentions, quotes, event reports) with its character offsets into articles.body_text, in text order; a
-- mention's and a quote's detail name the entity in Arabic and English. Mentions and quotes in the title come first,
-- right after the article row: their offsets index articles.title, and their detail starts with "title:".
-- Parameters: 1) article_id.
with

params as (
    select cast(? as varchar) as article_id
),

files as (
    select f.* from files as f join params as p on f.article_id = p.article_id
),

articles as (
    select a.* from articles as a join params as p on a.article_id = p.article_id
),

mentions as (
    select m.* from mentions as m join params as p on m.article_id = p.article_id
),

quotes as (
    select q.* from quotes as q join params as p on q.article_id = p.article_id
),

event_mentions as (
    select em.* from event_mentions as em join params as p on em.article_id = p.article_id
),

-- only the events and entities the article's facts name (joining all of them would read every event and entity)
events as (
    select * from events where event_id in (select event_id from event_mentions)
),

entities as (
    select * from entities
    where entity_id in (select entity_id from mentions union all select speaker_id from quotes)
),

records as (
    select 'file' as record_kind, file_path as record_id, null::integer as char_start, null::integer as char_end,
        file_sha256 as surface, status || coalesce(' (' || error || ')', '') || ' run ' || run_id as detail,
        -2 as sort_key
    from files
    union all
    select 'article', article_id, 0, length(body_text), title,
        coalesce(site_name, '') || ' ' || coalesce(cast(published_at as varchar), 'undated')
        || ' date from ' || coalesce(date_source, 'nowhere') || ' / ' || source_path, -1
    from articles
    union all
    select 'mention', m.mention_id, m.char_start, m.char_end, m.surface,
        case when m.part = 'title' then 'title: ' else '' end
        || case when coalesce(m.mention_kind, 'name') <> 'name' then m.mention_kind || ' of ' else '' end
        || m.entity_type || ' ' || m.entity_id || coalesce(' ' || en.name_ar || ' / ' || en.name_en, ''),
        case when m.part = 'title' then -1 else m.char_start end
    from mentions as m
    left join entities as en on en.entity_id = m.entity_id
    union all
    select 'quote', q.quote_id, q.char_start, q.char_end, q.quote_text,
        case when q.part = 'title' then 'title: ' else '' end
        || q.quote_kind || ' / ' || coalesce(q.cue, '') || ' / ' || coalesce(q.speaker_id, 'speaker unknown')
        || coalesce(' ' || en.name_ar || ' / ' || en.name_en, ''),
        case when q.part = 'title' then -1 else q.char_start end
    from quotes as q
    left join entities as en on en.entity_id = q.speaker_id
    union all
    select 'event', em.event_id, em.char_start, em.char_end, em.trigger,
        e.event_type || coalesce('/' || e.event_mode, '') || ' ' || coalesce(cast(em.event_date as varchar), 'undated')
        || ' (' || coalesce(em.date_precision, 'unknown') || ')', em.char_start
    from event_mentions as em
    left join events as e on e.event_id = em.event_id
),

final as (
    select record_kind, record_id, char_start, char_end, surface, detail
    from records
    order by sort_key, record_kind, record_id
)

select * from final
