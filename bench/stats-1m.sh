#!/usr/bin/env bash
# Statistics summary with 1,000,000 cases in the database (issue 4: GET /api/v1/stats/summary p95 <= 100 ms).
# Needs the suite running: ./suite up (in another terminal). Adds CASES (1,000,000) synthetic cases to the
# "cases" database (tracking numbers BS...; two years, leaf categories and counties from seeds/, a few far busier
# than the rest, 85 % decided, half of the decided complaints rated) together with the statistics rows the service
# keeps for them step by step (bench/stats-1m-aggregates.sql groups them the same way), measures the summary as a
# supervisor for the default range (the last 30 days), a quarter and a full year (366 days, the most it allows),
# then takes the cases and their statistics away again (KEEP=1 keeps them for another run). On the two-core
# machine of BENCHMARKS.md, under other load, inserting took 9.5 minutes and removing 7.5 minutes.
# Knobs: CASES, WARMUP, COUNT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8082 8180
use_database cases case_svc CASE_SVC_DB_PASSWORD
CASES="${CASES:-1000000}"

remove_synthetic() {
  sql -v sign=-1 -f bench/stats-1m-aggregates.sql >/dev/null
  sql -c "DELETE FROM case_file WHERE tracking_number LIKE 'BS%'" >/dev/null
}
cleanup() {
  [[ "${KEEP:-0}" == 1 ]] && return
  echo "== removing the synthetic cases and their statistics"
  remove_synthetic || true
}
trap cleanup EXIT

print_machine

categories="{$(grep -oE -- '- code: [A-Z_]+\.[A-Z_]+' seeds/categories.yaml | cut -d' ' -f3 | paste -sd,)}"
regions="{$(awk -F, '$4 == "COUNTY" { print $1 }' seeds/regions/jiangxi-regions.csv | paste -sd,)}"
have="$(sql -c "SELECT count(*) FROM case_file WHERE tracking_number LIKE 'BS%'")"
if ((have != CASES)); then
  if ((have > 0)); then
    echo "== $have synthetic cases of an earlier run (not $CASES): removing them first"
    remove_synthetic
  fi
  echo "== inserting $CASES synthetic cases and their statistics"
  t0=$(date +%s)
  sql -v from=1 -v to="$CASES" -v categories="$categories" -v regions="$regions" -f bench/stats-1m-seed.sql
  echo "   done in $(($(date +%s) - t0)) s"
fi
echo "   cases: $(sql -c 'SELECT count(*) FROM case_file'); statistics rows: stats_daily" \
  "$(sql -c 'SELECT count(*) FROM stats_daily'), stats_handling_days $(sql -c 'SELECT count(*) FROM stats_handling_days')," \
  "stats_substantiated $(sql -c 'SELECT count(*) FROM stats_substantiated')"
echo "   stats_daily rows in the last 30 days: $(sql -c "SELECT count(*) FROM stats_daily WHERE day > current_date - 30")," \
  "in the last 366: $(sql -c "SELECT count(*) FROM stats_daily WHERE day > current_date - 366")"

today="$(TZ=Asia/Shanghai date +%F)"
quarter="$(TZ=Asia/Shanghai date -d '-89 days' +%F)"
year="$(TZ=Asia/Shanghai date -d '-365 days' +%F)"
base=http://127.0.0.1:8082/api/v1/stats/summary
echo "== summary as supervisor1, one client, ${WARMUP:-200} warm-up + ${COUNT:-1000} measured requests each"
java bench/HttpLatency.java "summary, default (last 30 days)" supervisor1 "$base" | grep -v '^RESULT'
java bench/HttpLatency.java "summary, 90 days" supervisor1 "$base?from=$quarter&to=$today" | grep -v '^RESULT'
java bench/HttpLatency.java "summary, 366 days" supervisor1 "$base?from=$year&to=$today" | grep -v '^RESULT'
