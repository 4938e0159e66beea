-- v_quotes: one row per quotation with its speaker's Arabic and English names and the article it came from (title,
-- date, 'YYYY-MM' month, url). Reads only the tables of sql/schema.sql.
create or replace view v_quotes as

with quotes as (
    select * from main.quotes
),

entities as (
    select * from main.entities
),

articles as (
    select * from main.articles
),

final as (
    select
        quotes.quote_id,
        quotes.article_id,
        articles.title as article_title,
        articles.published_at,
        cast(articles.published_at as date) as published_date,
        strftime(articles.published_at, '%Y-%m') as published_month,
        articles.url,
        articles.site_name,
        quotes.speaker_id,
        speaker.name_ar as speaker_name_ar,
        speaker.name_en as speaker_name_en,
        speaker.entity_type as speaker_type,
        quotes.speaker_surface,
        quotes.quote_kind,
        quotes.cue,
        quotes.quote_text,
        quotes.char_start,
        quotes.char_end
    from quotes
    inner join articles using (article_id)
    left join entities as speaker on speaker.entity_id = quotes.speaker_id
)

select * from final;
