-- The statistics summary over a million cases (issue 4: p95 <= 100 ms). stats_daily has a row per day x kind x
-- category x region x department x outcome, nearly one per case at a province's spread (1.9 million rows for a
-- million cases over two years), so a year's summary aggregated ~970,000 rows per query. stats_daily_by keeps the
-- same measures per day for one dimension at a time (a few hundred rows a day), in the same transaction as
-- stats_daily; the summary reads it, the daily counts still read stats_daily.

create table stats_daily_by (
    dimension       varchar(16) not null check (dimension in ('TOTAL', 'OUTCOME', 'DEPARTMENT', 'CATEGORY', 'REGION')),
    day             date        not null,
    -- '' for TOTAL, and for a received case's outcome or a case without a department, as in stats_daily
    key             varchar(64) not null,
    received        integer     not null default 0,
    decided         integer     not null default 0,
    decided_on_time integer     not null default 0,
    ratings         integer     not null default 0,
    rating_sum      integer     not null default 0,
    primary key (dimension, day, key)
);

insert into stats_daily_by (dimension, day, key, received, decided, decided_on_time, ratings, rating_sum)
select d.dimension, s.day, d.key, sum(s.received), sum(s.decided), sum(s.decided_on_time), sum(s.ratings),
       sum(s.rating_sum)
from stats_daily s
cross join lateral (values ('TOTAL', ''), ('OUTCOME', s.outcome), ('DEPARTMENT', s.department_code),
                           ('CATEGORY', s.category), ('REGION', s.region_code)) as d (dimension, key)
group by d.dimension, s.day, d.key;
