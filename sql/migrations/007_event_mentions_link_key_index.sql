-- An index on event_mentions.link_key: a batch reads the stored reports that share a link key with its own (its only
-- candidates for linking across articles, flows/store/facts.py linked_reports) and re-links them, so that read, and
-- the retraction of those reports, must follow the batch, not the table. Measured on DuckDB 2.0 with a synthetic
-- warehouse of 1M articles (2M reports; bench/perf/scale.py): five keys read in 0.35-0.42 s by a scan, 0.011-0.015 s
-- through this index. DuckDB uses it only when link_key is the statement's one filter (a semi-join on a list of keys
-- or a bound IN list), so the read filters on nothing else.
create index if not exists event_mentions_link_key on event_mentions (link_key);
