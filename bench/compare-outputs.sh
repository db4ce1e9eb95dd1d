#!/usr/bin/env bash
# Runs the same commands with two bursar binaries on one repository and says, per command,
# whether standard output, standard error and exit status are the same: how a change meant to
# be faster shows that it prints byte for byte what the previous version printed.
#
# usage: bench/compare-outputs.sh OLD-BURSAR NEW-BURSAR GIT-DIR "ARGS"...
#   e.g. bench/compare-outputs.sh /tmp/bursar-old .build/release/bursar \
#          bench/out/history-runs-100000-1000-2000-10000-100.git \
#          "history model-0005 latency_p95" "history model-0005 --format json"
# Each ARGS is evaluated by the shell after the binary, so it may pipe (to drop a line that
# holds the current time, say). Exits 1 when any command differs.
set -uo pipefail
old=$1 new=$2 repo=$3
shift 3
export GIT_DIR=$repo
unset GIT_INDEX_FILE GIT_WORK_TREE
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for args in "$@"; do
  a=$(eval "$old $args" 2>"$scratch/old.err"; echo "exit $?")
  b=$(eval "$new $args" 2>"$scratch/new.err"; echo "exit $?")
  if [ "$a" == "$b" ] && cmp -s "$scratch/old.err" "$scratch/new.err"; then
    echo "same ($(printf '%s\n' "$a" | wc -l) lines): $args"
  else
    echo "DIFFERENT: $args"
    status=1
    diff <(echo "$a") <(echo "$b") | head -5
    diff "$scratch/old.err" "$scratch/new.err" | head -5
  fi
done
exit $status
