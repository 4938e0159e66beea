-- files.retryable: a quarantine whose reason says nothing about the file itself (it was being written, it vanished,
-- a read failed, an internal error); the next run reads such files again. Before this column the reasons were
-- matched by their text; rows written then get the flag from the same four prefixes, once.
alter table files add column if not exists retryable boolean default false;
update files set retryable = true
where status = 'quarantined'
  and (error like 'internal error%' or error like 'file changed while%' or error like 'file disappeared%'
       or error like 'file could not be read%');
