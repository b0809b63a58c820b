#!/usr/bin/env bash
# bench: one assistant turn that makes three metric tool calls (through the host's LangChain4j provider to a local fake OpenAI with no delay) against the same three metric queries called directly
#
# Run it with `./catalyst bench assistant`, which provisions a throwaway PostgreSQL and exports the CATALYST_DB_*
# settings. This migrates that database like the server does and loads BENCH_TENANTS (default 20) companies of demo
# data (BENCH_MONTHS months, default 6, of two ad channels). Then, in one JVM, it times
# BENCH_ROUNDS (default 30) rounds, after ten warm-up rounds, alternating which goes first, of:
#   - the assistant: the system prompt, the model asked (streamed, over HTTP to FakeOpenAi), its three tool calls
#     checked and run through the metrics tools (at the same time, as the host runs reads, each on a connection of
#     its own), the model asked again with their answers, and the answer's figures checked;
#   - the baseline: the same three metric queries, straight to the metrics layer, one after the other.
# Not in the measured path: the credits' two small SQL statements per model call and the UI's push.
# It prints where a turn's time goes: waiting for the model's replies (HTTP to the fake and LangChain4j: what a real
# model replaces with its own seconds), the metrics tool (its queries, and the answers it writes for the model), and
# the rest. The last line is the assistant's own time (the turn without the model's replies) against the three
# queries asked directly, medians; the goal is a ratio of at most 1.2.
set -euo pipefail
: "${CATALYST_DB_URL:?run this through ./catalyst bench assistant}"
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

echo "building the core and the assistant plugin ..." >&2
(cd "$ROOT" && mvn -B -q -Dstyle.color=never ${BENCH_MVN_FLAGS:-} -pl platform-core/core,plugins/features/assistant \
  -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

CORE="$ROOT/platform-core/core/target"
ASSISTANT="$ROOT/plugins/features/assistant/target"
OUT="$(mktemp -d /tmp/catalyst-bench-assistant.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
CP="$ASSISTANT/classes:$CORE/classes:$CORE/test-classes:$(cat "$ASSISTANT/bench.classpath"):$(cat "$CORE/bench.classpath")"
# -implicit:none: gwt-elemental ships its sources, which javac would otherwise compile too
javac -proc:none -implicit:none -d "$OUT" -cp "$CP" "$ROOT/benchmarks/assistant/AssistantBenchmark.java" >&2
java -Xmx2g -cp "$OUT:$CP" io.catalyst.plugins.assistant.AssistantBenchmark "${BENCH_TENANTS:-20}" \
  "${BENCH_MONTHS:-6}" "${BENCH_ROUNDS:-30}"
