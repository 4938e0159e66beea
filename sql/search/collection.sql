-- The collection statistics BM25 needs (flows/search/rank.py): per field of this kind of document, how many
-- documents there are (every document has every field) and the field's average length in terms. Parameter: kind.
select field, count(*) as docs, avg(length) as avg_length
from search_docs
where kind = ?
group by field
order by field
