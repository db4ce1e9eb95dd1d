#!/usr/bin/env bash
# Times `dvc params diff` between two revisions of the benchmark repository, on every budget
# file as a params target, for comparison with `bursar diff`. Prints "mean ± stddev s".
# usage: dvc-params-diff.sh BARE_REPO OLD NEW OUT_DIR   (dvc installed in OUT_DIR/venv)
set -euo pipefail
repo=$1 old=$2 new=$3 out=$4
work="$out/dvc-work"
unset GIT_DIR
if [ ! -d "$work/.dvc" ]; then
  rm -rf "$work"
  git clone -q "$repo" "$work"
  (cd "$work" && "$out/venv/bin/dvc" init -q)
fi
cd "$work"
targets=$(git ls-tree -r --name-only HEAD .budgets/models | tr '\n' ' ')
hyperfine --style none --warmup 0 --runs 3 --export-json "$out/dvc-params-diff.json" \
  "$out/venv/bin/dvc params diff $old $new --targets $targets > /dev/null" >/dev/null
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']:.3f} ± {r['stddev']:.3f} s\")" "$out/dvc-params-diff.json"
