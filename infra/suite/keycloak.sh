# shellcheck shell=bash
# Sourced by ./suite: Keycloak with the realm export. Uses the constants ./suite defines.

# ---------------------------------------------------------------------------------------------
# Keycloak (start-dev, own copy of the distribution per profile, fresh data/ each start)
# ---------------------------------------------------------------------------------------------
start_keycloak() {
  if pid_of "$PROFILE" keycloak >/dev/null; then
    info "a Keycloak of profile $PROFILE is still running; restarting it"
    stop_proc "$PROFILE" keycloak
  fi
  require_free_port "$KC_PORT" "Keycloak ($PROFILE)"
  require_free_port "$KC_MGMT_PORT" "Keycloak's management interface ($PROFILE)"
  [[ -f "$REALM_FILE" ]] || die "realm file $REALM_FILE is missing (seeds/keycloak/$REALM-realm.json)"
  local home="$PDIR/keycloak"
  if [[ ! -x "$home/bin/kc.sh" || ! -f "$home/version.txt" ]] || ! grep -q "$KEYCLOAK_VERSION" "$home/version.txt"; then
    info "copying Keycloak $KEYCLOAK_VERSION to $home"
    rm -rf "$home" "$home.tmp"
    cp -r "$KEYCLOAK_DIST" "$home.tmp"
    mv "$home.tmp" "$home"
  fi
  rm -rf "$home/data"
  mkdir -p "$home/data/import" "$LOGS"
  cp "$REALM_FILE" "$home/data/import/$REALM-realm.json"
  realm_secrets
  info "starting Keycloak on http://127.0.0.1:$KC_PORT (management $KC_MGMT_PORT), log $LOGS/keycloak.log"
  local t0; t0=$(now_ms)
  (
    # the realm's placeholders are resolved from the environment as Keycloak imports it
    export WEB_CONSOLE_CLIENT_SECRET COMPLAINT_SERVICE_CLIENT_SECRET CASE_SERVICE_CLIENT_SECRET NOTIFY_SERVICE_CLIENT_SECRET
    export CONSOLE_BASE_URL="http://127.0.0.1:$CONSOLE_PORT"
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD"
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms128m -Xmx1g}"
    launch keycloak "$home" "$LOGS/keycloak.log" \
      "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-port="$KC_MGMT_PORT" --hostname="http://127.0.0.1:$KC_PORT" --health-enabled=true --import-realm
  )
  STARTED+=("$PROFILE:keycloak")
  local pid; read -r pid _ <"$PIDS/keycloak.pid"
  local rc=0
  wait_http_200 "http://127.0.0.1:$KC_PORT/realms/$REALM/.well-known/openid-configuration" 300 "$pid" "$home" || rc=$?
  if ((rc != 0)); then
    log_tail "$LOGS/keycloak.log"
    if ((rc == 2)); then die "Keycloak exited during start-up"; fi
    die "Keycloak realm $REALM did not answer within 300 s"
  fi
  add_demo_people
  local ms=$(( $(now_ms) - t0 ))
  info "Keycloak ready on http://127.0.0.1:$KC_PORT after $((ms / 1000)).$((ms % 1000 / 100))s (realm $REALM imported, demo people added)"
}

# The realm's client secrets and Keycloak's administrator password: made for each install under `up` (kept in
# .suite/secrets.env), the committed test values under `test` (the tests sign in with them)
realm_secrets() {
  if [[ "$PROFILE" == up ]]; then
    ensure_secrets
  else
    WEB_CONSOLE_CLIENT_SECRET=web-console-dev-secret COMPLAINT_SERVICE_CLIENT_SECRET=complaint-service-dev-secret
    CASE_SERVICE_CLIENT_SECRET=case-service-dev-secret NOTIFY_SERVICE_CLIENT_SECRET=notify-service-dev-secret
    KEYCLOAK_ADMIN_PASSWORD=admin
  fi
}

# The imported realm is the production one (no people). The demo's people and the scripts' password-grant client
# (seeds/keycloak/demo-realm-additions.json) are added through Keycloak's partial import, as an administrator would.
add_demo_people() {
  local base="http://127.0.0.1:$KC_PORT" token answer
  token="$(curl -fsS --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" -d grant_type=password -d client_id=admin-cli \
    -d username=admin "$base/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')" \
    || die "Keycloak's administrator could not sign in to add the demo people"
  # the demo's passwords are "password": its realm asks only for what the additions' passwordPolicy says, not the
  # production realm's 12 mixed characters (the partial import itself ignores that field)
  local policy
  policy="$(sed -nE 's/^  "passwordPolicy": "([^"]*)",?$/\1/p' "$DEMO_REALM_FILE")"
  [[ -n "$policy" ]] || die "$DEMO_REALM_FILE names no passwordPolicy"
  answer="$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"passwordPolicy\": \"$policy\"}" "$base/admin/realms/$REALM")"
  [[ "$answer" == 204 ]] || die "Keycloak refused the demo realm's password policy: HTTP $answer"
  answer="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$DEMO_REALM_FILE" "$base/admin/realms/$REALM/partialImport")"
  [[ "$answer" == 200 ]] || die "Keycloak refused the demo people ($DEMO_REALM_FILE): HTTP $answer"
}
