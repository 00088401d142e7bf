#!/usr/bin/env bash
# Loads the demo submissions through the public API, as a citizen (WEB) or an operator (hotline), once: when the
# demo's hotline call is found already (an operator's search by the caller's mobile), nothing is loaded again, so a
# second `./suite up` neither duplicates the demo nor spends the web form's per-address allowance. Each submission
# carries an idempotency key, so a load cut short and repeated registers nothing twice. A submission refused (the
# web throttle's 429 after much playing with the form, say) is reported and skipped: demo data never stops the suite.
# Called by `./suite up` with COMPLAINT_URL and KEYCLOAK_URL set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${COMPLAINT_URL:?}" "${KEYCLOAK_URL:?}"
# the demo's 12315 call: its caller's mobile tells whether the demo is in the database
marker_mobile=13907910000

token=$(curl -fsS -d grant_type=password -d client_id=suite-cli -d username=operator1 -d password=password \
  "$KEYCLOAK_URL/realms/jiangxi-quality/protocol/openid-connect/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

found=$(curl -fsS -H "Authorization: Bearer $token" \
  "$COMPLAINT_URL/api/v1/complaints?mobile=$marker_mobile&limit=1" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
if ((found > 0)); then
  echo "demo: the demo submissions are in the database already; nothing loaded"
  exit 0
fi

n=0
line=0
skipped=0
while IFS= read -r body; do
  [ -n "$body" ] || continue
  line=$((line + 1))
  auth=()
  case "$body" in *'"channel":"WEB"'*) ;; *) auth=(-H "Authorization: Bearer $token") ;; esac
  answer=$(mktemp)
  status=$(curl -sS -o "$answer" -w '%{http_code}' -X POST "$COMPLAINT_URL/api/v1/complaints" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: demo-v1-$line" "${auth[@]}" --data-binary "$body" ||
    echo 000)
  if [[ "$status" == 201 || "$status" == 200 ]]; then
    echo "demo: $(cat "$answer")"
    n=$((n + 1))
  else
    echo "demo: submission $line not loaded (HTTP $status): $(head -c 300 "$answer")" >&2
    skipped=$((skipped + 1))
  fi
  rm -f "$answer"
done < "$here/complaints.jsonl"
echo "demo: loaded $n submissions, $skipped skipped (tracking number + query code above open the public status page)"
