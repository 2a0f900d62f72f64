#!/usr/bin/env bash
# What the audit trail costs on reads: the same file-based H2 with the demo group, read by one client with the
# audit trail on and then off (scripts/AuditLatency.java). Usage: scripts/measure-audit.sh [requests=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS="${1:-1000}"; PORT=18094; RESIDENTS=100
source scripts/ensure-built.sh
source scripts/jvm-options.sh
rm -rf target/audit-db
run() { # $1: audit on/off
  # shellcheck disable=SC2086
  java $ONESHEET_JAVA_OPTS -Donesheet.security.demo-client-secret=demo-secret -Xmx1g -jar "$ONESHEET_JAR" --server.port=$PORT \
    --spring.datasource.url=jdbc:h2:file:./target/audit-db/onesheet --onesheet.demo-patients=$RESIDENTS \
    --onesheet.binary-storage-dir=target/audit-db/binaries --onesheet.security.audit="$1" \
    >target/measure-audit-$1.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { tail -20 target/measure-audit-$1.log; exit 1; }
    sleep 1
  done
  export ONESHEET_TOKEN=$(scripts/token.sh jmse-tc-01 "system/*.rs" "http://localhost:$PORT")
  echo "--- audit $1"
  java scripts/AuditLatency.java "http://localhost:$PORT/fhir" $RESIDENTS "$REQUESTS"
  kill $pid; wait $pid 2>/dev/null || true
}
run true
run false
run true
