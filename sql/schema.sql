-- The akhbar warehouse schema: the single source of truth for every table (../shared/contract.md).
-- Applied by flows/warehouse.py as migration 1; later changes go in sql/migrations/NNN_name.sql.
-- Every char_start/char_end is a 0-based Python string index into articles.body_text, end exclusive.

create table if not exists schema_migrations (
    version     integer primary key,
    name        varchar not null,
    applied_at  timestamp not null
);

-- one row per ingest run
create table if not exists runs (
    run_id            varchar primary key,
    started_at        timestamp not null,
    finished_at       timestamp,
    status            varchar not null,          -- running, completed, failed
    files_seen        integer,
    files_new         integer,
    files_loaded      integer,
    files_duplicate   integer,
    files_quarantined integer,
    seconds           double
);

-- one row per inbox file handled, whatever became of it
create table if not exists files (
    file_path     varchar not null,              -- relative to the inbox
    file_sha256   varchar not null,
    status        varchar not null,              -- loaded, duplicate, quarantined
    article_id    varchar,                       -- null when quarantined
    error         varchar,                       -- why it was quarantined
    run_id        varchar not null,
    seen_at       timestamp not null,
    size_bytes    bigint,
    mtime_ns      bigint,
    encoding      varchar,                       -- the encoding the bytes were decoded with
    warning       varchar,                       -- loaded, but something was ignored (e.g. a malformed sidecar)
    retryable     boolean default false,         -- quarantined for a passing reason: the next run reads it again
    primary key (file_path, file_sha256)         -- file_sha256 is '' for a file that could not be read at all
);

-- one row per distinct article (the same body text from two files is one article)
create table if not exists articles (
    article_id     varchar primary key,          -- sha256 of body_text, first 16 hex digits
    source_path    varchar not null,
    file_sha256    varchar not null,
    url            varchar,
    site_name      varchar,
    title          varchar,
    author         varchar,
    published_at   timestamp,
    language       varchar,
    body_text      varchar not null,
    word_count     integer not null,
    ingested_at    timestamp not null,
    run_id         varchar not null,
    date_source    varchar,                      -- sidecar, html, trec, text or null: where published_at came from
    source_credit  varchar                       -- "المصدر: تاس" and photo credits, kept out of body_text
);

-- one row per real-world entity
create table if not exists entities (
    entity_id     varchar primary key,           -- stable across runs: gazetteer key or hash of type + name
    entity_type   varchar not null,              -- PERSON, ORG, GPE, LOC
    name_ar       varchar not null,
    name_en       varchar,                       -- never null for rows loaded since migration 3
    country_code  varchar,                       -- ISO 3166 alpha-3
    name_en_source varchar,                      -- gazetteer, cldr, rule or transliteration: where name_en came from
    extractor_version  varchar,                  -- the language stages that wrote this row (flows/nlp/version.py)
    num_articles  integer default 0              -- how many articles mention it (title or body), kept by each load
);

-- one row per entity mention in an article
create table if not exists mentions (
    mention_id      varchar primary key,
    article_id      varchar not null,
    entity_id       varchar not null,
    entity_type     varchar not null,
    surface         varchar not null,
    char_start      integer not null,
    char_end        integer not null,
    sentence_index  integer not null,
    is_adjectival   boolean not null default false, -- a nisba (الروسي) qualifying a person or body
    extractor_version  varchar,                  -- the language stages that wrote this row (flows/nlp/version.py)
    part            varchar not null default 'body', -- which text the offsets index: 'body' (body_text) or 'title'
    mention_kind    varchar not null default 'name',  -- 'name'; 'apposition': a role next to the name (جون بولتون، مستشار
                                                      -- الأمن القومي); 'description': a role elsewhere resolved to the
                                                      -- person (الوزير الروسي)
    role_country    varchar,                     -- a role's nationality (ISO 3166 alpha-3), from the role phrase
    name_mention_id varchar                      -- a role's provenance: the name mention it stands beside or resolves to
);

-- one row per real-world event, however many articles report it
create table if not exists events (
    event_id        varchar primary key,
    event_type      varchar not null,            -- PLOVER type
    event_mode      varchar,
    actor1_id       varchar,
    actor2_id       varchar,
    location_id     varchar,
    event_date      date,
    date_precision  varchar not null,            -- day, month, year, unknown
    num_articles    integer not null,
    num_mentions    integer not null,
    status          varchar not null default 'occurred',  -- occurred, planned, negated, claimed, hypothetical
    contexts        varchar[],                   -- PLOVER-style context tags
    actor_ids       varchar[],                   -- every actor, actor1 first ("الدول الثلاث" -> its three countries)
    extractor_version  varchar                   -- the language stages that wrote this row (flows/nlp/version.py)
);

