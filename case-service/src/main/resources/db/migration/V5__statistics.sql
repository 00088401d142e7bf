-- Statistics for supervisors (issue 4), kept incrementally in the transaction of each step so that a summary
-- reads a few aggregate rows per day instead of every case. Beijing days; '' stands for "none yet".

alter table case_file
    add column feedback_rating smallint check (feedback_rating between 1 and 5),
    add column feedback_at     timestamptz;

-- counts by day x kind x category x region x department x outcome:
--   received on the day it was received (department as routed, outcome ''),
--   decided (resolved, or refused as NOT_ACCEPTED) on the day of the decision, with whether every watched
--   deadline was kept and the handling time; ratings on the day of the follow-up answer.
create table stats_daily (
    day              date        not null,
    kind             varchar(16) not null,
    category         varchar(64) not null,
    region_code      varchar(6)  not null,
    department_code  varchar(32) not null,
    outcome          varchar(32) not null,
    received         integer     not null default 0,
    decided          integer     not null default 0,
    decided_on_time  integer     not null default 0,
    handling_seconds bigint      not null default 0,
    ratings          integer     not null default 0,
    rating_sum       integer     not null default 0,
    primary key (day, kind, category, region_code, department_code, outcome)
);

-- decided cases by day and handling time in whole Beijing days, for the median
create table stats_handling_days (
    day           date    not null,
    handling_days integer not null,
    cases         integer not null default 0,
    primary key (day, handling_days)
);

-- substantiated reports by day and enterprise (unified social credit code)
create table stats_substantiated (
    day         date        not null,
    credit_code varchar(18) not null,
    cases       integer     not null default 0,
    primary key (day, credit_code)
);
