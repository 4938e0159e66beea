-- v_mentions_daily: how often each entity is mentioned per day, for trend charts, with its Arabic and English names
-- and the day's month as 'YYYY-MM' text (to group by month without a midnight timestamp).
-- The day is the article's publication date; an article without one counts on the day it was ingested, and
-- date_basis says which, so a dashboard can filter the guessed days out. Reads only the tables of sql/schema.sql.
create or replace view v_mentions_daily as

-- A role beside a name ('apposition') is that name's attribute, not another mention: names and resolved descriptions
-- are counted.
with mentions as (
    select * from main.mentions where coalesce(mention_kind, 'name') <> 'apposition'
),

entities as (
    select * from main.entities
),

articles as (
    select article_id, published_at, ingested_at from main.articles
),

dated_mentions as (
    select
        mentions.entity_id,
        mentions.article_id,
        cast(coalesce(articles.published_at, articles.ingested_at) as date) as day,
        case when articles.published_at is null then 'ingested' else 'published' end as date_basis
    from mentions
    inner join articles using (article_id)
),

daily as (
    select
        day,
        date_basis,
        entity_id,
        count(*) as num_mentions,
        count(distinct article_id) as num_articles
    from dated_mentions
    group by day, date_basis, entity_id
),

final as (
    select
        daily.day,
        strftime(daily.day, '%Y-%m') as month,
        daily.date_basis,
        daily.entity_id,
        entities.entity_type,
        entities.name_ar,
        entities.name_en,
        entities.name_en_source,
        entities.country_code,
        daily.num_mentions,
        daily.num_articles
    from daily
    inner join entities using (entity_id)
)

select * from final;
