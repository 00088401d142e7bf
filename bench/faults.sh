#!/usr/bin/env bash
# Proof under faults (issue 16): one fault during a steady load, then a reconciliation of what was accepted against
# the three databases and the SMS gateway. Usage:
#
#   bench/faults.sh <scenario>     (the suite running: ./suite up, in another terminal)
#
#   kafka               Kafka killed with SIGKILL, down DOWN seconds, started again
#   case-service        case-service killed with SIGKILL and started again
#   notify-service      notify-service killed with SIGKILL and started again
#   complaint-service   complaint-service killed with SIGKILL mid-load and started again (the clients retry what was
#                       not answered, with the same Idempotency-Key)
#   postgres            PostgreSQL stopped (fast shutdown), down DOWN seconds, started again
#   sms-gateway         the SMS gateway answers 503 for half of 2 minutes and times out for the other half
#   db-latency          200 ms added each way between the services and PostgreSQL for 2 minutes (the services are
#                       first restarted to reach PostgreSQL through bench/DelayProxy.java, and restarted as before
#                       after the run)
#   payout              PAYOUTS (10) claimed rewards paid by finance while the payment gateway takes each payment but
#                       its answer is lost (it answers after case-service's 10 s timeout) and it cannot say whether it
#                       paid (503) for 2 minutes; case-service is restarted first to reconcile every 30 s (5 min by
#                       default); prints how many were paid, how many times each was paid, and when all were settled
#   scale-out           with two instances of each service (SUITE_INSTANCES=2 ./suite up), one of each killed with
#                       SIGKILL (complaint-service-2, case-service, notify-service) and started again DOWN seconds later;
#                       the load goes to both complaint-services (a retry goes to the other one); prints how long each
#                       consumer group took to rebalance onto the survivors (goal: 30 s)
#
# The load (system-tests/.../FaultLoad.java): RATE complaints/s (50) for DURATION seconds (180), open loop, each retried with
# its key for up to RETRY_SECONDS (120); the fault begins FAULT_AT seconds in (60); DOWN (30) is how long Kafka or
# PostgreSQL stays down. Then the script waits (at most SETTLE seconds,
# 300) until every accepted complaint has its case ASSIGNED, its public status ROUTED and its EXPECTED_NOTICES (3)
# notices recorded, none PENDING, and prints
#   accepted / routed / notified / lost / duplicated, and the time to recover: from the fault's end until every
#   complaint accepted before it was through (polled every 2 s while the load goes on).
# A notice DEFERRED by quiet hours (22:00-08:00 Beijing time) counts as through: it is due at 08:00.
# Goals: 0 lost, 0 duplicated, recovered within 60 s of the fault's end. Figures: RELIABILITY.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

scenario="${1:-}"
case "$scenario" in
  kafka | case-service | notify-service | complaint-service | postgres | sms-gateway | db-latency | payout | scale-out) ;;
  *) sed -n '2,34p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
RATE="${RATE:-50}" DURATION="${DURATION:-180}" FAULT_AT="${FAULT_AT:-60}" DOWN="${DOWN:-30}"
SETTLE="${SETTLE:-300}" EXPECTED_NOTICES="${EXPECTED_NOTICES:-3}"
require_suite 8081 8082 8083 8180
complaint_url=http://127.0.0.1:8081
if [[ "$scenario" == scale-out ]]; then
  require_suite 8181 8182 8183
  complaint_url=http://127.0.0.1:8081,http://127.0.0.1:8181
fi
curl -fsS -o /dev/null http://127.0.0.1:8090/__admin/health || { echo "bench: the SMS sandbox does not answer on 8090; start the suite: ./suite up" >&2; exit 1; }
print_machine
echo "scenario: $scenario; $RATE complaints/s for $DURATION s, the fault at $FAULT_AT s"

work="target/faults/$scenario-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
accepted_file="$work/accepted.txt" # <epoch ms> <tracking number> <sequence> <latency ms>, as the load gets answers
RUN="$(date +%s)"

