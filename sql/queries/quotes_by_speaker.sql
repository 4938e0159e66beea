-- quotes_by_speaker: everything a speaker was quoted as saying, direct or reported, newest article first, with the
-- speaker's Arabic and English names.
-- Parameters: 1) the speaker: an entity_id (person:sergey-lavrov), or part of their Arabic or English name (لافروف, Lavrov).
with

params as (
    select cast(? as varchar) as speaker
),

quotes as (
    select * from quotes
),

entities as (
    select * from entities
),

articles as (
    select article_id, title, published_at, site_name, url from articles
),

speakers as (
    select en.entity_id
    from entities as en
    cross join params as p
    where en.entity_id = p.speaker
        or en.name_ar like '%' || p.speaker || '%'
        or en.name_en ilike '%' || p.speaker || '%'
),

final as (
    select
        a.published_at,
        en.name_ar as speaker,
        en.name_en as speaker_name_en,
        q.speaker_surface,
        q.quote_kind,
        q.cue,
        q.quote_text,
        a.title,
        a.site_name,
        q.article_id,
        q.char_start,
        q.char_end,
        q.quote_id
    from quotes as q
    join speakers as s on s.entity_id = q.speaker_id
    left join entities as en on en.entity_id = q.speaker_id
    left join articles as a on a.article_id = q.article_id
    order by a.published_at desc nulls last, q.article_id, q.char_start
)

select * from final
