#!/usr/bin/env bash
# The benchmark suite (README, Performance). For each data set: a fresh database, OneSheet started as
# scripts/start.sh starts it (security and audit on), the data loaded over HTTP by C concurrent clients
# (resources/s), then for the county-group sizes the read set at 1 and 8 clients. Prints one table and writes
# target/bench/results.json with the machine, versions and settings.
#
#   scripts/bench.sh [--db postgres|h2] [--sizes 10000,100000,1000000] [--synthea PATIENTS] [--clients C]
#                    [--requests N] [--server-opts "JVM options"] [--per-bundle RESIDENTS] [--backlog REFERRALS]
#                    [--append] [--existing DATABASE]
#   --append adds this run's figures to the previous run's table instead of starting a new one;
#   --backlog adds that many more upward referrals (a ServiceRequest and a Task each over three years, the last four
#   days' still open) of the group's residents, loaded after the group: the inbox and the worklist against 10⁵ Tasks;
#   --existing times the read set on a PostgreSQL database loaded before (by an earlier run, or by the server's own
#   demo load as scripts/measure-metrics.sh does it: 10⁵ residents, about a million resources, in under an hour)
#   instead of loading a data set; --sizes is then ignored;
#   --per-bundle sets how many residents the county-group generator puts in one transaction Bundle (50);
#   --requests 0 loads only (no reads); --server-opts adds JVM options to those of scripts/jvm-options.sh,
#   -Dproperty=value for the server too, e.g. "-Donesheet.security.audit=false" to measure the audit trail.
#
# Defaults (the run the README quotes, ~8 minutes): PostgreSQL (Debian's, started on 127.0.0.1:55432 by
# scripts/bench-postgres.sh with docker/postgresql.conf; installed with apt when missing), the county group at 10⁴
# resources, no Synthea, 1 loading client (on two cores, four clients load no faster than one: README),
# 50 requests per query and client count. E.g. --synthea 50 --clients 4 --server-opts -Xmx6g for the Synthea load (README: its time).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=postgres; EXISTING=""; SIZES=10000; SYNTHEA=0; CLIENTS=1; REQUESTS=50; SERVER_OPTS=""; APPEND=false; PER_BUNDLE=50; BACKLOG=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2" ;; --sizes) SIZES="$2" ;; --synthea) SYNTHEA="$2" ;; --clients) CLIENTS="$2" ;;
    --requests) REQUESTS="$2" ;; --server-opts) SERVER_OPTS="$2" ;; --per-bundle) PER_BUNDLE="$2" ;;
    --backlog) BACKLOG="$2" ;; --existing) EXISTING="$2" ;;
    --append) APPEND=true; shift; continue ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
PORT=18097; OUT=target/bench; RESULTS=$OUT/results.jsonl
source scripts/ensure-built.sh
source scripts/jvm-options.sh
SERVER_OPTS="$ONESHEET_JAVA_OPTS $SERVER_OPTS"  # later options win: -Xmx4g here overrides jvm-options.sh
if [ ! -f bench/target/classpath.txt ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/classpath.txt -print -quit)" ]; then
  mvn -B -q -f bench/pom.xml package
fi
BENCH_CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p $OUT
$APPEND || rm -f $RESULTS

# A fresh, empty database for one data set; prints the JDBC URL.
fresh_database() {
  if [ "$DB" = postgres ]; then
    scripts/bench-postgres.sh recreate-db "bench_$1" >/dev/null 2>&1
    echo "jdbc:postgresql://127.0.0.1:${BENCH_PG_PORT:-55432}/bench_$1?reWriteBatchedInserts=true"
  else
    rm -rf "$OUT/h2-$1"
    echo "jdbc:h2:file:./$OUT/h2-$1/onesheet"
  fi
}

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true # a stopped JVM exits 143; that is no failure of the run
  fi
  SERVER_PID=""
}
trap stop_server EXIT
# Starts OneSheet on the given database with the demo group's directory (its organisations are the clients
# the benchmark signs in as); the data set itself comes over HTTP.
start_server() {
  local url="$1"; shift
  # shellcheck disable=SC2086
  java $SERVER_OPTS -Donesheet.security.demo-client-secret=demo-secret -Donesheet.security.token-lifetime=PT4H \
    -jar "$ONESHEET_JAR" --server.port=$PORT --spring.datasource.url="$url" \
    --spring.datasource.username=onesheet --spring.datasource.password=onesheet \
    --onesheet.demo-patients=0 --onesheet.binary-storage-dir=$OUT/binaries "$@" >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do
    kill -0 $SERVER_PID 2>/dev/null || { tail -30 "$OUT/server.log"; exit 1; }
    sleep 1
  done
}
bench() { java -Xmx2g -cp "$BENCH_CP" org.onesheet.bench.Bench "$@"; }
# After a load the server still works in the background (MDM links the registrations, the subscription queue
# drains); reads timed then would measure that too. Waits (at most 5 minutes) until the server's JVM used less
# than half a second of CPU in five.
await_idle() {
  local started=$SECONDS before after
  before=$(awk '{print $14 + $15}' /proc/$SERVER_PID/stat)
  while sleep 5; do
    after=$(awk '{print $14 + $15}' /proc/$SERVER_PID/stat)
    [ $(( after - before )) -lt $(( $(getconf CLK_TCK) / 2 )) ] && break
    [ $(( SECONDS - started )) -ge 300 ] && { echo "server still busy after 5 minutes; reading anyway"; break; }
    before=$after
  done
  echo "server idle $(( SECONDS - started )) s after the load"
}

