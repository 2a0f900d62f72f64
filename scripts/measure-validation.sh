#!/usr/bin/env bash
# What profile validation costs writes: starts the built jar twice on a fresh in-memory H2 with a small demo
# group (once enforcing the IG's profiles, once not), POSTs Observations (no profile) and Patients (held to
# OneSheetPatient) with C concurrent clients, and prints writes per second for each.
# Usage: scripts/measure-validation.sh [count=2000] [clients=4]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-2000}"; CLIENTS="${2:-4}"; PORT=18090
source scripts/ensure-built.sh
source scripts/jvm-options.sh
# Alternating, twice each: whichever runs first on a cold machine is not favoured.
for enforce in true false true false; do
  # shellcheck disable=SC2086
  java $ONESHEET_JAVA_OPTS -Donesheet.security.token-lifetime=PT4H -Donesheet.security.demo-client-secret=demo-secret -jar "$ONESHEET_JAR" --server.port=$PORT \
    --spring.datasource.url="jdbc:h2:mem:bench-$enforce" --onesheet.demo-patients=20 \
    --onesheet.conformance.enforce-profiles=$enforce >"target/measure-validation.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { tail -20 "target/measure-validation.log"; exit 1; }
    sleep 1
  done
  export ONESHEET_TOKEN=$(scripts/token.sh jmse-group "system/*.cruds" "http://localhost:$PORT")
  echo "== enforce-profiles=$enforce, $COUNT writes of each, $CLIENTS clients"
  java scripts/WriteThroughput.java "http://localhost:$PORT/fhir" "$COUNT" "$CLIENTS"
  kill $pid; wait $pid 2>/dev/null || true
done
