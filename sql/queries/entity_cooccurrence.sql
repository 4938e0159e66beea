-- entity_cooccurrence: which entities are mentioned in the same sentence as a given entity, and how often
-- (sentences and distinct articles), most frequent first.
-- Parameters: 1) entity_id (e.g. person:sergey-lavrov).
with

params as (
    select cast(? as varchar) as entity_id
),

-- The sentences that name the entity first, then only the mentions of those sentences' articles: the distinct
-- (article, sentence, entity) triples are taken over them, not over every mention.
focus as (
    select distinct m.article_id, m.sentence_index
    from mentions as m
    join params as p on m.entity_id = p.entity_id
    where not m.is_adjectival
),

entities as (
    select * from entities
),

together as (
    select distinct other.entity_id, other.article_id, other.sentence_index
    from mentions as other
    join focus as f on other.article_id = f.article_id and other.sentence_index = f.sentence_index
    cross join params as p
    where not other.is_adjectival and other.entity_id <> p.entity_id
),

final as (
    select
        t.entity_id,
        en.entity_type,
        en.name_ar,
        en.name_en,
        en.name_en_source,
        en.country_code,
        count(*) as num_sentences,
        count(distinct t.article_id) as num_articles
    from together as t
    left join entities as en on en.entity_id = t.entity_id
    group by all
    order by num_sentences desc, num_articles desc, t.entity_id
)

select * from final
