#!/usr/bin/env bash
# Benchmark of `bursar check --from`: a 100 MB Locust stats history and a Prometheus range query
# of 1,000 series x 8,640 points, each read through an import mapping. Prints wall time and peak
# memory (best of RUNS) beside a peer reading the same file (Python's csv, json), and the ratio.
# Targets: under 1 s and under 300 MB each, with the release binary.
#   bench/import.sh [PATH-TO-BURSAR]     (default: the release binary, built if needed)
#   MB=100 SERIES=1000 POINTS=8640 RUNS=3 bench/import.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
megabytes="${MB:-100}"
series="${SERIES:-1000}"
points="${POINTS:-8640}"
runs="${RUNS:-3}"
. "$here/bench/common.sh"
bench_setup import "$@"

python3 "$here/bench/import-fixture.py" "$work" "$megabytes" "$series" "$points"
git -C "$work" init -q -b main
git -C "$work" add .budgets
git -C "$work" commit -q -m "bench budgets"

# One timed run of a command: wall seconds and peak resident kilobytes (GNU time).
measure() {
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "$1 failed (exit $status):" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  tail -n 1 "$work/time"
}

row() {
  local label="$1" ours="$2" peer="$3"
  read -r t1 k1 <<<"$ours"
  read -r t2 k2 <<<"$peer"
  awk -v l="$label" -v t1="$t1" -v k1="$k1" -v t2="$t2" -v k2="$k2" 'BEGIN {
    printf "%-30s %7.2f s %7.1f MB   peer %7.2f s %7.1f MB   time x%.2f  memory x%.2f\n",
      l, t1, k1 / 1024, t2, k2 / 1024, (t2 > 0 ? t1 / t2 : 0), (k2 > 0 ? k1 / k2 : 0) }'
}

printf 'bursar check --from benchmark (best of %s)\n' "$runs"
printf 'binary: %s\n' "$bursar"
printf 'Locust history: %s MB; Prometheus matrix: %s series x %s points, %s MB\n' \
  "$(awk -v b="$(wc -c <"$work/locust_stats_history.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')" \
  "$series" "$points" \
  "$(awk -v b="$(wc -c <"$work/prometheus_matrix.json")" 'BEGIN { printf "%.1f", b / 1048576 }')"

locust=$(bench_best "$bursar" check -C "$work" --from locust -m "$work/locust_stats_history.csv" --allow-missing)
locust_peer=$(bench_best python3 -c '
import csv, sys
series = {}
for row in csv.DictReader(open(sys.argv[1], newline="")):
    for key, value in row.items():
        if key not in ("Timestamp", "Type", "Name") and value not in ("", "N/A"):
            series.setdefault((row["Type"], row["Name"], key), []).append((float(row["Timestamp"]), float(value)))
' "$work/locust_stats_history.csv")
row "Locust stats history" "$locust" "$locust_peer"

prometheus=$(bench_best "$bursar" check -C "$work" --from prometheus -m "$work/prometheus_matrix.json" --allow-missing)
prometheus_peer=$(bench_best python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))["data"]["result"]
series = [([float(t) for t, _ in s["values"]], [float(v) for _, v in s["values"]]) for s in data]
' "$work/prometheus_matrix.json")
row "Prometheus matrix" "$prometheus" "$prometheus_peer"
