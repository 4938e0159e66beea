-- Ranked quotes for `akhbar search --quotes` (flows/search/rank.py): by the quote's words and its speaker's.
-- Parameters as sql/search/articles.sql.
with ranked as (
    select * from search_rank('quote', ?, ?, ?, ?, ?, ?, ?)
),

final as (
    select
        quotes.quote_id,
        quotes.article_id,
        articles.title,
        articles.published_at,
        quotes.speaker_surface,
        ranked.score,
        ranked.matched_terms,
        quotes.quote_text as text
    from ranked
    inner join quotes on quotes.quote_id = ranked.doc_id
    inner join articles on articles.article_id = quotes.article_id
    where (?::date is null or articles.published_at >= ?::date)
      and (?::date is null or articles.published_at < ?::date + interval 1 day)
)

select * from final
order by score desc, quote_id
limit ?
