-- Issue 17, item 7: the id of the key every HMAC was made with, next to it, so the keys can rotate. Rows written
-- before this were made with the keys configured as v1 (the default id). The defaults are dropped again, so a writer
-- that forgets the id fails instead of claiming v1.
alter table complaint add column query_code_key_id varchar(32) not null default 'v1';
alter table complaint alter column query_code_key_id drop default;
alter table complaint add column index_key_id varchar(32) not null default 'v1';
alter table complaint alter column index_key_id drop default;
