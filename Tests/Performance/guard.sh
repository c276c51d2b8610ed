#!/bin/sh
# Performance regression guard: counts the heap allocations of a fixed build
# (300 synthetic tasks, debug binary) and fails when the count grows past
# 1.5 times the recorded baseline. Allocation counts follow the work done,
# not the machine's speed, so the check has no timing noise (measured run
# to run: within 0.01 %). Usage: Tests/Performance/guard.sh [--record]
set -eu
cd "$(dirname "$0")/../.."
PLANSITE=${PLANSITE:-.build/debug/plansite}
BASELINE=Tests/Performance/allocations-baseline.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$PLANSITE" ] || swift build --product plansite >/dev/null
gcc -O2 -shared -fPIC -o "$WORK/alloc_count.so" Tests/Performance/alloc_count.c -ldl
python3 bench/gen_corpus.py --tasks 300 --format plansite --out "$WORK/corpus" >/dev/null
cp -r Templates "$WORK/corpus/Templates"
count=$(cd "$WORK/corpus" && LD_PRELOAD="$WORK/alloc_count.so" "$OLDPWD/$PLANSITE" build --today 2026-11-27 2>&1 >/dev/null \
  | sed -n 's/^plansite-allocations: //p')
[ -n "$count" ] || { echo "perf guard: no allocation count (did the build fail?)"; exit 1; }
if [ "${1:-}" = "--record" ]; then
  echo "$count" > "$BASELINE"
  echo "perf guard: recorded baseline $count allocations"
  exit 0
fi
baseline=$(cat "$BASELINE")
awk -v c="$count" -v b="$baseline" 'BEGIN {
  r = c / b
  printf "perf guard: %d allocations for a 300-task build (baseline %d, ratio %.2f)\n", c, b, r
  if (r > 1.5) { print "perf guard: FAILED: more than 1.5x the baseline; profile the change (see bench/README.md)"; exit 1 }
  if (r < 0.67) print "perf guard: much lower than the baseline: record the improvement with Tests/Performance/guard.sh --record"
}'
