-- The indexed spellings that may stand for a query word (flows/search/query.py): the word forms that share a
-- spelling skeleton with it, each with the term it is indexed under, where documents of this kind hold that term.
-- Parameters: kind, skeletons.
select spellings.form, spellings.skeleton, spellings.term
from search_spellings as spellings
inner join search_vocab as vocab on vocab.term = spellings.term
where vocab.kind = ?
  and vocab.df > 0
  and spellings.skeleton in (select unnest(?::varchar[]))
order by spellings.form
