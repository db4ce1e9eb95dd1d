#!/usr/bin/env bash
# The demo: a fresh repository with budgets, validated, then a mistake caught.
set -euo pipefail
bursar="${1:?usage: demo.sh PATH-TO-BURSAR}"
here="$(cd "$(dirname "$0")/.." && pwd)"
demo="$(mktemp -d "${TMPDIR:-/tmp}/bursar-demo.XXXXXX")"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME="Ada Demo" GIT_AUTHOR_EMAIL="ada@example.com"
export GIT_COMMITTER_NAME="Ada Demo" GIT_COMMITTER_EMAIL="ada@example.com"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@" || printf '(exit %s)\n' "$?"; }

cd "$demo"
git init -q -b main
step "A repository with the example budgets of three models"
cp -R "$here/examples/.budgets" .budgets
git add .budgets && git commit -q -m "Add budgets for three models"
run find .budgets -type f
step "Validate what is committed (read from git objects, no checkout)"
run "$bursar" validate --rev HEAD

step "Someone loosens a cap with a typo and the wrong unit"
sed -i 's/max: 100ms }/max: 0.13 }/; s/memory:                { dimension: resources, max: 2GiB }/memory:                { dimension: resources, mx: 2GiB }/' .budgets/models/fraud-detector.yaml
run git diff --stat
step "bursar validate catches both, with file, line and column"
run "$bursar" validate
step "The staged tree is what a pre-commit hook checks"
git add .budgets
run "$bursar" validate --staged --format github

step "The meaning-digest an approval binds to ignores comments and formatting"
git checkout -q -- .budgets 2>/dev/null || git reset -q --hard
run "$bursar" digest models/fraud-detector.yaml
printf '# a comment changes nothing\n' >> .budgets/models/fraud-detector.yaml
run "$bursar" digest models/fraud-detector.yaml

printf '\nThe demo repository is %s\n' "$demo"
