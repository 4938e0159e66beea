-- Ranked quotes for `akhbar search --quotes` (flows/search/rank.py): by the quote's words and its speaker's.
-- Parameters as sql/search/articles.sql.
with ranked as (
    select * from search_rank('quote', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
),

top as (
    select ranked.doc_id, ranked.score, ranked.matched_terms, quotes.article_id, articles.published_at
    from ranked
    inner join quotes on quotes.quote_id = ranked.doc_id
    inner join articles on articles.article_id = quotes.article_id
    where (?::date is null or articles.published_at >= ?::date)
      and (?::date is null or articles.published_at < ?::date + interval 1 day)
    order by ranked.score desc, ranked.doc_id
    limit ?
),

final as (
    select
        top.doc_id as quote_id,
        top.article_id,
        articles.title,
        top.published_at,
        quotes.speaker_surface,
        top.score,
        top.matched_terms,
        quotes.quote_text as text
    from top
    inner join quotes on quotes.quote_id = top.doc_id
    inner join articles on articles.article_id = top.article_id
)

select * from final
order by score desc, quote_id
