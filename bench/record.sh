#!/usr/bin/env bash
# Benchmark of `bursar record`: one run of 1,000 figures holding 1,000,000 raw latency samples
# (334 budgets of the `check` fixture, each with a summary, a quantity and ~3,000 samples),
# recorded on refs/bursar/runs. Prints wall time and peak memory (best of RUNS), next to two
# peers reading the same file: `git hash-object -w` (storing it as it is) and Python's
# `json.load`. The target is under 0.5 s and under 200 MB with the release binary.
# Then reads runs back: a history of HISTORY commits (default 10,000) with one run each, built
# with git fast-import (bench/generate_runs.py), exported along first parents, for one commit,
# and for the last 100 commits, beside `git cat-file --batch` of every run (the peer).
#   bench/record.sh [PATH-TO-BURSAR]     (default: the release binary, built if needed)
#   BUDGETS=334 SAMPLES=1000000 RUNS=3 bench/record.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
budgets="${BUDGETS:-334}"
samples="${SAMPLES:-1000000}"
runs="${RUNS:-3}"
. "$here/bench/common.sh"
bench_setup record "$@"

awk -v out="$work" -v budgets="$budgets" -v samples="$samples" -f "$here/bench/check-fixture.awk"
git -C "$work" init -q -b main
git -C "$work" add .budgets
git -C "$work" commit -q -m "bench budgets"
figures=$(( budgets * 3 ))

# One timed run of a command: wall seconds and peak resident kilobytes (GNU time).
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
    echo "failed: $*" >&2
    cat "$work/stderr" >&2
    exit 1
  }
  tail -n 1 "$work/time"
}

# Best wall time and lowest peak of RUNS runs; prints the label and both, and leaves the time in
# $last_time for the ratios.
best() {
  local label="$1"
  shift
  local best_time best_rss
  read -r best_time best_rss < <(bench_best "$@")
  last_time=$best_time
  printf '%-40s %8s s %8s MB\n' "$label" "$best_time" "$(awk -v k="$best_rss" 'BEGIN { printf "%.1f", k / 1024 }')"
}

printf 'bursar record benchmark: %s figures, %s raw latency samples in %s MB of JSON\n' \
  "$figures" "$samples" "$(awk -v b="$(wc -c <"$work/measurements.json")" 'BEGIN { printf "%.1f", b / 1048576 }')"
printf 'binary: %s\n' "$bursar"
best "bursar record" "$bursar" record -C "$work" -m "$work/measurements.json" --as "Bench <bench@example.com>"
record_time=$last_time
best "git hash-object -w (peer)" git -C "$work" hash-object -w "$work/measurements.json"
git_time=$last_time
best "python3 json.load (peer)" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$work/measurements.json"
python_time=$last_time
stored=$(git -C "$work" ls-tree -r -l refs/bursar/runs | awk '{ s += $4 } END { print s }')
printf 'runs recorded: %s; one run stored in %s KB (the measurements are %s KB)\n' \
  "$(git -C "$work" ls-tree -r --name-only refs/bursar/runs | wc -l)" \
  "$(awk -v b="$stored" -v n="$(git -C "$work" ls-tree -r --name-only refs/bursar/runs | wc -l)" 'BEGIN { printf "%.0f", b / n / 1024 }')" \
  "$(awk -v b="$(wc -c <"$work/measurements.json")" 'BEGIN { printf "%.0f", b / 1024 }')"
awk -v r="$record_time" -v g="$git_time" -v p="$python_time" \
  'BEGIN { printf "ratios: record / git hash-object %.1f, record / json.load %.2f\n", r / (g > 0 ? g : 0.01), r / (p > 0 ? p : 0.01) }'

# Reading: HISTORY commits with one recorded run each.
history="${HISTORY:-10000}"
reading="$work/history"
git init -q -b main "$reading"
python3 "$here/bench/generate_runs.py" main "$history" | git -C "$reading" fast-import --quiet
git -C "$reading" rev-list main | python3 "$here/bench/generate_runs.py" runs 1 |
  git -C "$reading" fast-import --quiet
printf '\nreading: %s commits, %s recorded runs\n' "$history" \
  "$(git -C "$reading" ls-tree -r --name-only refs/bursar/runs | wc -l)"
best "export --runs --range HEAD" "$bursar" export -C "$reading" --runs --range HEAD
history_time=$last_time
best "export --runs --range HEAD~100..HEAD" "$bursar" export -C "$reading" --runs --range HEAD~100..HEAD
best "export --runs --commit HEAD" "$bursar" export -C "$reading" --runs --commit HEAD
git -C "$reading" ls-tree -r refs/bursar/runs | awk '{ print $3 }' >"$work/blobs"
best "git cat-file --batch of every run (peer)" bash -c "git -C '$reading' cat-file --batch < '$work/blobs'"
awk -v r="$history_time" -v g="$last_time" \
  'BEGIN { printf "ratio: export --runs --range / cat-file --batch %.1f\n", r / (g > 0 ? g : 0.01) }'
