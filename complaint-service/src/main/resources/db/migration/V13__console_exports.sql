-- The console's CSV exports of a month's complaints or cases: a job a member of staff can leave and come back to.
-- The file is kept as numbered chunks written with the job's cursor in one transaction, so a run that stops (a
-- restart, an expired sign-in, case-service away) goes on from where it stopped and never writes a row twice.
create table console_export (
    id              uuid primary key,
    kind            varchar(16)  not null check (kind in ('COMPLAINTS', 'CASES')),
    month           varchar(7)   not null,
    requested_by    varchar(255) not null,
    language        varchar(8)   not null,
    requested_at    timestamptz  not null,
    state           varchar(16)  not null check (state in ('RUNNING', 'PAUSED', 'DONE')),
    pause_reason    varchar(32),
    position        varchar(200),
    rows_done       bigint       not null default 0,
    rows_expected   bigint       not null,
    chunks          int          not null default 0,
    finished_at     timestamptz
);
create index console_export_requester_idx on console_export (requested_by, requested_at desc);

create table console_export_chunk (
    export_id   uuid    not null references console_export (id) on delete cascade,
    seq         int     not null,
    body        bytea   not null,
    primary key (export_id, seq)
);
