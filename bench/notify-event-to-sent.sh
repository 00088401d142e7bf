#!/usr/bin/env bash
# Event published → notification recorded as SENT by notify-service, through the SMS gateway sandbox (WireMock,
# 8090) and the mail sandbox (GreenMail, 3025): issue 6 asks p99 ≤ 500 ms at 50 events/s for 2 minutes.
# Needs the suite running: ./suite up (in another terminal). Knobs: RATE (50), DURATION (120 s),
# COMPLAINTS (enough that no citizen gets more than 15 notices in the run: notify-service sends at most 20 SMS and
# 20 e-mails to one address a day, and skips the rest; 601 at the defaults), DRAIN (60 s), WARMUP (60 s of the same
# load first, unmeasured; 0 for none).
#
# What it does:
#  1. registers COMPLAINTS hotline complaints through complaint-service as operator1 (each with a mobile and an
#     e-mail address), because notify-service asks complaint-service for the contact of every citizen message
#     (GET /internal/v1/complaints/{id}/contact, audited there): events about complaints that do not exist would
#     all end SKIPPED and measure nothing. It waits until notify-service has recorded and delivered their receipt
#     notices, so that warm-up traffic is out of the way, and takes their complaint ids from the notifications
#     database;
#  2. publishes case.accepted.v1 (the shape case-service publishes: CloudEvents binary mode, key = complaint id,
#     acks=all) to the topic case-events of the suite's broker (localhost:9092, no prefix), round robin over those
#     complaints, at RATE events/s for DURATION s, open loop (bench/NotifyEventToSent.java, Kafka's own client jars
#     from .suite/dist); each event asks for two notices to the citizen: one SMS and one e-mail;
#  3. waits up to DRAIN s for the notices, then reads sent_at of each from the notifications database and prints
#     p50/p95/p99/max of (sent_at − published) per channel and for both together, and how many were not sent.
# Side effect: complaint-service also consumes these events, so the bench complaints show "accepted" entries on
# their public timeline (as they would in production: both services read case-events).
#
# SMS quiet hours (21:00–08:00 Asia/Shanghai) defer SMS on purpose, so an SMS published then is not sent until
# 08:00. Run the benchmark outside those hours, or start the suite with the quiet hours configured off:
#     NOTIFY_SMS_QUIET_FROM=00:00 NOTIFY_SMS_QUIET_UNTIL=00:00 ./suite up
# (notify.sms.quiet-from / notify.sms.quiet-until; equal times mean no quiet hours; ./suite passes the
# environment on to the services). SMS rows found DEFERRED are counted apart and left out of the figures: the
# e-mail figures then stand alone, and the output says so.
#
# Needs: java 17, psql, curl; the suite's .suite/secrets.env (for the notifications database) and .suite/dist.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

RATE="${RATE:-50}"
DURATION="${DURATION:-120}"
DRAIN="${DRAIN:-60}"
WARMUP="${WARMUP:-60}"
COMPLAINTS="${COMPLAINTS:-$(( RATE * (WARMUP + DURATION) / 15 + 1 ))}"
KAFKA_LIBS="$(ls -d .suite/dist/kafka-*/libs 2>/dev/null | head -1 || true)"
[[ -n "$KAFKA_LIBS" ]] || { echo "bench: Kafka's jars are not in .suite/dist; start the suite once with ./suite up" >&2; exit 1; }

require_suite 8081 8083 8180
use_database notifications notify_svc NOTIFY_SVC_DB_PASSWORD
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
driver() { java -cp "$KAFKA_LIBS/*" bench/NotifyEventToSent.java "$@"; }

print_machine
beijing="$(TZ=Asia/Shanghai date +%H:%M)"
if [[ "$beijing" > "20:59" || "$beijing" < "08:00" ]]; then
  echo "note:    it is $beijing in Beijing, inside the default SMS quiet hours: SMS are deferred unless the suite"
  echo "         was started with NOTIFY_SMS_QUIET_FROM=00:00 NOTIFY_SMS_QUIET_UNTIL=00:00"
fi

echo "== registering $COMPLAINTS complaints through complaint-service"
driver prepare "$COMPLAINTS" >"$work/tracking.txt"
numbers="$(paste -sd, "$work/tracking.txt")"
in_list="'$(sed "s/,/','/g" <<<"$numbers")'"

