-- The official holiday calendar loaded at run time (issue 20 part 2, DESIGN §4): an administrator loads a year's
-- State Council calendar (PUT /api/v1/calendars/{year}); it is stored here, so it survives restarts and every replica
-- counts on it (each re-reads the table when a year's loaded_at changes), and it replaces the seeds' file of that year.

create table official_calendar (
    year            integer      primary key check (year between 2000 and 2099),
    loaded_at       timestamptz  not null,
    loaded_by       varchar(100) not null,
    holidays        integer      not null,
    makeup_workdays integer      not null
);

-- the days that differ from Monday to Friday: holidays, and the weekend days worked to make up for them
create table official_calendar_day (
    day      date         primary key,
    year     integer      not null references official_calendar (year) on delete cascade,
    type     varchar(16)  not null check (type in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    occasion varchar(200) not null default '',
    check (extract(year from day) = year)
);

create index official_calendar_day_year_idx on official_calendar_day (year);

-- When a deadline's count began (receipt, the end of an ODR turn, assignment, acceptance): a newly loaded calendar
-- recounts each running deadline from there. For the clocks already running: a complaint's acceptance from its receipt,
-- or from its arrival at the department it was last transferred to; a report's verification from its receipt; the
-- transfer limit from the last assignment; mediation (calendar days, never recounted) from the acceptance.
alter table deadline_clock add column counted_from timestamptz;

update deadline_clock d
set counted_from = case d.name
        when 'acceptBy' then coalesce((select max(e.at) from case_event e
                                       where e.case_id = c.id and e.type = 'case.rerouted' and e.to_state = 'ASSIGNED'),
                                      c.received_at)
        when 'verifyBy' then c.received_at
        when 'transferBy' then coalesce(c.assigned_at, d.started_at)
        when 'mediationEndsBy' then coalesce(c.accepted_at, d.started_at)
        else d.started_at
    end
from case_file c
where c.id = d.case_id;

alter table deadline_clock alter column counted_from set not null;

-- what a load recounts: the running clocks that end in or after the loaded year
create index deadline_clock_running_due_idx on deadline_clock (due_at) where stopped_at is null;
