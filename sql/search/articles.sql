-- Ranked articles for `akhbar search` (flows/search/rank.py). Parameters: the search_rank arguments
-- (sql/search/rank.sql), then the date range (from, from, to, to: a null bound is open), then the limit.
with ranked as (
    select * from search_rank('article', ?, ?, ?, ?, ?, ?, ?)
),

final as (
    select
        articles.article_id,
        articles.title,
        articles.published_at,
        ranked.score,
        ranked.matched_terms,
        articles.body_text as text
    from ranked
    inner join articles on articles.article_id = ranked.doc_id
    where (?::date is null or articles.published_at >= ?::date)
      and (?::date is null or articles.published_at < ?::date + interval 1 day)
)

select * from final
order by score desc, article_id
limit ?
