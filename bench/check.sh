#!/usr/bin/env bash
# Benchmark of `bursar check`: 1,000 budgets against 1,000,000 raw latency samples, from JSON
# and from CSV. Prints wall time and peak memory (best of RUNS) for each; the target is under
# 1 s and under 200 MB with the release binary.
#   bench/check.sh [PATH-TO-BURSAR]     (default: the release binary, built if needed)
#   BUDGETS=1000 SAMPLES=1000000 RUNS=3 bench/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
budgets="${BUDGETS:-1000}"
samples="${SAMPLES:-1000000}"
runs="${RUNS:-3}"
. "$here/bench/common.sh"
bench_setup check "$@"

started=$(date +%s%N)
awk -v out="$work" -v budgets="$budgets" -v samples="$samples" -f "$here/bench/check-fixture.awk"
git -C "$work" init -q -b main
git -C "$work" add .budgets
git -C "$work" commit -q -m "bench budgets"
generated=$(( ($(date +%s%N) - started) / 1000000 ))

# One timed run: wall seconds and peak resident kilobytes, through GNU time when present.
measure() {
  local status=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$work/time" "$bursar" check -C "$work" "$@" >/dev/null 2>"$work/stderr" || status=$?
  else
    local start=$(date +%s%N)
    "$bursar" check -C "$work" "$@" >/dev/null 2>"$work/stderr" || status=$?
    awk -v ms="$(( ($(date +%s%N) - start) / 1000000 ))" 'BEGIN { printf "%.2f 0\n", ms / 1000 }' >"$work/time"
  fi
  if [ "$status" -gt 1 ]; then
    echo "bursar check failed (exit $status):" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  # GNU time writes "Command exited with non-zero status 1" first when the check blocks.
  tail -n 1 "$work/time"
}

best() {
  local label="$1"
  shift
  local best_time best_rss
  read -r best_time best_rss < <(bench_best "$@")
  printf '%-34s %8s s %8s MB\n' "$label" "$best_time" "$(awk -v k="$best_rss" 'BEGIN { printf "%.1f", k / 1024 }')"
}

printf 'bursar check benchmark: %s budgets, %s raw latency samples (fixture written in %s ms)\n' \
  "$budgets" "$samples" "$generated"
printf 'binary: %s\n' "$bursar"
printf 'measurements: JSON %s MB, CSV %s MB\n' \
  "$(awk -v b="$(wc -c <"$work/measurements.json")" 'BEGIN { printf "%.1f", b / 1048576 }')" \
  "$(awk -v b="$(wc -c <"$work/measurements.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')"
best "check, JSON measurements" --measurements "$work/measurements.json" --env production
best "check, CSV measurements" --measurements "$work/measurements.csv" --env production --at 2026-11-25
best "check, JSON, --format json" --measurements "$work/measurements.json" --format json