# the load generator (the system tests' FaultsIT uses it too), run as a single-file program with HdrHistogram from
# Maven Central (cached in ~/.m2)
load_java=system-tests/src/test/java/cn/jxquality/system/FaultLoad.java
hdr=org.hdrhistogram:HdrHistogram:2.2.2
hdr_jar="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
[[ -f "$hdr_jar" ]] || ./mvnw -B -q dependency:get -Dartifact="$hdr" >/dev/null

# a fresh SMS sandbox whose journal holds every message of the run (the default keeps the last 2000)
./suite stop sms-gateway >/dev/null 2>&1 || true
SMS_JOURNAL_ENTRIES=200000 SMS_SANDBOX_HEAP=768m ./suite start sms-gateway >/dev/null

now_ms() { date +%s%3N; }
services=(complaint-service case-service notify-service)
# db-latency: the services reach PostgreSQL through a delaying proxy on 5433 for the run, and directly again after it
if [[ "$scenario" == db-latency ]]; then
  echo 0 >"$work/delay"
  java bench/DelayProxy.java 5433 5432 "$work/delay" >"$work/proxy.log" 2>&1 &
  proxy_pid=$!
  for s in "${services[@]}"; do ./suite stop "$s" >/dev/null; SUITE_DB_PORT=5433 ./suite start "$s" >/dev/null; done
fi
direct_again() {
  if [[ -n "${proxy_pid:-}" ]]; then
    for s in "${services[@]}"; do ./suite stop "$s" >/dev/null; ./suite start "$s" >/dev/null; done
    kill "$proxy_pid" 2>/dev/null || true
  fi
}
# payout: claimed rewards to pay while the gateway's answers are lost (each a report substantiated with a fine, a reward
# proposed, approved and claimed through the APIs, as RewardJourneyIT does)
keycloak_token() {
  curl -fsS -d grant_type=password -d client_id=suite-cli -d username="$1" -d password=password \
    http://127.0.0.1:8180/realms/jiangxi-quality/protocol/openid-connect/token | jq -r .access_token
}
etag() { # etag <token> <url>
  curl -fsS -D - -o /dev/null -H "Authorization: Bearer $1" "$2" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'
}
act() { # act <token> <url> <json>: POST with the resource's current version; prints the status
  local url="$2" tag
  tag="$(etag "$1" "${url%/*}")"
  curl -sS -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $1" -H "If-Match: $tag" \
    -H 'Content-Type: application/json' -d "$3" "$url"
}
claimed_reward() { # claimed_reward <n>: prints the id of a claimed reward ready to be paid
  local n="$1" receipt tracking code case_id state reward_id i
  local cases=http://127.0.0.1:8082/api/v1
  receipt="$(curl -fsS -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' \
    -d '{"kind":"REPORT","channel":"HOTLINE_12315","category":"PRODUCT.FOOD",
         "subject":{"name":"南昌某某食品有限公司","creditCode":"91360100158304019E","regionCode":"360100"},
         "description":"故障演练 '"$RUN"' 兑付 #'"$n"'：该公司使用过期原料，有进货单据为证。",
         "person":{"name":"王五","mobile":"13900139001","idType":"RESIDENT_ID_CARD","idNumber":"11010519491231002X"},
         "anonymous":false,"rewardRequested":true}' http://127.0.0.1:8081/api/v1/complaints)"
  tracking="$(jq -r .trackingNumber <<<"$receipt")"
  code="$(jq -r .queryCode <<<"$receipt")"
  for ((i = 0; i < 60; i++)); do
    case_id="$(curl -fsS -H "Authorization: Bearer $supervisor" "$cases/cases?trackingNumber=$tracking" | jq -r '.items[0].id // empty')"
    [[ -n "$case_id" ]] && break
    sleep 1
  done
  [[ -n "$case_id" ]] || { echo "bench: no case for $tracking" >&2; return 1; }
  state="$(curl -fsS -H "Authorization: Bearer $supervisor" "$cases/cases/$case_id" | jq -r .state)"
  [[ "$state" == NEW ]] && act "$supervisor" "$cases/cases/$case_id/assign" '{"departmentCode":"360100-AMR"}' >/dev/null
  act "$supervisor" "$cases/cases/$case_id/accept" '{}' >/dev/null
  act "$supervisor" "$cases/cases/$case_id/start" '{}' >/dev/null
  act "$supervisor" "$cases/cases/$case_id/resolve" '{"outcome":"SUBSTANTIATED","note":"经查属实，已依法作出行政处罚。",
    "decisionNumber":"洪市监罚〔2026〕'"${tracking:10}"'","finesFen":20000000,"confiscationsFen":0}' >/dev/null
  reward_id="$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $reviewer" -H 'Content-Type: application/json' \
    -d '{"caseId":"'"$case_id"'","level":1,"naturalPerson":true,"insider":false,"exclusions":[],"note":"举报内容详实。"}' \
    "$cases/rewards" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')"
  reward_id="${reward_id##*/}"
  act "$approver" "$cases/rewards/$reward_id/approve" '{}' >/dev/null
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"trackingNumber":"'"$tracking"'","queryCode":"'"$code"'",
    "claimantName":"王五","idType":"RESIDENT_ID_CARD","idNumber":"11010519491231002X","bankName":"中国工商银行南昌分行",
    "bankAccountNumber":"6222021502001234567","bankAccountHolder":"王五"}' "$cases/reward-claims"
  echo "$reward_id"
}
if [[ "$scenario" == payout ]]; then
  PAYOUTS="${PAYOUTS:-10}"
  # the reconciler every 30 s for the run (5 min by default), restored after it
  ./suite stop case-service >/dev/null; REWARDS_PAYMENT_RECONCILE_EVERY=30s ./suite start case-service >/dev/null
  operator="$(keycloak_token operator1)" supervisor="$(keycloak_token supervisor1)" reviewer="$(keycloak_token reviewer1)"
  approver="$(keycloak_token approver1)"
  : >"$work/rewards.txt"
  for ((n = 1; n <= PAYOUTS; n++)); do claimed_reward "$n" >>"$work/rewards.txt"; done
  echo "rewards                 $(wc -l <"$work/rewards.txt") claimed, to be paid during the fault"
