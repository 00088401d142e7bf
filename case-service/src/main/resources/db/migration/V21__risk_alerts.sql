-- Risk alerts (issue 4): complaints about one enterprise or one category in one city rising far above their own
-- recent baseline. stats_city_daily is kept in the intake transaction like the other statistics; the scan reads a
-- few weeks of it and records each alert it raises in risk_alert.

-- received cases by Beijing day x city (region code with the last two digits 00) x scope:
-- ENTERPRISE (value: the subject's unified social credit code) or CATEGORY (value: the case's category)
create table stats_city_daily (
    day       date        not null,
    scope     varchar(16) not null check (scope in ('ENTERPRISE', 'CATEGORY')),
    value     varchar(64) not null,
    city_code varchar(6)  not null,
    received  integer     not null default 0,
    primary key (day, scope, value, city_code)
);

-- the cases received before this migration, counted as the intake would have counted them
insert into stats_city_daily (day, scope, value, city_code, received)
select (received_at at time zone 'Asia/Shanghai')::date, 'CATEGORY', category, left(region_code, 4) || '00', count(*)
from case_file group by 1, 2, 3, 4;
insert into stats_city_daily (day, scope, value, city_code, received)
select (received_at at time zone 'Asia/Shanghai')::date, 'ENTERPRISE', subject_credit_code,
       left(region_code, 4) || '00', count(*)
from case_file where subject_credit_code is not null group by 1, 2, 3, 4;

create table risk_alert (
    id                  uuid          primary key,
    scope               varchar(16)   not null,
    value               varchar(64)   not null,
    city_code           varchar(6)    not null,
    window_start        timestamptz   not null,
    window_end          timestamptz   not null,
    received            integer       not null,
    baseline_per_window numeric(12, 3) not null,
    raised_at           timestamptz   not null,
    unique (scope, value, city_code, window_start)
);

create index risk_alert_raised_idx on risk_alert (raised_at desc, id);
