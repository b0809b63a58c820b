#!/usr/bin/env bash
# bench: load and start 50 signed plugins: Catalyst's PluginRuntime.loadInstalled() against raw PF4J
# needs: jdk
#
# Run it with `./catalyst bench plugins`; it needs neither the server nor a database. It compiles the plugin runtime
# with its test classes (PluginLoadBenchmark, TestPlugins), generates BENCH_PLUGINS (default 50)
# signed plugin jars, and after one warm-up of each measures BENCH_RUNS (default 5) loads in one JVM.
# Goal: 50 plugins in at most 2 s.
set -euo pipefail
ROOT="${CATALYST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
PLUGINS="${BENCH_PLUGINS:-50}"
RUNS="${BENCH_RUNS:-5}"

echo "building the plugin runtime with its test classes ..." >&2
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl platform-core/plugin-runtime -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >&2 \
  || { echo "the build failed" >&2; exit 1; }

CORE="$ROOT/platform-core/plugin-runtime/target"
exec java -Xmx512m -cp "$CORE/test-classes:$CORE/classes:$(cat "$CORE/bench.classpath")" \
  io.catalyst.runtime.PluginLoadBenchmark "$PLUGINS" "$RUNS"
