#!/usr/bin/env bash
# Runs every output format of the read-only commands with two builds of bursar on the demo's
# repository and says which outputs differ, byte for byte (exit 1 when any does). Use it to
# check that a refactoring keeps the outputs: scripts/compare-outputs.sh OLD-BURSAR NEW-BURSAR
set -euo pipefail
old="${1:?usage: compare-outputs.sh OLD-BURSAR NEW-BURSAR}"
new="${2:?usage: compare-outputs.sh OLD-BURSAR NEW-BURSAR}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The demo leaves its repository in a fresh folder under TMPDIR; it is the only one there.
TMPDIR="$work" "$here/scripts/demo.sh" "$new" > "$work/demo.txt" 2>&1
cd "$work"/bursar-demo.*

differ=0
compare() {
  { "$old" "$@" || echo "exit $?"; } > "$work/old.txt" 2>&1
  { "$new" "$@" || echo "exit $?"; } > "$work/new.txt" 2>&1
  if cmp -s "$work/old.txt" "$work/new.txt"; then
    echo "same    bursar $*"
  else
    echo "DIFFERS bursar $*"
    diff "$work/old.txt" "$work/new.txt" | head -20 || true
    differ=1
  fi
}

first=$(git rev-list --max-parents=0 HEAD)
for format in text json markdown; do compare diff "$first" HEAD --format "$format"; done
for format in table json jsonl csv markdown; do compare log --format "$format"; done
for format in text json csv markdown; do compare audit --format "$format"; done
for format in text json markdown github; do
  compare gate --base "$first" --format "$format"
  compare gate --base HEAD~1 --format "$format"
done
for format in text json; do
  compare blame fraud-detector latency_p95 --format "$format"
  compare show --format "$format"
  compare exceptions --format "$format"
  compare digest models/fraud-detector.yaml --format "$format"
done
for format in text json github sarif; do compare validate --rev HEAD --format "$format"; done
for format in text json markdown junit; do
  compare check --measurements measurements.yaml --format "$format"
  compare check --measurements measurements.yaml --at 2026-12-09 --format "$format"
done
exit "$differ"
