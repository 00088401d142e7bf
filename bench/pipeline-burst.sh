#!/usr/bin/env bash
# The whole pipeline under a burst (issue 19, goals 1 and 3): CLIENTS hotline operators register COUNT complaints as
# fast as complaint-service takes them, with case-service and notify-service working (nothing paused); the script
# then waits until every one has its case ASSIGNED, its public timeline ROUTED and its notices recorded (polling
# cheaply on the last 60 accepted, then checking all of them once the CPU is read), and prints
#   - the intake rate, and the rate at which case-service opened and assigned the cases (goal 3: ≥ 0.5 × intake);
#   - the CPU each component spent from the first request until everything was done, per complaint (goal 1: ≤ 4 ms
#     for the three services, Kafka and PostgreSQL together; read from /proc/<pid>/stat; Keycloak, the sandboxes
#     and the load generator are not counted);
#   - lost (a 201 without a case or without notices) and twice (more than one case per complaint).
# Needs the suite running: ./suite up (in another terminal). Knobs: COUNT (3000; goal 3 is 20000), CLIENTS (16),
# MAX_SECONDS (600, for the intake and again for the drain).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081 8082 8083 8180
print_machine

COUNT="${COUNT:-3000}" CLIENTS="${CLIENTS:-16}" MAX_SECONDS="${MAX_SECONDS:-600}"
export COUNT CLIENTS MAX_SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TRACKING_FILE="$work/tracking.txt"

