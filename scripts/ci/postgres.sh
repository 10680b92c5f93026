#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a temp folder on 127.0.0.1, for tests. Keeps its data and socket outside the project
# (Turbopack's watcher crashes on sockets). Usage:
#   eval "$(scripts/ci/postgres.sh start)"   # prints: export TEST_DATABASE_URL=… PG_TMP=…
#   scripts/ci/postgres.sh stop "$PG_TMP"
set -euo pipefail

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  echo "$dir"
}

as_pg() {
  # initdb and postgres refuse to run as root: use the postgres account Debian's package creates.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(pg_bin)
    tmp=$(mktemp -d /tmp/budhhub-pg.XXXXXX)
    port=${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
    password=budhhub-ci
    printf '%s\n' "$password" > "$tmp/pw"
    [ "$(id -u)" = 0 ] && chown -R postgres "$tmp"
    as_pg "$bin/initdb" -D "$tmp/data" -U postgres --auth=scram-sha-256 --pwfile="$tmp/pw" >"$tmp/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
    echo "export PG_TMP=$tmp TEST_DATABASE_URL=postgres://postgres:$password@127.0.0.1:$port/postgres"
    ;;
  stop)
    tmp=${2:?usage: postgres.sh stop PG_TMP}
    as_pg "$(pg_bin)/pg_ctl" -D "$tmp/data" -m fast -w stop >&2 || true
    rm -rf "$tmp"
    ;;
  *)
    echo "usage: $0 start | stop PG_TMP" >&2
    exit 2
    ;;
esac
