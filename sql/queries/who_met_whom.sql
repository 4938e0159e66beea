-- who_met_whom: every meeting, visit, talk or call (PLOVER CONSULT) between people or bodies of two countries,
-- each real-world event once, by month ('YYYY-MM'), with every article that reported it. Each side is listed in
-- Arabic (side_a, side_b) and, in the same order, in English (side_a_en, side_b_en).
-- Only meetings that took place count (status 'occurred'): planned, negated, claimed and hypothetical ones do not.
-- Parameters: 1) first country (ISO 3166 alpha-3, e.g. RUS)  2) second country (e.g. MLI).
-- A country takes part through any of the event's actors (events.actor_ids) whose entity has that country_code,
-- and through the place of a visit (a visit to Bamako involves MLI).
with

params as (
    select upper(cast(? as varchar)) as country_a, upper(cast(? as varchar)) as country_b
),

-- Read from event_participants, which each load and retraction keep (flows/store/derived.py): the two countries'
-- participants of CONSULT events that occurred, found without unnesting every event's actors.
participant_countries as (
    select distinct p.event_id, p.role, p.entity_id, en.name_ar, en.name_en, p.country_code
    from event_participants as p
    join params as prm on p.country_code = prm.country_a or p.country_code = prm.country_b
    left join entities as en on en.entity_id = p.entity_id
    where p.event_type = 'CONSULT' and p.status = 'occurred'
),

matching_events as (
    select
        pc.event_id,
        list(pc.name_ar order by pc.name_ar, pc.entity_id) filter (where pc.country_code = prm.country_a and pc.role = 'actor') as side_a,
        list(pc.name_en order by pc.name_ar, pc.entity_id) filter (where pc.country_code = prm.country_a and pc.role = 'actor') as side_a_en,
        list(pc.name_ar order by pc.name_ar, pc.entity_id) filter (where pc.country_code = prm.country_b and pc.role = 'actor') as side_b,
        list(pc.name_en order by pc.name_ar, pc.entity_id) filter (where pc.country_code = prm.country_b and pc.role = 'actor') as side_b_en
    from participant_countries as pc
    cross join params as prm
    group by pc.event_id, prm.country_a, prm.country_b
    having bool_or(pc.country_code = prm.country_a) and bool_or(pc.country_code = prm.country_b)
),

events as (
    select * from events where event_id in (select event_id from matching_events)
),

reports as (
    select event_id, list(distinct article_id order by article_id) as article_ids
    from event_mentions
    where event_id in (select event_id from matching_events)
    group by event_id
),

final as (
    select
        -- a year-precision date stands on 1 January: it has no month
        case when e.date_precision in ('day', 'month') then strftime(e.event_date, '%Y-%m') end as month,
        e.event_date,
        e.date_precision,
        e.event_mode,
        e.status,
        m.side_a,
        m.side_b,
        m.side_a_en,
        m.side_b_en,
        loc.name_ar as location,
        loc.name_en as location_name_en,
        e.num_articles,
        r.article_ids,
        e.event_id
    from matching_events as m
    join events as e on e.event_id = m.event_id
    left join entities as loc on loc.entity_id = e.location_id
    left join reports as r on r.event_id = e.event_id
    order by e.event_date nulls last, e.event_id
)

select * from final
