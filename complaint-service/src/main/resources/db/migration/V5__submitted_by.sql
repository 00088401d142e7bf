-- Who registered a record: the operator, an Open311 client (open311:<name>), or null for an
-- anonymous web user. Open311 clients read back only the requests they submitted.
alter table complaint add column submitted_by varchar(100);
create index complaint_submitted_by_idx on complaint (submitted_by, received_at desc) where submitted_by is not null;
