#!/usr/bin/env bash
# Load test in one command: builds the server and the load generator, starts the server on this
# machine against a fresh database, seeds it, drives it over HTTP on 127.0.0.1, prints the report,
# and stops the server.
#
#   mfa-app/src/loadgen/run.sh [h2|postgres] [second-factor|login|imported-login|enroll|statements|client-credentials|all] [loadgen options...]
#   e.g. mfa-app/src/loadgen/run.sh postgres second-factor --concurrency 64 --duration 30s --warmup 20s --users 20000
#
# Environment: TWOFOLD_TARGET (build folder, default target), SKIP_BUILD=1 (reuse the last build),
# PORT (default 18080), SERVER_JAVA_OPTS (extra JVM options for the server, e.g. -Xmx512m),
# PG_ADMIN_URL/PG_USER/PG_PASSWORD (PostgreSQL on 127.0.0.1:5432; the database twofold_loadgen is
# dropped and created afresh on every run).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
target=${TWOFOLD_TARGET:-target}
db=${1:-h2}
scenario=${2:-second-factor}
shift $(( $# > 2 ? 2 : $# ))
port=${PORT:-18080}

cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -Ploadgen -Dtwofold.target="$target" -pl mfa-app -am package -DskipTests
fi
classpath="mfa-app/$target/test-classes:$(cat "mfa-app/$target/loadgen.classpath")"

work=$(mktemp -d /tmp/twofold-loadgen.XXXXXX)
export MFA_SECRET_KEY MFA_SECRET_KEY_ID=k1 MFA_DATA_DIR="$work/data" MICRONAUT_SERVER_PORT="$port"
MFA_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
case "$db" in
  h2)
    # AUTO_SERVER: the server opens the file first and keeps embedded access; the generator's
    # seeding connects to it through H2's local TCP server.
    export MFA_DB_URL="jdbc:h2:file:$work/twofold;AUTO_SERVER=TRUE" MFA_DB_USER=sa MFA_DB_PASSWORD=
    ;;
  postgres)
    pg_user=${PG_USER:-postgres}
    export PGPASSWORD=${PG_PASSWORD:-}
    psql -q -h 127.0.0.1 -p 5432 -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS twofold_loadgen" \
      -c "CREATE DATABASE twofold_loadgen"
    export MFA_DB_URL="jdbc:postgresql://127.0.0.1:5432/twofold_loadgen" MFA_DB_USER="$pg_user" MFA_DB_PASSWORD="$PGPASSWORD"
    ;;
  *) echo "database is h2 or postgres" >&2; exit 2 ;;
esac

# StartAttachListener: jcmd (heap after GC) must reach the server even when SIGQUIT is ignored,
# as it is for background jobs of a non-interactive shell.
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -XX:+StartAttachListener -jar "mfa-app/$target/mfa-app.jar" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -m 2 "http://127.0.0.1:$port/health" > /dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "the server did not start; see $work/server.log" >&2; exit 1; }
  sleep 1
done
echo "server pid $server on 127.0.0.1:$port, $db database, log in $work/server.log"

scenarios=$scenario
[[ "$scenario" == all ]] && scenarios="statements second-factor login enroll client-credentials"
for s in $scenarios; do
  echo "== $s"
  java -cp "$classpath" io.twofold.mfa.loadgen.LoadGenerator --scenario "$s" \
    --base-url "http://127.0.0.1:$port" --server-pid "$server" "$@"
done
