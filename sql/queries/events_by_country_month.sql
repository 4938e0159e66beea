-- events_by_country_month: how many real-world events each country took part in, by month ('YYYY-MM') and PLOVER
-- type, and how many reports and articles covered them, with the country's Arabic and English names.
-- Parameters: 1) from date (inclusive, YYYY-MM-DD)  2) to date (inclusive, YYYY-MM-DD).
-- A country takes part through any actor whose entity has that country_code (an official counts for their country).
-- Only events dated to the day or month are counted: a year-precision or undated event has no month.
-- Only events that occurred are counted (status 'occurred'): planned, negated, claimed and hypothetical ones are not.
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date
),

-- The window is applied first, so that only its events' actors are unnested and joined with their countries.
events as (
    select events.*
    from events
    cross join params as p
    where events.date_precision in ('day', 'month') and events.status = 'occurred'
        and events.event_date between p.from_date and p.to_date
),

entities as (
    select * from entities
),

-- the entities that have a country: an actor's country is found by joining with these alone
country_entities as (
    select entity_id, country_code from entities where country_code is not null
),

-- the country entities of the gazetteer (gpe:<alpha-3>), for the countries' names
countries as (
    select country_code, name_ar, name_en
    from entities
    where entity_type = 'GPE' and entity_id = 'gpe:' || lower(country_code)
),

-- each event once per country, with what is counted of it (carried along rather than joined back)
event_countries as (
    select distinct e.event_id, e.event_date, e.event_type, e.num_mentions, e.num_articles, en.country_code
    from events as e, unnest(coalesce(e.actor_ids, [e.actor1_id, e.actor2_id])) as x(entity_id)
    join country_entities as en on en.entity_id = x.entity_id
),

final as (
    select
        strftime(c.event_date, '%Y-%m') as month,
        c.country_code,
        co.name_ar as country_name_ar,
        co.name_en as country_name_en,
        c.event_type,
        count(*) as num_events,
        sum(c.num_mentions) as num_reports,
        sum(c.num_articles) as num_article_reports
    from event_countries as c
    left join countries as co on co.country_code = c.country_code
    group by all
    order by month, c.country_code, c.event_type
)

select * from final
