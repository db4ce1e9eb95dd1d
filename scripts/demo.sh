#!/usr/bin/env bash
# The demo: a fresh repository with budgets, validated, a mistake caught, figures checked, then a
# team's review: bob loosens a cap on a review branch, alice approves it in her own clone,
# commits her record, merges, and a server that guards main records the push for the audit.
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
# alice and bob of sre sign approvals with keys of their own, listed in the owners file.
for person in alice bob; do
  ssh-keygen -q -t ed25519 -N '' -C "$person@example.com" -f "$demo/$person-key"
  pub="$(cat "$demo/$person-key.pub")"
  sed -i "s|keys: \[\"ssh-ed25519 [^\"]* $person@example.com\"\]|keys: [\"$pub\"]|" .budgets/owners.yaml
done
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
run "$bursar" check --measurements measurements.yaml --at 2026-12-01
step "After the exception expires it covers nothing (as a pull-request comment)"
run "$bursar" check --measurements measurements.yaml --at 2026-12-09 --format markdown

step "A Locust run read as Locust writes it, through the reviewed mapping in .budgets/imports/"
cp "$here/examples/locust/run_stats.csv" run_stats.csv
run cat .budgets/imports/locust.yaml
run head -3 run_stats.csv
step "bursar check --from locust: p95 of POST /score breaches 100ms; figures no mapping names are listed"
run "$bursar" check --from locust -m run_stats.csv --at 2026-12-09 --allow-missing

step "A team: alice and bob of sre, each in a clone of their own; a server guards main"
git init -q --bare -b main "$demo/server.git"
git -C "$demo/server.git" config bursar.path "$bursar"
(cd "$demo/server.git" && run "$bursar" hooks install --server)
git remote add origin "$demo/server.git"
git push -q origin main

# Each person works in a clone of their own, committing as themselves.
as() {
  person=$1
  shift
  GIT_AUTHOR_NAME=$person GIT_AUTHOR_EMAIL=$person@example.com \
    GIT_COMMITTER_NAME=$person GIT_COMMITTER_EMAIL=$person@example.com "$@"
}
export BURSAR="$bursar"
for person in alice bob; do
  git clone -q "$demo/server.git" "$demo/$person"
  (cd "$demo/$person" && "$bursar" hooks install >/dev/null)
done

step "bob loosens a cap on a review branch: the commit hook asks why (Budget-Rationale:)"
cd "$demo/bob"
git checkout -q -b loosen-latency
sed -i 's/max: 100ms }/max: 120ms }/' .budgets/models/fraud-detector.yaml
run as bob git commit -q -am "Loosen fraud-detector latency for peak season"
run as bob git commit -q -am "Loosen fraud-detector latency for peak season" \
  -m "Budget-Rationale: peak-season traffic until two replicas arrive on 2026-12-05 (OPS-1234)"
step "bob pushes the branch for review: accepted, with the sign-offs it still needs"
run git push -q origin loosen-latency
step "Straight to main, the same change is refused by the server"
run git push -q --no-verify origin loosen-latency:main

step "alice reviews in her clone: approve finds the base where the branch leaves main"
cd "$demo/alice"
git fetch -q origin
git checkout -q loosen-latency
run "$bursar" diff origin/main...HEAD
run "$bursar" approve --as alice --key "$demo/alice-key" --note "Reviewed load test LT-88"
step "alice commits her own record and pushes it: her approval still counts"
as alice git add .budgets/approvals
as alice git commit -q -m "alice approves the latency loosening"
run git push -q origin loosen-latency
run "$bursar" gate --base origin/main --format markdown

step "alice merges the branch (a merge commit) and pushes main: the server accepts and records it"
git checkout -q main
as alice git merge -q --no-ff --no-edit loosen-latency
run git push -q origin main

step "Later, anyone audits main: each change had the sign-offs its base required"
git fetch -q origin 'refs/notes/bursar/*:refs/notes/bursar/*'
run "$bursar" audit main
run "$bursar" blame fraud-detector latency_p95

# --- Recorded runs: history, a regression and a suggestion (bursar history, check
# --against-history, suggest). Keep this block together.
step "CI records a run of measurements on each of six commits of main (bursar record)"
cd "$demo/alice"
for run in 1 2 3 4 5 6; do
  as alice git commit -q --allow-empty -m "Model change $run"
  cat >"$demo/run.yaml" <<YAML
version: 1
kind: Measurements
environment: production
values:
  fraud-detector: { latency_p95: 7${run}ms, memory: 9${run}0MiB, precision: 0.97 }
YAML
  SOURCE_DATE_EPOCH=$((1764000000 + run * 3600)) \
    as alice "$bursar" record -m "$demo/run.yaml" --as "CI <ci@example.com>" >/dev/null
done
run "$bursar" history fraud-detector memory
step "A figure within its budget but far from its history: a regression warning (exit 0)"
cat >"$demo/now.yaml" <<YAML
version: 1
kind: Measurements
environment: production
values:
  fraud-detector: { latency_p95: 74ms, memory: 1400MiB, precision: 0.97 }
