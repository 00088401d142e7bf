# shellcheck shell=bash
# Sourced by ./suite: the SMS, payment and mail stand-ins of ./suite up. Uses the constants ./suite defines.

# ---------------------------------------------------------------------------------------------
# sandboxes for './suite up': one WireMock standing in for the SMS gateway (accepts every message, tells which it took)
# and the payment gateway (pays every payout, the same reference for the same idempotency key), and a
# GreenMail SMTP server, so the demo's notifications and payouts really happen and can be looked at. Tests start their
# own (WireMock, GreenMail) inside the test JVM.
# ---------------------------------------------------------------------------------------------
SMS_PORT=8090
MAIL_SMTP_PORT=3025
MAIL_API_PORT=8025

start_sandboxes() {
  start_sandbox sms-gateway
  start_sandbox mail-server
  info "SMS and payment gateway sandbox on http://127.0.0.1:$SMS_PORT, mail sandbox SMTP 127.0.0.1:$MAIL_SMTP_PORT (API http://127.0.0.1:$MAIL_API_PORT)"
}

start_sandbox() { # start_sandbox <sms-gateway|mail-server>
  local name="$1" pid rc=0
  if pid_of "$PROFILE" "$name" >/dev/null; then stop_proc "$PROFILE" "$name"; fi
  if [[ "$name" == sms-gateway ]]; then
    require_free_port "$SMS_PORT" "the SMS gateway sandbox"
    local root="$PDIR/sms-gateway"
    rm -rf "$root"
    mkdir -p "$root/mappings"
    cp "$ROOT"/infra/sms-gateway/mappings/*.json "$ROOT"/infra/payment-gateway/mappings/*.json "$root/mappings/"
    # the gateway's status look-up (GET /sms/status?reference=…), a WireMock extension compiled here (about a second)
    javac -nowarn -cp "$SANDBOX_JARS/wiremock-standalone.jar" -d "$root/classes" \
      "$ROOT"/infra/sms-gateway/extension/SmsStatus.java || die "the SMS gateway sandbox's extension did not compile"
    # the journal (/__admin/requests: what was sent and paid) keeps the last SMS_JOURNAL_ENTRIES (2000) requests;
    # unbounded, a benchmark's hundred thousand SMS filled the sandbox's heap and it stopped answering. The fault
    # scenarios (bench/faults.sh) keep more, to count every message the gateway took.
    launch sms-gateway "$SANDBOX_JARS/wiremock-standalone.jar" "$LOGS/sms-gateway.log" \
      java "-Xmx${SMS_SANDBOX_HEAP:-128m}" -cp "$SANDBOX_JARS/wiremock-standalone.jar:$root/classes" wiremock.Run \
      --bind-address 127.0.0.1 --port "$SMS_PORT" --root-dir "$root" --disable-banner --extensions sandbox.SmsStatus \
      --max-request-journal-entries "${SMS_JOURNAL_ENTRIES:-2000}"
    pid=$LAUNCHED_PID
    wait_http_200 "http://127.0.0.1:$SMS_PORT/__admin/health" 60 "$pid" wiremock-standalone || rc=$?
    ((rc == 0)) || { log_tail "$LOGS/sms-gateway.log"; die "the SMS gateway sandbox did not start"; }
  else
    require_free_port "$MAIL_SMTP_PORT" "the mail sandbox (SMTP)"
    require_free_port "$MAIL_API_PORT" "the mail sandbox (API)"
    launch mail-server "$SANDBOX_JARS/greenmail-standalone.jar" "$LOGS/mail-server.log" \
      java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled \
      -jar "$SANDBOX_JARS/greenmail-standalone.jar"
    pid=$LAUNCHED_PID
    wait_http_200 "http://127.0.0.1:$MAIL_API_PORT/api/configuration" 60 "$pid" greenmail-standalone || rc=$?
    ((rc == 0)) || { log_tail "$LOGS/mail-server.log"; die "the mail sandbox did not start"; }
  fi
}
