#!/usr/bin/env bash
# Runs two bursar binaries on the same repositories and reports any byte of difference in what
# they print (standard output, standard error and exit status) for every command and format:
# the JSON outputs of docs/json.md (validate, digest, diff, log, blame, show, exceptions, gate,
# audit, check) and the text, CSV, markdown, SARIF, GitHub and JUnit forms.
#
# usage: scripts/compare-outputs.sh [--repos demo,history] OLD-BINARY NEW-BINARY
#   demo     the repository scripts/demo.sh builds (needs ssh-keygen)
#   history  a benchmark-shaped history from bench/generate_history.py (needs python3);
#            COMMITS, BUDGETS and CHANGES set its size (default 400, 30, 80: a few seconds)
# VERBOSE=1 also lists each identical output with its exit status and size.
# Exit 0 when every output is identical, 1 when any differs, 2 on bad usage.
#
# The old binary is usually the build of an earlier commit, made in its own worktree:
#   git worktree add .build-baseline/src main
#   (cd .build-baseline/src && swift build)
#   scripts/compare-outputs.sh .build-baseline/src/.build/debug/bursar .build/debug/bursar
#   git worktree remove .build-baseline/src
set -euo pipefail

repos="demo,history"
if [ "${1:-}" = "--repos" ]; then
  repos="${2:?--repos takes a list: demo, history or demo,history}"
  shift 2
fi
if [ $# -ne 2 ]; then
  echo "usage: scripts/compare-outputs.sh [--repos demo,history] OLD-BINARY NEW-BINARY" >&2
  exit 2
fi
for binary in "$1" "$2"; do
  if [ ! -x "$binary" ]; then
    echo "compare-outputs: $binary is not an executable bursar" >&2
    exit 2
  fi
done
old="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
new="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A clean git environment, so the machine's configuration and any enclosing hook do not count.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p')
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1 LC_ALL=C TZ=UTC

compared=0
differing=0

stream_name() { case $1 in out) echo "standard output" ;; err) echo "standard error" ;; *) echo "exit status" ;; esac; }

# compare NAME DIRECTORY ARGUMENTS...: runs both binaries in DIRECTORY and reports a difference.
compare() {
  local name=$1 directory=$2
  shift 2
  local side binary status
  for side in old new; do
    if [ "$side" = old ]; then binary=$old; else binary=$new; fi
    status=0
    (cd "$directory" && "$binary" "$@" >"$work/$side.out" 2>"$work/$side.err") || status=$?
    echo "$status" >"$work/$side.status"
  done
  compared=$((compared + 1))
  local stream
  for stream in out err status; do
    if ! cmp -s "$work/old.$stream" "$work/new.$stream"; then
      differing=$((differing + 1))
      echo "DIFFERS [$name] bursar $* ($(stream_name "$stream")):"
      { diff "$work/old.$stream" "$work/new.$stream" || true; } | head -20 | sed 's/^/    /' || true
      return 0
    fi
  done
  if [ -n "${VERBOSE:-}" ]; then
    echo "same [$name] exit $(cat "$work/new.status"), $(wc -c <"$work/new.out") bytes: bursar $*"
  fi
}

# each NAME DIRECTORY FORMATS -- ARGUMENTS...: compare once per `--format F`.
each() {
  local name=$1 directory=$2 formats=$3
  shift 4
  local format
  for format in $formats; do compare "$name" "$directory" "$@" --format "$format"; done
}

demo_repository() {
  local log="$work/demo.log"
  TMPDIR="$work" "$here/scripts/demo.sh" "$old" >"$log" 2>&1 || {
    echo "compare-outputs: scripts/demo.sh failed:" >&2
    tail -20 "$log" >&2
    exit 2
  }
  local repo
  repo=$(sed -n 's/^The demo repository is //p' "$log")
  local r=$repo
  # The demo leaves the loosening branch checked out, approved, on top of main.
  each demo "$r" "text json github sarif" -- validate
  each demo "$r" "text json" -- validate --rev main
  each demo "$r" "text json" -- digest models/fraud-detector.yaml owners.yaml
  each demo "$r" "text json markdown" -- diff main HEAD
  each demo "$r" "text json markdown" -- diff HEAD~1
  each demo "$r" "table json jsonl csv markdown" -- log
  each demo "$r" "table json csv" -- log main..HEAD --kind loosen
  each demo "$r" "text json" -- blame fraud-detector latency_p95
  each demo "$r" "text json" -- show --at HEAD
  each demo "$r" "text json" -- show fraud-detector --at main --env staging
  each demo "$r" "text json" -- exceptions --at HEAD
  each demo "$r" "text json" -- exceptions --at 2026-12-20 --expired
  each demo "$r" "text json markdown github" -- gate --base main
  each demo "$r" "text json markdown github" -- gate --base main --head main~1
  each demo "$r" "text json csv markdown" -- audit --at 2026-11-25
  each demo "$r" "text json markdown junit" -- check --measurements measurements.yaml
  each demo "$r" "text json markdown junit" -- check --measurements measurements.yaml --at 2026-12-09 --env staging
  compare demo "$r" validate --rev does-not-exist
  compare demo "$r" frobnicate
}

history_repository() {
  local repo="$work/history.git"
  git init -q --bare --initial-branch=main "$repo"
  python3 "$here/bench/generate_history.py" "${COMMITS:-400}" "${BUDGETS:-30}" "${CHANGES:-80}" |
    git --git-dir="$repo" fast-import --quiet --done
  local r=$repo
  local mid=$(("${COMMITS:-400}" / 2))
  # A bare repository, found as the benchmarks find it.
  export GIT_DIR="$repo"
  each history "$r" "text json" -- validate --rev HEAD
  each history "$r" "table json jsonl csv markdown" -- log
  each history "$r" "table json" -- log "HEAD~$mid..HEAD" --budget model-0003
  each history "$r" "text json" -- blame model-0005 latency_p95
  each history "$r" "text json markdown" -- diff "HEAD~$mid" HEAD
  each history "$r" "text json" -- show --at "HEAD~$mid"
  each history "$r" "text json" -- exceptions --at 2026-11-25
  each history "$r" "text json markdown github" -- gate --base "HEAD~$mid" --head HEAD
  each history "$r" "text json csv markdown" -- audit --at 2026-11-25
  unset GIT_DIR
}

IFS=, read -r -a chosen <<<"$repos"
for repository in "${chosen[@]}"; do
  case "$repository" in
  demo) demo_repository ;;
  history) history_repository ;;
  *)
    echo "compare-outputs: unknown repository '$repository' (demo or history)" >&2
    exit 2
    ;;
  esac
done

if [ "$differing" -gt 0 ]; then
  echo "compare-outputs: $differing of $compared outputs differ"
  exit 1
fi
echo "compare-outputs: all $compared outputs identical"
