#!/usr/bin/env bash
# Department worklist with 1,000,000 cases in the database (issue 4: first page p95 <= 30 ms).
# Needs the suite running: ./suite up (in another terminal). Adds CASES (1,000,000) synthetic cases to the
# "cases" database (tracking numbers BW...), measures the first page of the worklist as a department and as
# a supervisor, then deletes them again (KEEP=1 keeps them for another run). Knobs: CASES, WARMUP, COUNT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8082 8180
use_database cases case_svc CASE_SVC_DB_PASSWORD
CASES="${CASES:-1000000}"
cleanup() {
  [[ "${KEEP:-0}" == 1 ]] && return
  echo "== removing the synthetic cases"
  sql -c "DELETE FROM case_file WHERE tracking_number LIKE 'BW%'" >/dev/null || true
}
trap cleanup EXIT

print_machine

have="$(sql -c "SELECT count(*) FROM case_file WHERE tracking_number LIKE 'BW%'")"
if ((have < CASES)); then
  echo "== inserting $((CASES - have)) synthetic cases (10 % for 360100-AMR, the rest spread over all departments, two years)"
  t0=$(date +%s)
  sql -v from="$((have + 1))" -v to="$CASES" <<'SQL'
WITH d AS (SELECT code, region_code, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS n FROM department)
INSERT INTO case_file (id, complaint_id, tracking_number, kind, channel, category, region_code, subject_name,
                       department_code, routing_rule_id, state, received_at, assigned_at, created_at, updated_at, version)
SELECT gen_random_uuid(), gen_random_uuid(), 'BW' || lpad(g::text, 12, '0'),
       CASE WHEN g % 5 = 0 THEN 'REPORT' ELSE 'COMPLAINT' END,
       (ARRAY['WEB', 'HOTLINE_12315', 'HOTLINE_12365'])[1 + g % 3],
       (ARRAY['PRODUCT.FOOD', 'PRODUCT.HOUSEHOLD_APPLIANCE', 'SERVICE.CATERING', 'ENGINEERING.HOUSING',
              'METROLOGY.FUEL_DISPENSER', 'COUNTERFEIT.TRADEMARK', 'SERVICE.TELECOM'])[1 + g % 7],
       d.region_code, '基准企业' || (g % 50000), d.code, 'BENCH',
       CASE WHEN g % 5 = 0 THEN (ARRAY['ASSIGNED', 'ACCEPTED', 'UNDER_INVESTIGATION', 'RESOLVED', 'CLOSED'])[1 + g % 4]
            ELSE (ARRAY['ASSIGNED', 'ACCEPTED', 'IN_MEDIATION', 'RESOLVED', 'CLOSED'])[1 + g % 5] END,
       t, t, t, t, 0
FROM generate_series(:from::bigint, :to::bigint) AS g
CROSS JOIN LATERAL (SELECT now() - (g % 730) * interval '1 day' - (g * 7919 % 86400) * interval '1 second' AS t) AS at
JOIN d ON d.i = CASE WHEN g % 10 = 0 THEN (SELECT i FROM d WHERE code = '360100-AMR') ELSE g % d.n END;
ANALYZE case_file;
SQL
  echo "   done in $(($(date +%s) - t0)) s"
fi
echo "   cases in the database: $(sql -c 'SELECT count(*) FROM case_file'), of them 360100-AMR: $(sql -c "SELECT count(*) FROM case_file WHERE department_code = '360100-AMR'")"

base=http://127.0.0.1:8082/api/v1/cases
echo "== first page (limit 50), one client, ${WARMUP:-200} warm-up + ${COUNT:-1000} measured requests each"
java bench/HttpLatency.java "department worklist" dept-nc-amr "$base?limit=50" | grep -v '^RESULT'
java bench/HttpLatency.java "department worklist, state=ACCEPTED" dept-nc-amr "$base?limit=50&state=ACCEPTED" | grep -v '^RESULT'
java bench/HttpLatency.java "supervisor, all departments" supervisor1 "$base?limit=50" | grep -v '^RESULT'
java bench/HttpLatency.java "supervisor, state=ASSIGNED" supervisor1 "$base?limit=50&state=ASSIGNED" | grep -v '^RESULT'
