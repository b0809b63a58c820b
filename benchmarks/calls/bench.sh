#!/usr/bin/env bash
# bench: call metrics and keyword trackers over 10,000 generated transcripts, against a bare pass that only reads and tokenises them
# needs: jdk
#
# Run it with `./catalyst bench calls`. Builds the calls plugin and its classpath (with test scope: the demo-data
# generator is a test dependency), then in one JVM: generates BENCH_CALLS (10,000) AssemblyAI-shaped transcripts with
# the demo-data generator, and times BENCH_ROUNDS (3) rounds, after one warm-up, of the plugin's whole analysis
# (Transcripts.parse, CallMetrics.of, TrackerMatcher.match with the eight default trackers) against a bare pass over the
# same transcripts that parses the JSON and tokenises every utterance, alternating which goes first. Prints words per
# second both ways; the last line's ratio is value/baseline (lower is better).
# BENCH_MVN_FLAGS adds flags to Maven, e.g. -o to build offline.
set -euo pipefail
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

echo "building the calls plugin ..." >&2
# shellcheck disable=SC2086 # BENCH_MVN_FLAGS is a list of flags
(cd "$ROOT" && mvn -B -q -Dstyle.color=never ${BENCH_MVN_FLAGS:-} -pl plugins/features/calls -am compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

CALLS="$ROOT/plugins/features/calls/target"
OUT="$(mktemp -d /tmp/catalyst-bench-calls.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
CP="$CALLS/classes:$(cat "$CALLS/bench.classpath")"
# -implicit:none: gwt-elemental ships its sources, which javac would otherwise compile too
javac -proc:none -implicit:none -d "$OUT" -cp "$CP" "$ROOT/benchmarks/calls/CallsBenchmark.java" >&2
java -Xms2g -Xmx2g -cp "$OUT:$CP" io.catalyst.plugins.calls.CallsBenchmark "${BENCH_CALLS:-10000}" "${BENCH_ROUNDS:-3}"
