#!/usr/bin/env bash
# The soak (issue 16): RATE (20) complaints/s for DURATION (3600) s with the full fan-out (each complaint gets its
# case, its public timeline and its citizen's notices by SMS, e-mail and in-app), against a running ./suite up.
#
#   bench/soak.sh      (the suite running: ./suite up, in another terminal)
#
# Every SAMPLE (60) s it records each service's resident memory (VmRSS of /proc) and the rows of the tables that grow
# with the traffic; the load (system-tests/.../FaultLoad.java) records each answer's latency. At the end it prints them
# per 10 minutes, reconciles what was accepted (lost, done twice) and judges the goals:
#   - RSS flat: no service's largest RSS of the last 10 minutes more than RSS_SLACK % (10) above its largest of
#     minutes 10-20 (the first 10 minutes are the JVMs' warm-up);
#   - no table without bound: each purged table (sent outbox rows, processed event ids, idempotency keys, throttle
#     rows) reaches in the last third of the run no more than TABLE_SLACK % (25) above the most it held in the middle
#     third: once its retention has passed, as much is purged as comes in;
#   - p99 stable: no 10-minute window's p99 more than P99_FACTOR (3) times the whole run's p50 window p99, and none
#     above P99_LIMIT_MS (1000).
# So that the purges are seen within the hour, the services are restarted for the run with RETENTION (PT10M) as the
# retention of sent outbox rows, processed event ids and idempotency keys (production keeps them 7 days, 30 days and
# 1 day), and restarted with their defaults after it. Figures: RELIABILITY.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

RATE="${RATE:-20}" DURATION="${DURATION:-3600}" SAMPLE="${SAMPLE:-60}" RETENTION="${RETENTION:-PT10M}"
SETTLE="${SETTLE:-300}" EXPECTED_NOTICES="${EXPECTED_NOTICES:-3}"
RSS_SLACK="${RSS_SLACK:-10}" TABLE_SLACK="${TABLE_SLACK:-25}" P99_FACTOR="${P99_FACTOR:-3}" P99_LIMIT_MS="${P99_LIMIT_MS:-1000}"
require_suite 8081 8082 8083 8180
print_machine
echo "soak: $RATE complaints/s for $DURATION s, sampled every $SAMPLE s; retention for the run $RETENTION"

work="target/soak/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
load_java=system-tests/src/test/java/cn/jxquality/system/FaultLoad.java
hdr_jar="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
[[ -f "$hdr_jar" ]] || ./mvnw -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 >/dev/null

services=(complaint-service case-service notify-service)
restart_services() { # restart_services [VAR=value...]: the three services again, with these settings
  local s
  for s in "${services[@]}"; do
    ./suite stop "$s" >/dev/null
    env "$@" ./suite start "$s" >/dev/null
  done
}
restart_services OUTBOX_SENT_RETENTION="$RETENTION" OUTBOX_PROCESSED_EVENT_RETENTION="$RETENTION" \
  INTAKE_IDEMPOTENCY_RETENTION="$RETENTION"
trap 'restart_services' EXIT