# CPU ticks of one process (utime + stime, and with children=1 also its reaped children's), from /proc/<pid>/stat;
# the fields after the command's closing parenthesis: state is $1, utime $12, stime $13, cutime $14, cstime $15
ticks() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  awk -v c="${2:-0}" '{ print $12 + $13 + (c ? $14 + $15 : 0) }' <<<"${stat##*) }"
}
# PostgreSQL: the postmaster with the backends it has reaped, plus every live child (backends, walwriter, …)
postgres_ticks() {
  local total child
  total="$(ticks "$postmaster" 1)"
  for child in $(pgrep -P "$postmaster"); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
components=(complaint-service case-service notify-service kafka postgres)
declare -A pid
for c in complaint-service case-service notify-service kafka; do
  read -r pid[$c] _ <".suite/up/pids/$c.pid"
done
postmaster="$(pgrep -o -x postgres || pgrep -o postgres)"
snapshot() {
  local c
  for c in "${components[@]}"; do
    if [[ $c == postgres ]]; then postgres_ticks; else ticks "${pid[$c]}"; fi
  done
}
hz="$(getconf CLK_TCK)"

mapfile -t before < <(snapshot)
started="$(date +%s.%N)"
java bench/PipelineBurst.java
accepted="$(wc -l <"$TRACKING_FILE")"

# exact answers over every tracking number of the run (ask_over, bench/lib.sh); costly, so asked only after the CPU
# snapshot
ask_all() { ask_over "$TRACKING_FILE" "$@"; }
# while waiting, a cheap question over the last 60 complaints accepted (every partition gets some): indexed look-ups,
# so the polls hardly add to the CPU measured
sample="{$(tail -n 60 "$TRACKING_FILE" | paste -sd, -)}"
samples="$(tail -n 60 "$TRACKING_FILE" | wc -l)"
run_start="$(date -u -d "@${started%.*}" +%FT%TZ)"
sample_done() {
  local assigned routed notified pending
  assigned="$(ask cases case_svc CASE_SVC_DB_PASSWORD \
    "select count(*) from case_file where tracking_number = any('$sample') and state = 'ASSIGNED'")"
  routed="$(ask complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD \
    "select count(*) from complaint where tracking_number = any('$sample') and status = 'ROUTED'")"
  read -r notified pending < <(ask notifications notify_svc NOTIFY_SVC_DB_PASSWORD \
    "select (select count(distinct tracking_number) from notification where tracking_number = any('$sample'))
            || ' ' || (select count(*) from notification where status = 'PENDING' and created_at >= '$run_start')")
  ((assigned == samples && routed == samples && notified == samples && pending == 0))
}
cases_done() {
  ask_all cases case_svc CASE_SVC_DB_PASSWORD \
    "select count(*) filter (where state = 'ASSIGNED') || ' ' || count(*) || ' ' || (count(*) - count(distinct complaint_id))
     from case_file where tracking_number in (select n from t)"
}
routed_done() {
  ask_all complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD \
    "select count(*) from complaint where tracking_number in (select n from t) and status = 'ROUTED'"
}
# notices recorded, those still waiting to be sent (DEFERRED, in quiet hours, counts as done: it is due at 08:00), the
# complaints with notices, and the fewest and most notices a complaint has (equal once every one has all its notices)
notices() {
  ask_all notifications notify_svc NOTIFY_SVC_DB_PASSWORD \
    "select coalesce(sum(c), 0) || ' ' || coalesce(sum(p), 0) || ' ' || count(*) || ' ' || coalesce(min(c), 0) || ' '
            || coalesce(max(c), 0)
     from (select tracking_number, count(*) as c, count(*) filter (where status = 'PENDING') as p
           from notification where tracking_number in (select n from t) group by tracking_number) per_complaint"
}

deadline=$(($(date +%s) + MAX_SECONDS))
while :; do
  if sample_done; then
    finished="$(date +%s.%N)"
    mapfile -t after < <(snapshot)
    read -r assigned opened twice < <(cases_done)
    routed="$(routed_done)"
    read -r recorded pending notified fewest most < <(notices)
    ((assigned == accepted && routed == accepted && notified == accepted && pending == 0 && fewest == most)) && break
  fi
  if (($(date +%s) >= deadline)); then
    echo "bench: not drained after ${MAX_SECONDS} s" >&2
    finished="$(date +%s.%N)"
    mapfile -t after < <(snapshot)
    read -r assigned opened twice < <(cases_done)
    routed="$(routed_done)"
    read -r recorded pending notified fewest most < <(notices)
    break
  fi
  sleep 2
done

# rates from the databases' own timestamps: the first complaint received to the last one received, and to the last
# case assigned
use_database complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD
read -r first last < <(sql -c "create temp table t (n varchar(20) primary key)" -c "\\copy t from '$TRACKING_FILE'" \
  -c "select extract(epoch from min(received_at)) || ' ' || extract(epoch from max(received_at))
      from complaint where tracking_number in (select n from t)")
use_database cases case_svc CASE_SVC_DB_PASSWORD
last_assigned="$(sql -c "create temp table t (n varchar(20) primary key)" -c "\\copy t from '$TRACKING_FILE'" \
  -c "select extract(epoch from max(assigned_at)) from case_file where tracking_number in (select n from t)")"

echo
awk -v n="$accepted" -v first="$first" -v last="$last" -v assigned="$last_assigned" 'BEGIN {
  intake = n / (last - first); cases = n / (assigned - first)
  printf "intake rate (database)  %.1f complaints/s (first to last received, %.1f s)\n", intake, last - first
  printf "cases assigned          %.1f cases/s (first received to last assigned, %.1f s): %.2f × intake (goal ≥ 0.5)\n",
    cases, assigned - first, cases / intake
}'
echo "cases                   $opened opened, $assigned ASSIGNED, $((accepted - opened)) lost, $twice twice"
echo "public status ROUTED    $routed of $accepted"
echo "notices                 $recorded recorded for $notified complaints ($fewest to $most each), $pending still PENDING"
echo "drained after           $(awk -v s="$started" -v f="$finished" 'BEGIN { printf "%.1f s", f - s }') (from the first request)"
echo
echo "CPU from the first request until drained, per complaint (goal: ≤ 4 ms all together):"
total=0
for i in "${!components[@]}"; do
  spent=$((${after[$i]} - ${before[$i]}))
  total=$((total + spent))
  awk -v c="${components[$i]}" -v t="$spent" -v hz="$hz" -v n="$accepted" \
    'BEGIN { printf "  %-18s %8.1f s  %6.2f ms\n", c, t / hz, t / hz * 1000 / n }'
done
awk -v t="$total" -v hz="$hz" -v n="$accepted" 'BEGIN { printf "  %-18s %8.1f s  %6.2f ms\n", "together", t / hz, t / hz * 1000 / n }'
