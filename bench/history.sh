#!/usr/bin/env bash
# Benchmark of bursar's history commands on a generated repository (100,000 commits, 1,000
# budgets, 2,000 budget changes by default), against `git log` on the same repository, and of
# `bursar audit` over the whole history against `bursar log`.
#
# usage: bench/history.sh            (COMMITS, BUDGETS, CHANGES, RUNS override the sizes)
# Needs git, python3 and hyperfine; builds bursar in release mode unless BURSAR_BIN is set.
# Everything it writes goes under bench/out/ (ignored by git).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"
COMMITS=${COMMITS:-100000}
BUDGETS=${BUDGETS:-1000}
CHANGES=${CHANGES:-2000}
RUNS=${RUNS:-5}
repo="$out/history-$COMMITS-$BUDGETS-$CHANGES.git"
bin=${BURSAR_BIN:-$root/.build/release/bursar}
mkdir -p "$out"

if [ ! -x "$bin" ]; then
  (cd "$root" && swift build -c release --static-swift-stdlib)
fi

if [ ! -d "$repo" ]; then
  echo "generating $repo ..." >&2
  git init -q --bare --initial-branch=main "$repo"
  start=$(date +%s.%N)
  python3 "$here/generate_history.py" "$COMMITS" "$BUDGETS" "$CHANGES" \
    | git --git-dir="$repo" fast-import --quiet --done
  echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
fi

export GIT_DIR="$repo"
unset GIT_INDEX_FILE GIT_WORK_TREE
mid=$((COMMITS / 2))
bench() { # name command...
  local name=$1
  shift
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$out/$name.json" "$*" >/dev/null
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']:.3f} ± {r['stddev']:.3f} s\")" "$out/$name.json"
}
max_rss() { # command... ; prints the peak resident set in MiB
  /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f MiB", $1 / 1024 }'
}

commits_touching=$(git log --format=%H -- .budgets | wc -l)
git_log=$(bench git-log "git log --format=%H -- .budgets > /dev/null")
bursar_log=$(bench bursar-log "$bin log --format jsonl > /dev/null")
entries=$("$bin" log --format jsonl | wc -l)
# audit exits 1 when it finds something (every unsigned change of the generated history).
audit=$(bench bursar-audit "$bin audit --format json > /dev/null || test \$? -eq 1")
audit_findings=$("$bin" audit --format json | grep -c '"kind"' || true)
audit_ratio=$(python3 -c "import json,sys; m=lambda n: json.load(open(f'{sys.argv[1]}/{n}.json'))['results'][0]['mean']; print(f\"{m('bursar-audit') / m('bursar-log'):.1f}\")" "$out")
blame=$(bench bursar-blame "$bin blame model-0500 latency_p95 > /dev/null")
# Full ids, so the figure is the diff's and not that of walking 50,000 commits to resolve HEAD~N.
old=$(git rev-parse "HEAD~$mid")
new=$(git rev-parse "HEAD~$((mid - 1000))")
diff=$(bench bursar-diff "$bin diff $old $new --format json > /dev/null")
diff_changes=$("$bin" diff "$old" "$new" --format json | grep -c '"kind"' || true)
dvc_line="not measured: dvc did not install within 5 minutes in a venv under bench/out/"
if [ -x "$out/venv/bin/dvc" ] || (python3 -m venv "$out/venv" && timeout 300 "$out/venv/bin/pip" install -q dvc) >/dev/null 2>&1; then
  dvc_line=$("$here/dvc-params-diff.sh" "$repo" "$old" "$new" "$out" 2>/dev/null || echo "dvc installed, but \`dvc params diff\` failed here")
fi
tenth=$((COMMITS - COMMITS / 10))
rss_short=$(max_rss "$bin" log --format jsonl "HEAD~$tenth")
rss_full=$(max_rss "$bin" log --format jsonl)

cat <<REPORT | tee "$out/history-results.md"
| measurement | result |
|---|---|
| repository | $COMMITS commits, $BUDGETS budgets, $CHANGES budget changes ($commits_touching commits touch .budgets) |
| \`git log --format=%H -- .budgets\` | $git_log |
| \`bursar log --format jsonl\` ($entries entries) | $bursar_log |
| \`bursar audit --format json\` over all history ($audit_findings findings) | $audit ($audit_ratio× \`bursar log\`) |
| \`bursar blame model-0500 latency_p95\` | $blame |
| \`bursar diff\` of two revisions 1,000 commits apart ($diff_changes changes) | $diff |
| \`dvc params diff\` of the same two revisions | $dvc_line |
| peak memory, \`bursar log\` over the oldest $((COMMITS / 10)) commits | $rss_short |
| peak memory, \`bursar log\` over all $COMMITS commits | $rss_full |
REPORT
