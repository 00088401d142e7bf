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
  info "starting Keycloak on http://127.0.0.1:$KC_PORT (management $KC_MGMT_PORT), log $LOGS/keycloak.log"
  local t0; t0=$(now_ms)
  (
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
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
  local ms=$(( $(now_ms) - t0 ))
  info "Keycloak ready on http://127.0.0.1:$KC_PORT after $((ms / 1000)).$((ms % 1000 / 100))s (realm $REALM imported)"
}
