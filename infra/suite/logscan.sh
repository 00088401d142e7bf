# shellcheck shell=bash
# Sourced by ./suite: the scan of every log a test run wrote for citizens' personal data (issue 17's sweep). Our
# services log a citizen only masked (citizen:5ebf***); a mobile, an ID number, an e-mail address or the name of a
# person of the tests and the demo in any line of theirs fails the run.

# the people of the tests and the demo data (seeds/demo, system-tests, complaint-service's Submissions)
LOG_SCAN_NAMES=(张三 李四 王五 赵六 孙七 周八 吴九)
# the stand-ins for third parties log what they receive (the fake SMTP server its mailboxes): their lines are not ours
LOG_SCAN_THIRD_PARTIES='\[(com\.icegreen\.greenmail|com\.github\.tomakehurst\.wiremock|WireMock)'

# the logs a test run writes: the packaged services of the system tests, each service's @QuarkusTest and
# @QuarkusIntegrationTest logs
log_scan_files() {
  local f
  for f in "$ROOT"/system-tests/target/service-logs/*.log "$ROOT"/*/target/*-test.log "$ROOT"/*/target/quarkus.log; do
    [[ -f $f ]] && printf '%s\n' "$f"
  done
}

# scan_logs <file>...: prints each line of the files holding personal data (its digits and letters masked, so this
# output holds none either) and returns 1 if there is any
scan_logs() {
  local names pattern hits
  names=$(IFS='|'; echo "${LOG_SCAN_NAMES[*]}")
  pattern="(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9])|(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"
  pattern+="|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|$names"
  hits=$(grep -P -n -H -- "$pattern" "$@" 2>/dev/null | grep -P -v -- "$LOG_SCAN_THIRD_PARTIES" || true)
  if [[ -z $hits ]]; then
    return 0
  fi
  printf '%s\n' "$hits" | head -20 | sed -E 's/^([^:]+:[0-9]+:).*$/\1/' | while read -r place; do
    warn "personal data in a log line: $place"
  done
  warn "$(printf '%s\n' "$hits" | wc -l) log line(s) hold a mobile, an ID number, an e-mail address or a person's name"
  return 1
}

# the scan itself is checked first on a log line of each kind, so a scan that can no longer find anything fails too
check_log_scan() {
  local fixture
  fixture=$(mktemp)
  printf '%s\n' \
    "12:00:00 INFO [cn.jxquality.x] (t) SMS to 13912345678 sent" \
    "12:00:00 INFO [cn.jxquality.x] (t) reporter 36010219900101123X" \
    "12:00:00 INFO [cn.jxquality.x] (t) mail to zhang.san@example.cn" \
    "12:00:00 INFO [cn.jxquality.x] (t) complaint by 张三" \
    "12:00:00 INFO [com.icegreen.greenmail.user.UserManager] (t) Created user li.si@example.cn" \
    "12:00:00 INFO [cn.jxquality.x] (t) SMS on JX43399524862834 to citizen:c3a1*** sent at 1733572800123" >"$fixture"
  local found
  found=$(scan_logs "$fixture" 2>&1 | grep -c 'personal data in a log line' || true)
  rm -f "$fixture"
  [[ $found -eq 4 ]] || die "the log scan found $found of the 4 lines with personal data in its own check"
}
