-- Synthetic cases for bench/stats-1m.sh (tracking numbers BS...), with the statistics the service would have
-- kept for them. psql variables: from, to (the numbers to insert), categories and regions (Postgres array
-- literals of the leaf categories and county codes from seeds/). Spread as a province's hotline would see them:
-- two years, a few categories and counties far busier than the rest, 20 % reports, 85 % decided.
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_seed AS
WITH cat AS (SELECT :'categories'::text[] AS a), reg AS (SELECT :'regions'::text[] AS a)
SELECT g,
       CASE WHEN g % 5 = 0 THEN 'REPORT' ELSE 'COMPLAINT' END AS kind,
       cat.a[1 + floor(array_length(cat.a, 1) * power(random(), 2))::int] AS category,
       reg.a[1 + floor(array_length(reg.a, 1) * power(random(), 1.5))::int] AS region,
       '91360' || lpad(floor(power(random(), 3) * 50000)::text, 13, '0') AS credit_code,
       now() - (g % 730) * interval '1 day' - floor(random() * 86400) * interval '1 second' AS received_at,
       1 + floor(random() * 59)::int AS handling_days,
       random() AS r
FROM generate_series(:from::bigint, :to::bigint) AS g, cat, reg;

INSERT INTO case_file (id, complaint_id, tracking_number, kind, channel, category, region_code, subject_name,
                       subject_credit_code, department_code, routing_rule_id, state, outcome, received_at,
                       assigned_at, resolved_at, created_at, updated_at, version, feedback_rating, feedback_at)
SELECT gen_random_uuid(), gen_random_uuid(), 'BS' || lpad(g::text, 12, '0'), kind,
       (ARRAY['WEB', 'HOTLINE_12315', 'HOTLINE_12365'])[1 + g % 3], category, region, '基准企业' || credit_code,
       credit_code, d.code, 'BENCH', x.state, x.outcome, received_at, received_at, x.resolved_at, received_at,
       coalesce(x.decided_at, received_at), 0,
       CASE WHEN x.outcome IS NOT NULL AND kind = 'COMPLAINT' AND r < 0.5 THEN 1 + floor(r * 10)::int END,
       CASE WHEN x.outcome IS NOT NULL AND kind = 'COMPLAINT' AND r < 0.5 THEN x.resolved_at + interval '3 days' END
FROM bench_seed s
CROSS JOIN LATERAL (
    SELECT least(received_at + handling_days * interval '1 day', now()) AS decided_at) AS t
CROSS JOIN LATERAL (
    SELECT CASE WHEN t.decided_at >= now() OR (g / 5) % 20 >= 18 THEN
                    (CASE WHEN kind = 'REPORT' THEN 'UNDER_INVESTIGATION' ELSE 'IN_MEDIATION' END)
                WHEN (g / 5) % 20 = 17 THEN 'NOT_ACCEPTED'
                WHEN g % 3 = 0 THEN 'CLOSED' ELSE 'RESOLVED' END AS state,
           CASE WHEN t.decided_at >= now() OR (g / 5) % 20 >= 17 THEN NULL
                WHEN kind = 'REPORT' THEN (ARRAY['SUBSTANTIATED', 'UNSUBSTANTIATED', 'REFERRED_TO_JUDICIARY'])[1 + g % 3]
                ELSE (ARRAY['MEDIATED', 'MEDIATION_ENDED', 'WITHDRAWN'])[1 + g % 3] END AS outcome,
           CASE WHEN t.decided_at < now() AND (g / 5) % 20 < 17 THEN t.decided_at END AS resolved_at,
           CASE WHEN t.decided_at < now() AND (g / 5) % 20 < 18 THEN t.decided_at END AS decided_at) AS x
JOIN department d ON d.code = coalesce(
    (SELECT code FROM department WHERE code = region || '-AMR'),
    (SELECT code FROM department WHERE code = left(region, 4) || '00-AMR'),
    '360000-AMR');
DROP TABLE bench_seed;
\set sign 1
\ir stats-1m-aggregates.sql
ANALYZE case_file, stats_daily, stats_daily_by, stats_handling_days, stats_substantiated, stats_city_daily;