fi

# records on the three services' dead-letter topics (where a consumer puts an event it gave up on)
dead_letters() {
  java -cp "$(echo .suite/dist/kafka-*/libs)/*" org.apache.kafka.tools.GetOffsetShell --bootstrap-server 127.0.0.1:9092 \
    --topic 'case-service-dlq|complaint-service-dlq|notify-service-dlq' 2>/dev/null | awk -F: '{ n += $3 } END { print n + 0 }'
}
dead_before="$(dead_letters)"
wiremock() { curl -fsS -X "$1" "http://127.0.0.1:8090/__admin/mappings${2:-}" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
mapping_id() { sed -n 's/.*"id" *: *"\([0-9a-f-]*\)".*/\1/p' | head -n1; }

# the fault: runs in the background; writes its start and end (epoch ms) to $work/fault
fault() {
  local start end id
  sleep "$FAULT_AT"
  start="$(now_ms)"
  case "$scenario" in
    kafka) ./suite kill kafka; sleep "$DOWN"; ./suite start kafka ;;
    case-service | notify-service | complaint-service) ./suite kill "$scenario"; ./suite start "$scenario" ;;
    postgres) ./suite stop postgres; sleep "$DOWN"; ./suite start postgres ;;
    db-latency) echo 200 >"$work/delay"; echo "200 ms each way to PostgreSQL"; sleep 120; echo 0 >"$work/delay" ;;
    payout)
      # the gateway takes each payment but answers after case-service's 10 s timeout; asked whether it paid, 503
      id="$(wiremock POST "" '{"priority":1,"request":{"method":"POST","urlPath":"/payments"},"response":{"status":200,
        "headers":{"Content-Type":"application/json"},"fixedDelayMilliseconds":15000,
        "body":"{ \"paymentReference\": \"SANDBOX-{{request.headers.Idempotency-Key}}\", \"status\": \"PAID\" }",
        "transformers":["response-template"]}}' | mapping_id)"
      id2="$(wiremock POST "" '{"priority":1,"request":{"method":"GET","urlPathPattern":"/payments/[^/]+"},"response":{"status":503}}' | mapping_id)"
      local finance reward
      finance="$(keycloak_token finance1)"
      while read -r reward; do
        act "$finance" "http://127.0.0.1:8082/api/v1/rewards/$reward/payout" '{}' >>"$work/payout-answers.txt" &
      done <"$work/rewards.txt"
      wait
      sleep 105
      wiremock DELETE "/$id" >/dev/null
      wiremock DELETE "/$id2" >/dev/null ;;
    scale-out)
      for c in "${killed[@]}"; do ./suite kill "$c"; done
      echo "$start" >"$work/killed-at"
      sleep "$DOWN"
      for c in "${killed[@]}"; do ./suite start "$c"; done ;;
    sms-gateway)
      id="$(wiremock POST "" '{"priority":1,"request":{"method":"POST","url":"/sms/send"},"response":{"status":503}}' | mapping_id)"
      sleep 60
      wiremock DELETE "/$id" >/dev/null
      id="$(wiremock POST "" '{"priority":1,"request":{"method":"POST","url":"/sms/send"},"response":{"status":503,"fixedDelayMilliseconds":15000}}' | mapping_id)"
      sleep 60
      wiremock DELETE "/$id" >/dev/null ;;
  esac
  end="$(now_ms)"
  echo "$start $end" >"$work/fault"
}
killed=(complaint-service-2 case-service notify-service)
groups=(complaint-service case-service notify-service)
if [[ "$scenario" == scale-out ]]; then # the consumer groups' state and members, as they change
  java -cp "$(echo .suite/dist/kafka-*/libs)/*" bench/GroupWatch.java 127.0.0.1:9092 "$((DURATION + 60))" "${groups[@]}" \
    >"$work/groups.txt" 2>"$work/groups.log" &
