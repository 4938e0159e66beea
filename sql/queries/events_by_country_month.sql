-- events_by_country_month: how many real-world events each country took part in, by month ('YYYY-MM') and PLOVER
-- type, and how many reports and articles covered them, with the country's Arabic and English names.
-- Parameters: 1) from date (inclusive, YYYY-MM-DD)  2) to date (inclusive, YYYY-MM-DD).
-- A country takes part through any actor whose entity has that country_code (an official counts for their country).
-- Only events dated to the day or month are counted: a year-precision or undated event has no month.
-- Only events that occurred are counted (status 'occurred'): planned, negated, claimed and hypothetical ones are not.
-- Read from event_country_days, which each load and retraction keep (flows/store/derived.py): per day, country and
-- type, the events counted as above (each event once per country), so any window is summed from whole days.
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date
),

days as (
    select d.*
    from event_country_days as d
    cross join params as p
    where d.event_date between p.from_date and p.to_date
),

-- the country entities of the gazetteer (gpe:<alpha-3>), for the countries' names
countries as (
    select country_code, name_ar, name_en
    from entities
    where entity_type = 'GPE' and entity_id = 'gpe:' || lower(country_code)
),

final as (
    select
        strftime(d.event_date, '%Y-%m') as month,
        d.country_code,
        co.name_ar as country_name_ar,
        co.name_en as country_name_en,
        d.event_type,
        sum(d.num_events)::bigint as num_events,
        sum(d.num_reports)::hugeint as num_reports,
        sum(d.num_article_reports)::hugeint as num_article_reports
    from days as d
    left join countries as co on co.country_code = d.country_code
    group by all
    order by month, d.country_code, d.event_type
)

select * from final
