#!/usr/bin/env bash
# Twofold and Keycloak side by side, one command, on this machine, with the same load generator:
#
#   mfa-app/src/loadgen/side-by-side.sh
#
# 1. Fetches Keycloak's distribution (org.keycloak:keycloak-quarkus-dist, zip) and async-profiler
#    (tools.profiler:async-profiler) from Maven Central with `mvn dependency:copy` into
#    ${XDG_CACHE_HOME:-$HOME/.cache}/twofold-bench (outside the source tree; once), builds Twofold and
#    the load generator.
# 2. Starts Twofold on PostgreSQL (database twofold_loadgen on 127.0.0.1:5432, dropped and created) and
#    Keycloak in production mode on 127.0.0.1 (dev-file database, wiped, bootstrap admin from the
#    environment), and sets Keycloak up through its admin REST API: a realm, a confidential client
#    (service accounts, direct access grants) and users with a password and TOTP (partialImport).
# 3. Alternates, A B A B: Keycloak client_credentials, Twofold mfa-otp and Twofold client_credentials at
#    16 and 64 clients; then Keycloak's direct grant (password + TOTP in one request) and Twofold's full
#    login (password-realm, mfa_required, mfa-otp) at 16 clients, each against the password-hash floor
#    of its own Argon2id parameters, measured in the generator just before and after its run, and each
#    server profiled over its recorded logins.
# 4. Prints one Markdown table with ratios and where the servers' CPU went in the logins, and stops
#    both servers (by PID).
#
# Time: about 35 minutes with the defaults (2 rounds; 10 s warm-up + 20 s measured per run).
# Environment: ROUNDS (2), WARMUP (10s), DURATION (20s), PREWARM (90s, each server's unrecorded JIT warm-up
# of its token path), LOGIN_PREWARM (60s, the same for the login paths), CLIENTS ("16 64"; "" for the
# logins only), LOGIN_CLIENTS (16), OTP_USERS (12000: more than ops/s x 30 s), KEYCLOAK_USERS (1500),
# KEYCLOAK_VERSION (26.5.6), PORT (18080), KEYCLOAK_PORT (18180), KEYCLOAK_RESTARTS (3) and
# KEYCLOAK_LOGIN_FACTOR (1.6: the Argon2 part of Keycloak's CPU per login over the CPU per hash at its
# floor that still counts as agreeing; the trap showed 3x), SKIP_BUILD=1, PG_USER/PG_PASSWORD,
# TWOFOLD_TARGET (build folder, default target), ASYNC_PROFILER (path of a libasyncProfiler.so to use
# instead of the fetched one; "off": no profiles, and Keycloak's check compares its whole login).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
target=${TWOFOLD_TARGET:-target}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/twofold-bench
kc_version=${KEYCLOAK_VERSION:-26.5.6}
rounds=${ROUNDS:-2}
warmup=${WARMUP:-10s}
duration=${DURATION:-20s}
clients=${CLIENTS-16 64}
login_clients=${LOGIN_CLIENTS:-16}
otp_users=${OTP_USERS:-12000}
prewarm=${PREWARM:-90s}
login_prewarm=${LOGIN_PREWARM:-60s}
kc_users=${KEYCLOAK_USERS:-1500}
port=${PORT:-18080}
kc_port=${KEYCLOAK_PORT:-18180}
realm=bench
kc_client=bench-client

# 1. Keycloak's distribution, outside the source tree, and the build.
mkdir -p "$cache"
kc_home="$cache/keycloak-$kc_version"
if [[ ! -x "$kc_home/bin/kc.sh" ]]; then
  mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory="$cache"
  (cd "$cache" && unzip -q -o "keycloak-quarkus-dist-$kc_version.zip")
fi
# async-profiler (tools.profiler:async-profiler on Maven Central) in the same place, for the login profiles.
profiler=${ASYNC_PROFILER:-}
if [[ -z $profiler ]]; then
  ap_version=3.0
  case $(uname -m) in x86_64) ap_arch=linux-x64 ;; aarch64) ap_arch=linux-arm64 ;; *) ap_arch= ;; esac
  profiler="$cache/async-profiler-$ap_version/$ap_arch/libasyncProfiler.so"
  if [[ -z $ap_arch ]]; then
    profiler=off
  elif [[ ! -f $profiler ]]; then
    mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$ap_version" -DoutputDirectory="$cache"
    mkdir -p "$cache/async-profiler-$ap_version"
    (cd "$cache/async-profiler-$ap_version" && unzip -q -o "$cache/async-profiler-$ap_version.jar" "$ap_arch/*")
  fi
