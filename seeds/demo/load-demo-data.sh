#!/usr/bin/env bash
# Loads the demo submissions through the public API, as a citizen (WEB) or an operator (hotline).
# Called by `./suite up` with COMPLAINT_URL and KEYCLOAK_URL set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${COMPLAINT_URL:?}" "${KEYCLOAK_URL:?}"

token=$(curl -fsS -d grant_type=password -d client_id=suite-cli -d username=operator1 -d password=password \
  "$KEYCLOAK_URL/realms/jiangxi-quality/protocol/openid-connect/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

n=0
while IFS= read -r body; do
  [ -n "$body" ] || continue
  auth=()
  case "$body" in *'"channel":"WEB"'*) ;; *) auth=(-H "Authorization: Bearer $token") ;; esac
  receipt=$(curl -fsS -X POST "$COMPLAINT_URL/api/v1/complaints" -H 'Content-Type: application/json' \
    "${auth[@]}" --data-binary "$body")
  echo "demo: $receipt"
  n=$((n + 1))
done < "$here/complaints.jsonl"
echo "demo: loaded $n submissions (tracking number + query code above open the public status page)"
