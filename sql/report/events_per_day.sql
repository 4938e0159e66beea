-- events_per_day: how many real-world events of each PLOVER type and status (occurred, planned) fall on each day,
-- with how many articles reported them and the most reported one as an example.
-- Parameters: 1) from date (inclusive)  2) to date (inclusive).
-- Only events dated to the day have a place on a day axis; the others are left out.
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date
),

events as (
    select * from events where date_precision = 'day'
),

entities as (
    select entity_id, name_ar, coalesce(name_en, name_ar) as name_en from entities
),

labelled as (
    select
        e.event_id,
        e.event_date,
        e.event_type,
        e.status,
        e.num_articles,
        concat_ws(' – ', a1.name_en, a2.name_en) || coalesce(' (' || e.event_mode || ')', '') as example_en,
        concat_ws(' – ', a1.name_ar, a2.name_ar) as example_ar
    from events as e
    cross join params as p
    left join entities as a1 on a1.entity_id = e.actor1_id
    left join entities as a2 on a2.entity_id = e.actor2_id
    where e.event_date between p.from_date and p.to_date
),

final as (
    select
        event_date,
        event_type,
        status,
        count(*) as num_events,
        cast(sum(num_articles) as integer) as num_articles,
        first(example_en order by num_articles desc, event_id) as example_en,
        first(example_ar order by num_articles desc, event_id) as example_ar
    from labelled
    group by all
    order by event_date, event_type, status
)

select * from final
