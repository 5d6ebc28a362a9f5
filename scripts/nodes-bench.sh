#!/usr/bin/env bash
# Several nodes on one PostgreSQL store (issue #13, docs/benchmarks.md "A live registry"):
#   1. catch-up: a node's index that fell behind while another process imported, brought up to date
#      from the change log (records applied a second);
#   2. a rebuild from an empty index (records a second) and the index's size on disk;
#   3. sync throughput: `trialdex sync` from a trialdex server on loopback into an empty store;
#   4. search throughput of one node and of three nodes on the one store (ServerLoadBench, the
#      connections spread over the nodes), all on this machine.
# Usage: scripts/nodes-bench.sh [SHARED_DIR] [SECONDS] [CONNECTIONS]
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and a built jar (mvn -DskipTests package).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${1:-$root/../shared}
seconds=${2:-20}
connections=${3:-48}
cd "$root"
. scripts/jdk.sh
trialdex_find_jdk >/dev/null
java="$JAVA_HOME/bin/java"
work=$(mktemp -d)
db="trialdex_nodes_bench_$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
app=(--enable-native-access=ALL-UNNAMED -jar trialdex-app/target/trialdex-app.jar)
bench=(--enable-native-access=ALL-UNNAMED -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*")
now() { date +%s%3N; }
td() { "$java" "${app[@]}" "$@"; }

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $("$java" -version 2>&1 | head -1)"
echo "== commit $(git rev-parse --short HEAD)"

# Node A's index follows the first 101 records; then another process imports the big sets with an
# index of its own, so node A's index falls behind by every change of that import.
td import --no-progress --db "$url" --index "$work/idx-a" "$shared/data/ctgov-api-v2/nsclcbench-100/ctg-studies.json" \
    "$shared/data/ctgov-api-v2/NCT02513394.v2.json" >/dev/null
t=$(now)
td import --no-progress --db "$url" --index "$work/idx-import" "$shared/data/msc-trials-2022/msc_studyfields_2022-10.jsonl" \
    "$shared/data/ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz" > "$work/import.log" 2>&1 || true
echo "== import (another process, indexing as it goes): $(( $(now) - t )) ms"; grep -E "read|new|indexed" "$work/import.log" | head -4
behind=$(td stats --db "$url" --index "$work/idx-a" | sed -n 's/.*at position [0-9,]*, \([0-9,]*\) change.*behind.*/\1/p' | tr -d ,)
studies=$(td stats --db "$url" --index "$work/idx-import" | sed -n '1s/ studies.*//p' | tr -d ,)
echo "== node A's index is $behind changes behind; the store holds $studies studies"

t=$(now); td search --db "$url" --index "$work/idx-a" --count-total --page-size 1 >/dev/null; catchup=$(( $(now) - t ))
t=$(now); td search --db "$url" --index "$work/idx-a" --count-total --page-size 1 >/dev/null; base=$(( $(now) - t ))
echo "== catch-up: a search that first applies $behind changes: $catchup ms; the same search again: $base ms"
awk -v n="$behind" -v a="$catchup" -v b="$base" 'BEGIN { printf "   catch-up rate: %.0f changes/s (%d changes in %d ms beyond the process start)\n", n / ((a - b) / 1000), n, a - b }'

t=$(now); td reindex --db "$url" --index "$work/idx-fresh" >/dev/null; rebuild=$(( $(now) - t ))
size=$(du -sk "$work/idx-fresh" | cut -f1)
awk -v n="$studies" -v a="$rebuild" -v b="$base" -v kb="$size" 'BEGIN {
  rate = n / ((a - b) / 1000)
  printf "== rebuild from empty: %d studies in %d ms: %.0f studies/s; index %.1f MiB, %.1f KiB a study\n", n, a - b, rate, kb / 1024, kb / n
  printf "   at 600,000 studies: about %.1f h to rebuild, %.1f GiB of index a node\n", 600000 / rate / 3600, kb / n * 600000 / 1048576 }'

# Three nodes on the store: A and the two indexes built above; each waits until it has caught up.
port=18300
for idx in idx-a idx-import idx-fresh; do
  port=$((port + 1))
  "$java" -Xmx512m "${app[@]}" serve --db "$url" --index "$work/$idx" --port "$port" > "$work/$idx.log" 2>&1 &
  pids+=($!)
done
for p in 18301 18302 18303; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$p/health" 2>/dev/null | grep -q '"lag":0' && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$p/health" >/dev/null || { echo "node on $p did not start"; exit 1; }
done

# Sync from node 2 (a trialdex server on loopback) into an empty embedded store, then again (nothing changed).
t=$(now)
td sync --data "$work/mirror" --from http://127.0.0.1:18302/api/v2 --rate 1000/s --page-size 1000 > "$work/sync.log" 2> "$work/sync.err"
sync=$(( $(now) - t ))
echo "== sync, first full load from a loopback upstream: $sync ms in all"; grep -E "^Sync run|read|new" "$work/sync.log"
t=$(now)
td sync --data "$work/mirror" --from http://127.0.0.1:18302/api/v2 --rate 1000/s --page-size 1000 > "$work/sync2.log" 2>&1
echo "== sync again, nothing changed: $(( $(now) - t )) ms in all"; grep -E "^Sync run" "$work/sync2.log"

echo "== one node, $connections connections, ${seconds} s"
"$java" "${bench[@]}" org.trialdex.bench.ServerLoadBench --url "http://127.0.0.1:18301" \
    --connections "$connections" --seconds "$seconds" --warmup 5 || true
echo "== three nodes, $connections connections spread over them, ${seconds} s"
"$java" "${bench[@]}" org.trialdex.bench.ServerLoadBench \
    --url "http://127.0.0.1:18301,http://127.0.0.1:18302,http://127.0.0.1:18303" \
    --connections "$connections" --seconds "$seconds" --warmup 5 || true
