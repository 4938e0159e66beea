-- quote_cards: for each of the most quoted speakers of the period, their newest quotations, direct ones first, with
-- the article's date, source and provenance (url, source_path, article_id and offsets into body_text).
-- A card wants a sentence: quotations of 40 characters or more (about six words) come before shorter ones.
-- Parameters: 1) from date (inclusive)  2) to date (inclusive)  3) how many speakers  4) quotations per speaker.
with

params as (
    select
        cast(? as date) as from_date, cast(? as date) as to_date,
        cast(? as integer) as max_speakers, cast(? as integer) as per_speaker
),

quotes as (
    select q.*, a.published_at, a.title, a.url, a.source_path, a.site_name
    from quotes as q
    join articles as a using (article_id)
    cross join params as p
    where q.speaker_id is not null and cast(a.published_at as date) between p.from_date and p.to_date
),

entities as (
    select entity_id, name_ar, coalesce(name_en, name_ar) as name_en from entities
),

speakers as (
    select speaker_id, count(*) as num_quotes
    from quotes
    group by speaker_id
    order by num_quotes desc, speaker_id
    limit (select max_speakers from params)
),

-- the same words from two outlets (agency copy) make one card: the newest article's
distinct_quotes as (
    select *
    from quotes
    qualify row_number() over (partition by speaker_id, quote_text order by published_at desc, article_id) = 1
),

ranked as (
    select
        q.*,
        s.num_quotes,
        row_number() over (
            partition by q.speaker_id
            order by q.quote_kind = 'direct' desc, length(q.quote_text) >= 40 desc, q.published_at desc, q.article_id, q.char_start
        ) as rank_in_speaker
    from distinct_quotes as q
    join speakers as s using (speaker_id)
),

final as (
    select
        r.speaker_id,
        en.name_en as speaker_name_en,
        en.name_ar as speaker_name_ar,
        r.num_quotes,
        r.quote_kind,
        r.quote_text,
        cast(r.published_at as date) as published_date,
        r.site_name,
        r.title,
        r.url,
        r.source_path,
        r.article_id,
        r.char_start,
        r.char_end
    from ranked as r
    join entities as en on en.entity_id = r.speaker_id
    cross join params as p
    where r.rank_in_speaker <= p.per_speaker
    order by r.num_quotes desc, r.speaker_id, r.rank_in_speaker
)

select * from final
