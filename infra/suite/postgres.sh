# shellcheck shell=bash
# Sourced by ./suite: PostgreSQL: the OS cluster, roles and databases of each profile. Uses the constants ./suite defines.

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
pg_admin() { # psql as the postgres superuser over the unix socket
  if [[ $EUID -eq 0 ]]; then
    PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
  else
    PGOPTIONS="-c client_min_messages=warning" sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 "$@"
  fi
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }

# pg_cluster: prints "<version> <name> <port> <status>" of the OS cluster the suite uses (the one on port 5432)
pg_cluster() {
  local ver name port status
  read -r ver name port status _ < <(pg_lsclusters -h | sort -k3,3n | awk '$3 == 5432' | head -n1) || true
  [[ -n "${ver:-}" ]] || read -r ver name port status _ < <(pg_lsclusters -h | head -n1) || true
  [[ -n "${ver:-}" ]] || die "no PostgreSQL cluster found (pg_lsclusters is empty); create one with: pg_createcluster 15 main"
  [[ "$port" == 5432 ]] || die "PostgreSQL cluster $ver/$name is configured for port $port, the suite needs 5432"
  echo "$ver $name $port $status"
}

ensure_postgres() {
  if command -v pg_isready >/dev/null 2>&1 && pg_ready; then
    info "PostgreSQL is already listening on 127.0.0.1:5432; using it"
  else
    if ! command -v pg_lsclusters >/dev/null 2>&1 || [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]]; then
      [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; install it (apt-get install postgresql) or run as root"
      info "PostgreSQL is not installed; installing it with apt-get (this takes a minute)"
      apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    fi
    local cluster ver name port status
    cluster="$(pg_cluster)" || exit 1
    read -r ver name port status <<<"$cluster"
    if [[ "$status" != online* ]]; then
      info "starting PostgreSQL cluster $ver/$name"
      pg_ctlcluster "$ver" "$name" start
      mkdir -p "$STATE"
      printf '%s %s\n' "$ver" "$name" >"$PG_MARKER"
    fi
    local deadline=$(( $(date +%s) + 30 ))
    until pg_ready; do
      if (( $(date +%s) >= deadline )); then
        log_tail "/var/log/postgresql/postgresql-$ver-$name.log" 40
        die "PostgreSQL did not become ready on 127.0.0.1:5432 within 30 s"
      fi
      sleep 0.5
    done
    info "PostgreSQL $ver/$name is ready on 127.0.0.1:5432"
  fi
}

ensure_secrets() {
  mkdir -p "$STATE"
  (umask 077; touch "$SECRETS")
  chmod 600 "$SECRETS"
  local key
  # OPEN311_DEMO_KEY: the demo Open311 client's API key (./suite up prints it), hex so that it goes into a URL as it is
  # the realm's client secrets, Keycloak's administrator and the payment sandbox's password: this install's own
  for key in COMPLAINT_SVC_DB_PASSWORD CASE_SVC_DB_PASSWORD NOTIFY_SVC_DB_PASSWORD OPEN311_DEMO_KEY \
    WEB_CONSOLE_CLIENT_SECRET COMPLAINT_SERVICE_CLIENT_SECRET CASE_SERVICE_CLIENT_SECRET NOTIFY_SERVICE_CLIENT_SECRET \
    KEYCLOAK_ADMIN_PASSWORD PAYMENT_GATEWAY_PASSWORD; do
    grep -q "^$key=" "$SECRETS" || printf '%s=%s\n' "$key" "$(openssl rand -hex 16)" >>"$SECRETS"
  done
  for key in PII_KEY_V1 BLIND_INDEX_KEY QUERY_CODE_KEY WEBHOOK_KEY OPT_OUT_KEY CLAIM_DATA_KEY CONSOLE_STATE_SECRET CONSOLE_SESSION_SECRET; do
    grep -q "^$key=" "$SECRETS" || printf '%s=%s\n' "$key" "$(openssl rand -base64 32)" >>"$SECRETS"
  done
  # shellcheck disable=SC1090
  source "$SECRETS"
}

sql_role() { # sql_role <role> <password>: create if missing, (re)set password
  printf "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s LOGIN; END IF; END \$\$;\nALTER ROLE %s WITH LOGIN PASSWORD '%s';\n" "$1" "$1" "$1" "$2"
}

db_extensions() { # db_extensions <db>...
  local db
  for db in "$@"; do
    pg_admin -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS pgcrypto;'
  done
}

check_login() { # check_login <user> <password> <db>: password login over TCP 127.0.0.1
  if ! PGPASSWORD="$2" psql -X -q -h 127.0.0.1 -p 5432 -U "$1" -d "$3" -tAc 'select 1' >/dev/null 2>&1; then
    allow_password_logins
    PGPASSWORD="$2" psql -X -q -h 127.0.0.1 -p 5432 -U "$1" -d "$3" -tAc 'select 1' >/dev/null \
      || die "role $1 cannot log in to database $3 over 127.0.0.1 with a password; check pg_hba.conf"
  fi
}

allow_password_logins() { # adds a scram-sha-256 rule for 127.0.0.1 in front of pg_hba.conf (once)
  local hba
  hba="$(pg_admin -tAc 'SHOW hba_file')"
  if ! grep -q 'added by ./suite' "$hba"; then
    warn "password logins over 127.0.0.1 fail; adding a scram-sha-256 rule to $hba"
    sed -i '1i # added by ./suite: password logins for the suite'"'"'s roles over loopback\nhost all all 127.0.0.1/32 scram-sha-256' "$hba"
    pg_admin -c 'SELECT pg_reload_conf()' >/dev/null
  fi
}

setup_databases() { # for the current profile
  if [[ "$PROFILE" == up ]]; then
    ensure_secrets
    {
      sql_role complaint_svc "$COMPLAINT_SVC_DB_PASSWORD"
      sql_role case_svc "$CASE_SVC_DB_PASSWORD"
      sql_role notify_svc "$NOTIFY_SVC_DB_PASSWORD"
      local pair
      for pair in complaints:complaint_svc cases:case_svc notifications:notify_svc; do
        printf "SELECT 'CREATE DATABASE %s OWNER %s' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '%s')\\\\gexec\n" \
          "${pair%%:*}" "${pair#*:}" "${pair%%:*}"
      done
    } | pg_admin -d postgres
    db_extensions complaints cases notifications
    check_login complaint_svc "$COMPLAINT_SVC_DB_PASSWORD" complaints
    info "databases complaints, cases, notifications ready (roles complaint_svc, case_svc, notify_svc; passwords in .suite/secrets.env)"
  else
    {
      sql_role complaint_test test
      sql_role case_test test
      sql_role notify_test test
      local db owner
      for db in complaints_test cases_test notifications_test complaints_sys cases_sys notifications_sys; do
        case "$db" in complaints_*) owner=complaint_test ;; cases_*) owner=case_test ;; *) owner=notify_test ;; esac
        printf 'DROP DATABASE IF EXISTS %s WITH (FORCE);\nCREATE DATABASE %s OWNER %s;\n' "$db" "$db" "$owner"
      done
    } | pg_admin -d postgres
    db_extensions complaints_test cases_test notifications_test complaints_sys cases_sys notifications_sys
    check_login complaint_test test complaints_test
    info "fresh databases complaints_test, cases_test, notifications_test, complaints_sys, cases_sys, notifications_sys (roles *_test, password 'test')"
  fi
}
