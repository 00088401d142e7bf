# shellcheck shell=bash
# Sourced by ./suite: output helpers, the two profiles (their ports and state folders), process management. Uses the constants ./suite defines.

# ---------------------------------------------------------------------------------------------
# output helpers
# ---------------------------------------------------------------------------------------------
info() { printf 'suite: %s\n' "$*"; }
warn() { printf 'suite: WARNING: %s\n' "$*" >&2; }
die() { printf 'suite: ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
PHASE_NAME=""
PHASE_START=0
phase() { # phase <name>: starts timing a phase (and ends the previous one)
  phase_end
  PHASE_NAME="$1"
  PHASE_START=$(now_ms)
  info "== $PHASE_NAME"
}
phase_end() {
  if [[ -n "$PHASE_NAME" ]]; then
    local ms=$(( $(now_ms) - PHASE_START ))
    info "== $PHASE_NAME: done in $((ms / 1000)).$(printf '%03d' $((ms % 1000)) | cut -c1)s"
    PHASE_NAME=""
  fi
}

log_tail() { # log_tail <file> [lines]
  local f="$1" n="${2:-60}"
  if [[ -f "$f" ]]; then
    printf 'suite: ---- last %s lines of %s ----\n' "$n" "$f" >&2
    tail -n "$n" "$f" >&2 || true
    printf 'suite: ---- end of %s ----\n' "$f" >&2
  else
    printf 'suite: (no log file %s)\n' "$f" >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# profiles: `up` (demo) and `test` use different ports and state folders so both can coexist
# ---------------------------------------------------------------------------------------------
PROFILE=""
# test_port <kafka|keycloak>: the test infrastructure's ports are defined once, where the services and tests read them
test_port() {
  local port
  port="$(sed -n "s/^suite\.test\.$1-port=\([0-9]*\)\s*$/\1/p" "$ROOT/platform/src/main/resources/META-INF/microprofile-config.properties")"
  [[ -n "$port" ]] || die "platform/src/main/resources/META-INF/microprofile-config.properties names no suite.test.$1-port"
  echo "$port"
}

set_profile() {
  PROFILE="$1"
  case "$PROFILE" in
    up)   KAFKA_PORT=9092;  KAFKA_CONTROLLER_PORT=9093;  KC_PORT=8180;  KC_MGMT_PORT=9180; CONSOLE_PORT=8081 ;;
    test) KAFKA_PORT="$(test_port kafka)"; KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
          KC_PORT="$(test_port keycloak)"; KC_MGMT_PORT=$((KC_PORT + 1000))
          CONSOLE_PORT=18081 ;; # the system tests' complaint-service, whose console they sign in to
    *) die "unknown profile '$PROFILE' (expected 'up' or 'test')" ;;
  esac
  PDIR="$STATE/$PROFILE"
  PIDS="$PDIR/pids"
  LOGS="$PDIR/logs"
}

# ---------------------------------------------------------------------------------------------
# process management: every process we start runs in its own session (setsid), its pid file
# holds "<pid> <marker>"; we only ever signal a pid whose command line still contains the marker.
# ---------------------------------------------------------------------------------------------
STARTED=()   # "profile:name" in start order; stopped in reverse order by the exit trap

proc_alive() { # proc_alive <pid> <marker>
  local pid="$1" marker="$2" cmd
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ -n "$cmd" && "$cmd" == *"$marker"* ]]
}

# launch <name> <marker> <logfile> <command...>   (environment: inherited + whatever the caller exported)
launch() {
  local name="$1" marker="$2" log="$3"; shift 3
  mkdir -p "$PIDS" "$(dirname "$log")"
  : >"$log"
  ( exec setsid "$@" >>"$log" 2>&1 </dev/null ) &
  local pid=$! i
  printf '%s %s\n' "$pid" "$marker" >"$PIDS/$name.pid"
  STARTED+=("$PROFILE:$name")
  LAUNCHED_PID=$pid
  # until the forked subshell has exec'd, /proc/<pid>/cmdline is still ours: wait for the marker
  for ((i = 0; i < 50; i++)); do
    proc_alive "$pid" "$marker" && return 0
    [[ -d "/proc/$pid" ]] || return 0
    sleep 0.1
  done
}

