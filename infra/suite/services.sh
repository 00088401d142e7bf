# shellcheck shell=bash
# Sourced by ./suite: the three packaged services and ./suite up. Uses the constants ./suite defines.

# ---------------------------------------------------------------------------------------------
# the three services (profile up)
# ---------------------------------------------------------------------------------------------
service_port() {
  case "$1" in
    complaint-service) echo 8081 ;; case-service) echo 8082 ;; notify-service) echo 8083 ;;
    complaint-service-2) echo 8181 ;; case-service-2) echo 8182 ;; notify-service-2) echo 8183 ;;
  esac
}

# Scale-out on one machine: SUITE_INSTANCES=2 ./suite up runs a second instance of each service on 818x, against the
# same Kafka (the same consumer groups) and databases; ./suite stop|kill|start <service>-2 and ./suite down know them.
SECOND_INSTANCES=(notify-service-2 case-service-2 complaint-service-2)
service_instances() { # the services ./suite up runs, each instance by its name, as SUITE_INSTANCES asks
  local svc
  for svc in "${SERVICES[@]}"; do
    echo "$svc"
    if [[ "${SUITE_INSTANCES:-1}" == 2 ]]; then echo "$svc-2"; fi
  done
}

start_service() { # start_service <name>   (a service, or its second instance <service>-2)
  local svc="$1" base="${1%-2}" port jar db user pass secret
  port="$(service_port "$svc")"
  jar="$ROOT/$base/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || die "$jar is missing after the build"
  case "$base" in
    complaint-service) db=complaints;    user=complaint_svc; pass="$COMPLAINT_SVC_DB_PASSWORD" ;;
    case-service)      db=cases;         user=case_svc;      pass="$CASE_SVC_DB_PASSWORD" ;;
    notify-service)    db=notifications; user=notify_svc;    pass="$NOTIFY_SVC_DB_PASSWORD" ;;
  esac
  secret="$(tr 'a-z-' 'A-Z_' <<<"$base")_CLIENT_SECRET"
  secret="${!secret}"
  (
    cd "$ROOT" || exit 1
    export QUARKUS_HTTP_PORT="$port" DB_URL_HOST=127.0.0.1 DB_PORT="${SUITE_DB_PORT:-5432}" DB_NAME="$db" DB_USER="$user" DB_PASSWORD="$pass"
    export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
    export OIDC_AUTH_SERVER_URL="http://127.0.0.1:$KC_PORT/realms/$REALM" OIDC_CLIENT_SECRET="$secret"
    export SWAGGER_UI=true # the API explorer on /q/swagger-ui, for the demo; off in production
    case "$base" in
      complaint-service)
        export PII_KEY_V1 BLIND_INDEX_KEY QUERY_CODE_KEY WEB_CONSOLE_SECRET="$WEB_CONSOLE_CLIENT_SECRET"
        export CONSOLE_STATE_SECRET CONSOLE_SESSION_SECRET CASE_SERVICE_URL=http://127.0.0.1:8082 NOTIFY_SERVICE_URL=http://127.0.0.1:8083
        # plain HTTP on loopback: cookies cannot be Secure here (behind TLS they are, by default)
        export SITE_SECURE_COOKIES=false PUBLIC_BASE_URL=http://127.0.0.1:8081
        export OPEN311_API_KEYS="demo-app:$OPEN311_DEMO_KEY" ;;
      case-service)
        export COMPLAINT_SERVICE_URL=http://127.0.0.1:8081 CLAIM_DATA_KEY_ID=v1 CLAIM_DATA_KEY
        export PAYMENT_GATEWAY_URL="http://127.0.0.1:$SMS_PORT" PAYMENT_GATEWAY_USER=case-service PAYMENT_GATEWAY_PASSWORD ;;
      notify-service)
        export COMPLAINT_SERVICE_URL=http://127.0.0.1:8081 WEBHOOK_KEY OPT_OUT_KEY PUBLIC_BASE_URL=http://127.0.0.1:8081
        export SMS_GATEWAY_URL="http://127.0.0.1:$SMS_PORT/sms/send" SMS_GATEWAY_STATUS_URL="http://127.0.0.1:$SMS_PORT/sms/status"
        export SMTP_HOST=127.0.0.1 SMTP_PORT="$MAIL_SMTP_PORT" SMTP_START_TLS=DISABLED ;;
    esac
    local -a java_opts=()
    # JVM options, split at spaces on purpose. By default the client compiler only (C1): on two cores shared with
    # PostgreSQL, Kafka and Keycloak, C2's compiling cost more CPU than its code saved in every run measured
    # (BENCHMARKS.md, issue 19): the suite starts in half the time and each complaint costs less, cold and warm.
    # SERVICE_JAVA_OPTS="" runs the JVM's default tiered compilation.
    read -r -a java_opts <<<"${SERVICE_JAVA_OPTS--XX:TieredStopAtLevel=1}"
    launch "$svc" "$jar" "$LOGS/$svc.log" java -Xmx384m "${java_opts[@]}" -Dseeds.dir="$ROOT/seeds" -jar "$jar"
  )
  STARTED+=("$PROFILE:$svc")
  info "started $svc on port $port (log $LOGS/$svc.log)"
}

