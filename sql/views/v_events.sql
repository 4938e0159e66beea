-- v_events: one row per event, with the Arabic and English names of its actors and place, its dates and counts,
-- and one example sentence, ready to drag into a dashboard. Months are 'YYYY-MM' text, so a chart's axis shows
-- 2018-07 rather than a midnight timestamp. Reads only the tables of sql/schema.sql.
-- It lists events of every status (occurred, planned, negated, claimed, hypothetical): filter on status = 'occurred'
-- to count what happened, as the named queries in sql/queries do.
create or replace view v_events as

with events as (
    select * from main.events
),

entities as (
    select * from main.entities
),

event_mentions as (
    select * from main.event_mentions
),

articles as (
    select article_id, published_at from main.articles
),

-- when the event was first and last reported, and the earliest report's sentence as its evidence
reports as (
    select
        event_mentions.event_id,
        min(articles.published_at) as first_reported_at,
        max(articles.published_at) as last_reported_at,
        arg_min(event_mentions.evidence, coalesce(articles.published_at, timestamp '9999-12-31')) as example_evidence
    from event_mentions
    left join articles using (article_id)
    group by event_mentions.event_id
),

final as (
    select
        events.event_id,
        events.event_type,
        events.event_mode,
        events.status,
        events.event_date,
        events.date_precision,
        -- a year-precision date stands on 1 January: it has no month
        case when events.date_precision in ('day', 'month') then strftime(events.event_date, '%Y-%m') end
            as event_month,
        events.actor1_id,
        actor1.name_ar as actor1_name_ar,
        actor1.name_en as actor1_name_en,
        actor1.entity_type as actor1_type,
        actor1.country_code as actor1_country_code,
        events.actor2_id,
        actor2.name_ar as actor2_name_ar,
        actor2.name_en as actor2_name_en,
        actor2.entity_type as actor2_type,
        actor2.country_code as actor2_country_code,
        events.location_id,
        place.name_ar as location_name_ar,
        place.name_en as location_name_en,
        place.country_code as location_country_code,
        events.num_articles,
        events.num_mentions,
        array_to_string(events.contexts, ', ') as contexts,
        reports.first_reported_at,
        strftime(reports.first_reported_at, '%Y-%m') as first_reported_month,
        reports.last_reported_at,
        reports.example_evidence
    from events
    left join entities as actor1 on actor1.entity_id = events.actor1_id
    left join entities as actor2 on actor2.entity_id = events.actor2_id
    left join entities as place on place.entity_id = events.location_id
    left join reports using (event_id)
)

select * from final;
