#!/usr/bin/env bash
# Benchmark of the statistics behind the budget shapes, each against its reference library on
# the same data in the same run:
#   - the two-sample Kolmogorov–Smirnov test on two samples of 1,000,000 values each, against
#     scipy's ks_2samp (method auto, which is asymptotic at this size);
#   - the four group gaps over 1,000 groups, against Fairlearn's MetricFrame on the same counts;
#   - the rolling 7-day mean over a year of 5-minute points (105,120), at every point (sliding)
#     and at one instant, against pandas' rolling('7D').mean().
# The Swift side is a throwaway SwiftPM package in a temporary folder that depends on this
# package's Measurements library by path, built in release mode (its build folder is kept in
# .build/bench-shapes, so later runs are incremental). Prints best-of-RUNS wall times and the
# ratio peer / bursar.
#   bench/shapes.sh          RUNS=5 SAMPLES=1000000 bench/shapes.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
samples="${SAMPLES:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-shapes-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 -c "import numpy, scipy, pandas, fairlearn" 2>/dev/null || {
  echo "numpy, scipy, pandas and fairlearn are needed: make test-deps installs them" >&2
  exit 1
}

# The data: two normal samples (the second shifted by 0.002), 1,000 groups of counts, a year of
# 5-minute points; float64 little-endian files both sides read.
python3 - "$work" "$samples" <<'PY'
import sys, numpy as np
out, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(20261201)
rng.standard_normal(n).astype("<f8").tofile(f"{out}/a.bin")
(rng.standard_normal(n) + 0.002).astype("<f8").tofile(f"{out}/b.bin")
totals = rng.integers(50, 500, 1000)
rng.binomial(totals, rng.uniform(0.6, 0.95, 1000)).astype("<f8").tofile(f"{out}/correct.bin")
totals.astype("<f8").tofile(f"{out}/totals.bin")
times = 1_767_225_600 + 300 * np.arange(105_120)
times.astype("<f8").tofile(f"{out}/times.bin")
(100 + 10 * rng.standard_normal(105_120)).astype("<f8").tofile(f"{out}/values.bin")
PY

mkdir -p "$work/pkg/Sources/shapes-bench"
cat >"$work/pkg/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
  name: "shapes-bench",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "bursar", path: "$here")],
  targets: [
    .executableTarget(
      name: "shapes-bench", dependencies: [.product(name: "Measurements", package: "bursar")])
  ]
)
SWIFT
cat >"$work/pkg/Sources/shapes-bench/main.swift" <<'SWIFT'
import Foundation
import Measurements

let folder = CommandLine.arguments[1]
let runs = Int(CommandLine.arguments[2]) ?? 5
func doubles(_ name: String) -> [Double] {
  let data = FileManager.default.contents(atPath: "\(folder)/\(name)") ?? Data()
  return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
}
func best<T>(_ body: () throws -> T) rethrows -> (Double, T) {
  var fastest = Double.infinity
  var last: T? = nil
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    last = try body()
    fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  return (fastest, last!)
}
let a = doubles("a.bin")
let b = doubles("b.bin")
let (ksMs, ks) = try best { try KolmogorovSmirnovTest()(a, b) }
if let result = ks.result {
  print("ks \(ksMs) \(result.statistic) \(result.pValue)")
}
let correct = doubles("correct.bin")
let totals = doubles("totals.bin")
let (gapsMs, gaps) = best { () -> [Double] in
  let gaps = GroupGaps.rates(correct.indices.map { ("g\($0)", correct[$0], totals[$0]) })
  return [
    gaps.gap(.difference, .betweenGroups), gaps.gap(.difference, .toOverall),
    gaps.gap(.ratio, .betweenGroups), gaps.gap(.ratio, .toOverall),
  ].map { $0.gap?.value ?? .nan }
}
print("gaps \(gapsMs) " + gaps.map { "\($0)" }.joined(separator: " "))
let series = TimeSeries(times: doubles("times.bin"), values: doubles("values.bin"))
let window = RollingWindow(length: 7 * 86_400)!
let (slidingMs, sliding) = best { window.values(of: series, at: series.times) }
print("rolling \(slidingMs) \(sliding.last?.value ?? .nan)")
let (oneMs, one) = best { window.value(of: series, at: series.times.last!) }
print("rolling-one \(oneMs) \(one.value ?? .nan)")
SWIFT

