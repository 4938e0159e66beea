-- quotes_by_speaker: everything a speaker was quoted as saying, direct or reported, newest article first, with the
-- speaker's Arabic and English names.
-- Parameters: 1) the speaker: an entity_id (person:sergey-lavrov), or part of their Arabic or English name (لافروف, Lavrov).
with

params as (
    select cast(? as varchar) as speaker
),

speakers as (
    select en.entity_id
    from main.entities as en
    cross join params as p
    where en.entity_id = p.speaker
        or en.name_ar like '%' || p.speaker || '%'
        or en.name_en ilike '%' || p.speaker || '%'
),

-- the speakers' quotes first, then only their articles (not every article, to be joined after)
quotes as (
    select q.* from main.quotes as q where q.speaker_id in (select entity_id from speakers)
),

entities as (
    select * from main.entities where entity_id in (select entity_id from speakers)
),

articles as (
    select article_id, title, published_at, site_name, url
    from main.articles
    where article_id in (select article_id from quotes)
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
    left join entities as en on en.entity_id = q.speaker_id
    left join articles as a on a.article_id = q.article_id
    order by a.published_at desc nulls last, q.article_id, q.char_start, q.quote_id
)

select * from final
