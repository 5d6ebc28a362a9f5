#!/usr/bin/env bash
# Soak run of `trialdex serve` (issue #12, docs/benchmarks.md "Soak run"): SoakBench starts the server
# over DATA_DIR as its own process on a free loopback port (-Xmx XMX), sends it a mixed load at a
# bounded rate for SECONDS while an `import` child writes into the same store every minute, samples
# the server's heap after GC, RSS, open fds and threads every 15 s into CSV, and prints a Markdown
# summary with the slopes per hour over the second half and a verdict. Stops the server at the end.
# Usage: scripts/soak-bench.sh DATA_DIR [SECONDS] [XMX] [APP_JAR] [-- more SoakBench options]
# (DATA_DIR: a store made by `trialdex import`, e.g. of the v2 sample and the MSC set; the bench jar
# is this checkout's trialdex-bench, built with `mvn -DskipTests -pl trialdex-bench -am package`.)
# Env: TRIALDEX_EMBEDDINGS (false keeps the server and the imports light) is passed to both;
# CSV (default soak-samples.csv), RATE (requests/s, default 20), SHARED (default ../shared).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
trialdex_find_jdk
positional=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do positional+=("$1"); shift; done
[ $# -gt 0 ] && shift # the "--"
data=${positional[0]:?usage: scripts/soak-bench.sh DATA_DIR [SECONDS] [XMX] [APP_JAR] [-- SoakBench options]}
seconds=${positional[1]:-1800}; xmx=${positional[2]:-1g}; app=${positional[3]:-$root/trialdex-app/target/trialdex-app.jar}
bench=(-cp "${BENCH_CP:-$root/trialdex-bench/target/trialdex-bench.jar:$root/trialdex-bench/target/lib/*}")
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${bench[@]}" org.trialdex.bench.SoakBench \
    --jar "$app" --data "$data" --xmx "$xmx" --seconds "$seconds" --rate "${RATE:-20}" \
    --shared "${SHARED:-$root/../shared}" --csv "${CSV:-soak-samples.csv}" "$@"
