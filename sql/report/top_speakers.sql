-- top_speakers: the most quoted speakers of the period: quotations (direct and reported) and articles quoting them.
-- Parameters: 1) from date (inclusive)  2) to date (inclusive)  3) how many speakers.
-- Quotations whose speaker was not resolved to an entity are left out; the period is the articles' publication date.
with

params as (
    select cast(? as date) as from_date, cast(? as date) as to_date, cast(? as integer) as max_speakers
),

quotes as (
    select q.*
    from quotes as q
    join articles as a using (article_id)
    cross join params as p
    where q.speaker_id is not null and cast(a.published_at as date) between p.from_date and p.to_date
),

entities as (
    select entity_id, entity_type, name_ar, coalesce(name_en, name_ar) as name_en from entities
),

final as (
    select
        q.speaker_id,
        en.entity_type,
        en.name_en,
        en.name_ar,
        count(*) as num_quotes,
        count(*) filter (where q.quote_kind = 'direct') as num_direct,
        count(distinct q.article_id) as num_articles
    from quotes as q
    join entities as en on en.entity_id = q.speaker_id
    group by all
    order by num_quotes desc, q.speaker_id
    limit (select max_speakers from params)
)

select * from final
