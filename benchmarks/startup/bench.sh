#!/usr/bin/env bash
# bench: time from `server start` to /health/ready, and RSS then: Catalyst against a bare Liberty with one static page
#
# Run it with `./catalyst bench startup`, which builds the server, provisions a throwaway database and exports
# CATALYST_ROOT, CATALYST_WLP, the CATALYST_DB_* settings and the helpers free_port and http_status.
# BENCH_RUNS (default 3) measured starts of each, after one unmeasured warm-up start of each.
set -euo pipefail
: "${CATALYST_WLP:?run this through ./catalyst bench startup}"

RUNS="${BENCH_RUNS:-3}"
WORK="$(mktemp -d /tmp/catalyst-bench-startup.XXXXXX)"
export WLP_USER_DIR="$WORK/usr"
export JVM_ARGS="${CATALYST_JVM_OPTS:--Xmx1g}"
SERVERS="$WLP_USER_DIR/servers"
trap 'for s in catalyst bare; do "$CATALYST_WLP/bin/server" stop $s >/dev/null 2>&1 || true; done; rm -rf "$WORK"' EXIT

# Catalyst: a clean copy of the server the build prepared.
mkdir -p "$SERVERS"
cp -r "$CATALYST_WLP/usr/servers/catalyst" "$SERVERS/catalyst"
rm -rf "$SERVERS/catalyst/logs" "$SERVERS/catalyst/workarea" "$SERVERS/catalyst/apps/expanded"

# The baseline: the same runtime and JVM options, servlet only, one static page.
mkdir -p "$SERVERS/bare/apps/bare.war"
echo '<!doctype html><title>bare</title><p>One static page.</p>' >"$SERVERS/bare/apps/bare.war/index.html"
cat >"$SERVERS/bare/server.xml" <<'XML'
<server description="bare baseline">
  <featureManager><feature>servlet-6.0</feature></featureManager>
  <variable name="catalyst.http.port" defaultValue="9080"/>
  <variable name="catalyst.https.port" defaultValue="9443"/>
  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="${catalyst.http.port}" httpsPort="-1"/>
  <webApplication location="bare.war" contextRoot="/"/>
</server>
XML

# One start: prints "<seconds> <rss MiB>".
measure() {
  local server="$1" path="$2" started elapsed pid rss
  export CATALYST_HTTP_PORT="$(free_port)" CATALYST_HTTPS_PORT="$(free_port)"
  started=$(date +%s%N)
  "$CATALYST_WLP/bin/server" start "$server" >/dev/null
  for _ in $(seq 1 3000); do
    [ "$(http_status 127.0.0.1 "$CATALYST_HTTP_PORT" "$path")" = 200 ] && break
    sleep 0.1
  done
  [ "$(http_status 127.0.0.1 "$CATALYST_HTTP_PORT" "$path")" = 200 ] || { echo "$server never became ready" >&2; exit 1; }
  elapsed=$(( $(date +%s%N) - started ))
  pid=$(cat "$SERVERS/.pid/$server.pid")
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  "$CATALYST_WLP/bin/server" stop "$server" >/dev/null
  awk -v ns="$elapsed" -v kib="$rss" 'BEGIN { printf "%.2f %.1f\n", ns / 1e9, kib / 1024 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warm-up: one start of each (not counted)" >&2
measure catalyst /health/ready >/dev/null
measure bare / >/dev/null

: >"$WORK/catalyst.txt"
: >"$WORK/bare.txt"
for run in $(seq 1 "$RUNS"); do
  measure catalyst /health/ready >>"$WORK/catalyst.txt"
  measure bare / >>"$WORK/bare.txt"
  echo "run $run: catalyst $(tail -1 "$WORK/catalyst.txt")  bare $(tail -1 "$WORK/bare.txt")  (s MiB)" >&2
done

t_app=$(cut -d' ' -f1 "$WORK/catalyst.txt" | median)
t_bare=$(cut -d' ' -f1 "$WORK/bare.txt" | median)
m_app=$(cut -d' ' -f2 "$WORK/catalyst.txt" | median)
m_bare=$(cut -d' ' -f2 "$WORK/bare.txt" | median)
awk -v v="$m_app" -v b="$m_bare" 'BEGIN { printf "startup-rss value=%.1f baseline=%.1f ratio=%.2f unit=MiB\n", v, b, v / b }'
awk -v v="$t_app" -v b="$t_bare" 'BEGIN { printf "startup value=%.2f baseline=%.2f ratio=%.2f unit=s\n", v, b, v / b }'
