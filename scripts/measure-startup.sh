#!/usr/bin/env bash
# Measures OneSheet start-up: time from launching java to the first HTTP 200 on /fhir/metadata,
# and resident memory (RSS) 10 s after that, over several runs; prints each run and the median.
#
#   scripts/measure-startup.sh [runs] [-- extra java/app arguments]
#   JAVA_OPTS="..."  JVM options (default: those of scripts/start.sh)
#   JAR=...          the jar to run (default: target/app/onesheet.jar if extracted, else target/onesheet.jar)
#
# The database must already hold the demo group (start once with scripts/start.sh), so that what is
# measured is a restart, not the first load. For PostgreSQL pass SPRING_DATASOURCE_URL/USERNAME/PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
[ "${1:-}" = "--" ] && shift
source scripts/jvm-options.sh
opts=${JAVA_OPTS:-$ONESHEET_JAVA_OPTS}
jar=${JAR:-$ONESHEET_JAR}
port=${PORT:-18080}
times=() ; rss=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $opts -jar "$jar" --server.port="$port" "$@" > "target/startup-run-$i.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/fhir/metadata"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $i: server died, see target/startup-run-$i.log" >&2; exit 1; fi
    sleep 0.1
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 10
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf 'run %d: first 200 on /metadata after %5.1f s, RSS %4d MB\n' "$i" "$(awk "BEGIN {print $ms/1000}")" $((kb / 1024))
  times+=("$ms"); rss+=("$kb")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'median of %d: %.1f s to first 200, %d MB RSS (java %s; options: %s)\n' "$runs" \
  "$(awk "BEGIN {print $(median "${times[@]}")/1000}")" $(( $(median "${rss[@]}") / 1024 )) \
  "$(java -version 2>&1 | head -1 | cut -d'"' -f2)" "$opts"