fi
cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -Ploadgen -Dtwofold.target="$target" -pl mfa-app -am package -DskipTests
fi
classpath="mfa-app/$target/test-classes:$(cat "mfa-app/$target/loadgen.classpath")"

work=$(mktemp -d /tmp/twofold-side-by-side.XXXXXX)
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

wait_for() { # url pid log
  for _ in $(seq 1 240); do
    curl -sf -m 2 -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "it did not start; see $3" >&2; exit 1; }
    sleep 1
  done
  echo "no answer from $1 after 240 s; see $3" >&2; exit 1
}

# 2a. Twofold on PostgreSQL.
pg_user=${PG_USER:-postgres}
export PGPASSWORD=${PG_PASSWORD:-}
psql -q -h 127.0.0.1 -p 5432 -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS twofold_loadgen" \
  -c "CREATE DATABASE twofold_loadgen"
export MFA_DB_URL="jdbc:postgresql://127.0.0.1:5432/twofold_loadgen" MFA_DB_USER="$pg_user" MFA_DB_PASSWORD="$PGPASSWORD"
export MFA_SECRET_KEY MFA_SECRET_KEY_ID=k1 MFA_DATA_DIR="$work/data"
MFA_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
# shellcheck disable=SC2086
MICRONAUT_SERVER_PORT="$port" java ${SERVER_JAVA_OPTS:-} -XX:+StartAttachListener -jar "mfa-app/$target/mfa-app.jar" \
  > "$work/twofold.log" 2>&1 &
twofold=$!
pids+=("$twofold")

# 2b. Keycloak, production mode, fresh dev-file database, only on 127.0.0.1.
rm -rf "$kc_home/data"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD
KC_BOOTSTRAP_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
kc_starts=0
start_keycloak() { # (re)starts Keycloak on its dev-file database as it is; sets keycloak to its JVM's PID
  kc_starts=$((kc_starts + 1))
  JAVA_OPTS_APPEND="-XX:+StartAttachListener" "$kc_home/bin/kc.sh" start --db=dev-file --http-enabled=true \
    --http-host=127.0.0.1 --http-port="$kc_port" --hostname="http://127.0.0.1:$kc_port" \
    --health-enabled=false --metrics-enabled=false --http-management-port=$((kc_port + 1)) \
    > "$work/keycloak-$kc_starts.log" 2>&1 &
  kc_wrapper=$!
  keycloak=$kc_wrapper
  pids+=("$kc_wrapper")
  wait_for "http://127.0.0.1:$kc_port/realms/master/.well-known/openid-configuration" "$kc_wrapper" "$work/keycloak-$kc_starts.log"
  # kc.sh runs Keycloak's JVM as its child: that is the process to measure (CPU, heap) and to stop.
  local kc_java
  kc_java=$(pgrep -P "$kc_wrapper" java || true)
  if [[ -n $kc_java ]]; then keycloak=$kc_java; pids=("$kc_java" "${pids[@]}"); fi
}
stop_keycloak() { # stops the Keycloak this script started last, by PID
  local pid kept=()
  kill "$keycloak" 2>/dev/null || true
  wait "$kc_wrapper" 2>/dev/null || true
  while kill -0 "$keycloak" 2>/dev/null; do sleep 1; done
  for pid in "${pids[@]}"; do [[ $pid == "$keycloak" || $pid == "$kc_wrapper" ]] || kept+=("$pid"); done
  pids=("${kept[@]}")
}
start_keycloak
wait_for "http://127.0.0.1:$port/health" "$twofold" "$work/twofold.log"
echo "twofold pid $twofold on 127.0.0.1:$port (PostgreSQL), keycloak $kc_version pid $keycloak on 127.0.0.1:$kc_port; logs in $work"

