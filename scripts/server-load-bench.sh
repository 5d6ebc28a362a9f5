#!/usr/bin/env bash
# Load benchmark of `trialdex serve` on loopback (docs/benchmarks.md): imports the v2 sample, the MSC
# set and the seeds into a fresh store, starts the server as its own process, runs ServerLoadBench
# against it from another JVM, stops the server, then times WebPages.study for every MSC record.
# Usage: scripts/server-load-bench.sh [SHARED_DIR] [SECONDS] [CONNECTIONS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${1:-$root/../shared}
seconds=${2:-30}
connections=${3:-50}
port=${PORT:-18080}
java="${JAVA_HOME:?set JAVA_HOME}/bin/java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -q ${MVN_OPTS:-} -DskipTests -pl trialdex-bench -am package
app=(--enable-native-access=ALL-UNNAMED -jar trialdex-app/target/trialdex-app.jar)
bench=(--enable-native-access=ALL-UNNAMED -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*")
msc="$shared/data/msc-trials-2022/msc_studyfields_2022-10.jsonl"
"$java" "${app[@]}" import --data "$work/data" "$shared/data/ctgov-api-v2/nsclcbench-100/ctg-studies.json" "$msc" "$shared/seeds/" >"$work/import.log" 2>&1
"$java" -Xmx1g "${app[@]}" serve --data "$work/data" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health"; echo
"$java" "${bench[@]}" org.trialdex.bench.ServerLoadBench --url "http://127.0.0.1:$port" \
    --connections "$connections" --seconds "$seconds" --warmup 5 || true
kill "$server"; wait "$server" || true
# Server-side time of the study pages under load, from the request log (ms= lines).
grep -o 'path=/study/[^ ]* status=200 ms=[0-9.]*' "$work/server.log" | sed 's/.*ms=//' | sort -n | awk '
  { a[NR]=$1 } END { if (NR) printf "server log, /study/{id} under load: %d requests, p50 %.1f ms, p99 %.1f ms\n", NR, a[int(NR*0.5+0.5)], a[int(NR*0.99+0.5)] }'
"$java" "${bench[@]}" org.trialdex.bench.PageRenderBench --data "$work/data" --msc "$msc"
