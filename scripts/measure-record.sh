#!/usr/bin/env bash
# The shared record's costs: patients written per second with MDM on and off (each on a fresh file-based H2, or
# on the PostgreSQL whose JDBC URL is given as the third argument, emptied by the caller between runs), and
# $everything for one resident with ~1,000 resources over three clinics (scripts/RecordBenchmark.java).
# Profiles are enforced as in production. Usage: scripts/measure-record.sh [patients=2000] [heap=768m] [jdbc-url user password]
set -euo pipefail
cd "$(dirname "$0")/.."
PATIENTS="${1:-2000}"; PORT=18092
source scripts/ensure-built.sh
source scripts/jvm-options.sh
run() { # $1: mdm on/off, $2: benchmark arguments
  rm -rf target/record-db
  DB_URL="${3:-jdbc:h2:file:./target/record-db/onesheet}"
  # shellcheck disable=SC2086
  java $ONESHEET_JAVA_OPTS -Donesheet.security.token-lifetime=PT4H -Donesheet.security.demo-client-secret=demo-secret -Xmx"$HEAP" -jar "$ONESHEET_JAR" --server.port=$PORT --spring.datasource.url="$DB_URL" "${DB_ARGS[@]}" \
    --onesheet.demo-patients=20 --onesheet.record.mdm="$1" --onesheet.binary-storage-dir=target/record-db/binaries \
    >target/measure-record-$1.log 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { tail -20 target/measure-record-$1.log; exit 1; }
    sleep 1
  done
  export ONESHEET_TOKEN=$(scripts/token.sh jmse-group "system/*.cruds" "http://localhost:$PORT")
  echo "--- MDM $1"
  java scripts/RecordBenchmark.java "http://localhost:$PORT/fhir" $2 || true
  kill $pid; wait $pid 2>/dev/null || true
}
HEAP="${2:-768m}"
DB_ARGS=()
[ $# -ge 5 ] && DB_ARGS=(--spring.datasource.username="$4" --spring.datasource.password="$5")
run false "$PATIENTS" "${3:-}"
run true "$PATIENTS everything" "${3:-}"