# pid_of <profile> <name>: prints the pid if the recorded process is still ours and running
pid_of() {
  local f="$STATE/$1/pids/$2.pid" pid marker
  [[ -f "$f" ]] || return 1
  read -r pid marker <"$f" || return 1
  [[ -n "${pid:-}" && -n "${marker:-}" ]] || return 1
  proc_alive "$pid" "$marker" || return 1
  printf '%s\n' "$pid"
}

# stop_proc <profile> <name>: TERM the process group, wait up to 20 s, then KILL
stop_proc() {
  local profile="$1" name="$2" f="$STATE/$1/pids/$2.pid" pid marker pgid i
  [[ -f "$f" ]] || return 0
  read -r pid marker <"$f" || { rm -f "$f"; return 0; }
  if [[ -z "${pid:-}" || -z "${marker:-}" ]] || ! proc_alive "$pid" "$marker"; then
    rm -f "$f"
    return 0
  fi
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  info "stopping $name ($profile, pid $pid)"
  if [[ "$pgid" == "$pid" ]]; then kill -TERM -- "-$pid" 2>/dev/null || true
  else kill -TERM "$pid" 2>/dev/null || true; fi
  for ((i = 0; i < 100; i++)); do
    proc_alive "$pid" "$marker" || break
    sleep 0.2
  done
  if proc_alive "$pid" "$marker"; then
    warn "$name (pid $pid) did not stop within 20 s; killing it"
    if [[ "$pgid" == "$pid" ]]; then kill -KILL -- "-$pid" 2>/dev/null || true
    else kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.5
  fi
  # leftovers of the group (e.g. Keycloak's java under kc.sh)
  if [[ "$pgid" == "$pid" ]] && pgrep -g "$pid" >/dev/null 2>&1; then
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

stop_profile() { # stop_profile <profile>: everything recorded in .suite/<profile>/pids
  local profile="$1" name
  for name in "${SECOND_INSTANCES[@]}" "${STOP_ORDER[@]}"; do stop_proc "$profile" "$name"; done
}

CLEANED=0
cleanup() {
  local rc=$?
  [[ $CLEANED == 1 ]] && return 0
  CLEANED=1
  trap '' INT TERM
  if [[ -n "$PHASE_NAME" && $rc != 0 ]]; then
    info "== $PHASE_NAME: failed after $(( ($(now_ms) - PHASE_START) / 1000 ))s"
    PHASE_NAME=""
  fi
  phase_end || true
  local i entry
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    entry="${STARTED[$i]}"
    stop_proc "${entry%%:*}" "${entry#*:}" || true
  done
  if ((${#STARTED[@]} > 0)) && [[ -f "$PG_MARKER" ]] && pg_ready; then
    info "PostgreSQL was started by the suite and is left running (./suite down stops it)"
  fi
  return "$rc"
}
on_signal() { info "interrupted; stopping what was started"; exit "$1"; }
arm_trap() {
  trap cleanup EXIT
  trap 'on_signal 130' INT
  trap 'on_signal 143' TERM
}

port_listener() { # port_listener <port>: prints the listening socket line if somebody listens on it
  ss -Hltnp "sport = :$1" 2>/dev/null | head -n1
}
require_free_port() { # require_free_port <port> <what>
  local line
  line="$(port_listener "$1")"
  if [[ -n "$line" ]]; then
    die "port $1 (needed for $2) is already in use by another process: $(awk '{print $4, $6}' <<<"$line")"
  fi
}

wait_http_200() { # wait_http_200 <url> <timeout-s> <pid> <marker>
  local url="$1" timeout="$2" pid="$3" marker="$4" deadline code
  deadline=$(( $(date +%s) + timeout ))
  while (( $(date +%s) < deadline )); do
    proc_alive "$pid" "$marker" || return 2
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" 2>/dev/null || true)"
    [[ "$code" == 200 ]] && return 0
    sleep 1
  done
  return 1
}
