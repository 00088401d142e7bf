# shellcheck shell=bash
# Sourced by ./suite: stop, kill and start one component of a running `./suite up`, for the fault scenarios
# (bench/faults.sh, RELIABILITY.md). Loopback only; every wait is bounded. Uses the constants ./suite defines.

COMPONENTS=(postgres kafka keycloak complaint-service case-service notify-service sms-gateway mail-server
  complaint-service-2 case-service-2 notify-service-2) # the second instances of SUITE_INSTANCES=2 ./suite up

# component_arg <command> <component> [profile]: dies unless it names one of COMPONENTS (of `test`, whose services
# the system tests run themselves, only kafka and keycloak; postgres is both profiles'), then sets the profile
component_arg() {
  local c
  [[ -n "${2:-}" ]] || die "usage: ./suite $1 <component> [up|test]   (one of: ${COMPONENTS[*]})"
  set_profile "${3:-up}"
  if [[ "$PROFILE" == test && "$2" != kafka && "$2" != keycloak && "$2" != postgres ]]; then
    die "./suite $1 $2 test: of the test profile, ./suite runs only postgres, kafka and keycloak"
  fi
  for c in "${COMPONENTS[@]}"; do [[ "$c" == "$2" ]] && return 0; done
  die "unknown component '$2' (one of: ${COMPONENTS[*]})"
}

as_root() { # as_root <command...>: pg_ctlcluster must run as root (or the cluster's owner)
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

# the postmaster of the suite's cluster, from its data directory's postmaster.pid
postmaster_pid() {
  local cluster ver name dir
  cluster="$(pg_cluster)" || exit 1
  read -r ver name _ <<<"$cluster"
  dir="$(pg_conftool -s "$ver" "$name" show data_directory 2>/dev/null || echo "/var/lib/postgresql/$ver/$name")"
  [[ -r "$dir/postmaster.pid" ]] && head -n1 "$dir/postmaster.pid"
}

cmd_stop() {
  component_arg stop "${1:-}" "${2:-}"
  if [[ "$1" == postgres ]]; then
    local cluster ver name
    cluster="$(pg_cluster)" || exit 1
    read -r ver name _ <<<"$cluster"
    info "stopping PostgreSQL $ver/$name (fast: open transactions are rolled back)"
    as_root pg_ctlcluster "$ver" "$name" stop -m fast || die "could not stop PostgreSQL $ver/$name"
    return 0
  fi
  pid_of "$PROFILE" "$1" >/dev/null || die "$1 ($PROFILE) is not running"
  stop_proc "$PROFILE" "$1"
}

# kill: SIGKILL, as a crash or the kernel's OOM killer would; for PostgreSQL the postmaster and every backend
cmd_kill() {
  component_arg kill "${1:-}" "${2:-}"
  local pid i
  if [[ "$1" == postgres ]]; then
    pid="$(postmaster_pid)" || true
    [[ -n "$pid" && -d "/proc/$pid" ]] || die "PostgreSQL is not running"
    info "killing PostgreSQL (postmaster $pid and its children) with SIGKILL"
    as_root pkill -KILL -P "$pid" 2>/dev/null || true
    as_root kill -KILL "$pid"
    for ((i = 0; i < 50; i++)); do
      pg_ready || break
      sleep 0.1
    done
    return 0
  fi
  pid="$(pid_of "$PROFILE" "$1")" || die "$1 ($PROFILE) is not running"
  info "killing $1 (pid $pid, its process group) with SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  for ((i = 0; i < 50; i++)); do
    [[ -d "/proc/$pid" ]] || break
    sleep 0.1
  done
  rm -f "$PIDS/$1.pid"
}

# start: as ./suite up (or test) started it, with the same ports, secrets and data (the earlier log is kept as .log.1)
cmd_start() {
  component_arg start "${1:-}" "${2:-}"
  if [[ "$1" == postgres ]]; then
    local cluster ver name deadline
    cluster="$(pg_cluster)" || exit 1
    read -r ver name _ <<<"$cluster"
    pg_ready && { info "PostgreSQL is already running"; return 0; }
    info "starting PostgreSQL $ver/$name"
    as_root pg_ctlcluster "$ver" "$name" start || die "could not start PostgreSQL $ver/$name"
    deadline=$(($(date +%s) + 60))
    until pg_ready; do
      (($(date +%s) < deadline)) || die "PostgreSQL did not become ready within 60 s"
      sleep 0.2
    done
    info "PostgreSQL $ver/$name is ready"
    return 0
  fi
  pid_of "$PROFILE" "$1" >/dev/null && { info "$1 ($PROFILE) is already running"; return 0; }
  [[ -f "$LOGS/$1.log" ]] && mv -f "$LOGS/$1.log" "$LOGS/$1.log.1"
  case "$1" in
    kafka) KAFKA_KEEP_DATA=1 start_kafka ;; # the test profile's too: a restart, not a fresh log
    keycloak) start_keycloak ;;
    sms-gateway | mail-server) start_sandbox "$1" ;;
    *)
      ensure_secrets
      require_free_port "$(service_port "$1")" "$1"
      start_service "$1"
      local pid rc=0
      pid="$(pid_of "$PROFILE" "$1")" || die "$1 exited during start-up"
      wait_http_200 "http://127.0.0.1:$(service_port "$1")/q/health/ready" 120 "$pid" "${1%-2}/target/quarkus-app" || rc=$?
      ((rc == 0)) || { log_tail "$LOGS/$1.log" 40; die "$1 did not report ready within 120 s"; }
      info "$1 is ready"
      ;;
  esac
  STARTED=() # it stays up after this command
}
