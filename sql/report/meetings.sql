-- meetings: who met whom: each pair of participants in the same meeting, visit, talk or call (PLOVER CONSULT),
-- how many such events they shared, and how many articles mention each of them in the period.
-- Parameters: 1) from date (inclusive)  2) to date (inclusive)  3) how many pairs, most meetings first.
-- An event falls in the period by its date or, when undated, by the publication of its first report. The place of a
-- visit takes part (a visit to Bamako involves Bamako), as in sql/queries/who_met_whom.sql.
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date, cast(? as integer) as max_pairs
),

events as (
    select * from events where event_type = 'CONSULT'
),

entities as (
    select entity_id, entity_type, name_ar, coalesce(name_en, name_ar) as name_en, country_code from entities
),

first_reports as (
    select em.event_id, cast(min(a.published_at) as date) as first_reported
    from event_mentions as em
    join articles as a using (article_id)
    group by em.event_id
),

events_in_period as (
    select e.*
    from events as e
    left join first_reports as r using (event_id)
    cross join params as p
    where coalesce(e.event_date, r.first_reported) between p.from_date and p.to_date
),

participants as (
    select distinct e.event_id, x.entity_id
    from events_in_period as e, unnest(coalesce(e.actor_ids, [e.actor1_id, e.actor2_id])) as x(entity_id)
    where x.entity_id is not null
    union
    select event_id, location_id from events_in_period where event_mode = 'visit' and location_id is not null
),

pairs as (
    select a.entity_id as source_id, b.entity_id as target_id, count(*) as num_meetings
    from participants as a
    join participants as b on a.event_id = b.event_id and a.entity_id < b.entity_id
    group by all
),

top_pairs as (
    select pairs.*
    from pairs
    cross join params as p
    order by num_meetings desc, source_id, target_id
    limit (select max_pairs from params)
),

article_counts as (
    select m.entity_id, count(distinct m.article_id) as num_articles
    from mentions as m
    join articles as a using (article_id)
    cross join params as p
    where cast(a.published_at as date) between p.from_date and p.to_date
        and m.entity_id in (select source_id from top_pairs union select target_id from top_pairs)
    group by m.entity_id
),

final as (
    select
        t.source_id,
        s.entity_type as source_type,
        s.name_en as source_name_en,
        s.name_ar as source_name_ar,
        coalesce(sc.num_articles, 0) as source_articles,
        t.target_id,
        g.entity_type as target_type,
        g.name_en as target_name_en,
        g.name_ar as target_name_ar,
        coalesce(gc.num_articles, 0) as target_articles,
        t.num_meetings
    from top_pairs as t
    join entities as s on s.entity_id = t.source_id
    join entities as g on g.entity_id = t.target_id
    left join article_counts as sc on sc.entity_id = t.source_id
    left join article_counts as gc on gc.entity_id = t.target_id
    order by t.num_meetings desc, t.source_id, t.target_id
)

select * from final