drive() { # target scenario clients [options...]: one run of the generator, its report on stdout
  local t=$1 s=$2 c=$3; shift 3
  local url pid
  if [[ $t == keycloak ]]; then url="http://127.0.0.1:$kc_port"; pid=$keycloak; else url="http://127.0.0.1:$port"; pid=$twofold; fi
  echo "== $t $s, $c clients" >&2
  java -cp "$classpath" io.twofold.mfa.loadgen.LoadGenerator --target "$t" --scenario "$s" --base-url "$url" \
    --server-pid "$pid" --concurrency "$c" "$@"
}
loadgen() { # the same, recorded for the table
  drive "$@" | tee -a "$work/runs.txt" >&2
}
kc_secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
kc_opts=(--realm "$realm" --client-id "$kc_client" --client-secret "$kc_secret")
drive keycloak setup 1 "${kc_opts[@]}" --users "$kc_users"

# Keycloak has no start-up warm-up of its own: a few logins on one client first, so its Argon2 is
# compiled before the measured runs (see "Known trap" in the README). Twofold's hashes are warmed at
# its start. Both then run their token paths for PREWARM at 16 clients, so the JIT has compiled them
# before anything is recorded: right after a start, C2 takes most of a core for tens of seconds, which
# on 2 cores halved the rate of a 10 s warm-up run here (and Twofold's users are seeded). Not recorded.
drive twofold second-factor 16 --users "$otp_users" --warmup 0s --duration "$prewarm" > "$work/twofold-warm-up.txt"
drive twofold client-credentials 16 --warmup 0s --duration "$prewarm" >> "$work/twofold-warm-up.txt"
drive keycloak login 1 "${kc_opts[@]}" --users "$kc_users" --warmup 0s --duration 10s --floor off > "$work/keycloak-warm-up.txt"
drive keycloak client-credentials 16 "${kc_opts[@]}" --warmup 0s --duration "$prewarm" >> "$work/keycloak-warm-up.txt"

# 3. A B A B.
for c in $clients; do
  for r in $(seq 1 "$rounds"); do
    loadgen keycloak client-credentials "$c" "${kc_opts[@]}" --warmup "$warmup" --duration "$duration"
    loadgen twofold second-factor "$c" --users "$otp_users" --warmup "$warmup" --duration "$duration"
    loadgen twofold client-credentials "$c" --warmup "$warmup" --duration "$duration"
  done
done
# Keycloak's logins only count when its hashing agrees with its own hash floor: a JVM that compiled
# Bouncy Castle's Argon2 badly (the "Known trap" in the README) spends several times the floor's CPU
# per hash. A short profiled run tells how much of Keycloak's CPU per login is Argon2 (the rest is
# its own per-login work and its JIT, which no restart changes); Keycloak is restarted (same database)
# while that hashing part is over KEYCLOAK_LOGIN_FACTOR (1.6) times the floor's CPU per hash, at most
# KEYCLOAK_RESTARTS (3) times. Without a profiler the whole login's CPU is compared. What the table
# shows is said at its end either way.
profiling=()
[[ $profiler != off ]] && profiling=(--profiler "$profiler")
kc_restarts=0
while :; do
  out=$(drive keycloak login "$login_clients" "${kc_opts[@]}" --users "$kc_users" --warmup 5s --duration 10s "${profiling[@]}")
  echo "$out" >> "$work/keycloak-login-checks.txt"
  check=$(echo "$out" | grep '^SUMMARY')
  share=$(echo "$out" | sed -n 's/^server profile.*: Argon2 \([0-9.]*\) %.*/\1/p')
  # SUMMARY ... cpu-ms/op ($9); the floor's CPU per hash: one generator thread per core, floor ($10) hashes/s.
  verdict=$(echo "$check" | awk -v share="${share:-100}" -v factor="${KEYCLOAK_LOGIN_FACTOR:-1.6}" -v cores="$(nproc)" '{
    hashing = $9 * share / 100; floor = ($10 > 0) ? cores * 1000 / $10 : 0
    printf "%d %.1f ms CPU per login, %.1f ms of it in Argon2 (%s %%), against %.1f ms per hash at its floor\n",
      ($9 > 0 && floor > 0 && hashing <= factor * floor) ? 1 : 0, $9, hashing, share, floor }')
  agrees=${verdict%% *}
  echo "Keycloak login check (start $kc_starts): ${verdict#* }" >&2
  if [[ $agrees == 1 || $kc_restarts -ge ${KEYCLOAK_RESTARTS:-3} ]]; then break; fi
  kc_restarts=$((kc_restarts + 1))
  stop_keycloak
  start_keycloak
  drive keycloak login 1 "${kc_opts[@]}" --users "$kc_users" --warmup 0s --duration 10s --floor off >> "$work/keycloak-warm-up.txt"
