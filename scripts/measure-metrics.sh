#!/usr/bin/env bash
# How long each of the group's measures takes: loads the demo county group at the given size into a fresh
# file-based H2 (or the PostgreSQL whose JDBC URL is the second argument, emptied by the caller), then times
# every $evaluate-measure over the demo's year, for the whole group, 7 times each, and prints the median and
# the slowest. Profiles and MDM are off for the load only to make it quicker; the measures read the same
# indexes either way (with MDM off, contract coverage counts registrations: one per demo resident).
# With REUSE=1 the database is kept and not loaded again: the server starts without demo data and the measures
# are timed on what is there (e.g. a load stopped part-way).
# Usage: [REUSE=1] scripts/measure-metrics.sh [patients=10000] [jdbc-url user password]
set -euo pipefail
cd "$(dirname "$0")/.."
PATIENTS="${1:-10000}"; PORT=18093
source scripts/ensure-built.sh
source scripts/jvm-options.sh
[ "${REUSE:-0}" = 1 ] || rm -rf target/metrics-db
DB_URL="${2:-jdbc:h2:file:./target/metrics-db/onesheet}"
DB_ARGS=()
[ $# -ge 4 ] && DB_ARGS=(--spring.datasource.username="$3" --spring.datasource.password="$4")
start=$(date +%s)
# shellcheck disable=SC2086
java $ONESHEET_JAVA_OPTS -Donesheet.security.token-lifetime=PT4H -Donesheet.security.demo-client-secret=demo-secret -jar "$ONESHEET_JAR" --server.port=$PORT --spring.datasource.url="$DB_URL" "${DB_ARGS[@]}" \
  --onesheet.demo-patients="$PATIENTS" --onesheet.demo-data="$([ "${REUSE:-0}" = 1 ] && echo false || echo true)" \
  --onesheet.record.mdm=false --onesheet.conformance.enforce-profiles=false \
  --onesheet.binary-storage-dir=target/metrics-db/binaries >target/measure-metrics.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
last=$(printf 'jmse-pat-%06d' "$PATIENTS")
[ "${REUSE:-0}" = 1 ] && last=jmse-pat-000001
until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -20 target/measure-metrics.log; exit 1; }
  sleep 5
done
export ONESHEET_TOKEN=$(scripts/token.sh jmse-group "system/*.cruds" "http://localhost:$PORT")
echo "ready in $(( $(date +%s) - start )) s: $(grep -o 'Loaded the demo county group.*' target/measure-metrics.log || true)"
echo "patients: $(curl -s -H "Authorization: Bearer $ONESHEET_TOKEN" "http://localhost:$PORT/fhir/Patient?_summary=count" | grep -o '"total":[0-9]*')"
year_end=$(date +%Y)-12-31; year_start=$(( $(date +%Y) - 1 ))-12-01
printf '%-26s %10s %10s   %s\n' measure "median ms" "max ms" "first population counts"
for measure in county-visit-rate primary-care-share downward-referral-share upward-referral-count contract-coverage \
    chronic-control-rate reading-turnaround referral-acceptance-time; do
  url="http://localhost:$PORT/fhir/Measure/$measure/\$evaluate-measure?periodStart=$year_start&periodEnd=$year_end&subject=Organization/jmse-group"
  times=()
  for _ in 1 2 3 4 5 6 7; do
    times+=("$(curl -s -H "Authorization: Bearer $ONESHEET_TOKEN" -o target/measure-metrics.json -w '%{time_total}' "$url")")
  done
  counts=$(grep -o '"count":[0-9]*' target/measure-metrics.json | head -2 | cut -d: -f2 | paste -sd/ -)
  printf '%s\n' "${times[@]}" | sort -n | awk -v m="$measure" -v c="$counts" \
    '{ t[NR] = $1 * 1000 } END { printf "%-26s %10.0f %10.0f   %s\n", m, t[int((NR + 1) / 2)], t[NR], c }'
done
