#!/usr/bin/env bash
# Runs every benchmark in bench/ (each *.sh but this one), in name order, and fails if any does.
set -uo pipefail
cd "$(dirname "$0")"
status=0
for script in *.sh; do
  [ "$script" = run.sh ] && continue
  printf '\n\033[1m### bench/%s\033[0m\n' "$script"
  bash "./$script" || { echo "bench/$script failed" >&2; status=1; }
done
exit "$status"
