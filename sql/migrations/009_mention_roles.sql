-- mentions.mention_kind, role_country, name_mention_id (issue 12.4): a person's role phrases are mentions of the
-- person too, told apart from names by mention_kind: 'apposition' (next to the name), 'description' (elsewhere,
-- resolved to the person); role_country is the role's nationality and name_mention_id the name mention it belongs to.
-- Every mention written before these columns is a name.
alter table mentions add column if not exists mention_kind varchar default 'name';
update mentions set mention_kind = 'name' where mention_kind is null;
alter table mentions add column if not exists role_country varchar;
alter table mentions add column if not exists name_mention_id varchar;
