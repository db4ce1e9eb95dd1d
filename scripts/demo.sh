#!/usr/bin/env bash
# The demo: a fresh repository with budgets, validated, a mistake caught, figures checked, then a
# loosening through the hooks and the sign-off gate.
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
git reset -q --hard HEAD
run "$bursar" digest models/fraud-detector.yaml
printf '# a comment changes nothing\n' >> .budgets/models/fraud-detector.yaml
run "$bursar" digest models/fraud-detector.yaml

step "Measured figures against the budgets: raw latency samples, an SLO, summary values"
cat > measurements.yaml <<'YAML'
version: 1
kind: Measurements
environment: production
at: 2026-11-25T10:00:00Z
values:
  fraud-detector:
    latency:                # raw samples: latency_p95 and latency_p99 take their percentiles
      unit: ms
      samples: [41, 44, 47, 52, 55, 58, 61, 63, 66, 70, 72, 75, 79, 83, 88, 94, 99, 104, 110, 150]
    availability: 99.98%    # the SLI over the 30-day window
    memory: 1.5GiB
    cost_per_1k: 0.31 USD
    precision: 0.961
    recall: 0.93
    false_positive_rate: 1.2%
    feature_completeness: 99.8%
    stale_features: 0.4%
    fpr_gap_merchant_type: 2.1%
YAML
run cat measurements.yaml
step "bursar check: p95 breaches 100ms but the peak-season exception covers it; availability breaches"
run "$bursar" check --measurements measurements.yaml
step "After the exception expires it covers nothing (as a pull-request comment)"
run "$bursar" check --measurements measurements.yaml --at 2026-12-09 --format markdown

step "Sign-offs: alice of sre gets a real key in the owners on main"
ssh-keygen -q -t ed25519 -N '' -C alice@example.com -f "$demo/alice-key"
alice_pub="$(cat "$demo/alice-key.pub")"
sed -i "s|keys: \[\"ssh-ed25519 [^\"]* alice@example.com\"\]|keys: [\"$alice_pub\"]|" .budgets/owners.yaml
git add .budgets && git commit -q -m "Give alice a signing key"
git checkout -q -b loosen-latency
step "Hooks: a commit that loosens a budget must say why (Budget-Rationale:)"
export BURSAR="$bursar"
run "$bursar" hooks install
sed -i 's/max: 100ms }/max: 120ms }/' .budgets/models/fraud-detector.yaml
run git commit -q -am "Loosen fraud-detector latency for peak season"
run git commit -q -am "Loosen fraud-detector latency for peak season" \
  -m "Budget-Rationale: peak-season traffic until two replicas arrive on 2026-12-05 (OPS-1234)"
step "bursar gate: the loosening is blocked until the latency owners sign"
run "$bursar" gate --base main
step "alice approves, signing with her key; the record binds the file's meaning digest"
run "$bursar" approve --as alice --key "$demo/alice-key" --note "Reviewed load test LT-88" --base main
git add .budgets && git commit -q -m "alice approves the latency loosening"
run cat .budgets/approvals/*.yaml
step "bursar gate passes now (as a pull-request comment)"
run "$bursar" gate --base main --format markdown

printf '\nThe demo repository is %s\n' "$demo"
