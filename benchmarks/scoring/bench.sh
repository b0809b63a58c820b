#!/usr/bin/env bash
# bench: scoring 100,000 demo leads with score and reasons through the scoring plugin's ML model, against a raw Tribuo predict loop over the same model
# needs: jdk
#
# Run it with `./catalyst bench scoring`. Builds the scoring plugin and its classpath (with test scope: the demo-data
# generator is a test dependency), then in one JVM: turns demo companies' CRM contacts into 100,000 leads, trains one
# model on those created 90 to 290 days ago (converted = became an opportunity or customer), and times BENCH_ROUNDS
# (default 5) rounds, after three warm-up rounds, of the plugin's MlModel.score against Example + Tribuo predict per
# lead, alternating which goes first; then the p50/p99 of one lead scored alone. The last line's ratio is
# value/baseline like the other benchmarks' (lower is better). Goal: at most 1.25, i.e. at least 0.8 of raw Tribuo's
# speed.
# BENCH_MVN_FLAGS adds flags to Maven, e.g. -o to build offline.
set -euo pipefail
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

echo "building the scoring plugin ..." >&2
# shellcheck disable=SC2086 # BENCH_MVN_FLAGS is a list of flags
(cd "$ROOT" && mvn -B -q -Dstyle.color=never ${BENCH_MVN_FLAGS:-} -pl plugins/features/scoring -am compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

SCORING="$ROOT/plugins/features/scoring/target"
OUT="$(mktemp -d /tmp/catalyst-bench-scoring.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
CP="$SCORING/classes:$(cat "$SCORING/bench.classpath")"
# -implicit:none: gwt-elemental ships its sources, which javac would otherwise compile too
javac -proc:none -implicit:none -d "$OUT" -cp "$CP" "$ROOT/benchmarks/scoring/ScoringBenchmark.java" >&2
java -Xms1g -Xmx1g -cp "$OUT:$CP" io.catalyst.plugins.scoring.ScoringBenchmark "${BENCH_ROUNDS:-5}"