rss_kib() { # VmRSS of a service of ./suite up, in KiB
  local pid
  read -r pid _ <".suite/up/pids/$1.pid"
  awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"
}
count() { echo "select count(*) from $1"; }
# the tables that grow with the traffic: purged ones first, then the records that are kept
tables_complaints=(outbox_event processed_event idempotency_record throttle_hit complaint identity_access_audit)
tables_cases=(outbox_event processed_event throttle_hit case_file)
tables_notifications=(throttle_hit notification)
rows() { # rows <database> <role> <password variable> <table...>: their counts, space-separated
  local db="$1" role="$2" pass="$3" query="" t
  shift 3
  for t in "$@"; do query+="${query:+ || ' ' || }($(count "$t"))"; done
  ask "$db" "$role" "$pass" "select $query"
}
header="second"
for s in "${services[@]}"; do header+=" rss_${s%-service}_mib"; done
for t in "${tables_complaints[@]}"; do header+=" complaints.$t"; done
for t in "${tables_cases[@]}"; do header+=" cases.$t"; done
for t in "${tables_notifications[@]}"; do header+=" notifications.$t"; done
echo "$header" >"$work/samples.txt"
sample() { # one line of samples.txt
  local line="$1" s
  for s in "${services[@]}"; do line+=" $(($(rss_kib "$s") / 1024))"; done
  line+=" $(rows complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD "${tables_complaints[@]}")"
  line+=" $(rows cases case_svc CASE_SVC_DB_PASSWORD "${tables_cases[@]}")"
  line+=" $(rows notifications notify_svc NOTIFY_SVC_DB_PASSWORD "${tables_notifications[@]}")"
  echo "$line" >>"$work/samples.txt"
}

RUN="$(date +%s)"
started="$(date +%s)"
RUN="$RUN" RATE="$RATE" DURATION_SECONDS="$DURATION" ACCEPTED_FILE="$work/accepted.txt" \
  java -cp "$hdr_jar" "$load_java" >"$work/load.txt" 2>&1 &
load_pid=$!
trap 'kill "$load_pid" 2>/dev/null || true; restart_services' EXIT
while kill -0 "$load_pid" 2>/dev/null; do
  sample "$(($(date +%s) - started))"
  sleep "$SAMPLE"
done
wait "$load_pid" || true
sample "$(($(date +%s) - started))"
cat "$work/load.txt"

# the reconciliation: every complaint answered 2xx has its case ASSIGNED, its status ROUTED and its notices, once
awk '{ print $2 }' "$work/accepted.txt" | sort -u >"$work/tracking.txt"
accepted="$(wc -l <"$work/tracking.txt")"
deadline=$(($(date +%s) + SETTLE))
while :; do
  read -r assigned routed notified < <(through "$work/tracking.txt")
  ((assigned == accepted && routed == accepted && notified == accepted)) && break
  (($(date +%s) < deadline)) || break
  sleep 5
done
cases_twice="$(ask_over "$work/tracking.txt" cases case_svc CASE_SVC_DB_PASSWORD \
  "select count(*) - count(distinct complaint_id) from case_file where tracking_number in (select n from t)")"
notices_twice="$(ask_over "$work/tracking.txt" notifications notify_svc NOTIFY_SVC_DB_PASSWORD \
  "select count(*) - count(distinct (tracking_number, event_type, recipient, channel)) from notification
   where tracking_number in (select n from t)")"
through_all=$((assigned < routed ? assigned : routed))
through_all=$((through_all < notified ? through_all : notified))
echo
echo "accepted                $accepted; through the pipeline $through_all (lost: $((accepted - through_all)))"
echo "done twice              $cases_twice cases, $notices_twice notices"

# per 10 minutes: latency from the load's answers (4th column, ms), RSS and table rows from the samples
echo
echo "per 10 minutes          p50 / p99 ms of the answers; RSS MiB (complaint, case, notify) and rows at the window's end"
awk -v t0="$((started * 1000))" '{ w = int(($1 - t0) / 600000); print w, $4 }' "$work/accepted.txt" | sort -k1,1n -k2,2n >"$work/latency-by-window.txt"
awk '{ n[$1]++; v[$1, n[$1]] = $2 }
     END { for (w in n) { p50 = v[w, int(n[w] * 0.50) + 1]; p99 = v[w, int(n[w] * 0.99) + 1]; if (p99 == "") p99 = v[w, n[w]];
                          if (p50 == "") p50 = v[w, n[w]]; print w, n[w], p50, p99 } }' "$work/latency-by-window.txt" |
  sort -n >"$work/p99-by-window.txt"
