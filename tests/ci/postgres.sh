#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for the sync server suite (tests/unit/sync runs on it as
# well as on PGlite when TEST_DATABASE_URL is set). Everything lives under /tmp, trust-authenticated
# on loopback only: for tests, never for data. Installs Debian's postgresql when it is missing.
#
#   source tests/ci/postgres.sh          # starts it, exports TEST_DATABASE_URL, defines stop_test_postgres
#   bash tests/ci/postgres.sh            # starts it and prints the URL
#   bash tests/ci/postgres.sh stop       # stops it

UB_PG_PORT="${UB_PG_PORT:-54329}"
UB_PG_DIR="${UB_PG_DIR:-/tmp/unionbooks-pg}"

_ub_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1
}

# Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses to run as root).
_ub_as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_postgres() {
  if [ -z "$(_ub_pg_bin)" ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || return 1
  fi
  local bin
  bin="$(_ub_pg_bin)"
  if ! _ub_as_pg "$bin/pg_ctl" -D "$UB_PG_DIR/data" status >/dev/null 2>&1; then
    rm -rf "$UB_PG_DIR" && mkdir -p "$UB_PG_DIR" || return 1
    if [ "$(id -u)" = 0 ]; then chown postgres: "$UB_PG_DIR" || return 1; fi
    _ub_as_pg "$bin/initdb" -D "$UB_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >&2 || return 1
    _ub_as_pg "$bin/pg_ctl" -D "$UB_PG_DIR/data" -l "$UB_PG_DIR/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $UB_PG_PORT -k $UB_PG_DIR -c fsync=off -c max_connections=200" start >&2 || return 1
  fi
  if ! _ub_as_pg "$bin/psql" -h 127.0.0.1 -p "$UB_PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='unionbooks_test'" | grep -q 1; then
    _ub_as_pg "$bin/createdb" -h 127.0.0.1 -p "$UB_PG_PORT" -U postgres unionbooks_test >&2 || return 1
  fi
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$UB_PG_PORT/unionbooks_test"
}

stop_test_postgres() {
  local bin
  bin="$(_ub_pg_bin)"
  [ -n "$bin" ] && _ub_as_pg "$bin/pg_ctl" -D "$UB_PG_DIR/data" -m fast stop >&2
  rm -rf "$UB_PG_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-start}" in
    stop) stop_test_postgres ;;
    *) start_test_postgres && echo "$TEST_DATABASE_URL" ;;
  esac
else
  start_test_postgres
fi
