-- Ranked articles for `akhbar search` (flows/search/rank.py). Parameters: the search_rank arguments after kind
-- (sql/search/rank.sql), the date range (from, from, to, to: a null bound is open), the limit.
-- The best `limit` are chosen on scores and dates alone; only they are read in full (titles, bodies for snippets).
with ranked as (
    select * from search_rank('article', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
),

top as (
    select ranked.doc_id, ranked.score, ranked.matched_terms, articles.published_at
    from ranked
    inner join articles on articles.article_id = ranked.doc_id
    where (?::date is null or articles.published_at >= ?::date)
      and (?::date is null or articles.published_at < ?::date + interval 1 day)
    order by ranked.score desc, ranked.doc_id
    limit ?
),

final as (
    select
        top.doc_id as article_id,
        articles.title,
        top.published_at,
        top.score,
        top.matched_terms,
        articles.body_text as text
    from top
    inner join articles on articles.article_id = top.doc_id
)

select * from final
order by score desc, article_id
