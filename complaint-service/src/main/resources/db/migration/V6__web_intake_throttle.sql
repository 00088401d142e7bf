-- Anonymous web submissions per client (keyed hash of the address), so the limit holds across replicas.
-- Rows older than the window are deleted by any replica.
create table web_submission (
    id           bigserial primary key,
    client_key   bytea       not null,
    submitted_at timestamptz not null
);

create index web_submission_client_idx on web_submission (client_key, submitted_at desc);