YAML
run "$bursar" check -m "$demo/now.yaml" --against-history --allow-missing
step "The runs beat the caps by far: bursar suggest proposes tighter values, --write edits only them"
run "$bursar" suggest fraud-detector
run "$bursar" suggest fraud-detector --write
run git diff --stat
git checkout -q -- .budgets
step "A floor relative to a recorded commit: the baseline is the median of the runs recorded there"
pinned=$(git rev-parse HEAD)
sed -i.bak "s/precision: *{ dimension: quality, *min: 0.95 }/precision: { dimension: quality, baseline: {commit: $pinned}, max_drop: 2% }/" \
  .budgets/models/fraud-detector.yaml && rm -f .budgets/models/fraud-detector.yaml.bak
run "$bursar" check -m "$demo/now.yaml" --allow-missing
run "$bursar" diff
git checkout -q -- .budgets
# --- end of the recorded-runs block.
# ---- Budget shapes for ML error budgets (a repository of its own) -------------------------
# A baseline-relative floor, a rolling gauge, a group gap, a drift test, parts, a billing
# period and weighted dimensions, checked in one run.
step "Budget shapes: a model budgeted relative to a baseline, per group, for drift, by parts and by month"
mkdir "$demo/shapes" && cd "$demo/shapes" && git init -q -b main
mkdir -p .budgets/models
cat > .budgets/owners.yaml <<'YAML'
version: 1
kind: Owners
teams:
  sre: { members: [{ name: alice }] }
  ml-eng: { members: [{ name: carol }] }
  data-eng: { members: [{ name: dan }] }
  product: { members: [{ name: erin }] }
  legal: { members: [{ name: frank }] }
dimensions:
  latency:  { owners: [sre], weight: 0.25 }
  quality:  { owners: [ml-eng], weight: 0.35 }
  data:     { owners: [data-eng], weight: 0.15 }
  fairness: { owners: [ml-eng, product, legal], require: all, weight: 0.15 }
  cost:     { owners: [sre, product], require: all, weight: 0.1 }
governance: { owners: [sre, ml-eng], require: all }
YAML
cat > .budgets/models/fraud-detector.yaml <<'YAML'
version: 1
kind: Budget
name: fraud-detector
owner: ml-eng
metrics:
  precision:        { dimension: quality,  baseline: 0.96, max_drop: 2% }
  accuracy_7d:      { dimension: quality,  baseline: 0.95, max_drop: 8%, window: 7d }
  fpr_gap:          { dimension: fairness, across: merchant_type, max_difference: 3% }
  amount_drift:     { dimension: data,     drift: ks, p_value: 0.05, min_samples: 20 }
  latency_p95:      { dimension: latency,  max: 120ms, parts: [feature_extraction_ms, inference_ms, postprocess_ms] }
  feature_extraction_ms: { dimension: latency, max: 20ms }
  inference_ms:     { dimension: latency,  max: 80ms }
  postprocess_ms:   { dimension: latency,  max: 10ms }
  inference_spend:  { dimension: cost,     max: 12000 USD, period: month }
YAML
git add .budgets && git commit -q -m "Budget the fraud detector's shapes"
run "$bursar" validate
cat > measurements.yaml <<'YAML'
version: 1
kind: Measurements
at: 2026-11-25T12:00:00Z
values:
  fraud-detector:
    precision: 0.945
    accuracy_7d:
      times: [2026-11-19T00:00:00Z, 2026-11-21T00:00:00Z, 2026-11-23T00:00:00Z, 2026-11-25T00:00:00Z]
      values: [0.93, 0.92, 0.90, 0.91]
    fpr_gap:
      groups: { card_present: 1.4%, online: 1.9%, marketplace: 4.6% }
    amount_drift:
      reference: [12, 15, 18, 22, 25, 27, 30, 33, 36, 40, 44, 47, 51, 55, 60, 66, 71, 78, 85, 93, 99, 120]
      current:   [41, 46, 50, 55, 58, 61, 64, 68, 72, 77, 81, 85, 90, 95, 101, 108, 115, 122, 131, 140, 152, 175]
    latency_p95: 104ms
    feature_extraction_ms: 17ms
    inference_ms: 71ms
    postprocess_ms: 6ms
    inference_spend: 10400 USD
YAML
step "bursar check: the floor is 2% below the baseline, the gap names its worst pair, KS finds drift, parts show their share, the month is projected"
run "$bursar" check --measurements measurements.yaml
step "A part's cap that no longer fits the whole is refused"
sed -i 's/inference_ms:     { dimension: latency,  max: 80ms }/inference_ms:     { dimension: latency,  max: 95ms }/' .budgets/models/fraud-detector.yaml
run "$bursar" validate
git checkout -q .budgets
step "Raising the baseline tightens the floor; diff says so"
sed -i 's/baseline: 0.96, max_drop: 2%/baseline: 0.97, max_drop: 2%/' .budgets/models/fraud-detector.yaml
run "$bursar" diff
git checkout -q .budgets
cd "$demo"
# ---- end of the budget shapes ------------------------------------------------------------

printf '\nThe demo is in %s (server.git, and the clones alice and bob)\n' "$demo"