cmd_up() {
  set_profile up
  arm_trap
  local t_all; t_all=$(now_ms)
  local svc name
  for name in "${SECOND_INSTANCES[@]}" "${STOP_ORDER[@]}"; do
    if pid_of up "$name" >/dev/null; then
      info "$name of an earlier './suite up' / 'infra-up up' is still running; stopping it first"
      stop_proc up "$name"
    fi
  done
  local -a instances
  mapfile -t instances < <(service_instances)
  for svc in "${instances[@]}"; do require_free_port "$(service_port "$svc")" "$svc"; done
  start_infra
  ensure_secrets
  phase "sandboxes"
  start_sandboxes
  phase "build services"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -pl complaint-service,case-service,notify-service -am) \
    || die "building the services failed"
  phase "start services"
  for svc in "${instances[@]}"; do require_free_port "$(service_port "$svc")" "$svc"; done
  for svc in "${instances[@]}"; do start_service "$svc"; done
  local deadline=$(( $(date +%s) + 120 * ${#instances[@]} / ${#SERVICES[@]} )) pid jar port rc
  for svc in "${instances[@]}"; do
    port="$(service_port "$svc")"
    jar="$ROOT/${svc%-2}/target/quarkus-app/quarkus-run.jar"
    pid="$(pid_of up "$svc" || true)"
    rc=0
    if [[ -z "$pid" ]]; then rc=2
    else wait_http_200 "http://127.0.0.1:$port/q/health/ready" $(( deadline - $(date +%s) > 1 ? deadline - $(date +%s) : 1 )) "$pid" "$jar" || rc=$?
    fi
    if ((rc != 0)); then
      log_tail "$LOGS/$svc.log" 60
      if ((rc == 2)); then die "$svc exited during start-up"; fi
      die "$svc did not report ready on http://127.0.0.1:$port/q/health/ready within 120 s"
    fi
    info "$svc is ready"
  done
  if [[ -f "$ROOT/seeds/demo/load-demo-data.sh" ]]; then
    phase "demo data"
    COMPLAINT_URL=http://127.0.0.1:8081 CASE_URL=http://127.0.0.1:8082 NOTIFY_URL=http://127.0.0.1:8083 \
      KEYCLOAK_URL="http://127.0.0.1:$KC_PORT" bash "$ROOT/seeds/demo/load-demo-data.sh" \
      || warn "the demo data did not load (seeds/demo/load-demo-data.sh); the suite runs without it"
  fi
  phase_end
  local ms=$(( $(now_ms) - t_all ))
  cat <<EOF

suite: ================================================================================
suite: the suite is up (in $((ms / 1000))s). Press Ctrl-C to stop everything.
suite:
suite:   public pages         http://127.0.0.1:8081/          (submit; /status to check progress)
suite:   staff console        http://127.0.0.1:8081/console   (sign in as operator1 / password)
suite:
suite:   complaint-service    http://127.0.0.1:8081/q/swagger-ui   health http://127.0.0.1:8081/q/health
suite:   case-service         http://127.0.0.1:8082/q/swagger-ui   health http://127.0.0.1:8082/q/health
suite:   notify-service       http://127.0.0.1:8083/q/swagger-ui   health http://127.0.0.1:8083/q/health
$(if [[ "${instances[*]}" == *-2* ]]; then
  echo "suite:   second instances     http://127.0.0.1:8181  :8182  :8183  (the same Kafka groups and databases)"
else
  echo "suite:   one instance each    (SUITE_INSTANCES=2 ./suite up runs a second one of each on 8181-8183)"
fi)
suite:   Keycloak admin       http://127.0.0.1:$KC_PORT/admin/   (admin / $KEYCLOAK_ADMIN_PASSWORD), realm $REALM
suite:   Kafka                127.0.0.1:$KAFKA_PORT
suite:   PostgreSQL           127.0.0.1:5432, databases complaints / cases / notifications (.suite/secrets.env)
suite:   SMS sent, payouts (sandbox)  http://127.0.0.1:$SMS_PORT/__admin/requests
suite:   mail sent (sandbox)  http://127.0.0.1:$MAIL_API_PORT/api/user/<address>/messages/INBOX/   (SMTP 127.0.0.1:$MAIL_SMTP_PORT)
suite:   logs                 $LOGS/
suite:
suite:   demo logins (password "password"): operator1, supervisor1, dept-nc-amr, dept-gz-amr,
suite:                                      reviewer1, approver1, finance1, auditor1, admin1,
suite:                                      ent-demo (an ODR enterprise: /console/enterprise)
suite:   token:  curl -s -d grant_type=password -d client_id=suite-cli -d username=operator1 -d password=password http://127.0.0.1:$KC_PORT/realms/$REALM/protocol/openid-connect/token
suite:
suite:   Open311 GeoReport v2 http://127.0.0.1:8081/open311/v2/services.json   demo client demo-app, api_key $OPEN311_DEMO_KEY
suite:   post a request:  curl -s -d api_key=$OPEN311_DEMO_KEY -d service_code=PRODUCT.FOOD -d lat=28.68 -d long=115.89 --data-urlencode last_name=张 --data-urlencode first_name=三 -d phone=13800138000 --data-urlencode 'attribute[subject_name]=示例超市' --data-urlencode 'description=过期食品仍在销售' http://127.0.0.1:8081/open311/v2/requests.json
suite: ================================================================================

EOF
  # stay in the foreground; report processes that die (the trap stops the rest on Ctrl-C)
  local -A reported=()
  local alive dead
  while true; do
    sleep 2 &
    wait $! || true
    alive=0
    dead=()
    for name in kafka keycloak sms-gateway mail-server "${instances[@]}"; do
      # one started again by `./suite start` is reported again if it exits again
      if pid_of up "$name" >/dev/null; then alive=$((alive + 1)); unset "reported[$name]"; else dead+=("$name"); fi
    done
    if ((alive == 0)); then
      info "all processes of the suite have stopped (./suite down?); exiting"
      exit 0
    fi
    for name in "${dead[@]}"; do
      if [[ -z "${reported[$name]:-}" ]]; then
        reported[$name]=1
        warn "$name has exited (log: $LOGS/); the rest keeps running"
      fi
    done
  done
}
