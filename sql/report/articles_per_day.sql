-- articles_per_day: how many articles each source published per day.
-- Parameters: 1) from date (inclusive)  2) to date (inclusive).
-- The source is the site name, else the host of the url, else 'unnamed source'; undated articles are left out
-- (freshness.sql counts them).
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date
),

articles as (
    select
        cast(published_at as date) as day,
        coalesce(nullif(trim(site_name), ''), nullif(regexp_extract(url, '://([^/]+)', 1), ''), 'unnamed source')
            as source
    from articles
    where published_at is not null
),

final as (
    select a.day, a.source, count(*) as num_articles
    from articles as a
    cross join params as p
    where a.day between p.from_date and p.to_date
    group by all
    order by a.day, a.source
)

select * from final
