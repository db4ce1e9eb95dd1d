#!/usr/bin/env bash
# Dogfood: measures bursar itself on small inputs and checks the figures against the project's
# own .budgets/ with `bursar check`. Run by `make test` after the tests.
#   scripts/self-check.sh [PATH-TO-BURSAR]   (default: the debug binary)
# A binary under a `release` folder is judged in the `production` environment, any other in
# `debug`; SELF_CHECK_ENV overrides. Exit status is bursar check's: 0 within budget, 1 breached.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bursar="${1:-$(cd "$here" && swift build --show-bin-path)/bursar}"
case "$bursar" in
  */release/*) environment="${SELF_CHECK_ENV:-production}" ;;
  *) environment="${SELF_CHECK_ENV:-debug}" ;;
esac
work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-self-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=self-check GIT_AUTHOR_EMAIL=self-check@example.com
export GIT_COMMITTER_NAME=self-check GIT_COMMITTER_EMAIL=self-check@example.com

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Milliseconds one run of bursar takes; output is discarded, any exit but 2 is fine.
timed() {
  local start status=0
  start=$(now_ms)
  "$bursar" "$@" >/dev/null 2>"$work/stderr" || status=$?
  if [ "$status" -ge 2 ]; then
    echo "self-check: bursar $* failed (exit $status):" >&2
    cat "$work/stderr" >&2
    exit 2
  fi
  echo $(( $(now_ms) - start ))
}

# A repository of 10,000 small budget files, all of them staged and committed.
tree="$work/tree"
mkdir -p "$tree"
awk -v out="$tree" -v budgets=10000 -v samples=10000 -f "$here/bench/check-fixture.awk"
git -C "$tree" init -q -b main
git -C "$tree" add .budgets
git -C "$tree" commit -q -m "10,000 budgets"

validate_10k=$(timed validate -C "$tree")
validate_staged=$(timed validate -C "$tree" --staged)
# Raw samples: ten runs of validate on the project's own small tree.
samples=()
for _ in 1 2 3 4 5 6 7 8 9 10; do samples+=("$(timed validate -C "$here")"); done
peak_kib=0
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%M" -o "$work/rss" "$bursar" validate -C "$tree" >/dev/null 2>&1 || true
  peak_kib=$(tail -n 1 "$work/rss")
fi
binary_bytes=$(wc -c <"$bursar" | tr -d ' ')

measurements="$work/measurements.yaml"
{
  echo "version: 1"
  echo "kind: Measurements"
  echo "environment: $environment"
  echo "values:"
  echo "  bursar:"
  echo "    validate_10k_files: ${validate_10k}ms"
  echo "    validate_staged: ${validate_staged}ms"
  echo "    validate_small: { unit: ms, samples: [$(IFS=,; echo "${samples[*]}")] }"
  [ "$peak_kib" -gt 0 ] && echo "    peak_memory: ${peak_kib}KiB"
  echo "    binary_size: ${binary_bytes}B"
} >"$measurements"

echo "self-check: $bursar ($environment)"
sed -n '6,$p' "$measurements" | sed 's/^    /  /'
allow=()
[ "$peak_kib" -gt 0 ] || allow=(--allow-missing)
"$bursar" check -C "$here" --measurements "$measurements" ${allow[@]+"${allow[@]}"}