[ "$DB" = postgres ] && scripts/bench-postgres.sh start
{
  echo "database=$DB"
  echo "machine.cpus=$(nproc)"
  echo "machine.memory=$(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "machine.cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "machine.os=$(. /etc/os-release; echo "$PRETTY_NAME") $(uname -r)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "onesheet.commit=$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo '+changes')"
  echo "hapi=8.8.0"
  echo "server.jvm=$SERVER_OPTS"
  echo "loading.clients=$CLIENTS"
  echo "reads.requests=$REQUESTS"
  echo "when=$(date -u +%FT%TZ)"
  if [ "$DB" = postgres ]; then
    scripts/bench-postgres.sh settings | sed 's/^/postgres./'
  fi
} >$OUT/settings.properties

if [ "$SYNTHEA" -gt 0 ]; then
  data=$OUT/synthea-$SYNTHEA
  if [ ! -d "$data/fhir" ]; then
    echo "generating $SYNTHEA Synthea patients (seed 42)"
    java -Xmx4g -cp "$BENCH_CP" App -p "$SYNTHEA" -s 42 -cs 42 -r 20261101 --exporter.baseDirectory="$data" \
      --exporter.csv.export=false --exporter.fhir.export=true --exporter.hospital.fhir.export=true \
      --exporter.practitioner.fhir.export=true Massachusetts >"$OUT/synthea.log" 2>&1
  fi
  # Synthea writes claims, devices and supply deliveries, which a county group does not exchange: served
  # here (all of R4) so that the load is Synthea's whole output, as for the stock server; a patient's
  # whole life in one bundle reaches 70 MB, over the 20 MB a clinic may send.
  start_server "$(fresh_database synthea)" --onesheet.resource-types= --onesheet.max-request-size=200MB
  bench load "http://localhost:$PORT/fhir" "$CLIENTS" "$data/fhir" "Synthea $SYNTHEA patients" $RESULTS 3
  stop_server
fi

if [ -n "$EXISTING" ]; then
  [ "$DB" = postgres ] || { echo "--existing needs --db postgres" >&2; exit 2; }
  read -r count patients < <(scripts/bench-postgres.sh resources "$EXISTING")
  start_server "jdbc:postgresql://127.0.0.1:${BENCH_PG_PORT:-55432}/$EXISTING?reWriteBatchedInserts=true"
  await_idle
  bench reads "http://localhost:$PORT/fhir" "$REQUESTS" "$EXISTING: $count resources, $patients Patients" $RESULTS
  stop_server
  SIZES="" # the read set on that database is this run's only one, whatever --sizes said
fi

for size in ${SIZES//,/ }; do
  # the demo generator writes about 11 resources per resident (registrations, visits, results, care plans…)
  residents=$(( size * 100 / 1105 ))
  data=$OUT/group-$size-$PER_BUNDLE-$BACKLOG
  label="county group, $size, $PER_BUNDLE per Bundle"; reads_label="$size"
  if [ "$BACKLOG" -gt 0 ]; then label="$label, + $BACKLOG referrals"; reads_label="$size + $BACKLOG referrals"; fi
  if [ ! -d "$data" ]; then
    java -jar "$ONESHEET_JAR" generate-demo --patients "$residents" --per-bundle "$PER_BUNDLE" --as-of "$(date +%F)" \
      --referral-backlog "$BACKLOG" --out "$data" >/dev/null
    # The neighbouring county's records are already there (the server's demo start loads them), and the
    # benchmark's client, this group's administrator, may not write another group's records anyway.
    grep -l '"qtx-pat-' "$data"/*.json | xargs rm -f
  fi
  start_server "$(fresh_database "g$size")"
  # the directory, then the first residents' bundle alone: the tags and profiles every later bundle uses are
  # committed once before the clients run side by side (first uses at once each create a tag definition: README)
  bench load "http://localhost:$PORT/fhir" "$CLIENTS" "$data" "$label" $RESULTS 5
  if [ "$REQUESTS" -gt 0 ]; then await_idle; bench reads "http://localhost:$PORT/fhir" "$REQUESTS" "$reads_label" $RESULTS; fi
  stop_server
done

bench report $RESULTS $OUT/settings.properties $OUT/results.json
