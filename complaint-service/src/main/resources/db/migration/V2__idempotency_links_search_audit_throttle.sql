-- Idempotent intake, links between records (split submissions, duplicates), operator search,
-- audit of identity reads and the public status-lookup throttle.

-- One row per Idempotency-Key (per caller), written in the transaction that registers the
-- submission. The first answer is kept sealed (AES-GCM, like personal data: it holds query codes).
create table idempotency_record (
    id                  uuid primary key,
    caller              varchar(100) not null,
    idempotency_key     varchar(100) not null,
    request_fingerprint bytea        not null,
    response_ciphertext bytea,
    response_key_id     varchar(32),
    created_at          timestamptz  not null,
    constraint idempotency_record_key_uq unique (caller, idempotency_key)
);

create index idempotency_record_created_idx on idempotency_record (created_at);

-- Why a record points at another one: SPLIT (the other half of one submission) or DUPLICATE
-- (same person, subject and category within 30 days).
alter table complaint add column link_reason varchar(16);
-- The business name as compared for duplicates: NFKC, lower case, no spaces or punctuation.
alter table complaint add column subject_name_key varchar(200);
update complaint set subject_name_key = lower(regexp_replace(subject_name, '[[:space:][:punct:]]', '', 'g'));

create index complaint_id_number_idx on complaint (id_number_blind_index) where id_number_blind_index is not null;
create index complaint_duplicate_idx on complaint (category, received_at);
create index complaint_keyset_idx on complaint (received_at desc, id desc);
create index complaint_subject_name_trgm_idx on complaint using gin (subject_name gin_trgm_ops);
create index complaint_description_trgm_idx on complaint using gin (description gin_trgm_ops);

-- Every read of a reporter's identity: by whom, when, of which complaint, and why.
create table identity_access_audit (
    id           bigserial primary key,
    complaint_id uuid         not null references complaint (id),
    actor        varchar(100) not null,
    purpose      varchar(20)  not null,
    reason       varchar(500),
    accessed_at  timestamptz  not null
);

create index identity_access_audit_complaint_idx on identity_access_audit (complaint_id, accessed_at);

-- Failed status lookups, by keyed hash of the tracking number or of the client address, so the
-- throttle holds across replicas. Rows older than the window are deleted by any replica.
create table status_lookup_failure (
    id          bigserial primary key,
    throttle_key bytea       not null,
    failed_at   timestamptz not null
);

create index status_lookup_failure_key_idx on status_lookup_failure (throttle_key, failed_at desc);