echo "== waiting for their receipt notices (recorded and delivered) before the clock starts"
deadline=$(( $(date +%s) + 180 ))
want="$(wc -l <"$work/tracking.txt")"
while :; do
  read -r recorded open < <(sql -F ' ' -c "SELECT count(DISTINCT tracking_number), count(*) FILTER (WHERE status = 'PENDING')
      FROM notification WHERE event_type = 'complaint.received.v1' AND tracking_number IN ($in_list)")
  (( recorded == want && open == 0 )) && break
  (( $(date +%s) < deadline )) || { echo "bench: after 180 s only $recorded of $want receipts recorded, $open still pending" >&2; exit 1; }
  sleep 2
done
sql -F , -c "SELECT DISTINCT complaint_id, tracking_number FROM notification
    WHERE event_type = 'complaint.received.v1' AND tracking_number IN ($in_list)" >"$work/complaints.csv"

if (( WARMUP > 0 )); then
  # JIT warm-up: the same load, unmeasured, so that the figures below are the services' steady state (a first
  # run right after ./suite up measured compilation: p50 5.4 s, p99 60 s at 50/s, against 15 ms / 0.5 s warm)
  echo "== warm-up: case.accepted.v1 at $RATE/s for $WARMUP s, not measured"
  RATE="$RATE" DURATION="$WARMUP" KAFKA=127.0.0.1:9092 driver publish "$work/complaints.csv" "$work/warmup.csv"
  sleep 10
fi

echo "== publishing case.accepted.v1 at $RATE/s for $DURATION s to case-events on 127.0.0.1:9092"
RATE="$RATE" DURATION="$DURATION" KAFKA=127.0.0.1:9092 driver publish "$work/complaints.csv" "$work/published.csv"
published="$(wc -l <"$work/published.csv")"

# the temporary table lives in one psql session: every statement that uses it goes through this function
with_published() {
  { printf '%s\n' "CREATE TEMP TABLE published (event_id varchar(100) PRIMARY KEY, published_at timestamptz NOT NULL);" \
      "\\copy published FROM '$work/published.csv' WITH (FORMAT csv)"; cat; } | sql -F ' '
}

echo "== waiting up to $DRAIN s for the $((published * 2)) notices"
deadline=$(( $(date +%s) + DRAIN ))
while :; do
  open="$(with_published <<'SQL'
SELECT (SELECT 2 * count(*) FROM published)
     - (SELECT count(*) FROM notification n JOIN published p USING (event_id) WHERE n.status NOT IN ('PENDING'));
SQL
)"
  (( open == 0 )) && break
  (( $(date +%s) < deadline )) || { echo "   $open still not settled after $DRAIN s (counted as not sent)"; break; }
  sleep 2
done

with_published <<'SQL'
\pset footer off
\pset tuples_only off
\pset format aligned
\echo '== event published -> notification SENT (ms), SMS and e-mail to the citizen; DEFERRED (quiet hours) left out'
WITH expected AS (
  SELECT p.event_id, p.published_at, c.channel FROM published p CROSS JOIN (VALUES ('SMS'), ('EMAIL')) c (channel)
), notices AS (
  SELECT e.channel, n.status, extract(epoch FROM n.sent_at - e.published_at) * 1000 AS ms
  FROM expected e LEFT JOIN notification n ON n.event_id = e.event_id AND n.channel = e.channel
), labelled AS (
  SELECT channel, status, ms FROM notices UNION ALL SELECT 'both', status, ms FROM notices
)
SELECT channel,
       count(*) AS notices,
       count(*) FILTER (WHERE status = 'SENT') AS sent,
       round((percentile_cont(0.50) WITHIN GROUP (ORDER BY ms) FILTER (WHERE status = 'SENT'))::numeric, 1) AS p50,
       round((percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) FILTER (WHERE status = 'SENT'))::numeric, 1) AS p95,
       round((percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) FILTER (WHERE status = 'SENT'))::numeric, 1) AS p99,
       round((max(ms) FILTER (WHERE status = 'SENT'))::numeric, 1) AS max,
       count(*) FILTER (WHERE status = 'DEFERRED') AS deferred_quiet_hours,
       count(*) FILTER (WHERE status IS DISTINCT FROM 'SENT' AND status IS DISTINCT FROM 'DEFERRED') AS not_sent
FROM labelled
GROUP BY channel
ORDER BY CASE channel WHEN 'both' THEN 2 WHEN 'SMS' THEN 0 ELSE 1 END;
\echo '== not sent, by status (none = no notification recorded within the drain time)'
SELECT coalesce(n.status, 'none') AS status, n.channel, count(*), min(n.last_error) AS an_error
FROM published p LEFT JOIN notification n USING (event_id)
WHERE n.status IS DISTINCT FROM 'SENT'
GROUP BY 1, 2 ORDER BY 1, 2;
SQL
deferred="$(with_published <<'SQL'
SELECT count(*) FROM notification n JOIN published p USING (event_id) WHERE n.status = 'DEFERRED';
SQL
)"
if (( deferred > 0 )); then
  echo "note:    $deferred SMS were deferred by quiet hours and are left out: the SMS figure is not measured in this run;"
  echo "         the e-mail line stands alone (run outside 21:00-08:00 Beijing, or see the header for the suite setting)"
fi
echo "target:  p99 <= 500 ms at 50 events/s for 120 s (issue 6); this run: $published events at $RATE/s for $DURATION s"
