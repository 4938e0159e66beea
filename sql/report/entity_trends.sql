-- entity_trends: articles per week mentioning each of the most mentioned people, organisations and places of the
-- period (the top N of each type), weeks starting on Monday.
-- Parameters: 1) from date (inclusive)  2) to date (inclusive)  3) how many entities of each type.
-- Places are GPE and LOC together; nisba adjectives (الروسي) do not count as a mention of the country.
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date, cast(? as integer) as per_type
),

entities as (
    select
        entity_id,
        case when entity_type in ('GPE', 'LOC') then 'PLACE' else entity_type end as entity_group,
        name_ar,
        coalesce(name_en, name_ar) as name_en
    from entities
),

mentions as (
    select distinct m.entity_id, m.article_id, date_trunc('week', cast(a.published_at as date)) as week
    from mentions as m
    join articles as a using (article_id)
    cross join params as p
    where not m.is_adjectival and cast(a.published_at as date) between p.from_date and p.to_date
),

totals as (
    select
        en.entity_id,
        en.entity_group,
        count(*) as total_articles,
        row_number() over (partition by en.entity_group order by count(*) desc, en.entity_id) as rank_in_group
    from mentions as m
    join entities as en using (entity_id)
    group by en.entity_id, en.entity_group
),

final as (
    select
        cast(m.week as date) as week,
        t.entity_group,
        t.rank_in_group,
        m.entity_id,
        en.name_en,
        en.name_ar,
        count(*) as num_articles
    from mentions as m
    join totals as t using (entity_id)
    join entities as en using (entity_id)
    cross join params as p
    where t.rank_in_group <= p.per_type
    group by all
    order by t.entity_group, t.rank_in_group, week
)

select * from final