echo "Building the benchmark (release) against $here ..."
swift build -c release --package-path "$work/pkg" --scratch-path "$here/.build/bench-shapes" \
  2>&1 | tail -3
bin="$(swift build -c release --package-path "$work/pkg" --scratch-path "$here/.build/bench-shapes" --show-bin-path)/shapes-bench"
"$bin" "$work" "$runs" >"$work/swift.txt"

python3 - "$work" "$runs" <<'PY' >"$work/python.txt"
import sys, time, warnings
import numpy as np, pandas as pd
from scipy import stats
from fairlearn.metrics import MetricFrame
warnings.simplefilter("ignore")
out, runs = sys.argv[1], int(sys.argv[2])
def best(f):
    fastest, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter(); value = f()
        fastest = min(fastest, (time.perf_counter() - start) * 1000)
    return fastest, value
a, b = np.fromfile(f"{out}/a.bin"), np.fromfile(f"{out}/b.bin")
ms, r = best(lambda: stats.ks_2samp(a, b))
print("ks", ms, repr(float(r.statistic)), repr(float(r.pvalue)))
correct, totals = np.fromfile(f"{out}/correct.bin"), np.fromfile(f"{out}/totals.bin")
# Rows rebuilt from the counts: per group, `correct` right answers of `totals`.
groups = np.repeat(np.arange(1000), totals.astype(int))
truth = np.ones(len(groups), dtype=int)
pred = np.concatenate([np.r_[np.ones(int(c)), np.zeros(int(t - c))] for c, t in zip(correct, totals)])
def gaps():
    mf = MetricFrame(metrics=lambda t, p: float(np.mean(t == p)), y_true=truth, y_pred=pred, sensitive_features=groups)
    return [mf.difference(method="between_groups"), mf.difference(method="to_overall"),
            mf.ratio(method="between_groups"), mf.ratio(method="to_overall")]
ms, g = best(gaps)
print("gaps", ms, " ".join(repr(float(x)) for x in g))
s = pd.Series(np.fromfile(f"{out}/values.bin"), index=pd.to_datetime(np.fromfile(f"{out}/times.bin").astype("int64"), unit="s"))
ms, m = best(lambda: s.rolling("7D").mean())
print("rolling", ms, repr(float(m.iloc[-1])))
PY

awk '
  FNR == NR { swift[$1] = $0; next }
  { peer[$1] = $0 }
  END {
    split(swift["ks"], s); split(peer["ks"], p)
    printf "KS test, 2 × %s values:   bursar %8.1f ms   scipy ks_2samp %8.1f ms   ratio %.2f×\n", "'"$samples"'", s[2], p[2], p[2] / s[2]
    printf "  D bursar %s scipy %s; p bursar %s scipy %s\n", s[3], p[3], s[4], p[4]
    split(swift["gaps"], s); split(peer["gaps"], p)
    printf "Group gaps, 1,000 groups:  bursar %8.3f ms   Fairlearn MetricFrame %8.1f ms   ratio %.0f×\n", s[2], p[2], p[2] / s[2]
    printf "  bursar %s %s %s %s\n  Fairlearn %s %s %s %s\n", s[3], s[4], s[5], s[6], p[3], p[4], p[5], p[6]
    split(swift["rolling"], s); split(peer["rolling"], p); split(swift["rolling-one"], o)
    printf "Rolling 7-day mean, 105,120 points, at every point: bursar %6.2f ms   pandas %6.2f ms   ratio %.2f×\n", s[2], p[2], p[2] / s[2]
    printf "  at the last point: bursar %s pandas %s; at one instant alone: %.3f ms\n", s[3], p[3], o[2]
  }' "$work/swift.txt" "$work/python.txt"
