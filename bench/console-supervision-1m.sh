#!/usr/bin/env bash
# Supervisors' and departments' console pages with a million cases and more in the database (issue 14: dashboard and
# worklist p95 <= 150 ms server time). Needs the suite running: ./suite up (in another terminal). Seeds, unless they
# are there, 1,000,000 synthetic cases with the statistics the service keeps for them (bench/stats-1m.sh, tracking
# numbers BS...: two years, 85 % decided; the dashboard draws from them) and 1,000,000 more for the worklists
# (bench/worklist-1m.sh, BW...: 10 % for 360100-AMR, the department of dept-nc-amr, whose own counties' regulators
# take the BS cases). Signs in as supervisor1 and as dept-nc-amr through Keycloak's login form like a browser
# (HttpLatency's session: mode) and times each page one request at a time. The reference from the same run is the JSON
# each page is built from, asked of case-service with a bearer token. KEEP=1 keeps the synthetic cases for another run
# (removing them takes minutes); WARMUP, COUNT as in HttpLatency.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081 8082 8180
cleanup() {
  [[ "${KEEP:-0}" == 1 ]] && return
  echo "== removing the synthetic cases (and the statistics of the BS ones)"
  WARMUP=1 COUNT=1 bench/worklist-1m.sh >/dev/null || true
  WARMUP=1 COUNT=1 bench/stats-1m.sh >/dev/null || true
}
trap cleanup EXIT

print_machine
echo "== seeding (skipped for what is there already)"
KEEP=1 WARMUP=1 COUNT=1 bench/stats-1m.sh | grep -E '^(==|   )' | grep -v summary || true
KEEP=1 WARMUP=1 COUNT=1 bench/worklist-1m.sh | grep -E '^(==|   )' | grep -v 'first page' || true
use_database cases case_svc CASE_SVC_DB_PASSWORD
echo "   cases: $(sql -c 'SELECT count(*) FROM case_file'), of them for 360100-AMR (dept-nc-amr):" \
  "$(sql -c "SELECT count(*) FROM case_file WHERE department_code = '360100-AMR'")," \
  "open: $(sql -c "SELECT count(*) FROM case_file WHERE state NOT IN ('RESOLVED', 'CLOSED', 'NOT_ACCEPTED')")"

console=http://127.0.0.1:8081/console
cases=http://127.0.0.1:8082/api/v1
today="$(TZ=Asia/Shanghai date +%F)"
month_ago="$(TZ=Asia/Shanghai date -d '-29 days' +%F)"
run() { java bench/HttpLatency.java "$@" | grep -v '^RESULT'; }

echo "== pages, one client, ${WARMUP:-200} warm-up + ${COUNT:-1000} measured each; goal p95 <= 150 ms"
run "page  /console/dashboard (supervisor1)"            session:supervisor1 "$console/dashboard"
run "page  /console/cases (supervisor1, all)"           session:supervisor1 "$console/cases"
run "page  /console/cases?overdue=true (supervisor1)"   session:supervisor1 "$console/cases?overdue=true"
run "page  /console/cases (dept-nc-amr, its own)"       session:dept-nc-amr "$console/cases"
run "page  /console/queues/triage (supervisor1)"        session:supervisor1 "$console/queues/triage"
echo "== reference: the JSON behind the pages (bearer token), same run"
run "api   stats/summary, 30 days"                      supervisor1 "$cases/stats/summary?from=$month_ago&to=$today"
run "api   stats/totals, 30 days"                       supervisor1 "$cases/stats/totals?from=$month_ago&to=$today"
run "api   risk-alerts (20)"                            supervisor1 "$cases/risk-alerts?limit=20"
run "api   cases, first page (supervisor1)"             supervisor1 "$cases/cases?limit=25"
run "api   cases, first page (dept-nc-amr)"             dept-nc-amr "$cases/cases?limit=25"