-- one row per report of an event in an article
create table if not exists event_mentions (
    event_id        varchar not null,
    article_id      varchar not null,
    sentence_index  integer not null,
    char_start      integer not null,
    char_end        integer not null,
    evidence        varchar not null,            -- the sentence
    trigger         varchar,
    event_date      date,                        -- the date this report gives, before linking
    date_precision  varchar,
    event_type         varchar,                  -- what this report says, before linking: events are re-linked
    event_mode         varchar,                  -- from their stored reports, so that batches in any order give
    actor1_id          varchar,                  -- the same events
    actor2_id          varchar,
    location_id        varchar,
    status             varchar,
    contexts           varchar[],
    actor_ids          varchar[],
    local_event_id     varchar,                  -- the event this report belongs to within its own article
    link_key           varchar,                  -- type|mode family|agent|month: reports that may join across
                                                 -- articles share it; null: linked within its article only
    extractor_version  varchar,                  -- the language stages that wrote this row (flows/nlp/version.py)
    primary key (event_id, article_id, char_start)
);

-- one row per quotation, direct or reported
create table if not exists quotes (
    quote_id         varchar primary key,
    article_id       varchar not null,
    speaker_id       varchar,
    speaker_surface  varchar,
    quote_text       varchar not null,
    quote_kind       varchar not null,           -- direct, indirect, according_to
    cue              varchar,
    char_start       integer not null,
    char_end         integer not null,
    sentence_index   integer,
    cue_start        integer,
    cue_end          integer,
    extractor_version  varchar,                  -- the language stages that wrote this row (flows/nlp/version.py)
    part             varchar not null default 'body' -- which text the offsets index: 'body' (body_text) or 'title'
);

-- one row per article whose entities, mentions, quotes and events were extracted: by which extractor version.
-- An article with no row here, or an older version, has stale facts (`akhbar reprocess` brings them up to date).
create table if not exists article_facts (
    article_id         varchar primary key,
    extractor_version  varchar not null,
    run_id             varchar not null,         -- the ingest or reprocess run that wrote the facts
    processed_at       timestamp not null,
    error              varchar                   -- the language stages failed on this article: it has no facts
);

-- The search index (flows/search, `akhbar search`), written in the same transaction as the articles it covers.
-- One row per field of a searchable document: an article's title and body, a quote's text and speaker.
create table if not exists search_docs (
    kind        varchar not null,                -- article, quote
    doc_id      varchar not null,                -- article_id or quote_id
    article_id  varchar not null,
    field       varchar not null,                -- title, body (articles); quote, speaker (quotes)
    length      integer not null,                -- terms in the field
    primary key (kind, doc_id, field)
);

-- one row per term of a document field, with its count there (terms: flows/search/terms.py)
create table if not exists search_terms (
    kind     varchar not null,
    doc_id   varchar not null,
    field    varchar not null,
    term     varchar not null,
    tf       integer not null
);

-- one row per term: how many documents hold it
create table if not exists search_vocab (
    kind      varchar not null,
    term      varchar not null,
    df        integer not null,
    primary key (kind, term)
);

-- one row per word form met (a word without its clitics, before stemming): the term it is indexed under, and its
-- spelling skeleton, which the spellings of one foreign name share (غوتيريش، جوتيريس)
create table if not exists search_spellings (
    form      varchar primary key,
    skeleton  varchar not null,
    term      varchar not null
);

-- Derived tables (flows/store/derived.py): kept by each load and retraction, so that the named queries read what a
-- question selects instead of aggregating every mention or event. A test checks each equals a recount from the facts.

-- per ordered pair of entities: the sentences that name both (non-adjectival mentions), and their distinct articles
create table if not exists entity_pairs (
    entity_id      varchar not null,
    other_id       varchar not null,
    num_sentences  integer not null,
    num_articles   integer not null,
    primary key (entity_id, other_id)
);

-- per event: every actor ('actor') and the place of a visit ('place'), with the entity's country_code
create table if not exists event_participants (
    event_id      varchar not null,
    entity_id     varchar not null,
    role          varchar not null,              -- actor, place
    country_code  varchar,
    event_type    varchar not null,
    status        varchar not null
);

-- per day, country and PLOVER type: the events that occurred, dated to the day or month, in which the country took
-- part through an actor (each event once per country), with their reports (num_mentions) and article reports
create table if not exists event_country_days (
    event_date           date not null,
    country_code         varchar not null,
    event_type           varchar not null,
    num_events           integer not null,
    num_reports          bigint not null,
    num_article_reports  bigint not null,
    primary key (event_date, country_code, event_type)
);

-- per event: its date, its first report's sentence (the earliest in article and offset order) and the articles that
-- report it, sorted: what event_timeline shows beside each event
create table if not exists event_reports (
    event_id     varchar not null,
    event_date   date,
    evidence     varchar not null,
    article_ids  varchar[] not null
);
