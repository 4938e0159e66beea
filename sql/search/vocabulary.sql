-- What the index knows of a query's words (flows/search/query.py): how many documents hold each typed term, and the
-- indexed word forms that share a spelling skeleton with a query word, each with the term it is indexed under and
-- that term's document count.
-- Parameters: kind, kind, typed terms, kind, skeletons.
with typed as (
    select 'typed' as source, term as form, '' as skeleton, term, df
    from search_vocab
    where kind = ? and df > 0 and term in (select unnest(?::varchar[]))
),

spelled as (
    select 'spelling' as source, spellings.form, spellings.skeleton, spellings.term, vocab.df
    from search_spellings as spellings
    inner join search_vocab as vocab on vocab.term = spellings.term
    where vocab.kind = ?
      and vocab.df > 0
      and spellings.skeleton in (select unnest(?::varchar[]))
),

final as (
    select * from typed
    union all
    select * from spelled
)

select final.* from final
order by source, form
