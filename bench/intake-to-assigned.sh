#!/usr/bin/env bash
# Complaint accepted → case ASSIGNED visible in the department API, at RATE complaints/s for SECONDS
# (issue 4: p99 ≤ 300 ms at 50/s for 2 minutes). Needs the suite running: ./suite up (in another terminal).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for port in 8081 8082 8180; do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null || curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null ||
    { echo "bench: nothing answers on 127.0.0.1:$port; start the suite first: ./suite up" >&2; exit 1; }
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
exec java bench/IntakeToAssigned.java
