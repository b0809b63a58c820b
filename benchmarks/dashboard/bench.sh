#!/usr/bin/env bash
# bench: p95 ms of the campaign dashboard's queries through the metrics layer against bare SQL, at ~1M and ~10M ad rows
#
# Run it with `./catalyst bench dashboard`, which provisions a throwaway PostgreSQL and exports the CATALYST_DB_*
# settings. This migrates that database like the server does, loads BENCH_TENANTS (default 1000) companies of demo
# data (the demo-data generator: BENCH_MONTHS months, default 6, of two ad channels) in two steps, a tenth then the
# rest, and after each measures BENCH_SAMPLES (default 50) openings of one company's campaign dashboard (KPI tiles,
# daily series, campaign grid; 90 days with the previous 90 to compare) both ways on the same connection.
# Goals: at most 1.3x bare SQL; the p95 at ~10M within 1.2x of the p95 at ~1M; at most 300 kB heap per open dashboard.
set -euo pipefail
: "${CATALYST_DB_URL:?run this through ./catalyst bench dashboard}"
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

echo "building platform-core with its test classes ..." >&2
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl platform-core/core -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

CORE="$ROOT/platform-core/core/target"
exec java -Xmx2g -cp "$CORE/test-classes:$CORE/classes:$(cat "$CORE/bench.classpath")" \
  io.catalyst.core.metrics.DashboardBenchmark "${BENCH_TENANTS:-1000}" "${BENCH_MONTHS:-6}" "${BENCH_SAMPLES:-50}"
