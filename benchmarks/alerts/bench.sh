#!/usr/bin/env bash
# bench: one evaluation of 10,000 alert rules across 1,000 companies through the alerts engine, against the bare SQL of the distinct queries they need
#
# Run it with `./catalyst bench alerts`, which provisions a throwaway PostgreSQL and exports the CATALYST_DB_*
# settings. This migrates that database like the server does and loads BENCH_TENANTS (default 1000) companies of
# demo data (the dashboard benchmark's generator and loader: BENCH_MONTHS months, default 3, of two ad channels).
# Each company keeps 10 rules of every kind (7 distinct metric queries); each round evaluates all of them through
# the alerts plugin's engine (planner, metrics layer, judges, state machine) and runs the bare SQL of the same
# distinct queries, on one connection, alternating which goes first; BENCH_ROUNDS (default 3) after one warm-up.
# Goal: at most 1.5x.
set -euo pipefail
: "${CATALYST_DB_URL:?run this through ./catalyst bench alerts}"
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

echo "building platform-core with its test classes and the alerts plugin ..." >&2
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl platform-core/core,plugins/features/alerts -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

CORE="$ROOT/platform-core/core/target"
ALERTS="$ROOT/plugins/features/alerts/target/classes"
OUT="$(mktemp -d /tmp/catalyst-bench-alerts.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
CP="$CORE/test-classes:$CORE/classes:$ALERTS:$(cat "$CORE/bench.classpath")"
javac -d "$OUT" -cp "$CP" "$ROOT/benchmarks/alerts/AlertsBenchmark.java" >&2
java -Xmx2g -cp "$OUT:$CP" io.catalyst.core.metrics.AlertsBenchmark \
  "${BENCH_TENANTS:-1000}" "${BENCH_MONTHS:-3}" "${BENCH_ROUNDS:-3}"
