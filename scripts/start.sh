#!/usr/bin/env bash
# Starts OneSheet at http://localhost:8080/fhir on embedded H2 (./data), filling an empty database with the
# demo county group. Builds the jar when the sources are newer, and the class data sharing archive when the
# jar is newer. Any argument is passed to the server, e.g. --onesheet.demo-data=false or --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/onesheet.jar ] || [ -n "$(find src pom.xml ig/input ig/sushi-config.yaml -newer target/onesheet.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
if [ ! -f target/app/onesheet.jsa ] || [ target/onesheet.jar -nt target/app/onesheet.jsa ]; then
  scripts/build-cds.sh
fi
source scripts/jvm-options.sh
# shellcheck disable=SC2086
exec java $ONESHEET_JAVA_OPTS -jar "$ONESHEET_JAR" "$@"
