-- Adds (sign 1) or takes away (sign -1) the statistics of the synthetic BS cases, grouped exactly as
-- CaseStatistics keeps them one step at a time (stats_daily, stats_daily_by, stats_handling_days,
-- stats_substantiated, stats_city_daily): received on the Beijing day of receipt, decided (resolved, or
-- refused as NOT_ACCEPTED) on the day of the decision, ratings on the day given. A refusal's decision time is
-- its updated_at (the seed sets resolved_at only for resolutions). 85 % of the decisions count as on time.
\set ON_ERROR_STOP on
CREATE TEMP VIEW bench_case AS
SELECT c.*, (c.received_at AT TIME ZONE 'Asia/Shanghai')::date AS received_day,
       CASE WHEN c.state = 'NOT_ACCEPTED' THEN c.updated_at ELSE c.resolved_at END AS decided_at,
       ((CASE WHEN c.state = 'NOT_ACCEPTED' THEN c.updated_at ELSE c.resolved_at END) AT TIME ZONE 'Asia/Shanghai')::date
           AS decided_day
FROM case_file c WHERE c.tracking_number LIKE 'BS%';

CREATE TEMP TABLE bench_step AS
SELECT received_day AS day, kind, category, region_code, coalesce(department_code, '') AS department_code,
       '' AS outcome, 1 AS received, 0 AS decided, 0 AS on_time, 0::bigint AS seconds, 0 AS ratings, 0 AS rating_sum
FROM bench_case
UNION ALL
SELECT decided_day, kind, category, region_code, coalesce(department_code, ''), coalesce(outcome, 'NOT_ACCEPTED'),
       0, 1, CASE WHEN hashtext(id::text) % 100 < 85 THEN 1 ELSE 0 END,
       extract(epoch FROM decided_at - received_at)::bigint, 0, 0
FROM bench_case WHERE decided_at IS NOT NULL
UNION ALL
SELECT (feedback_at AT TIME ZONE 'Asia/Shanghai')::date, kind, category, region_code, coalesce(department_code, ''),
       coalesce(outcome, ''), 0, 0, 0, 0, 1, feedback_rating
FROM bench_case WHERE feedback_rating IS NOT NULL;

INSERT INTO stats_daily AS s (day, kind, category, region_code, department_code, outcome, received, decided,
                              decided_on_time, handling_seconds, ratings, rating_sum)
SELECT day, kind, category, region_code, department_code, outcome,
       :sign * sum(received), :sign * sum(decided), :sign * sum(on_time), :sign * sum(seconds),
       :sign * sum(ratings), :sign * sum(rating_sum)
FROM bench_step
GROUP BY day, kind, category, region_code, department_code, outcome
ON CONFLICT (day, kind, category, region_code, department_code, outcome) DO UPDATE SET
    received = s.received + excluded.received, decided = s.decided + excluded.decided,
    decided_on_time = s.decided_on_time + excluded.decided_on_time,
    handling_seconds = s.handling_seconds + excluded.handling_seconds,
    ratings = s.ratings + excluded.ratings, rating_sum = s.rating_sum + excluded.rating_sum;

INSERT INTO stats_daily_by AS s (dimension, day, key, received, decided, decided_on_time, ratings, rating_sum)
SELECT d.dimension, b.day, d.key, :sign * sum(received), :sign * sum(decided), :sign * sum(on_time),
       :sign * sum(ratings), :sign * sum(rating_sum)
FROM bench_step b
CROSS JOIN LATERAL (VALUES ('TOTAL', ''), ('OUTCOME', b.outcome), ('DEPARTMENT', b.department_code),
                           ('CATEGORY', b.category), ('REGION', b.region_code)) AS d (dimension, key)
GROUP BY d.dimension, b.day, d.key
ON CONFLICT (dimension, day, key) DO UPDATE SET
    received = s.received + excluded.received, decided = s.decided + excluded.decided,
    decided_on_time = s.decided_on_time + excluded.decided_on_time,
    ratings = s.ratings + excluded.ratings, rating_sum = s.rating_sum + excluded.rating_sum;
DROP TABLE bench_step;

INSERT INTO stats_handling_days AS s (day, handling_days, cases)
SELECT decided_day, decided_day - received_day, :sign * count(*)
FROM bench_case WHERE decided_at IS NOT NULL GROUP BY 1, 2
ON CONFLICT (day, handling_days) DO UPDATE SET cases = s.cases + excluded.cases;

INSERT INTO stats_substantiated AS s (day, credit_code, cases)
SELECT decided_day, subject_credit_code, :sign * count(*)
FROM bench_case WHERE outcome = 'SUBSTANTIATED' AND subject_credit_code IS NOT NULL GROUP BY 1, 2
ON CONFLICT (day, credit_code) DO UPDATE SET cases = s.cases + excluded.cases;

INSERT INTO stats_city_daily AS s (day, scope, value, city_code, received)
SELECT received_day, scope, value, left(region_code, 4) || '00', :sign * count(*)
FROM bench_case CROSS JOIN LATERAL (VALUES ('CATEGORY', category), ('ENTERPRISE', subject_credit_code)) AS k (scope, value)
WHERE value IS NOT NULL GROUP BY 1, 2, 3, 4
ON CONFLICT (day, scope, value, city_code) DO UPDATE SET received = s.received + excluded.received;

-- rows the synthetic cases alone had made are empty again after taking them away
DELETE FROM stats_daily WHERE received = 0 AND decided = 0 AND ratings = 0 AND :sign < 0;
DELETE FROM stats_daily_by WHERE received = 0 AND decided = 0 AND ratings = 0 AND :sign < 0;
DELETE FROM stats_handling_days WHERE cases = 0 AND :sign < 0;
DELETE FROM stats_substantiated WHERE cases = 0 AND :sign < 0;
DELETE FROM stats_city_daily WHERE received = 0 AND :sign < 0;
DROP VIEW bench_case;
