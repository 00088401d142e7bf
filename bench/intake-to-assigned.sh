#!/usr/bin/env bash
# Complaint accepted → case ASSIGNED visible in the department API, at RATE complaints/s for SECONDS
# (issue 4: p99 ≤ 300 ms at 50/s for 2 minutes). Needs the suite running: ./suite up (in another terminal).
# Knobs: RATE (50), SECONDS (120), WARMUP (300 s of the same load first, unmeasured; 0 for none: on two cores
# the three JVMs need about three minutes of this load before C2 has compiled their hot paths), DRAIN (up to
# 300 s waiting after the warm-up until its last complaints are assigned, so the measured phase starts from an
# empty queue), POLL_MS (50: a figure includes up to that much polling delay), WINDOW (20: the figures are also
# printed for each WINDOW seconds of sending, so that a cold start shows apart from the steady state).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_suite 8081 8082 8180
print_machine
exec java bench/IntakeToAssigned.java
