#!/usr/bin/env bash
# A referral inbox on 100,000 Tasks: starts the built jar on a fresh file-based H2 (or on the PostgreSQL whose
# JDBC URL is given as the third argument), loads the Tasks and times the inbox query (scripts/InboxLatency.java).
# Profiles are not enforced while loading, to load faster; the query does not depend on it.
# Usage: scripts/measure-inbox.sh [tasks=100000] [heap=768m] [jdbc-url user password]
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS="${1:-100000}"; PORT=18091
source scripts/ensure-built.sh
source scripts/jvm-options.sh
rm -rf target/inbox-db
DB_URL="${3:-jdbc:h2:file:./target/inbox-db/onesheet}"
DB_ARGS=(--spring.datasource.url="$DB_URL")
[ $# -ge 5 ] && DB_ARGS+=(--spring.datasource.username="$4" --spring.datasource.password="$5")
# shellcheck disable=SC2086
java $ONESHEET_JAVA_OPTS -Donesheet.security.token-lifetime=PT4H -Donesheet.security.demo-client-secret=demo-secret -Xmx"${2:-768m}" -jar "$ONESHEET_JAR" --server.port=$PORT "${DB_ARGS[@]}" \
  --onesheet.demo-patients=60 --onesheet.conformance.enforce-profiles=false >target/measure-inbox.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -20 target/measure-inbox.log; exit 1; }
  sleep 1
done
export ONESHEET_TOKEN=$(scripts/token.sh jmse-group "system/*.cruds" "http://localhost:$PORT")
java scripts/InboxLatency.java "http://localhost:$PORT/fhir" "$TASKS"
