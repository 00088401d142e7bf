-- Issue 20, part 2, for ODR: the official calendars an administrator loads into case-service at run time
-- (case.calendar-loaded.v1) are kept here too, so the enterprises' and citizens' ODR time limits count on them, across
-- restarts and on every replica.
create table official_calendar_day (
    day date primary key,
    year integer not null,
    type varchar(20) not null,
    constraint official_calendar_day_type check (type in ('HOLIDAY', 'MAKEUP_WORKDAY'))
);
create table official_calendar_year (
    year integer primary key,
    loaded_at timestamptz not null
);
