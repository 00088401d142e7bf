-- The department directory and routing rules (loaded from seeds/), cases with their
-- append-only audit trail, and the transactional outbox.

create table department (
    code        varchar(32)  primary key,
    name_zh     varchar(100) not null,
    name_en     varchar(200) not null,
    region_code varchar(6)   not null,
    agency      varchar(8)   not null
);

create table routing_rule (
    id              varchar(16) primary key,
    kind            varchar(16) not null,
    category_prefix varchar(64) not null,
    region_prefix   varchar(6)  not null,
    department_code varchar(32) not null references department (code)
);

create table case_file (
    id                  uuid primary key,
    complaint_id        uuid         not null unique,
    tracking_number     varchar(20)  not null unique,
    kind                varchar(16)  not null,
    channel             varchar(20)  not null,
    category            varchar(64)  not null,
    region_code         varchar(6)   not null,
    subject_name        varchar(200) not null,
    subject_credit_code varchar(18),
    department_code     varchar(32) references department (code),
    routing_rule_id     varchar(16),
    state               varchar(24)  not null,
    outcome             varchar(32),
    received_at         timestamptz  not null,
    assigned_at         timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null default 0
);

-- The department worklist: one department's cases, newest first, keyset-paged.
create index case_file_department_idx on case_file (department_code, received_at desc, id desc);
create index case_file_state_idx on case_file (state, received_at desc, id desc);

-- Append-only: the application never updates or deletes a row.
create table case_event (
    id              bigserial primary key,
    case_id         uuid         not null references case_file (id),
    type            varchar(64)  not null,
    from_state      varchar(24),
    to_state        varchar(24),
    actor           varchar(100) not null,
    actor_role      varchar(32)  not null,
    department_code varchar(32),
    at              timestamptz  not null,
    note            varchar(2000),
    visibility      varchar(8)   not null
);

create index case_event_case_idx on case_event (case_id, at, id);

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

create table processed_event (
    event_id     varchar(100) primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null
);