done
kc_login_note="Keycloak's logins: $kc_restarts restart(s); its last check: ${verdict#* } ($([[ $agrees == 1 ]] && echo agrees || echo 'still does not agree: the trap'))."
# Both login paths then run unrecorded for LOGIN_PREWARM at the measured concurrency, so the JIT is
# done with them: a fresh Keycloak still spent a fifth of its CPU in C2 during 30 s login runs.
drive keycloak login "$login_clients" "${kc_opts[@]}" --users "$kc_users" --warmup 0s --duration "$login_prewarm" --floor off >> "$work/keycloak-warm-up.txt"
drive twofold login "$login_clients" --users "$kc_users" --warmup 0s --duration "$login_prewarm" --floor off >> "$work/twofold-warm-up.txt"
for r in $(seq 1 "$rounds"); do
  loadgen keycloak login "$login_clients" "${kc_opts[@]}" --users "$kc_users" --warmup "$warmup" --duration "$duration" "${profiling[@]}"
  loadgen twofold login "$login_clients" --users "$kc_users" --warmup "$warmup" --duration "$duration" "${profiling[@]}"
done

# 4. One table. SUMMARY target scenario clients ops/s p50 p99 cores cpu-ms/op floor failures
#    generator-cores postgres-cores machine-busy-cores stolen-cores
echo
echo "Side by side, $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
echo "$(java -version 2>&1 | head -1), Keycloak $kc_version (production mode, dev-file), Twofold on PostgreSQL"
echo "$(psql -At -h 127.0.0.1 -U "$pg_user" -d postgres -c 'SHOW server_version'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
grep '^SUMMARY' "$work/runs.txt" | awk -v cores="$(nproc)" '
  function name(t, s) {
    if (t == "keycloak" && s == "client-credentials") return "Keycloak client_credentials"
    if (t == "keycloak" && s == "login") return "Keycloak password+TOTP (direct grant)"
    if (s == "second-factor") return "Twofold mfa-otp"
    if (s == "client-credentials") return "Twofold client_credentials"
    return "Twofold full login (password-realm + mfa-otp)"
  }
  BEGIN {
    print "| run | clients | ops/s | p50 | p99 | server cores | server CPU/op | PostgreSQL cores | generator cores | machine idle | stolen | vs Keycloak (same round) | vs own hash floor |"
    print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  }
  {
    t = $2; s = $3; c = $4; rate = $5
    if (t == "keycloak") { kc[s == "login" ? "login" : "cc", c] = rate }
    ratio = "-"
    ref = (s == "login") ? kc["login", c] : kc["cc", c]
    if (t == "twofold" && ref > 0) ratio = sprintf("%.2fx", rate / ref)
    floor = ($10 > 0) ? sprintf("%.0f %% of %.1f/s", 100 * rate / $10, $10) : "-"
    cpu = ($9 >= 0) ? sprintf("%.1f ms", $9) : "-"
    fails = ($11 > 0) ? sprintf(" (%d failed)", $11) : ""
    idle = ($14 >= 0) ? sprintf("%.2f", cores - $14 - $15) : "-"
    stolen = ($15 >= 0) ? sprintf("%.2f", $15) : "-"
    printf "| %s | %d | %.1f%s | %.0f ms | %.0f ms | %.2f | %s | %.2f | %.2f | %s | %s | %s | %s |\n", name(t, s), c, rate, fails, $6, $7, $8, cpu, $13, $12, idle, stolen, ratio, floor
  }'
echo
echo "${kc_login_note:-}"
if [[ $profiler != off ]]; then
  echo
  echo "Where the servers' CPU went in the recorded logins, in run order (Keycloak, Twofold per round):"
  grep '^server profile' "$work/runs.txt" | sed 's/^/- /'
fi
