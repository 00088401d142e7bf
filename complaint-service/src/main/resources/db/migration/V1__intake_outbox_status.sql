-- Complaints and reports as received, their public status timeline, and the transactional outbox.
-- Personal data is never stored in clear: one AES-GCM document per complaint, plus keyed
-- blind indexes so operators can search by mobile or ID number.

create sequence tracking_number_seq;

create table complaint (
    id                          uuid primary key,
    tracking_number             varchar(20)  not null unique,
    query_code_hash             bytea        not null,
    kind                        varchar(16)  not null,
    channel                     varchar(20)  not null,
    category                    varchar(64)  not null,
    subject_name                varchar(200) not null,
    subject_credit_code         varchar(18),
    subject_address             varchar(300),
    subject_region_code         varchar(6)   not null,
    subject_online_platform     varchar(200),
    occurred_on                 date,
    product_or_service          varchar(200),
    amount_fen                  bigint,
    description                 text         not null,
    remedy                      varchar(20),
    consent_publish             boolean      not null,
    consent_entrusted_mediation boolean      not null,
    anonymous                   boolean      not null,
    reward_requested            boolean      not null,
    person_ciphertext           bytea,
    person_key_id               varchar(32),
    mobile_blind_index          bytea,
    id_number_blind_index       bytea,
    linked_complaint_id         uuid references complaint (id),
    status                      varchar(20)  not null,
    received_at                 timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     integer      not null default 0
);

create index complaint_mobile_idx on complaint (mobile_blind_index) where mobile_blind_index is not null;
create index complaint_credit_code_idx on complaint (subject_credit_code) where subject_credit_code is not null;

create table status_timeline_entry (
    id              bigserial primary key,
    complaint_id    uuid         not null references complaint (id),
    at              timestamptz  not null,
    status          varchar(20)  not null,
    note            varchar(500),
    source_event_id varchar(100) unique
);

create index status_timeline_complaint_idx on status_timeline_entry (complaint_id, at);

-- Rows are written in the same transaction as the change they announce; the relay leases
-- a batch (FOR UPDATE SKIP LOCKED), publishes it and marks rows sent only after the broker's ack.
create table outbox_event (
    id           uuid primary key,
    aggregate_id uuid          not null,
    type         varchar(100)  not null,
    subject      varchar(64),
    payload      text          not null,
    created_at   timestamptz   not null,
    sent_at      timestamptz,
    lease_until  timestamptz,
    attempts     integer       not null default 0,
    last_error   varchar(500)
);

create index outbox_event_unsent_idx on outbox_event (created_at) where sent_at is null;

-- Consumed events, so a redelivered event changes nothing.
create table processed_event (
    event_id     varchar(100) primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null
);
