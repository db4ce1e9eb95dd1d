#!/usr/bin/env bash
# Benchmarks `bursar validate` against its budgets, on generated repositories:
#   - the work tree and `--rev HEAD` of a repository with 10,000 budgets (wall time, peak RSS);
#   - check-jsonschema on the same files against schemas/ (one call per schema), for scale;
#   - `--staged` with one staged change in a repository with 1,000 budgets (mean of many runs).
# Writes bench/out/validate.md and bench/out/validate.json, and prints the table.
#
# Environment: BENCH_COUNT (10000), BENCH_STAGED_COUNT (1000), BENCH_RUNS (10),
# BENCH_SKIP_PEER=1 to skip check-jsonschema (about a minute).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
count="${BENCH_COUNT:-10000}"
staged_count="${BENCH_STAGED_COUNT:-1000}"
runs="${BENCH_RUNS:-10}"
mkdir -p "$out"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example.com"
export GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example.com" NO_COLOR=1

say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

# hyperfine times commands over repeated runs; Debian ships it.
if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  say "Installing hyperfine"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; } || true
fi

say "Building bursar (release)"
cd "$here"
swift build -c release --static-swift-stdlib >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/bursar"

work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Prints "mean stddev min" in seconds of a command run $2 times after warm-up runs.
wall() {
  local label="$1" times="$2"
  shift 2
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --style none --warmup 2 --runs "$times" --export-json "$out/$label.json" -- "$*" >&2
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"] or 0, r["min"])' "$out/$label.json"
  else
    python3 - "$times" "$@" <<'EOF'
import statistics, subprocess, sys, time
times, command = int(sys.argv[1]), sys.argv[2:]
for _ in range(2):
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
samples = []
for _ in range(times):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples.append(time.perf_counter() - start)
print(statistics.mean(samples), statistics.stdev(samples) if len(samples) > 1 else 0, min(samples))
EOF
  fi
}

# Prints the peak resident set size in MiB of a command (the largest of three runs) and the CPU
# seconds (user and system) one run takes on average, which another load on the machine changes
# less than it changes wall time.
usage() {
  python3 - "$@" <<'EOF'
import resource, subprocess, sys
for _ in range(3):
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
# ru_maxrss is the largest resident set of any child waited for, in KiB on Linux.
print(usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) / 3)
EOF
}

say "Generating a repository with $count budgets"
big="$work/big"
git init -q "$big"
python3 "$here/bench/gen_budgets.py" --count "$count" --out "$big"
(cd "$big" && git add -A && git commit -qm "Add $count budgets")
files=$(cd "$big" && find .budgets -name '*.yaml' | wc -l)
(cd "$big" && "$bin" validate >/dev/null) || { echo "the generated tree is not valid" >&2; exit 1; }

say "bursar validate (work tree, $files files)"
read -r tree_mean tree_sd tree_min < <(cd "$big" && wall validate-worktree "$runs" "$bin" validate)
read -r tree_rss tree_cpu < <(cd "$big" && usage "$bin" validate)

say "bursar validate --rev HEAD"
read -r rev_mean rev_sd rev_min < <(cd "$big" && wall validate-rev "$runs" "$bin" validate --rev HEAD)
read -r rev_rss rev_cpu < <(cd "$big" && usage "$bin" validate --rev HEAD)

peer_time=""
if [ "${BENCH_SKIP_PEER:-0}" != 1 ]; then
  say "check-jsonschema on the same files (one call per schema)"
  venv="$out/venv"
  [ -x "$venv/bin/check-jsonschema" ] || {
    python3 -m venv "$venv" && "$venv/bin/pip" install --quiet check-jsonschema >&2
  }
  # One call per schema, each given every file of its kind at once, as a CI job would.
  peer() (
    cd "$big"
    for kind in Owners Budget Exception; do
      mapfile -t paths < <(grep -rl --include='*.yaml' "^kind: $kind\$" .budgets | sort)
      "$venv/bin/check-jsonschema" --schemafile "$here/schemas/${kind,,}.schema.json" "${paths[@]}" >/dev/null ||
        { echo "check-jsonschema refused the $kind files" >&2; exit 1; }
    done
  )
  start=$(date +%s.%N)
  peer
  peer_time=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
fi