fi
fault >"$work/fault.log" 2>&1 &
fault_pid=$!
trap 'kill "$fault_pid" 2>/dev/null || true' EXIT

# the load runs in the background while the script watches the recovery
RUN="$RUN" RATE="$RATE" DURATION_SECONDS="$DURATION" ACCEPTED_FILE="$accepted_file" COMPLAINT_URL="$complaint_url" \
  java -cp "$hdr_jar" "$load_java" >"$work/load.txt" 2>&1 &
load_pid=$!
trap 'kill "$fault_pid" "$load_pid" 2>/dev/null || true' EXIT
wait "$fault_pid" || { cat "$work/fault.log"; echo "bench: the fault did not run through (above)" >&2; exit 1; }
read -r fault_start fault_end <"$work/fault"

# recovery: from the fault's end until every complaint accepted before it is through
awk -v e="$fault_end" '$1 <= e { print $2 }' "$accepted_file" | sort -u >"$work/before-fault-end.txt"
before="$(wc -l <"$work/before-fault-end.txt")"
recovered=""
deadline=$(($(date +%s) + SETTLE)) # for both waits
while (($(date +%s) < deadline)); do
  read -r a r n < <(through "$work/before-fault-end.txt")
  if ((a == before && r == before && n == before)); then
    recovered="$(( $(now_ms) - fault_end ))"
    break
  fi
  # where the recovery stands, every pass: which stage the complaints accepted before the fault's end wait for
  printf '%6.1f s  assigned %s  routed %s  notified %s  of %s\n' \
    "$(( $(now_ms) - fault_end ))e-3" "$a" "$r" "$n" "$before" >>"$work/recovery.txt"
  sleep 2
done

# then every accepted complaint, once the load is over
wait "$load_pid" || true
trap - EXIT
cat "$work/load.txt" "$work/fault.log"
awk -v s="$fault_start" -v e="$fault_end" -v at="$FAULT_AT" \
  'BEGIN { printf "fault                   %.1f s long, from %d s into the load\n", (e - s) / 1000, at }'