awk 'NR > 1 { w = int($1 / 600); last[w] = $0 } END { for (w in last) print w, last[w] }' "$work/samples.txt" | sort -n >"$work/samples-by-window.txt"
join "$work/p99-by-window.txt" "$work/samples-by-window.txt" |
  awk '{ printf "  %2d-%2d min  n %6d  p50 %5d  p99 %5d   RSS %4d %4d %4d   rows", $1 * 10, $1 * 10 + 10, $2, $3, $4, $6, $7, $8;
         for (i = 9; i <= NF; i++) printf " %d", $i; printf "\n" }'
echo "  (rows: $(head -n1 "$work/samples.txt" | cut -d' ' -f5-))"

# the verdicts
verdict=0
rss_flat="$(awk -v slack="$RSS_SLACK" 'NR > 1 && $1 >= 600 && $1 < 1200 { for (i = 2; i <= 4; i++) if ($i > early[i]) early[i] = $i }
  NR > 1 { last = $1 } { row[NR] = $0 }
  END { for (r = 2; r <= NR; r++) { split(row[r], f, " "); if (f[1] >= last - 600) for (i = 2; i <= 4; i++) if (f[i] > late[i]) late[i] = f[i] }
        ok = 1; for (i = 2; i <= 4; i++) { if (late[i] > early[i] * (1 + slack / 100)) ok = 0; printf "%s%d->%d", (i > 2 ? ", " : ""), early[i], late[i] }
        print (ok ? " flat" : " GROWING") }' "$work/samples.txt")"
echo "RSS (MiB, min 10-20 -> last 10 min)  $rss_flat"
[[ "$rss_flat" == *GROWING* ]] && verdict=1
purged_cols="$(head -n1 "$work/samples.txt" | tr ' ' '\n' | grep -n -E 'outbox_event|processed_event|idempotency_record|throttle_hit' | cut -d: -f1 | tr '\n' ' ')"
# a purged table saws up and down with its purge (every 10 minutes): compare the highest it reached in the last third
# of the run with the highest in the middle third
tables_bounded="$(awk -v cols="$purged_cols" -v slack="$TABLE_SLACK" 'NR == 1 { for (i = 1; i <= NF; i++) name[i] = $i }
  NR > 1 { row[NR] = $0; last = NR }
  END { third = (last - 1) / 3; n = split(cols, c, " "); ok = 1
        for (r = 2; r <= last; r++) { split(row[r], f, " ")
          for (k = 1; k <= n; k++) { i = c[k]
            if (r - 1 > third && r - 1 <= 2 * third && f[i] > mid[i]) mid[i] = f[i]
            if (r - 1 > 2 * third && f[i] > end[i]) end[i] = f[i] } }
        for (k = 1; k <= n; k++) { i = c[k]; grow = end[i] > mid[i] * (1 + slack / 100) + 100; if (grow) ok = 0
          printf "%s %d->%d%s;", name[i], mid[i], end[i], (grow ? " GROWING" : "") }
        print (ok ? " bounded" : " NOT BOUNDED") }' "$work/samples.txt")"
echo "purged tables (max: middle -> last third)  $tables_bounded"
[[ "$tables_bounded" == *"NOT BOUNDED"* ]] && verdict=1
p99_stable="$(sort -k4,4n "$work/p99-by-window.txt" | awk -v f="$P99_FACTOR" -v lim="$P99_LIMIT_MS" '{ p[NR] = $4 }
  END { median = p[int((NR + 1) / 2)]; worst = p[NR]; ok = worst <= median * f && worst <= lim
        printf "median window %d ms, worst %d ms%s\n", median, worst, (ok ? " stable" : " UNSTABLE") }')"
echo "p99 per 10 minutes                   $p99_stable"
[[ "$p99_stable" == *UNSTABLE* ]] && verdict=1
((accepted == through_all && cases_twice == 0 && notices_twice == 0)) || verdict=1
echo "samples: $work/samples.txt; answers: $work/accepted.txt"
exit "$verdict"
