-- entity_cooccurrence: which entities are mentioned in the same sentence as a given entity, and how often
-- (sentences and distinct articles), most frequent first.
-- Parameters: 1) entity_id (e.g. person:sergey-lavrov)  2) at most this many entities, the most frequent first (optional, default 1000).
-- The limit bounds what a very common entity returns (Russia in a quarter of a million articles: 148,230 entities, whose
-- rows alone took a second to fetch, measured under load); `akhbar query` says when the default was reached.
-- Read from entity_pairs, which each load and retraction keep (flows/store/derived.py): the distinct (article,
-- sentence, entity) triples of non-adjectival mentions, paired within each sentence.
-- The parameter filters the table directly (not through a join), so that DuckDB skips the row groups that cannot
-- hold the entity: entity_pairs is written sorted by entity_id.
with

pairs as (
    select p.other_id as entity_id, p.num_sentences, p.num_articles
    from entity_pairs as p
    where p.entity_id = cast(? as varchar)
    order by p.num_sentences desc, p.num_articles desc, p.other_id
    limit cast(? as bigint)
),

entities as (
    select * from entities where entity_id in (select entity_id from pairs)
),

final as (
    select
        p.entity_id,
        en.entity_type,
        en.name_ar,
        en.name_en,
        en.name_en_source,
        en.country_code,
        p.num_sentences::bigint as num_sentences,
        p.num_articles::bigint as num_articles
    from pairs as p
    left join entities as en on en.entity_id = p.entity_id
    order by num_sentences desc, num_articles desc, p.entity_id
)

select * from final
