# Sourced by scripts/test.sh (after _setup.sh): throwaway servers for the serving notebooks' tests, gone when the
# shell exits (normally, on a failing command under `set -e`, on Ctrl-C or kill -TERM).
#   redis-server   on a unix socket only (no TCP port), no persistence   -> RECO_TEST_REDIS_URL=unix://$TMP/redis.sock
#   PostgreSQL     a fresh cluster, unix socket only, trust auth, user reco -> RECO_TEST_DB_URL=postgresql+psycopg://reco@/postgres?host=DIR
# A variable already set in the environment is kept (its server is not started). A server that cannot be started:
# with CI=true the script exits 1; otherwise a warning names the package, the variable stays unset, and the notebooks
# skip those tests with a message.
_svc_log() { echo "[services] $*" >&2; }
if [ -n "${_svc_tmp:-}" ] && [ -d "$_svc_tmp" ]; then _svc_log "already started in this shell"; return 0; fi
_svc_fail() {   # a server could not be started: fatal on CI, a warning elsewhere
  if [ "${CI:-}" = true ]; then _svc_log "FAILED: $1 (CI=true: the tests need it)"; exit 1; fi
  _svc_log "warning: $1; its tests will be skipped (install the Debian package $2)"
}

# --- the binaries: install them once when we can (root + apt), else say what is missing
_svc_pgbin="$(pg_config --bindir 2>/dev/null || true)"
[ -x "$_svc_pgbin/initdb" ] || _svc_pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null || [ ! -x "$_svc_pgbin/initdb" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    _svc_log "installing redis-server and postgresql (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql; } >&2 ||
      _svc_log "warning: apt-get install redis-server postgresql failed"
    _svc_pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  else
    _svc_log "missing binaries: install the packages redis-server and postgresql (Debian/Ubuntu), or redis and postgresql@15 elsewhere"
  fi
fi

# --- one temp folder for both, removed by the trap; the postgres user must be able to reach the socket inside
_svc_tmp="$(mktemp -d "${TMPDIR:-/tmp}/reco-services.XXXXXX")"
chmod 755 "$_svc_tmp"
_svc_redis_pid=""
_svc_pgdata=""
_svc_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
_svc_stop() {   # idempotent: stop both servers, remove the folder
  if [ -n "$_svc_redis_pid" ]; then kill "$_svc_redis_pid" 2>/dev/null || true; wait "$_svc_redis_pid" 2>/dev/null || true; _svc_redis_pid=""; fi
  if [ -n "$_svc_pgdata" ] && [ -f "$_svc_pgdata/postmaster.pid" ]; then
    _svc_as_pg "$_svc_pgbin/pg_ctl" -D "$_svc_pgdata" -m immediate -w -t 20 stop >/dev/null 2>&1 || {
      pid="$(head -1 "$_svc_pgdata/postmaster.pid" 2>/dev/null || true)"; [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; }
  fi
  _svc_pgdata=""
  [ -n "${_svc_tmp:-}" ] && rm -rf "$_svc_tmp"; _svc_tmp=""
}
# compose with an EXIT trap set before us (it runs after ours); INT/TERM exit, which runs the EXIT trap
eval "_svc_prev=( $(trap -p EXIT) )"; _svc_prev_exit="${_svc_prev[2]:-}"
_svc_on_exit() { local rc=$?; _svc_stop; if [ -n "$_svc_prev_exit" ]; then eval "$_svc_prev_exit"; fi; return $rc; }
trap _svc_on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- redis
if [ -n "${RECO_TEST_REDIS_URL:-}" ]; then _svc_log "redis: using RECO_TEST_REDIS_URL=$RECO_TEST_REDIS_URL"
elif ! command -v redis-server >/dev/null; then _svc_fail "redis-server is not installed" redis-server
else
  sock="$_svc_tmp/redis.sock"
  redis-server --port 0 --unixsocket "$sock" --unixsocketperm 700 --save '' --appendonly no --daemonize no \
    --dir "$_svc_tmp" --logfile "$_svc_tmp/redis.log" </dev/null &
  _svc_redis_pid=$!
  for _ in $(seq 100); do   # at most 10 s
    redis-cli -s "$sock" ping 2>/dev/null | grep -q PONG && break
    kill -0 "$_svc_redis_pid" 2>/dev/null || break
    sleep 0.1
  done
  if redis-cli -s "$sock" ping 2>/dev/null | grep -q PONG; then
    export RECO_TEST_REDIS_URL="unix://$sock"; _svc_log "redis ready: RECO_TEST_REDIS_URL=$RECO_TEST_REDIS_URL"
  else
    tail -5 "$_svc_tmp/redis.log" >&2 2>/dev/null || true
    kill "$_svc_redis_pid" 2>/dev/null || true; _svc_redis_pid=""
    _svc_fail "redis-server did not start" redis-server
  fi
fi

# --- PostgreSQL (initdb refuses root: the cluster belongs to the postgres user when we are root)
if [ -n "${RECO_TEST_DB_URL:-}" ]; then _svc_log "postgres: using RECO_TEST_DB_URL=$RECO_TEST_DB_URL"
elif [ ! -x "$_svc_pgbin/initdb" ]; then _svc_fail "PostgreSQL (initdb) is not installed" postgresql
elif [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then _svc_fail "no 'postgres' user to run PostgreSQL as (root cannot)" postgresql
else
  pgd="$_svc_tmp/pg"; mkdir -m 700 "$pgd"
  [ "$(id -u)" = 0 ] && chown postgres: "$pgd"
  # fsync off: a throwaway cluster, faster on a shared machine (the tests do not kill the server)
  if _svc_as_pg "$_svc_pgbin/initdb" -D "$pgd" -A trust -U reco >"$_svc_tmp/initdb.log" 2>&1 &&
     _svc_pgdata="$pgd" &&
     _svc_as_pg "$_svc_pgbin/pg_ctl" -D "$pgd" -l "$pgd/server.log" -t 30 -w \
       -o "-k $pgd -c listen_addresses='' -c fsync=off" start >"$_svc_tmp/pg_ctl.log" 2>&1; then
    export RECO_TEST_DB_URL="postgresql+psycopg://reco@/postgres?host=$pgd"
    _svc_log "postgres ready: RECO_TEST_DB_URL=$RECO_TEST_DB_URL"
  else
    tail -5 "$_svc_tmp/initdb.log" "$_svc_tmp/pg_ctl.log" "$pgd/server.log" >&2 2>/dev/null || true
    _svc_fail "PostgreSQL did not start" postgresql
  fi
fi
unset sock pgd
