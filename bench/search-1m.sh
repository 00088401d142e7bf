#!/usr/bin/env bash
# Operator search over 1,000,000 complaints (issue 3: by mobile and by description substring, p95 <= 50 ms).
# Needs the suite running: ./suite up (in another terminal). Adds COMPLAINTS (1,000,000) synthetic complaints
# to the "complaints" database (tracking numbers BS..., sealed like real ones by bench/SeedComplaints.java),
# measures the search as operator1, then deletes them (KEEP=1 keeps them). Knobs: COMPLAINTS, WARMUP, COUNT.
# Their received times are spread uniformly over the past 730 days (~1,370 a day in a million, the order of Jiangxi's
# hotline intake), independently of their text: a term's matches are as old as production's would be.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081 8180
use_database complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD
export PII_KEY_V1 BLIND_INDEX_KEY   # for bench/SeedComplaints.java
COMPLAINTS="${COMPLAINTS:-1000000}"
cleanup() {
  [[ "${KEEP:-0}" == 1 ]] && return
  echo "== removing the synthetic complaints"
  sql -c "DELETE FROM complaint WHERE tracking_number LIKE 'BS%'" >/dev/null || true
}
trap cleanup EXIT

print_machine

have="$(sql -c "SELECT count(*) FROM complaint WHERE tracking_number LIKE 'BS%'")"
if ((have < COMPLAINTS)); then
  echo "== inserting $((COMPLAINTS - have)) synthetic complaints"
  t0=$(date +%s)
  java bench/SeedComplaints.java "$((have + 1))" "$COMPLAINTS" |
    sql -c "COPY complaint (id, tracking_number, query_code_hash, kind, channel, category, subject_name, subject_name_key,
              subject_region_code, description, consent_publish, consent_entrusted_mediation, anonymous, reward_requested,
              person_ciphertext, person_key_id, mobile_blind_index, status, received_at, updated_at) FROM STDIN (FORMAT csv)"
  sql -c "VACUUM ANALYZE complaint"
  echo "   done in $(($(date +%s) - t0)) s"
fi
echo "   complaints in the database: $(sql -c 'SELECT count(*) FROM complaint')," \
  "received after every synthetic one: $(sql -c "SELECT count(*) FROM complaint
    WHERE received_at > (SELECT max(received_at) FROM complaint WHERE tracking_number LIKE 'BS%')")"
# A word common in the synthetic complaints but missing from that many newer ones (other benchmarks' complaints all
# share one text) sends the newest-first walk through all of them first: see BENCHMARKS.md.

base=http://127.0.0.1:8081/api/v1/complaints
urls() { # urls <param> <value>...: one search URL per value
  local param="$1" v; shift
  for v in "$@"; do printf '%s?%s=%s&limit=20\n' "$base" "$param" "$(jq -rn --arg v "$v" '$v|@uri')"; done
}
mapfile -t mobiles < <(for i in $(seq 1 50); do printf '139%08d\n' $(( (i * 7919) % 400000 )); done)
echo "== search, first page (limit 20), one client, ${WARMUP:-200} warm-up + ${COUNT:-1000} measured requests each"
java bench/HttpLatency.java "by mobile (50 numbers)" operator1 $(urls mobile "${mobiles[@]}") | grep -v '^RESULT'
java bench/HttpLatency.java "q= order number (1 hit each)" operator1 \
  $(urls q 订单号1000079190 订单号1000158380 订单号1000237570 订单号1000316760) | grep -v '^RESULT'
java bench/HttpLatency.java "q= product + days used (~1 in 60)" operator1 \
  $(urls q 购买的电热水器使用1天后 购买的食用油使用8天后 购买的轮胎使用18天后) | grep -v '^RESULT'
java bench/HttpLatency.java "q= product (~1 in 20)" operator1 $(urls q 电热水器 婴儿奶粉 防盗门 笔记本电脑) | grep -v '^RESULT'
java bench/HttpLatency.java "q= common phrase (every row)" operator1 $(urls q 协商未果 订单号) | grep -v '^RESULT'
