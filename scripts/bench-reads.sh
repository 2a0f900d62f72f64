#!/usr/bin/env bash
# The read set at 1 and 8 clients against OneSheet on H2 (or the PostgreSQL whose JDBC URL is the third
# argument), with the demo group of N residents, security and audit on as in production
# (scripts/ReadBenchmark.java). Prints the table, writes target/bench-reads.json.
# Usage: scripts/bench-reads.sh [residents=300] [requests=200] [jdbc-url user password]
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS="${1:-300}"; REQUESTS="${2:-200}"; PORT=18096
source scripts/ensure-built.sh
source scripts/jvm-options.sh
DB_URL="${3:-jdbc:h2:file:./target/bench-db/onesheet}"
DB_ARGS=()
[ $# -ge 5 ] && DB_ARGS=(--spring.datasource.username="$4" --spring.datasource.password="$5")
# shellcheck disable=SC2086
java $ONESHEET_JAVA_OPTS -Donesheet.security.demo-client-secret=demo-secret -Donesheet.security.token-lifetime=PT4H \
  -Xmx2g -jar "$ONESHEET_JAR" --server.port=$PORT --spring.datasource.url="$DB_URL" "${DB_ARGS[@]}" \
  --onesheet.demo-patients="$RESIDENTS" --onesheet.binary-storage-dir=target/bench-db/binaries \
  >target/bench-reads-server.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -20 target/bench-reads-server.log; exit 1; }
  sleep 1
done
export ONESHEET_TOKEN=$(scripts/token.sh jmse-group "system/*.cruds" "http://localhost:$PORT")
java scripts/ReadBenchmark.java "http://localhost:$PORT/fhir" "$REQUESTS" target/bench-reads.json
