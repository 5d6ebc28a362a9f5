#!/usr/bin/env bash
# Import wall time of two trialdex builds, run in turn (A B A B ...) into a fresh embedded store
# each time, with the ratio B/A per pair; the median is the figure to quote (docs/benchmarks.md).
#
#   scripts/import-ratio.sh A.jar B.jar INPUT [RUNS]
#
# A.jar and B.jar are built trialdex-app jars (each with its lib/ beside it), e.g. the commit before
# a change and the change itself (git worktree add ../before REV; build there with
# mvn -q -DskipTests -pl trialdex-app -am package). Import includes making every record searchable.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
trialdex_find_jdk || exit 1
[ $# -ge 3 ] || { echo "usage: $0 A.jar B.jar INPUT [RUNS]" >&2; exit 2; }
a=$1 b=$2 input=$3 runs=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

once() { # jar -> wall seconds
  rm -rf "$work/data"
  local start end
  start=$(date +%s.%N)
  "$JAVA_HOME/bin/java" -jar "$1" import --no-progress --data "$work/data" "$input" >"$work/out" 2>&1 \
    || { cat "$work/out" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

once "$a" >/dev/null # warm the page cache and the JIT's disk reads
ta=() tb=() ratios=()
for ((i = 1; i <= runs; i++)); do
  x=$(once "$a"); y=$(once "$b")
  ta+=("$x"); tb+=("$y"); ratios+=("$(awk -v x="$x" -v y="$y" 'BEGIN { print y / x }')")
  printf 'run %d: A %.2f s, B %.2f s, B/A %.3f\n' "$i" "$x" "$y" "${ratios[-1]}"
done
printf 'median: A %.2f s, B %.2f s, B/A %.3f (%d pairs)\n' \
  "$(printf '%s\n' "${ta[@]}" | median)" "$(printf '%s\n' "${tb[@]}" | median)" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$runs"
