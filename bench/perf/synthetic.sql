-- A synthetic warehouse for timing the named queries (bench/queries.py): shapes like a real one, not content.
-- Parameters: $1 articles, $2 entities, $3 mentions per article, $4 events, $5 the extractor version (every article's
-- facts current, as after a run: a warehouse with stale facts would make each run's staleness count cheap). Mentions follow a power law over
-- entities (a few entities are in most articles, as Russia and Mali are in the users' corpus); dates span 2016-2024.
-- Article ids are hashes (as akhbar's are: of the body text), so no index or zone map finds an article by order.
select setseed(0.6);

insert into runs (run_id, started_at, finished_at, status, files_seen, files_new, files_loaded, files_duplicate,
                  files_quarantined, seconds)
values ('synthetic', timestamp '2024-01-01', timestamp '2024-01-01 01:00:00', 'completed', $1, $1, $1, 0, 0, 3600);

insert into files (file_path, file_sha256, status, article_id, error, run_id, seen_at, size_bytes, mtime_ns, encoding)
select 'synthetic/' || i || '.html', printf('%064x', i), 'loaded', printf('%016x', hash(i)), null, 'synthetic',
       timestamp '2024-01-01', 100000, i, 'utf-8'
from range($1) t(i);

insert into articles (article_id, source_path, file_sha256, url, site_name, title, author, published_at, language,
                      body_text, word_count, ingested_at, run_id, date_source)
select printf('%016x', hash(i)), 'synthetic/' || i || '.html', printf('%064x', i), 'https://news.example/a/' || i,
       'موقع ' || (i % 40), 'عنوان ' || i, null,
       timestamp '2016-01-01' + to_minutes((i * 7919) % (60 * 24 * 365 * 8)), 'ar',
       repeat('كلمة عربية ', 150) || i, 300, timestamp '2024-01-01', 'synthetic', 'html'
from range($1) t(i);

insert into entities (entity_id, entity_type, name_ar, name_en, country_code, name_en_source)
select 'e' || i, ['GPE', 'PERSON', 'ORG', 'LOC'][1 + i % 4], 'كيان ' || i, 'entity ' || i,
       case when i % 4 = 0 then printf('C%02d', i % 100) end, 'gazetteer'
from range($2) t(i);

insert into mentions (mention_id, article_id, entity_id, entity_type, surface, char_start, char_end, sentence_index)
select 'm' || i, printf('%016x', hash(i // $3)), 'e' || e, ['GPE', 'PERSON', 'ORG', 'LOC'][1 + e % 4], 'كيان ' || e,
       (i % $3) * 40, (i % $3) * 40 + 8, (i % $3) // 2
from (select i, floor(pow(random(), 3) * $2)::bigint as e from range($1 * $3) t(i));

insert into events (event_id, event_type, event_mode, actor1_id, actor2_id, location_id, event_date, date_precision,
                    num_articles, num_mentions, status, actor_ids, extractor_version)
select 'v' || i, type, mode, actor1, actor2, 'e' || (4 * floor(random() * $2 / 4))::bigint,
       date '2016-01-01' + ((i * 31) % 2900)::integer, 'day', 2, 2, 'occurred', [actor1, actor2], $5
from (select i, ['CONSULT', 'AGREE', 'COOPERATE', 'AID', 'ACCUSE', 'ASSAULT'][1 + i % 6] as type,
             case when i % 6 = 0 then ['visit', 'meeting', 'phone_call', 'talks'][1 + i % 4] end as mode,
             'e' || floor(pow(random(), 3) * $2)::bigint as actor1, 'e' || floor(pow(random(), 3) * $2)::bigint as actor2
      from range($4) t(i));

-- Each event reported twice, each report carrying what it said and its link key (type|mode family|agent|month), as
-- a run stores them: the candidates a batch reads are found by that key.
insert into event_mentions (event_id, article_id, sentence_index, char_start, char_end, evidence, trigger, event_date,
                            date_precision, event_type, event_mode, actor1_id, actor2_id, location_id, status,
                            actor_ids, local_event_id, link_key, extractor_version)
select e.event_id, printf('%016x', hash((r.i * 7) % $1)), 1, 10 * (r.i % 5), 10 * (r.i % 5) + 9,
       'جملة الحدث ' || r.i, 'بحث', e.event_date, e.date_precision, e.event_type, e.event_mode, e.actor1_id,
       e.actor2_id, e.location_id, e.status, e.actor_ids, e.event_id || ':' || r.i,
       e.event_type || '|' || coalesce(e.event_mode, '*') || '|' || e.actor1_id || '|' || strftime(e.event_date, '%Y-%m'),
       $5
from range($4 * 2) r(i) join events e on e.event_id = 'v' || (r.i // 2);

insert into quotes (quote_id, article_id, speaker_id, speaker_surface, quote_text, quote_kind, cue, char_start, char_end)
select 'q' || i, printf('%016x', hash(i % $1)), 'e' || floor(pow(random(), 3) * $2)::bigint, 'كيان', 'نص التصريح ' || i,
       ['direct', 'indirect'][1 + i % 2], 'قال', 100, 160
from range($1 * 2) t(i);

-- The search index (flows/search): a run indexes any article the index lacks, so a warehouse without one would have
-- its first run index every article. Two fields per article, five body terms each over a power-law vocabulary.
insert into search_docs (kind, doc_id, article_id, field, length)
select 'article', article_id, article_id, field, case when field = 'title' then 2 else 300 end
from articles, (values ('title'), ('body')) fields(field);

insert into search_terms (kind, doc_id, field, term, tf)
select 'article', printf('%016x', hash(i // 5)), 'body', 'term' || floor(pow(random(), 2) * 50000)::bigint, 1 + i % 3
from range($1 * 5) t(i);

insert into search_vocab (kind, term, df)
select kind, term, count(distinct doc_id) from search_terms group by kind, term;

insert into search_spellings (form, skeleton, term)
select distinct term, term, term from search_terms;

insert into article_facts (article_id, extractor_version, run_id, processed_at)
select article_id, $5, 'synthetic', timestamp '2024-01-01' from articles;

update entities set num_articles = counted.n
from (select entity_id, count(distinct article_id)::integer as n from mentions group by entity_id) counted
where entities.entity_id = counted.entity_id;
