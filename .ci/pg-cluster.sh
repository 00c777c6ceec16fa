#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the head-office tests (CI and local runs alike).
#   eval "$(bash .ci/pg-cluster.sh start /tmp/some-dir)"   → exports TEST_PG_URL
#   bash .ci/pg-cluster.sh stop /tmp/some-dir
# Uses Debian's server binaries (apt-get install postgresql). PostgreSQL refuses to run as root,
# so under root the cluster belongs to the `postgres` user the package creates. Durability is
# switched off (fsync, full_page_writes): the data is thrown away after the tests. PG_DURABLE=1 keeps PostgreSQL's
# durable defaults (the P9 benchmark measures ingest as a head office would run it). PG_OPTS adds server options
# (the P9 benchmark's profile loads pg_stat_statements).
set -euo pipefail
cmd=${1:?usage: pg-cluster.sh start|stop DIR [PORT]}
dir=${2:?usage: pg-cluster.sh start|stop DIR [PORT]}
dir=$(realpath -m "$dir")
# The server user may not be allowed into the caller's folder (a clone under /root).
cd /

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    port=${3:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    opts="-h 127.0.0.1 -p $port -k $dir -c max_connections=200"
    if [ "${PG_DURABLE:-0}" != 1 ]; then opts="$opts -c fsync=off -c full_page_writes=off -c synchronous_commit=off"; fi
    if [ -n "${PG_OPTS:-}" ]; then opts="$opts $PG_OPTS"; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "unknown command: $cmd" >&2
    exit 2
    ;;
esac
