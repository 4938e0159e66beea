-- quotes.part: which text a quote's offsets index, 'body' (articles.body_text, as before) or 'title' (articles.title,
-- the headline form "X: …"). Every quote written before this column is a body quote.
alter table quotes add column if not exists part varchar default 'body';
update quotes set part = 'body' where part is null;
