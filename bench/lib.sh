# shellcheck shell=bash
# Shared by the bench/*.sh scripts (sourced from the project root).

# require_suite <port>...: stops with a hint unless every port answers (the suite must be up)
require_suite() {
  local port
  for port in "$@"; do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null || curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null ||
      { echo "bench: nothing answers on 127.0.0.1:$port; start the suite first: ./suite up" >&2; exit 1; }
  done
}

# use_database <database> <role> <password variable in .suite/secrets.env>: psql's connection for sql()
use_database() {
  [[ -r .suite/secrets.env ]] || { echo "bench: .suite/secrets.env missing; start the suite with ./suite up" >&2; exit 1; }
  # shellcheck disable=SC1091
  source .suite/secrets.env
  export PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE="$1" PGUSER="$2" PGPASSWORD="${!3}"
}

sql() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# ask <database> <role> <password variable> <query>: one of the suite's three databases, read with its own role
ask() {
  use_database "$1" "$2" "$3"
  sql -c "$4"
}
# ask_over <file> <database> <role> <password variable> <query over table t(n)>: the file's tracking numbers (one a
# line) are copied into the temporary table t first
ask_over() {
  local file="$1"
  shift
  use_database "$1" "$2" "$3"
  sql -c "create temp table t (n varchar(20) primary key)" -c "\\copy t from '$file'" -c "$4"
}

# the machine and commit a figure belongs to
print_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(psql --version)"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
}

# group_lag <consumer group>: records the group has not yet committed, over all its partitions (the Kafka tools of the
# suite's own distribution ask the broker). A partition the group never committed on counts all its records.
group_lag() {
  local libs
  libs="$(echo .suite/dist/kafka-*/libs)"
  java -cp "$libs/*" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:9092 \
    --describe --group "$1" 2>/dev/null |
    awk '$1 == g && $3 ~ /^[0-9]+$/ { lag += ($6 ~ /^[0-9]+$/ ? $6 : ($5 ~ /^[0-9]+$/ ? $5 : 0)) } END { print lag + 0 }' g="$1"
}

# wait_caught_up <seconds> <group>...: waits until every group has committed everything, printing the lag now and
# then; fails after <seconds>
wait_caught_up() {
  local limit="$1" start lag group total
  shift
  start=$(date +%s)
  while :; do
    total=0
    for group in "$@"; do
      lag="$(group_lag "$group")"
      total=$((total + lag))
    done
    ((total == 0)) && return 0
    if (($(date +%s) - start >= limit)); then
      echo "bench: $* still $total records behind after ${limit} s" >&2
      return 1
    fi
    echo "   waiting for $* to catch up: $total records behind"
    sleep 15
  done
}

# through <file of tracking numbers>: how far through the pipeline (bench/faults.sh, bench/soak.sh) they are:
# "<cases ASSIGNED> <ROUTED> <with all notices, none PENDING>"
through() { # through <file of tracking numbers>
  local assigned routed notified
  assigned="$(ask_over "$1" cases case_svc CASE_SVC_DB_PASSWORD \
    "select count(*) from case_file where tracking_number in (select n from t) and state = 'ASSIGNED'")"
  routed="$(ask_over "$1" complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD \
    "select count(*) from complaint where tracking_number in (select n from t) and status = 'ROUTED'")"
  notified="$(ask_over "$1" notifications notify_svc NOTIFY_SVC_DB_PASSWORD \
    "select count(*) from (select tracking_number from notification where tracking_number in (select n from t)
       group by tracking_number having count(*) >= $EXPECTED_NOTICES and count(*) filter (where status = 'PENDING') = 0) c")"
  echo "$assigned $routed $notified"
}
