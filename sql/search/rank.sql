-- BM25F over the search index (sql/schema.sql: search_docs, search_terms, search_vocab), as a table macro that
-- sql/search/articles.sql and sql/search/quotes.sql rank with. Created per connection (temp), so a read-only
-- warehouse or snapshot can be searched. DuckDB's fts extension builds the same thing from SQL macros, but cannot be
-- installed offline.
--   kind_           'article' or 'quote'
--   terms_, words_, weights_   the query terms, the query word each stands for, and its weight (a spelling
--                              variant counts less than the word as typed: flows/search/query.py)
--   fields_, field_weights_    how much a term counts in each field (a title word more than a body word)
--   k1_, b_         BM25's saturation and length normalisation
-- A document's score: for each query word, its best term's BM25F score; summed over the words.
create or replace temp macro search_rank(kind_, terms_, words_, weights_, fields_, field_weights_, k1_, b_) as table
with query_terms as (
    select unnest(terms_) as term, unnest(words_) as word, unnest(weights_) as weight
),

field_weights as (
    select unnest(fields_) as field, unnest(field_weights_) as field_weight
),

docs as (
    select doc_id, field, length from search_docs where kind = kind_
),

collection as (
    select count(distinct doc_id) as n from docs
),

field_stats as (
    select field, avg(length) as avg_length from docs group by field
),

vocab as (
    select term, df from search_vocab
    where kind = kind_ and df > 0 and term in (select term from query_terms)
),

hits as (
    select doc_id, field, term, tf from search_terms
    where kind = kind_ and term in (select term from query_terms)
),

normalised as (
    select
        hits.doc_id,
        hits.term,
        sum(
            field_weights.field_weight * hits.tf
            / (1 - b_ + b_ * docs.length / greatest(field_stats.avg_length, 1))
        ) as tf_norm
    from hits
    inner join docs using (doc_id, field)
    inner join field_stats using (field)
    inner join field_weights using (field)
    group by hits.doc_id, hits.term
),

term_scores as (
    select
        normalised.doc_id,
        query_terms.word,
        normalised.term,
        query_terms.weight * ln(1 + (collection.n - vocab.df + 0.5) / (vocab.df + 0.5))
        * normalised.tf_norm * (k1_ + 1) / (normalised.tf_norm + k1_) as score
    from normalised
    inner join query_terms using (term)
    inner join vocab using (term)
    cross join collection
),

word_scores as (
    select doc_id, word, max(score) as score, list(term) as terms
    from term_scores
    group by doc_id, word
),

final as (
    select doc_id, sum(score) as score, flatten(list(terms)) as matched_terms
    from word_scores
    group by doc_id
)

select * from final
