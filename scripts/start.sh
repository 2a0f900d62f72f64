#!/usr/bin/env bash
# Starts OneSheet at http://localhost:8080/fhir on embedded H2 (./data), filling an empty database with the
# demo county group. Builds the jar when the sources are newer, and the class data sharing archive when the
# jar is newer. Any argument is passed to the server, e.g. --onesheet.demo-data=false or --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-built.sh
source scripts/jvm-options.sh
# Development: the demo organisations are clients with this secret (README, Security). The image never holds it;
# a production start sets no ONESHEET_DEMO_CLIENT_SECRET and registers its own clients.
export ONESHEET_DEMO_CLIENT_SECRET="${ONESHEET_DEMO_CLIENT_SECRET-demo-secret}"
# shellcheck disable=SC2086
exec java $ONESHEET_JAVA_OPTS -jar "$ONESHEET_JAR" "$@"
