#!/usr/bin/env bash
# bench: rows/s from a fake Meta Insights stream into warehouse rows (parse, map, COPY, merge) against a raw COPY
#
# Run it with `./catalyst bench ingest`, which provisions a throwaway PostgreSQL and exports the CATALYST_DB_*
# settings. This migrates that database like the server does, then in one JVM, after a warm-up of each, measures
# BENCH_RUNS (default 3) loads of BENCH_ROWS (default 200000) rows both ways into the same empty tables.
# Goal: at least 50% of raw COPY.
set -euo pipefail
: "${CATALYST_DB_URL:?run this through ./catalyst bench ingest}"
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

echo "building platform-core with its test classes ..." >&2
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl platform-core/core -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

CORE="$ROOT/platform-core/core/target"
exec java -Xmx1g -cp "$CORE/test-classes:$CORE/classes:$(cat "$CORE/bench.classpath")" \
  io.catalyst.core.warehouse.IngestBenchmark "${BENCH_ROWS:-200000}" "${BENCH_RUNS:-3}"
