-- BM25F over the search index (sql/schema.sql: search_docs, search_terms), as a table macro that
-- sql/search/articles.sql and sql/search/quotes.sql rank with. Created per connection (temp), so that a read-only
-- warehouse or snapshot can be searched. DuckDB's fts extension builds the same from SQL macros, but cannot be
-- installed offline. The collection statistics come in as arguments, read by sql/search/vocabulary.sql:
--   kind_                     'article' or 'quote'
--   terms_, words_, weights_, dfs_   the query terms, the query word each stands for, its weight (a spelling variant
--                             counts less than the word as typed: flows/search/query.py) and how many documents hold it
--   n_                        how many documents of this kind there are
--   fields_, field_weights_, avg_lengths_   how much a term counts in each field, and the field's average length
--   k1_, b_                   BM25's saturation and length normalisation
-- A document's score: for each query word, its best term's BM25F score; summed over the words.
create or replace temp macro search_rank(
    kind_, terms_, words_, weights_, dfs_, n_, fields_, field_weights_, avg_lengths_, k1_, b_
) as table
with query_terms as (
    select
        unnest(terms_) as term,
        unnest(words_) as word,
        unnest(weights_) * ln(1 + (n_ - unnest(dfs_) + 0.5) / (unnest(dfs_) + 0.5)) as weight
),

fields as (
    select unnest(fields_) as field, unnest(field_weights_) as field_weight, unnest(avg_lengths_) as avg_length
),

hits as (
    select doc_id, field, term, tf from search_terms
    where kind = kind_ and term in (select term from query_terms)
),

normalised as (
    select
        hits.doc_id,
        hits.term,
        sum(fields.field_weight * hits.tf / (1 - b_ + b_ * docs.length / greatest(fields.avg_length, 1))) as tf_norm
    from hits
    inner join search_docs as docs
        on docs.kind = kind_ and docs.doc_id = hits.doc_id and docs.field = hits.field
    inner join fields on fields.field = hits.field
    group by hits.doc_id, hits.term
),

word_scores as (
    select
        normalised.doc_id,
        query_terms.word,
        max(query_terms.weight * normalised.tf_norm * (k1_ + 1) / (normalised.tf_norm + k1_)) as score,
        list(normalised.term) as terms
    from normalised
    inner join query_terms on query_terms.term = normalised.term
    group by normalised.doc_id, query_terms.word
),

final as (
    select doc_id, sum(score) as score, flatten(list(terms)) as matched_terms
    from word_scores
    group by doc_id
)

select * from final
