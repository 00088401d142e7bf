-- The deadline scheduler (issue 4): one clock per running legal deadline of a case, and the supervisor
-- escalations (督办) opened when a clock runs out.

create table deadline_clock (
    id          bigserial    primary key,
    case_id     uuid         not null references case_file (id),
    name        varchar(32)  not null,
    started_at  timestamptz  not null,
    due_at      timestamptz  not null,
    -- 80 % of the way from started_at to due_at
    warn_at     timestamptz  not null,
    warned_at   timestamptz,
    overdue_at  timestamptz,
    -- the step the deadline limits happened, or the deadline no longer applies
    stopped_at  timestamptz,
    unique (case_id, name)
);

-- What the scheduler scans: running clocks not yet warned or not yet overdue.
create index deadline_clock_warn_idx on deadline_clock (warn_at) where stopped_at is null and warned_at is null;
create index deadline_clock_due_idx on deadline_clock (due_at) where stopped_at is null and overdue_at is null;
create index deadline_clock_overdue_idx on deadline_clock (case_id) where stopped_at is null and overdue_at is not null;

create table escalation (
    id              uuid         primary key,
    case_id         uuid         not null references case_file (id),
    tracking_number varchar(20)  not null,
    deadline_name   varchar(32)  not null,
    department_code varchar(32),
    opened_at       timestamptz  not null,
    -- the escalation's own deadline: by when the department must have acted
    due_at          timestamptz  not null,
    closed_at       timestamptz
);

-- However many scheduler replicas run, one deadline of one case has at most one open escalation.
create unique index escalation_open_uq on escalation (case_id, deadline_name) where closed_at is null;
create index escalation_open_idx on escalation (opened_at desc) where closed_at is null;