awk '{ print $2 }' "$accepted_file" | sort -u >"$work/tracking.txt"
accepted="$(wc -l <"$work/tracking.txt")"
while :; do
  read -r assigned routed notified < <(through "$work/tracking.txt")
  ((assigned == accepted && routed == accepted && notified == accepted)) && break
  if (($(date +%s) >= deadline)); then
    echo "bench: not every accepted complaint was through ${SETTLE} s after the load" >&2
    break
  fi
  sleep 2
done

# the reconciliation
read -r registered distinct_registered < <(ask complaints complaint_svc COMPLAINT_SVC_DB_PASSWORD \
  "select count(*) || ' ' || count(distinct subject_name) from complaint where subject_name like '故障演练 $RUN #%'")
read -r opened cases_twice < <(ask_over "$work/tracking.txt" cases case_svc CASE_SVC_DB_PASSWORD \
  "select count(*) || ' ' || (count(*) - count(distinct complaint_id)) from case_file where tracking_number in (select n from t)")
read -r recorded pending failed fewest most notices_twice < <(ask_over "$work/tracking.txt" notifications notify_svc NOTIFY_SVC_DB_PASSWORD \
  "select coalesce(sum(c), 0) || ' ' || coalesce(sum(p), 0) || ' ' || coalesce(sum(f), 0) || ' ' || coalesce(min(c), 0)
          || ' ' || coalesce(max(c), 0) || ' '
          || (select count(*) - count(distinct (tracking_number, event_type, recipient, channel)) from notification
              where tracking_number in (select n from t))
   from (select tracking_number, count(*) as c, count(*) filter (where status = 'PENDING') as p,
                count(*) filter (where status = 'FAILED') as f
         from notification where tracking_number in (select n from t) group by tracking_number) per_complaint")
# the SMS the gateway took: every SMS notice marked SENT was taken, none twice
java -cp "$hdr_jar" "$load_java" sms-journal "$work/sms-references.txt"
use_database notifications notify_svc NOTIFY_SVC_DB_PASSWORD
read -r sms_sent sms_not_at_gateway sms_twice < <(sql -c "create temp table t (n varchar(20) primary key)" \
  -c "\\copy t from '$work/tracking.txt'" -c "create temp table g (ref uuid)" -c "\\copy g from '$work/sms-references.txt'" \
  -c "select count(*) || ' ' || count(*) filter (where not exists (select 1 from g where g.ref = n.id)) || ' '
            || (select count(*) from (select ref from g where ref in (select id from notification n2
                  where n2.tracking_number in (select n from t)) group by ref having count(*) > 1) twice)
      from notification n where channel = 'SMS' and status = 'SENT' and tracking_number in (select n from t)")

# payout: every reward paid once: PAID with one PAID ledger line, and the gateway asked under one key only
if [[ "$scenario" == payout ]]; then
  rewards_sql="('$(paste -sd, "$work/rewards.txt" | sed "s/,/','/g")')"
  paid_query="select count(*) filter (where state = 'PAID') || ' ' || (select count(*) from payout_ledger
      where entry = 'PAID' and reward_id in $rewards_sql) from reward where id in $rewards_sql"
  settled_at=""
  deadline=$(($(date +%s) + SETTLE))
  while (($(date +%s) < deadline)); do
    read -r paid _ < <(ask cases case_svc CASE_SVC_DB_PASSWORD "$paid_query")
    if ((paid == PAYOUTS)); then settled_at="$(now_ms)"; break; fi
    sleep 2
  done
  read -r paid paid_lines < <(ask cases case_svc CASE_SVC_DB_PASSWORD "$paid_query")
  curl -fsS -X POST http://127.0.0.1:8090/__admin/requests/find -H 'Content-Type: application/json' \
    -d '{"method":"POST","url":"/payments"}' >"$work/payments.json"
  # per reward: how many payment requests the gateway took, under how many keys
  while read -r reward; do
    jq -r --arg r "$reward" '[.requests[] | select(.body | contains($r)) | .headers["Idempotency-Key"]]
      | "\(length) \(unique | length)"' "$work/payments.json"
  done <"$work/rewards.txt" >"$work/payments-per-reward.txt"
  read -r asked keys_twice < <(awk '{ n += $1; if ($2 != 1) k++ } END { print n + 0, k + 0 }' "$work/payments-per-reward.txt")
  echo "payouts                 $paid of $PAYOUTS PAID, $paid_lines PAID ledger lines; the gateway asked $asked times," \
    "$keys_twice rewards under more than one key; finance's answers: $(sort "$work/payout-answers.txt" | uniq -c | xargs)"
  if [[ -n "$settled_at" ]]; then
    awk -v ms="$((settled_at - fault_end))" 'BEGIN { printf "payouts settled         %.1f s after the fault ended\n", ms / 1000 }'
  else
    echo "payouts settled         NO: not all PAID ${SETTLE} s after the load"
  fi
  ./suite stop case-service >/dev/null; ./suite start case-service >/dev/null
fi

# lost: answered 2xx but not through the pipeline SETTLE seconds after the load (a case, a status or a notice missing)
through_all=$((assigned < routed ? assigned : routed))
through_all=$((through_all < notified ? through_all : notified))
lost=$((accepted - through_all))
echo
echo "complaints registered   $registered for $distinct_registered distinct requests ($((registered - distinct_registered)) twice); $accepted answered 2xx"
echo "cases                   $opened opened ($cases_twice twice), $assigned ASSIGNED"
echo "public status ROUTED    $routed of $accepted"
echo "notices                 $recorded recorded ($fewest to $most a complaint; $notices_twice twice), $pending PENDING, $failed FAILED"
echo "SMS at the gateway      $sms_sent SMS notices SENT: $sms_not_at_gateway not taken by the gateway, $sms_twice taken twice"
echo "through the pipeline    $through_all of $accepted (lost: $lost)"
if [[ -n "$recovered" ]]; then
  recovered="$(awk -v ms="$recovered" 'BEGIN { printf "%.1f s", ms / 1000 }')"
  echo "recovered               $recovered after the fault ended (the $before complaints accepted before then all through)"
  [[ -s "$work/recovery.txt" ]] && echo "                        (how it went, every few seconds: $work/recovery.txt)"
else
  echo "recovered               NO: the complaints accepted before the fault ended were not all through ${SETTLE} s later"
fi
first_after="$(awk -v e="$fault_end" '$1 > e { print $1 - e; exit }' "$accepted_file")"
[[ -n "$first_after" ]] && awk -v ms="$first_after" 'BEGIN { printf "intake after the fault  first 2xx %.1f s after it ended\n", ms / 1000 }'
if [[ "$scenario" == scale-out ]]; then
  # rebalanced: from the kill until the group is Stable again with the survivors only (half its members before)
  killed_at="$(cat "$work/killed-at")"
  for g in "${groups[@]}"; do
    awk -v g="$g" -v k="$killed_at" '$2 == g && $1 < k { before = $4 }
      $2 == g && $1 >= k && before && $3 == "Stable" && $4 == before / 2 && !done { done = 1; t = $1 - k }
      END { if (done) printf "rebalanced              %-17s %.1f s after the kill (%d members to %d)\n", g, t / 1000, before, before / 2
            else printf "rebalanced              %-17s NOT within the run (%d members before)\n", g, before }' "$work/groups.txt"
  done
fi
echo "dead-lettered           $(($(dead_letters) - dead_before)) events during the run (the services' *-dlq topics)"
duplicated=$((registered - distinct_registered + cases_twice + notices_twice + sms_twice))
if [[ "$scenario" == payout ]]; then
  duplicated=$((duplicated + paid_lines - paid + keys_twice))
  lost=$((lost + PAYOUTS - paid))
fi
echo
echo "RESULT $scenario: accepted $accepted, routed $routed, notified $notified, lost $lost, duplicated $duplicated, recovered ${recovered:-no}"
echo "(details in $work/)"
direct_again
