#!/usr/bin/env bash
# Benchmark of `bursar history` and `bursar check --against-history` over recorded runs: 10,000
# runs of 100 metrics (every 10th first-parent commit) on the 100,000-commit repository of
# bench/history.sh, against `git log --first-parent` on the same repository.
#
# usage: bench/history-runs.sh      (COMMITS, BUDGETS, CHANGES, RUNS, METRICS, REPEAT override)
# Needs git, python3 and hyperfine; builds bursar in release mode unless BURSAR_BIN is set.
# Everything it writes goes under bench/out/ (ignored by git).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"
COMMITS=${COMMITS:-100000}
BUDGETS=${BUDGETS:-1000}
CHANGES=${CHANGES:-2000}
RUNS=${RUNS:-10000}
METRICS=${METRICS:-100}
REPEAT=${REPEAT:-5}
repo="$out/history-runs-$COMMITS-$BUDGETS-$CHANGES-$RUNS-$METRICS.git"
bin=${BURSAR_BIN:-$root/.build/release/bursar}
mkdir -p "$out"

if [ ! -x "$bin" ]; then
  (cd "$root" && swift build -c release --static-swift-stdlib)
fi

if [ ! -d "$repo" ]; then
  echo "generating $repo ..." >&2
  git init -q --bare --initial-branch=main "$repo"
  python3 "$here/generate_history.py" "$COMMITS" "$BUDGETS" "$CHANGES" \
    | git --git-dir="$repo" fast-import --quiet --done
  git --git-dir="$repo" rev-list --first-parent main \
    | python3 "$here/generate_history_runs.py" "$RUNS" "$METRICS" 10 \
    | git --git-dir="$repo" fast-import --quiet --done
fi

export GIT_DIR="$repo"
unset GIT_INDEX_FILE GIT_WORK_TREE
bench() { # name command...
  local name=$1
  shift
  hyperfine --style none --warmup 1 --runs "$REPEAT" --export-json "$out/$name.json" "$*" >/dev/null
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']:.3f} ± {r['stddev']:.3f} s\")" "$out/$name.json"
}
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$out/$1.json"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$(mean "$1")" "$(mean "$2")"; }
max_rss() { # command... ; prints the peak resident set in MiB
  /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f MiB", $1 / 1024 }'
}

# A measurements file with every recorded metric, a little slower than the runs.
python3 - "$METRICS" > "$out/history-runs-now.json" <<'PY'
import json, sys
names = ["latency_p95", "latency_p99", "availability", "memory", "precision", "recall", "cost_per_1k"]
values = {"latency_p95": "75ms", "latency_p99": "100ms", "availability": "99.97%", "memory": "225MiB",
          "precision": "0.98", "recall": "0.92", "cost_per_1k": "0.07 USD"}
metrics = int(sys.argv[1]); budgets = {}
for index in range((metrics + 6) // 7):
    count = min(7, metrics - index * 7)
    budgets[f"model-{index:04d}"] = {name: values[name] for name in names[:count]}
json.dump({"version": 1, "kind": "Measurements", "environment": "production", "values": budgets}, sys.stdout)
PY

commits=$(git log --first-parent --format=%H main | wc -l)
git_log=$(bench runs-git-log "git log --first-parent --format=%H main | wc -l > /dev/null")
one=$(bench runs-history-metric "$bin history model-0005 latency_p95 > /dev/null")
figures_one=$("$bin" history model-0005 latency_p95 --format csv | tail -n +2 | wc -l)
budget=$(bench runs-history-budget "$bin history model-0005 --format json > /dev/null")
figures_budget=$("$bin" history model-0005 --format csv | tail -n +2 | wc -l)
check=$(bench runs-check "$bin check --rev main -m $out/history-runs-now.json --against-history 50 --format json > /dev/null || test \$? -eq 1")
regressed=$("$bin" check --rev main -m "$out/history-runs-now.json" --against-history 50 --format json | grep -c '"outcome" : "regressed"' || true)
rss_history=$(max_rss "$bin" history model-0005 --format json)
rss_check=$(max_rss sh -c "$bin check --rev main -m $out/history-runs-now.json --against-history 50 > /dev/null || true")

cat <<TABLE
| measurement ($commits first-parent commits, $RUNS runs of $METRICS metrics) | time | against git log |
|---|---|---|
| \`git log --first-parent --format=%H main \| wc -l\` | $git_log | 1.0× |
| \`bursar history model-0005 latency_p95\` ($figures_one figures) | $one | $(ratio runs-history-metric runs-git-log)× |
| \`bursar history model-0005 --format json\` ($figures_budget figures) | $budget | $(ratio runs-history-budget runs-git-log)× |
| \`bursar check --rev main --against-history 50\`, $METRICS metrics ($regressed regressed) | $check | $(ratio runs-check runs-git-log)× |
| peak memory of \`history model-0005 --format json\` | $rss_history | |
| peak memory of \`check --against-history 50\` | $rss_check | |
TABLE
