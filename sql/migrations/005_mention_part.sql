-- mentions.part: which text a mention's offsets index, 'body' (articles.body_text, as before) or 'title'
-- (articles.title). Every mention written before this column is a body mention.
alter table mentions add column if not exists part varchar default 'body';
update mentions set part = 'body' where part is null;
