#!/usr/bin/env bash
# Console page server time with 1,000,000 complaints and 1,000,000 cases in the databases (issue 13: p95 <= 100 ms).
# Needs the suite running: ./suite up (in another terminal). Seeds the synthetic complaints (BS...) and cases (BW...)
# with bench/search-1m.sh and bench/worklist-1m.sh (KEEP=1), registers a few real calls that routing turns into cases,
# signs in as operator1 through Keycloak's login form and times each console page, one request at a time. The
# reference from the same run is the JSON behind each page, asked of the API with a bearer token: what the page adds
# is rendering and the calls it makes. KEEP=1 keeps the synthetic rows; knobs WARMUP, COUNT as in HttpLatency.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081 8082 8180
cleanup() {
  [[ "${KEEP:-0}" == 1 ]] && return
  echo "== removing the synthetic complaints and cases"
  (use_database complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD && sql -c "DELETE FROM complaint WHERE tracking_number LIKE 'BS%'" >/dev/null) || true
  (use_database cases case_svc CASE_SVC_DB_PASSWORD && sql -c "DELETE FROM case_file WHERE tracking_number LIKE 'BW%'" >/dev/null) || true
}
trap cleanup EXIT

print_machine
echo "== seeding (skipped for what is there already)"
KEEP=1 WARMUP=1 COUNT=1 bench/search-1m.sh >/dev/null
KEEP=1 WARMUP=1 COUNT=1 bench/worklist-1m.sh >/dev/null
use_database complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD
echo "   complaints: $(sql -c 'SELECT count(*) FROM complaint')"
(use_database cases case_svc CASE_SVC_DB_PASSWORD && echo "   cases:      $(sql -c 'SELECT count(*) FROM case_file')")

echo "== registering 5 calls as operator1 and waiting for their cases"
token=$(curl -fsS -d grant_type=password -d client_id=suite-cli -d username=operator1 -d password=password \
  http://127.0.0.1:8180/realms/jiangxi-quality/protocol/openid-connect/token | jq -r .access_token)
numbers=()
for i in 1 2 3 4 5; do
  mobile=$(printf '1380000%04d' "$((RANDOM % 10000))")
  body=$(jq -n --arg m "$mobile" --arg n "基准电器商店$i" '{kind:"COMPLAINT",channel:"HOTLINE_12315",category:"PRODUCT.HOUSEHOLD_APPLIANCE",
    subject:{name:$n,regionCode:"360102"},description:"来电反映：电热水器漏电，商家拒绝退货。",person:{name:"基准来电人",mobile:$m}}')
  numbers+=("$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" \
    http://127.0.0.1:8081/api/v1/complaints | jq -r .trackingNumber)")
done
for n in "${numbers[@]}"; do
  for _ in $(seq 1 60); do
    state=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:8082/api/v1/cases?trackingNumber=$n" | jq -r '.items[0].state // empty')
    [[ -n "$state" ]] && break
    sleep 1
  done
done
mobiles=(13900000007 13900007919 13900015838 13900023757)

console=http://127.0.0.1:8081/console
complaint_pages=(); complaint_api=(); case_api=()
for n in "${numbers[@]}"; do
  complaint_pages+=("$console/complaints/$n")
  complaint_api+=("http://127.0.0.1:8081/api/v1/complaints/$n?reason=benchmark")
  case_api+=("http://127.0.0.1:8082/api/v1/cases?trackingNumber=$n")
done
search_pages=(); search_api=(); caller=()
for m in "${mobiles[@]}"; do
  search_pages+=("$console/search?mobile=$m")
  search_api+=("http://127.0.0.1:8081/api/v1/complaints?mobile=$m&limit=20")
  caller+=("$console/intake/caller?mobile=$m&category=PRODUCT.FOOD")
done
text_pages=("$console/search?q=%E7%94%B5%E7%83%AD%E6%B0%B4%E5%99%A8" "$console/search?q=%E5%A9%B4%E5%84%BF%E5%A5%B6%E7%B2%89")

echo "== console pages as operator1 (session cookie), one client, ${WARMUP:-200} warm-up + ${COUNT:-1000} measured each; goal p95 <= 100 ms"
run() { java bench/HttpLatency.java "$@" | grep -v '^RESULT'; }
run "page  /console"                          session:operator1 "$console"
run "page  /console/intake"                   session:operator1 "$console/intake"
run "page  /console/intake/caller (mobile)"   session:operator1 "${caller[@]}"
run "page  /console/search (mobile)"          session:operator1 "${search_pages[@]}"
run "page  /console/search (text)"            session:operator1 "${text_pages[@]}"
run "page  /console/complaints/{n} (+ case)"  session:operator1 "${complaint_pages[@]}"
echo "== reference: the JSON behind the pages (bearer token), same run"
run "api   GET /api/v1/complaints (mobile)"   operator1 "${search_api[@]}"
run "api   GET /api/v1/complaints/{n}"        operator1 "${complaint_api[@]}"
run "api   GET case-service /api/v1/cases?trackingNumber=" operator1 "${case_api[@]}"