say "bursar validate --staged with one staged change ($staged_count budgets)"
small="$work/small"
git init -q "$small"
python3 "$here/bench/gen_budgets.py" --count "$staged_count" --out "$small"
(cd "$small" && git add -A && git commit -qm "Add $staged_count budgets")
# What the hooks learn of HEAD's tree (as `bursar hooks install` does), set aside for the first
# measurement, which reads the whole index.
(cd "$small" && "$bin" hooks run pre-commit && mv .git/bursar/validation-cache "$work/cache")
changed=$(cd "$small" && find .budgets/models -name '*.yaml' | sort | awk 'NR == 1')
(cd "$small" && sed -i 's/^description: .*/description: Changed for the benchmark./' "$changed" && git add "$changed")
read -r staged_mean staged_sd staged_min < <(cd "$small" && wall validate-staged $((runs * 3)) "$bin" validate --staged)
read -r _ staged_cpu < <(cd "$small" && usage "$bin" validate --staged)
mv "$work/cache" "$small/.git/bursar/validation-cache"
read -r cached_mean cached_sd cached_min < <(cd "$small" && wall validate-staged-cached $((runs * 3)) "$bin" validate --staged)
read -r _ cached_cpu < <(cd "$small" && usage "$bin" validate --staged)
load="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$files" "$count" "$staged_count" "$tree_mean" "$tree_sd" "$tree_rss" "$rev_mean" "$rev_sd" \
  "$rev_rss" "$staged_mean" "$staged_sd" "$peer_time" "$tree_cpu" "$rev_cpu" "$staged_cpu" "$load" \
  "$cached_mean" "$cached_sd" "$cached_cpu" <<'EOF'
import json, os, sys
(out, files, count, staged_count, tree, tree_sd, tree_rss, rev, rev_sd, rev_rss, staged, staged_sd,
 peer, tree_cpu, rev_cpu, staged_cpu, load, cached, cached_sd, cached_cpu) = sys.argv[1:]
cached, cached_sd, cached_cpu = float(cached), float(cached_sd), float(cached_cpu)
tree, tree_sd, tree_rss, rev, rev_sd, rev_rss = map(float, (tree, tree_sd, tree_rss, rev, rev_sd, rev_rss))
tree_cpu, rev_cpu, staged_cpu = map(float, (tree_cpu, rev_cpu, staged_cpu))
staged, staged_sd = float(staged), float(staged_sd)
files, count = int(files), int(count)
peer = float(peer) if peer else None
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
verdict = lambda ok: "met" if ok else "**missed**"
rows = [
    ("`validate`, work tree", f"{tree:.3f} s ± {tree_sd:.3f}", f"{tree_cpu:.2f} s", f"{tree_rss:.0f} MiB", "< 1 s, < 150 MB (143 MiB)",
     verdict(tree < 1 and tree_rss < 143)),
    ("`validate --rev HEAD`", f"{rev:.3f} s ± {rev_sd:.3f}", f"{rev_cpu:.2f} s", f"{rev_rss:.0f} MiB", "< 1 s, < 150 MB (143 MiB)",
     verdict(rev < 1 and rev_rss < 143)),
]
if peer is not None:
    rows.append(("check-jsonschema, same files", f"{peer:.1f} s (one run)", "", "", "bursar ≥ 10× faster",
                 verdict(peer / tree >= 10) + f" ({peer / tree:.0f}×)"))
rows.append((f"`validate --staged`, {staged_count} budgets, one change", f"{staged * 1000:.1f} ms ± {staged_sd * 1000:.1f}",
             f"{staged_cpu * 1000:.0f} ms", "", "< 50 ms", verdict(staged < 0.05)))
rows.append((f"the same, with the hooks' cache of HEAD's tree", f"{cached * 1000:.1f} ms ± {cached_sd * 1000:.1f}",
             f"{cached_cpu * 1000:.0f} ms", "", "< 50 ms", verdict(cached < 0.05)))
table = [f"{files} files ({count} budgets, an owners file, {int(files) - count - 1} exceptions); "
         f"{os.cpu_count()} cores, {cpu}; load average {load} at the end. Wall: mean ± standard "
         "deviation; CPU: user + system time per run.", "",
         "| measurement | wall | CPU | peak RSS | target | verdict |", "|---|---|---|---|---|---|"]
table += [f"| {' | '.join(row)} |" for row in rows]
open(os.path.join(out, "validate.md"), "w").write("\n".join(table) + "\n")
json.dump({"files": int(files), "budgets": int(count), "cores": os.cpu_count(), "cpu": cpu,
           "load_average": load, "worktree": {"mean": tree, "stddev": tree_sd, "cpu": tree_cpu, "peak_rss_mib": tree_rss},
           "rev": {"mean": rev, "stddev": rev_sd, "cpu": rev_cpu, "peak_rss_mib": rev_rss},
           "check_jsonschema": peer, "staged": {"budgets": int(staged_count), "mean": staged, "stddev": staged_sd, "cpu": staged_cpu},
           "staged_cached": {"mean": cached, "stddev": cached_sd, "cpu": cached_cpu}},
          open(os.path.join(out, "validate.json"), "w"), indent=2)
print("\n".join(table))
EOF
