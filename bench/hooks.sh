#!/usr/bin/env bash
# Benchmarks the git hooks (not a timed test):
#   - what the pre-commit and commit-msg hooks add to a `git commit` in a repository with 1,000
#     budgets: a commit that does not touch .budgets/, and one that edits a budget file
#     (mean of BENCH_RUNS commits each, with and without the hooks);
#   - how long a pre-receive hook takes to judge a push of 100 commits to a bare repository.
# Environment: BURSAR (the binary; default the release build, else the debug build),
# BENCH_COUNT (1000), BENCH_COMMITS (100), BENCH_RUNS (20).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bursar="${BURSAR:-$here/.build/release/bursar}"
[ -x "$bursar" ] || bursar="$here/.build/debug/bursar"
count="${BENCH_COUNT:-1000}"
commits="${BENCH_COMMITS:-100}"
runs="${BENCH_RUNS:-20}"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example.com"
export GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example.com"
export PATH="$(dirname "$bursar"):$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%N | cut -c1-13; }

# Mean milliseconds of $runs commits made by "$@" (a function that changes and commits).
mean_commit_ms() {
  local start end
  start=$(now_ms)
  for i in $(seq "$runs"); do "$@" "$i"; done
  end=$(now_ms)
  echo $(((end - start) / runs))
}
commit_other() { echo "$1" >>"$repo/notes.txt"; git -C "$repo" commit -q -a -m "note $1"; }
commit_budget() {
  echo "# edit $1" >>"$repo/.budgets/$budget_file"
  git -C "$repo" commit -q -a -m "comment $1"
}

repo="$work/repo"
git init -q -b main "$repo"
python3 "$here/bench/gen_budgets.py" --count "$count" --out "$repo" >/dev/null
echo start >"$repo/notes.txt"
git -C "$repo" add -A && git -C "$repo" commit -q -m "budgets"
budget_file=$(cd "$repo/.budgets" && find . -name '*.yaml' -path '*model*' -print -quit)

plain_other=$(mean_commit_ms commit_other)
plain_budget=$(mean_commit_ms commit_budget)
"$bursar" hooks install -C "$repo" >/dev/null
hooked_other=$(mean_commit_ms commit_other)
hooked_budget=$(mean_commit_ms commit_budget)
# Without the validation cache (a clone whose hooks were installed by hand): the whole tree is
# read once, and the cache written for the next commit.
rm -f "$repo/.git/bursar/validation-cache"
start=$(now_ms)
commit_budget cold
cold_budget=$(($(now_ms) - start))

server="$work/server.git"
git clone -q --bare "$repo" "$server"
git -C "$repo" remote add origin "$server"
for i in $(seq "$commits"); do
  echo "# push $i" >>"$repo/.budgets/$budget_file"
  git -C "$repo" commit -q --no-verify -a -m "push $i"
done
start=$(now_ms)
git -C "$repo" push -q --no-verify origin main 2>/dev/null
plain_push=$(($(now_ms) - start))
git -C "$repo" push -q --no-verify origin "+main~$commits:main" 2>/dev/null
"$bursar" hooks install --server -C "$server" >/dev/null
start=$(now_ms)
status=0
git -C "$repo" push -q --no-verify origin main 2>"$work/push.err" || status=$?
hooked_push=$(($(now_ms) - start))

cat <<TABLE
## Hooks ($count budgets, $(basename "$(dirname "$bursar")") build, mean of $runs commits)
| measure | without hooks | with hooks | added |
|---|---|---|---|
| git commit, no .budgets/ change | ${plain_other} ms | ${hooked_other} ms | $((hooked_other - plain_other)) ms |
| git commit, one budget file edited | ${plain_budget} ms | ${hooked_budget} ms | $((hooked_budget - plain_budget)) ms |
| the same, once, with no validation cache | ${plain_budget} ms | ${cold_budget} ms | $((cold_budget - plain_budget)) ms |
| git push of $commits commits (pre-receive) | ${plain_push} ms | ${hooked_push} ms | $((hooked_push - plain_push)) ms |
TABLE
if [ "$status" -ne 0 ]; then
  echo "note: the hooked push was refused:"
  sed 's/^/  /' "$work/push.err" | tail -n 3
fi
