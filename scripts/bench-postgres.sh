#!/usr/bin/env bash
# A PostgreSQL server for the benchmark suite, on loopback, with the settings OneSheet ships
# (docker/postgresql.conf: fsync and synchronous_commit on). Installs Debian's postgresql package when
# the machine has none. Usage: scripts/bench-postgres.sh start|stop|recreate-db NAME
#   start        initialises (first time) and starts the server on port $BENCH_PG_PORT (55432)
#   recreate-db  drops and creates database NAME owned by user onesheet (password onesheet)
#   resources    prints how many resources and Patients database NAME holds
#   stop         stops the server
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PG_PORT:-55432}"
DATA="${BENCH_PG_DIR:-/var/tmp/onesheet-bench-pg}"

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$dir" ]; then
    echo "installing Debian's postgresql" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, run it as the postgres user the package created.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_admin() {
  as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 "$@"
}

BIN=$(bin_dir)
case "${1:-start}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres "$DATA"
      as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust >/dev/null
    fi
    cp docker/postgresql.conf "$DATA/onesheet.conf"
    [ "$(id -u)" = 0 ] && chown postgres "$DATA/onesheet.conf"
    grep -q "include 'onesheet.conf'" "$DATA/postgresql.conf" || echo "include 'onesheet.conf'" >>"$DATA/postgresql.conf"
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      # loopback only, whatever the shipped file says about listening
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA" start >/dev/null
    fi
    psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='onesheet'" | grep -q 1 \
      || psql_admin -c "CREATE ROLE onesheet LOGIN PASSWORD 'onesheet'"
    echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DATA)"
    ;;
  recreate-db)
    psql_admin -c "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)"
    psql_admin -c "CREATE DATABASE \"$2\" OWNER onesheet ENCODING 'UTF8'"
    ;;
  settings)
    psql_admin -c "SELECT name || '=' || current_setting(name) FROM pg_settings WHERE name IN
      ('shared_buffers','work_mem','effective_cache_size','fsync','synchronous_commit','max_wal_size','commit_delay','server_version')"
    ;;
  resources)
    # how many resources (current versions) database NAME holds, and how many of them are Patients
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d "$2" -qAt -v ON_ERROR_STOP=1 -F ' ' \
      -c "SELECT count(*), count(*) FILTER (WHERE res_type = 'Patient') FROM hfj_resource WHERE res_deleted_at IS NULL"
    ;;
  stop)
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop|recreate-db NAME|resources NAME|settings" >&2; exit 2 ;;
esac
