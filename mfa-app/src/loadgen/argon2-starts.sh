#!/usr/bin/env bash
# The "Argon2 and the JIT" probe (README, "Known trap"): starts fresh JVMs, each going through the
# bundled app's password-hash start-up (or none) and 15 s of hashing on every processor, then timing
# Argon2id against the C reference implementation on the same processor, hash by hash
# (io.twofold.mfa.loadgen.Argon2Start). Variants and processors alternate start by start; the
# summary gives the spread of the ratio Java / C per variant. About 20 s per start.
#
#   mfa-app/src/loadgen/argon2-starts.sh [starts per variant, default 10]
#
# Needs the argon2 command (Debian: apt-get install argon2) and taskset (util-linux).
# Environment: TWOFOLD_TARGET (build folder, default target), SKIP_BUILD=1 (reuse the last build),
# JAVA_OPTS (extra JVM options for every start, e.g. -XX:-TieredCompilation).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
target=${TWOFOLD_TARGET:-target}
starts=${1:-10}
for tool in argon2 taskset; do
  command -v "$tool" > /dev/null || { echo "needs $tool (Debian: apt-get install argon2 util-linux)" >&2; exit 2; }
done

cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -Ploadgen -Dtwofold.target="$target" -pl mfa-app -am package -DskipTests
fi
classpath="mfa-app/$target/test-classes:$(cat "mfa-app/$target/loadgen.classpath")"
cpus=$(nproc)

results=$(mktemp /tmp/twofold-argon2-starts.XXXXXX)
trap 'rm -f "$results"' EXIT
for i in $(seq 1 "$starts"); do
  for variant in --warm-up --no-warm-up; do
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -cp "$classpath" io.twofold.mfa.loadgen.Argon2Start "$variant" $(( i % cpus )) | tee -a "$results"
  done
done

echo
echo "variant      starts  ratio min  median  max   java ms min-max   C ms min-max"
for variant in warm-up no-warm-up; do
  awk -v v="$variant" '$1 == v { print $5, $7, $9 }' "$results" | sort -n -k3 | awk -v v="$variant" '
    { ratio[NR] = $3
      if (NR == 1 || $1 < jmin) jmin = $1; if ($1 > jmax) jmax = $1
      if (NR == 1 || $2 < cmin) cmin = $2; if ($2 > cmax) cmax = $2 }
    END { printf "%-12s %6d  %9.2f  %6.2f  %4.2f  %6.1f-%-6.1f    %5.1f-%-5.1f\n",
          v, NR, ratio[1], ratio[int((NR + 1) / 2)], ratio[NR], jmin, jmax, cmin, cmax }'
done
