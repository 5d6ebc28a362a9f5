#!/usr/bin/env bash
# Flood benchmark of `trialdex serve` on loopback (docs/benchmarks.md, "Load shedding"): for each
# server jar given (e.g. main's and a branch's), starts `serve` over an imported store as its own
# process (-Xmx1g), runs ServerFloodBench from another JVM at 50, 200 and 500 connections, and stops it.
# Usage: [PROBE_EVERY=MS] scripts/server-flood-bench.sh DATA_DIR SECONDS APP_JAR...
# (DATA_DIR: a store made by `trialdex import`; the bench jar is this checkout's trialdex-bench.)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=$1; seconds=$2; shift 2
port=${PORT:-18480}
java="${JAVA_HOME:?set JAVA_HOME}/bin/java"
bench=(-cp "${BENCH_CP:-$root/trialdex-bench/target/trialdex-bench.jar:$root/trialdex-bench/target/lib/*}")
echo "| server | connections | answers/s | 200s/s | p50 ms (200) | p99 ms (200) | answers by status | /health probes | /health p50 ms | /health p99 ms | server VmHWM |"
echo "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"
for jar in "$@"; do
  log=$(mktemp)
  "$java" -Xmx1g --enable-native-access=ALL-UNNAMED -jar "$jar" serve --data "$data" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    # Search answers once the index is current (a server of another schema rebuilds it first).
    curl -fs "http://127.0.0.1:$port/api/v2/studies?pageSize=1" >/dev/null 2>&1 && break
    sleep 1
  done
  for c in 50 200 500; do
    "$java" "${bench[@]}" org.trialdex.bench.ServerFloodBench --url "http://127.0.0.1:$port" --connections "$c" \
        --seconds "$seconds" --warmup 3 --pid "$server" --label "$(basename "$(dirname "$jar")")" \
        --probe-every "${PROBE_EVERY:-100}" || true
  done
  kill "$server"; wait "$server" || true
  rm -f "$log"
done
