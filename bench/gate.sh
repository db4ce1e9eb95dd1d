#!/usr/bin/env bash
# gate on a change of 50 loosened budgets with 50 signed approvals; target under 200 ms.
set -euo pipefail
bursar="${1:?usage: gate.sh PATH-TO-BURSAR [RUNS]}"
runs="${2:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-bench-gate.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
cd "$work"
ssh-keygen -q -t ed25519 -N '' -C alice -f "$work/alice"
git init -q -b main repo && cd repo
mkdir -p .budgets/models
cat > .budgets/owners.yaml <<YAML
version: 1
kind: Owners
teams:
  sre: { members: [{ name: alice, email: alice@example.com, keys: ["$(cat "$work/alice.pub")"] }] }
dimensions:
  latency: { owners: [sre] }
rules: { loosen: owners, signatures: required, self_approval: false }
governance: { owners: [sre] }
YAML
budget() {
  printf 'version: 1\nkind: Budget\nname: model-%s\nowner: sre\nmetrics:\n  latency_p95: { dimension: latency, max: %s }\n' "$1" "$2"
}
for i in $(seq -w 1 50); do budget "$i" 100ms > ".budgets/models/model-$i.yaml"; done
git add -A && git commit -q -m base
git checkout -q -b change
for i in $(seq -w 1 50); do budget "$i" 130ms > ".budgets/models/model-$i.yaml"; done
git commit -qam "Loosen 50 budgets"
for i in $(seq 1 50); do "$bursar" approve --as alice --key "$work/alice" --note "review $i" --base main > /dev/null; done
git add -A && git commit -q -m "50 approvals"
"$bursar" gate --base main > /dev/null
start=$(date +%s%N)
for _ in $(seq 1 "$runs"); do "$bursar" gate --base main > /dev/null; done
end=$(date +%s%N)
echo "gate: 50 budgets, 50 approvals: $(( (end - start) / runs / 1000000 )) ms per run (mean of $runs)"
