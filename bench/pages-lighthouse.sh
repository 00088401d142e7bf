#!/usr/bin/env bash
# Lighthouse 12 (mobile profile: a mid-range phone on a throttled 4G network, simulated) on the public pages (issue 13:
# performance >= 90, accessibility >= 95, best practices >= 95 on /, /status and the receipt), driving Debian's
# chromium. Needs the suite running: ./suite up. Installs lighthouse@12 (the last for Node 20) into .suite/dist/npm
# once. The receipt is a real one: the script submits a complaint through the form and hands Lighthouse its cookie.
# RUNS (3) runs per page; the median counts, as Lighthouse advises for its run-to-run variance.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081
RUNS="${RUNS:-3}"
prefix=.suite/dist/npm
if [[ ! -x "$prefix/node_modules/.bin/lighthouse" ]]; then
  echo "== installing lighthouse@12 into $prefix (once)"
  npm install --silent --prefix "$prefix" lighthouse@12 >/dev/null
fi
[[ -x /usr/bin/chromium ]] || { echo "bench: Debian's chromium is needed (apt-get install chromium)" >&2; exit 1; }
print_machine
echo "lighthouse: $("$prefix/node_modules/.bin/lighthouse" --version), $(/usr/bin/chromium --version)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== a real submission for the receipt page"
base=http://127.0.0.1:8081
curl -fsS -c "$work/jar" -b "$work/jar" -o "$work/form.html" "$base/"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$work/form.html" | sed 's/.*value="//;s/"$//')
key=$(grep -o 'name="idempotencyKey" value="[^"]*"' "$work/form.html" | sed 's/.*value="//;s/"$//')
location=$(curl -fsS -c "$work/jar" -b "$work/jar" -o /dev/null -w '%{redirect_url}' -H "Origin: $base" \
  -F "csrf=$csrf" -F "idempotencyKey=$key" -F kind=COMPLAINT -F category=PRODUCT.FOOD -F subjectName=灯塔测试超市 \
  -F regionCode=360102 -F "description=买到过期牛奶，商家拒绝退款。" -F personName=测试 -F "mobile=1390000$((RANDOM % 9000 + 1000))" "$base/")
[[ "$location" == *"/receipt/JX"* ]] || { echo "bench: the form did not lead to a receipt ($location)" >&2; exit 1; }
receipt_cookie=$(awk '$6 == "receipt" { print $7 }' "$work/jar")

audit() { # audit <label> <url> [cookie]: median scores over RUNS runs
  local label="$1" url="$2" cookie="${3:-}" i headers=()
  [[ -n "$cookie" ]] && headers=(--extra-headers "{\"Cookie\":\"receipt=$cookie\"}")
  for ((i = 1; i <= RUNS; i++)); do
    "$prefix/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$work/$label-$i.json" \
      --only-categories=performance,accessibility,best-practices --chrome-path=/usr/bin/chromium \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      "${headers[@]}" >/dev/null 2>&1 || { echo "bench: lighthouse failed on $url" >&2; return 1; }
  done
  jq -s --arg page "$label" '
    def median: sort | .[(length / 2 | floor)];
    { page: $page,
      performance: (map(.categories.performance.score * 100) | median),
      accessibility: (map(.categories.accessibility.score * 100) | median),
      best_practices: (map(.categories["best-practices"].score * 100) | median),
      lcp_ms: (map(.audits["largest-contentful-paint"].numericValue) | median | floor),
      tbt_ms: (map(.audits["total-blocking-time"].numericValue) | median | floor) }' "$work/$label"-*.json
}

echo "== lighthouse, mobile profile, $RUNS runs per page (median); goals: performance >= 90, accessibility >= 95, best practices >= 95"
{
  audit submit "$base/"
  audit status "$base/status"
  audit receipt "$location" "$receipt_cookie"
} | jq -rs '.[] | "\(.page | .+ "          " | .[0:10]) performance \(.performance)  accessibility \(.accessibility)  best practices \(.best_practices)  (LCP \(.lcp_ms) ms, TBT \(.tbt_ms) ms)  \(if .performance >= 90 and .accessibility >= 95 and .best_practices >= 95 then "goal met" else "GOAL NOT MET" end)"'
