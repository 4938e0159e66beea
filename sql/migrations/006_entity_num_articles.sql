-- entities.num_articles: how many articles mention the entity (in the title or the body). Each load recounts the
-- entities its mentions name (flows/store/warehouse.py, COUNT_ARTICLES_SQL); rows written before are counted once here.
alter table entities add column if not exists num_articles integer default 0;
update entities set num_articles = coalesce(
    (select count(distinct m.article_id) from mentions as m where m.entity_id = entities.entity_id), 0
);
