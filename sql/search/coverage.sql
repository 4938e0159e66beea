-- How much of the warehouse the search index covers (flows/search/rank.py): whether its tables exist (a warehouse
-- written by an older akhbar and opened read-only has none), how many articles there are, and how many are indexed.
select
    (
        select count(*) from duckdb_tables()
        where table_name in ('search_docs', 'search_terms', 'search_vocab', 'search_spellings')
    ) as index_tables,
    (select count(*) from articles) as articles
