#!/usr/bin/env bash
# Keygate's benchmark set (docs/performance.md): builds the server jar and the harness, then runs
# every measurement beside its baseline and prints a table. Loopback only; stops by itself.
#   bench/run.sh            the full set (under ~10 minutes on 2 cores)
#   bench/run.sh --quick    a smoke run (about a minute and a half)
#   bench/run.sh --cold-keys 10000000   the cold path at 10M keys (needs ~3 GB of disk)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -DskipTests -Dcheckstyle.skip -Denforcer.skip -pl bench -am package >&2
mkdir -p bench/target
exec java -Xmx2g -jar bench/target/keygate-bench.jar --jar server/target/keygate.jar \
  --out bench/target/results.md "$@"
