#!/usr/bin/env bash
# complaint-service front door vs the database's own limit, same PostgreSQL, same run (issue 3):
#   intake throughput at CLIENTS (16) clients  vs pgbench inserting complaint + outbox rows   goal ≥ 0.5
#   intake p99 at RATE (100) requests/s                                                      goal ≤ 50 ms
#   status look-ups at CLIENTS clients          vs pgbench select-only on the same tables     goal ≥ 0.6
# Throughput is measured in ROUNDS (3) rounds, each a pgbench run right before the service's run of the same length:
# whatever else the machine does for a while (autovacuum on the big tables, a checkpoint) then weighs on both sides
# of a round alike. Every round is printed; the verdict is on the median round.
# Needs the suite running: ./suite up (in another terminal). Knobs: CLIENTS, DURATION (s, each run), WARMUP (s, before
# the first round), ROUNDS, RATE, ISOLATE (1: case-service and notify-service paused during the run; default 0, the
# whole suite working).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081 8180
use_database complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD
CLIENTS="${CLIENTS:-16}" DURATION="${DURATION:-20}"
export CLIENTS DURATION

# ISOLATE=1: pause case-service and notify-service (SIGSTOP) for the run, so complaint-service is measured without
# the work every accepted complaint sets off in them; they resume (SIGCONT) on exit and catch up from Kafka. They are
# paused only once they have caught up with what earlier runs left them (CATCHUP_WAIT seconds at most, default 1800),
# so no record is in their hands while they are stopped.
PAUSED=()
pause_downstream() {
  local svc pid marker
  echo "== waiting for case-service and notify-service to catch up before pausing them"
  wait_caught_up "${CATCHUP_WAIT:-1800}" case-service notify-service || exit 1
  for svc in case-service notify-service; do
    read -r pid marker < ".suite/up/pids/$svc.pid" || continue
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
      kill -STOP "$pid" && PAUSED+=("$pid") && echo "paused $svc (pid $pid) for the run"
    fi
  done
}
# A record a service had taken from Kafka but not finished when it was paused would then have waited longer than
# SmallRye's limit for an unacknowledged record (60 s): the service fails that channel, and its liveness check says
# so. In Kubernetes the liveness probe restarts it; ./suite does not, so say it. Waiting for them to catch up before
# pausing them keeps that from happening.
resume_downstream() {
  local pid port
  ((${#PAUSED[@]})) || return 0
  for pid in "${PAUSED[@]}"; do kill -CONT "$pid" 2>/dev/null || true; done
  echo "resumed case-service and notify-service; they now work through the complaints of this run (the next ISOLATE=1" \
    "run waits for them)"
  sleep 5
  for port in 8082 8083; do
    if ! curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/live"; then
      echo "WARNING: the service on port $port is not live after the pause (a Kafka record waited too long, see" \
        "http://127.0.0.1:$port/q/health/live); restart the suite (./suite down, ./suite up) before measuring more" >&2
    fi
  done
}

drop_scratch() { sql -c 'DROP SCHEMA IF EXISTS bench CASCADE' >/dev/null 2>&1 || true; }
# the receipts (tracking number, query code) of the complaints the intake runs create, for the status rounds
RECEIPTS="$(mktemp)"
export RECEIPTS
cleanup() {
  resume_downstream
  drop_scratch
  rm -f "$RECEIPTS"
}
trap cleanup EXIT
[[ "${ISOLATE:-0}" == 1 ]] && pause_downstream

print_machine

drop_scratch
sql <<'SQL'
CREATE SCHEMA bench;
CREATE TABLE bench.complaint (LIKE public.complaint INCLUDING ALL);
CREATE TABLE bench.outbox_event (LIKE public.outbox_event INCLUDING ALL);
CREATE SEQUENCE bench.tracking;
SQL

ROUNDS="${ROUNDS:-3}" WARMUP="${WARMUP:-30}"

# result <name> <output>: the value of a RESULT line
result() { sed -nE "s/^RESULT $1=([0-9.]+)/\1/p" <<<"$2"; }
# pgbench_tps <script> [pgbench options]: one run of CLIENTS clients for DURATION seconds
pgbench_tps() {
  local out
  out="$(pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$DURATION" -f "$@" 2>&1)" || { echo "$out" >&2; exit 1; }
  sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out"
}
# rounds <phase> <first warm-up (s)> <pgbench script and options>...: ROUNDS rounds, each a pgbench run and then the
# service's run of PHASE (intake or status, after a warm-up: the given one in the first round, 5 s in the others);
# prints each round and leaves the ratios in RATIOS
rounds() {
  local phase="$1" first_warmup="$2" round pg_tps out rps ratio
  shift 2
  RATIOS=()
  for ((round = 1; round <= ROUNDS; round++)); do
    pg_tps="$(pgbench_tps "$@")"
    out="$(PHASE="$phase" WARMUP=$((round == 1 ? first_warmup : 5)) java bench/IntakeAndStatus.java)"
    rps="$(result "${phase}_rps" "$out")"
    ratio="$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN { printf "%.2f", a / b }')"
    RATIOS+=("$ratio")
    printf '   round %d: pgbench %8.1f tps   service %8.1f/s   ratio %s   (%s)\n' "$round" "$pg_tps" "$rps" "$ratio" \
      "$(grep "^$phase," <<<"$out" | sed -E "s/^$phase, [0-9]+ clients +[0-9.]+\/s +//")"
  done
}
# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "== intake: $ROUNDS rounds of pgbench (complaint + outbox insert) then the service, $CLIENTS clients, ${DURATION} s each"
echo "   (the service's first round after a ${WARMUP} s warm-up of the same load, the others after 5 s)"
rounds intake "$WARMUP" bench/pgbench/intake.sql
intake_ratios=("${RATIOS[@]}")

echo "== intake latency: an open loop at ${RATE:-100}/s for ${DURATION} s"
out="$(PHASE=open java bench/IntakeAndStatus.java)"
grep -v '^RESULT' <<<"$out"
open_p99="$(result intake_open_p99_ms "$out")"

# both sides look up the same complaints: those the intake runs created (the service needs their query codes)
sql -c 'CREATE TABLE bench.lookup (n bigserial PRIMARY KEY, tracking_number varchar(32) NOT NULL)'
cut -d' ' -f1 "$RECEIPTS" | sql -c 'COPY bench.lookup (tracking_number) FROM STDIN'
count="$(sql -c 'SELECT count(*) FROM bench.lookup')"
echo "== status: $ROUNDS rounds of pgbench (select-only) then the service, both looking up the $count complaints the"
echo "   intake runs created (the service with their query codes), $CLIENTS clients, ${DURATION} s each"
rounds status 10 bench/pgbench/status.sql -D count="$count"
status_ratios=("${RATIOS[@]}")

echo "== summary (median round)"
intake_ratio="$(printf '%s\n' "${intake_ratios[@]}" | median)"
status_ratio="$(printf '%s\n' "${status_ratios[@]}" | median)"
awk -v i="$intake_ratio" -v ir="${intake_ratios[*]}" -v p="$open_p99" -v r="${RATE:-100}" -v s="$status_ratio" \
  -v sr="${status_ratios[*]}" 'BEGIN {
  printf "intake    ratio %.2f of pgbench (rounds: %s)  (goal >= 0.50) %s\n", i, ir, (i >= 0.5 ? "met" : "NOT met")
  printf "intake    p99 %.1f ms at %d/s                       (goal <= 50 ms) %s\n", p, r, (p <= 50 ? "met" : "NOT met")
  printf "status    ratio %.2f of pgbench (rounds: %s)  (goal >= 0.60) %s\n", s, sr, (s >= 0.6 ? "met" : "NOT met")
}'
